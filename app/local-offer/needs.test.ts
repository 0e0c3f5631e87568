import { describe, expect, it } from "vitest";
import { DeleteNeedSchema, NeedSchema } from "./needs";

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return Object.fromEntries(data.entries());
};

describe("the need form", () => {
  it("accepts a need and tidies it", () => {
    const result = NeedSchema.safeParse(form({ name: "  Tourette's syndrome ", slug: " Tourettes ", broadArea: "semh", sortOrder: "12" }));
    expect(result.success && result.data).toEqual({ name: "Tourette's syndrome", slug: "tourettes", broadArea: "semh", sortOrder: 12 });
  });

  it("makes the slug from the name when it is left blank, and puts the need at the end when the order is", () => {
    const result = NeedSchema.safeParse(form({ name: "Down's syndrome & other conditions", slug: "", broadArea: "cognition_learning", sortOrder: "" }));
    expect(result.success && result.data).toEqual({ name: "Down's syndrome & other conditions", slug: "down-s-syndrome-and-other-conditions", broadArea: "cognition_learning", sortOrder: null });
  });

  it("explains every mistake at once", () => {
    const result = NeedSchema.safeParse(form({ name: "", slug: "Not A Slug!", broadArea: "elsewhere", sortOrder: "-1" }));
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path[0], i.message]));
    expect(messages).toEqual({ name: "errors.nameRequired", slug: "errors.slugFormat", broadArea: "errors.broadAreaRequired", sortOrder: "errors.orderFormat" });
  });

  it("asks for a slug when the name has no letters or numbers to make one from", () => {
    const result = NeedSchema.safeParse(form({ name: "–––", broadArea: "semh" }));
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ path: ["slug"], message: "errors.slugRequired" });
  });

  it("refuses an order that is too big or not whole", () => {
    for (const sortOrder of ["10000", "1.5", "ten"]) {
      const result = NeedSchema.safeParse(form({ name: "Hearing", broadArea: "sensory_physical", sortOrder }));
      expect(result.success, sortOrder).toBe(false);
    }
  });

  it("refuses a name that is too long", () => {
    const result = NeedSchema.safeParse(form({ name: "x".repeat(101), broadArea: "semh" }));
    expect(result.error!.issues[0]!.message).toBe("errors.nameTooLong");
  });
});

describe("where a deleted need's services go", () => {
  it("is another need's id, or nothing", () => {
    expect(DeleteNeedSchema.parse({ moveTo: "7" })).toEqual({ moveTo: 7 });
    expect(DeleteNeedSchema.parse({ moveTo: "" })).toEqual({ moveTo: null });
    expect(DeleteNeedSchema.parse({ moveTo: "1; drop table need" })).toEqual({ moveTo: null });
    expect(DeleteNeedSchema.parse({})).toEqual({ moveTo: null });
  });
});
