/**
 * The form for a specific need (autism, hearing impairment, …), checked the same
 * way wherever it is read. Pure. Messages are i18n keys in "needs-admin".
 */
import { z } from "zod";
import type { BroadArea } from "../../db/schema";
import { broadAreas, slugify } from "./model";

export const NEED_NAME_MAX = 100;
export const NEED_SLUG_MAX = 60;
export const NEED_ORDER_MAX = 9999;
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const isBroadArea = (value: string): value is BroadArea => (broadAreas as string[]).includes(value);

export const NeedSchema = z
  .object({
    name: z
      .string({ required_error: "errors.nameRequired", invalid_type_error: "errors.nameRequired" })
      .trim()
      .min(1, "errors.nameRequired")
      .max(NEED_NAME_MAX, "errors.nameTooLong"),
    // Left blank, the slug is made from the name.
    slug: z
      .string({ invalid_type_error: "errors.slugFormat" })
      .trim()
      .toLowerCase()
      .max(NEED_SLUG_MAX, "errors.slugTooLong")
      .refine((v) => v === "" || SLUG_PATTERN.test(v), "errors.slugFormat")
      .optional()
      .transform((v) => v ?? ""),
    broadArea: z
      .string()
      .optional()
      .refine((v): v is BroadArea => typeof v === "string" && isBroadArea(v), "errors.broadAreaRequired"),
    // Left blank, the need goes to the end of the list.
    sortOrder: z
      .string({ invalid_type_error: "errors.orderFormat" })
      .trim()
      .optional()
      .refine((v) => v === undefined || v === "" || (/^\d{1,4}$/.test(v) && Number(v) <= NEED_ORDER_MAX), "errors.orderFormat")
      .transform((v) => (v === undefined || v === "" ? null : Number(v))),
  })
  .transform((need, ctx) => {
    const slug = need.slug || slugify(need.name).slice(0, NEED_SLUG_MAX).replace(/-+$/, "");
    if (!slug) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["slug"], message: "errors.slugRequired" });
      return z.NEVER;
    }
    return { name: need.name, slug, broadArea: need.broadArea as BroadArea, sortOrder: need.sortOrder };
  });
export type NeedInput = z.output<typeof NeedSchema>;

/** Where a deleted need's services go: the id of another need, or nothing when no service uses it. */
export const DeleteNeedSchema = z.object({
  moveTo: z
    .string()
    .optional()
    .transform((v) => (v && /^[1-9]\d{0,9}$/.test(v) ? Number(v) : null)),
});
