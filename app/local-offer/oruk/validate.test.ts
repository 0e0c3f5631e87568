import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { orukSchemaNames, validateOruk, type OrukSchemaName } from "./validate";

const examples = join(import.meta.dirname, "schema/examples");
const schemaFor: Record<string, OrukSchemaName> = {
  "organization_full.json": "organization",
  "service_full.json": "service",
  "service_at_location_full.json": "service_at_location",
};
const read = (file: string) => JSON.parse(readFileSync(join(examples, file), "utf8")) as Record<string, unknown>;

describe("the ORUK 3.0 validator", () => {
  it("compiles every schema in the folder", () => {
    expect(orukSchemaNames).toHaveLength(24);
    for (const name of orukSchemaNames) expect(() => validateOruk(name, {})).not.toThrow();
  });

  for (const file of readdirSync(examples)) {
    it(`accepts the specification's own example ${file}`, () => {
      const schema = schemaFor[file] ?? (file.replace(/\.json$/, "") as OrukSchemaName);
      expect(validateOruk(schema, read(file))).toEqual([]);
    });
  }

  it("reports each way a broken service fails, with where it is", () => {
    const broken = read("service_full.json");
    delete broken.name;
    broken.status = "open";
    (broken.service_at_locations as { location: Record<string, unknown> }[])[0]!.location.location_type = "castle";
    expect(validateOruk("service", broken)).toEqual([
      { path: "", message: "must have required property 'name'" },
      { path: "/status", message: 'must be one of: "active", "inactive", "defunct", "temporarily closed"' },
      { path: "/service_at_locations/0/location/location_type", message: 'must be one of: "physical", "postal", "virtual"' },
    ]);
  });

  it("checks formats and nested list items", () => {
    const list = read("service_list.json");
    const first = (list.contents as Record<string, unknown>[])[0]!;
    first.id = "not-a-uuid";
    first.email = "nobody";
    first.minimum_age = "twelve";
    expect(validateOruk("service_list", list).map((e) => e.path)).toEqual(["/contents/0/id", "/contents/0/email", "/contents/0/minimum_age"]);
  });
});
