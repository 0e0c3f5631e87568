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

const roleValues = ["admin", "officer", "group_member", "pcf_reviewer", "provider"] as const;

/** Checkbox groups post nothing, one value or many. */
const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .pipe(z.array(z.coerce.number().int().positive()));

/** Who can do what: the role, and the groups or organisation it is scoped to. */
const AccessFields = {
  role: z.enum(roleValues, { errorMap: () => ({ message: "errors.roleRequired" }) }),
  workingGroupIds: idList,
  organisationId: z.string().optional(),
};

function checkScope(value: { role: string; workingGroupIds: number[]; organisationId?: string }, ctx: z.RefinementCtx) {
  if (value.role === "group_member" && value.workingGroupIds.length === 0) {
    ctx.addIssue({ code: "custom", path: ["workingGroupIds"], message: "errors.groupRequired" });
  }
  if (value.role === "provider" && !value.organisationId) {
    ctx.addIssue({ code: "custom", path: ["organisationId"], message: "errors.organisationRequired" });
  }
}

export const InviteSchema = z
  .object({
    name: z.string({ required_error: "errors.nameRequired" }).trim().min(1, "errors.nameRequired").max(120, "errors.nameTooLong"),
    email: z
      .string({ required_error: "errors.emailRequired" })
      .trim()
      .min(1, "errors.emailRequired")
      .max(320, "errors.emailFormat")
      .email("errors.emailFormat"),
    ...AccessFields,
  })
  .superRefine(checkScope);

/** Changing an account's access also says which of its groups it leads (leads approve responses to families). */
export const AccessSchema = z
  .object({ ...AccessFields, leadGroupIds: idList })
  .superRefine(checkScope)
  .superRefine((value, ctx) => {
    if (value.leadGroupIds.some((id) => value.role !== "group_member" || !value.workingGroupIds.includes(id))) {
      ctx.addIssue({ code: "custom", path: ["leadGroupIds"], message: "errors.leadNotMember" });
    }
  });
