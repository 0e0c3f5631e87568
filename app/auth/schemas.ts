import { z } from "zod";

/** Shared by the browser (react-hook-form) and the server. Messages are i18n keys in the "auth" namespace. */
export const LoginSchema = z.object({
  email: z
    .string({ required_error: "login.errors.emailRequired" })
    .trim()
    .min(1, "login.errors.emailRequired")
    .max(320, "login.errors.emailFormat")
    .email("login.errors.emailFormat"),
  password: z
    .string({ required_error: "login.errors.passwordRequired" })
    .min(1, "login.errors.passwordRequired")
    .max(200, "login.errors.invalid"),
  redirectTo: z.string().max(2000).optional(),
});
export type LoginInput = z.infer<typeof LoginSchema>;

export const PASSWORD_MIN = 12;

export const SetPasswordSchema = z
  .object({
    newPassword: z
      .string({ required_error: "password.errors.required" })
      .min(1, "password.errors.required")
      .min(PASSWORD_MIN, "password.errors.tooShort")
      .max(200, "password.errors.tooLong"),
    confirmPassword: z.string({ required_error: "password.errors.confirmRequired" }).min(1, "password.errors.confirmRequired"),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "password.errors.mismatch" });
