import { describe, expect, it } from "vitest";
import { parseForm } from "../utils/form-data";
import { AccessSchema } from "./schemas";

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe("an account's access", () => {
  it("lets a group member lead groups they belong to", () => {
    const parsed = parseForm(
      AccessSchema,
      form([
        ["role", "group_member"],
        ["workingGroupIds", "1"],
        ["workingGroupIds", "3"],
        ["leadGroupIds", "3"],
      ]),
    );
    expect(parsed).toMatchObject({ ok: true, data: { workingGroupIds: [1, 3], leadGroupIds: [3] } });
  });

  it("refuses a lead of a group the person is not in, or for a role without groups", () => {
    expect(
      parseForm(
        AccessSchema,
        form([
          ["role", "group_member"],
          ["workingGroupIds", "1"],
          ["leadGroupIds", "2"],
        ]),
      ),
    ).toMatchObject({ ok: false, errors: { leadGroupIds: "errors.leadNotMember" } });
    expect(
      parseForm(
        AccessSchema,
        form([
          ["role", "officer"],
          ["leadGroupIds", "2"],
        ]),
      ),
    ).toMatchObject({ ok: false, errors: { leadGroupIds: "errors.leadNotMember" } });
  });
});
