/**
 * Validates documents against the Open Referral UK 3.0 JSON Schemas copied into
 * ./schema (see schema/SOURCES.md). The schemas refer to each other by absolute
 * URL, so each file is registered under its URL: nothing is fetched.
 */
import Ajv2020 from "ajv/dist/2020.js";
import type { ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import accessibility from "./schema/accessibility.json";
import address from "./schema/address.json";
import api_details from "./schema/api_details.json";
import attribute from "./schema/attribute.json";
import contact from "./schema/contact.json";
import cost_option from "./schema/cost_option.json";
import empy_list_response from "./schema/empy_list_response.json";
import funding from "./schema/funding.json";
import language from "./schema/language.json";
import location from "./schema/location.json";
import organization from "./schema/organization.json";
import organization_identifier from "./schema/organization_identifier.json";
import organization_list from "./schema/organization_list.json";
import phone from "./schema/phone.json";
import schedule from "./schema/schedule.json";
import service from "./schema/service.json";
import service_area from "./schema/service_area.json";
import service_at_location from "./schema/service_at_location.json";
import service_at_location_list from "./schema/service_at_location_list.json";
import service_list from "./schema/service_list.json";
import taxonomy from "./schema/taxonomy.json";
import taxonomy_list from "./schema/taxonomy_list.json";
import taxonomy_term from "./schema/taxonomy_term.json";
import taxonomy_term_list from "./schema/taxonomy_term_list.json";

export const ORUK_SCHEMA_BASE = "https://openreferraluk.org/specifications/3.0/schema/";

const schemas = {
  accessibility,
  address,
  api_details,
  attribute,
  contact,
  cost_option,
  empy_list_response,
  funding,
  language,
  location,
  organization,
  organization_identifier,
  organization_list,
  phone,
  schedule,
  service,
  service_area,
  service_at_location,
  service_at_location_list,
  service_list,
  taxonomy,
  taxonomy_list,
  taxonomy_term,
  taxonomy_term_list,
};

export type OrukSchemaName = keyof typeof schemas;
export const orukSchemaNames = Object.keys(schemas) as OrukSchemaName[];

export interface OrukValidationError {
  /** JSON Pointer into the document ("" for the whole document), e.g. "/contents/0/status". */
  path: string;
  message: string;
}

let ajv: InstanceType<typeof Ajv2020> | undefined;
const compiled = new Map<OrukSchemaName, ValidateFunction>();

function instance() {
  if (!ajv) {
    // strict: false because the schemas carry documentation keywords JSON Schema does not
    // define ("constraints", "core", "datapackage_type", "tabular_required", …).
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    for (const [name, schema] of Object.entries(schemas)) ajv.addSchema(schema, `${ORUK_SCHEMA_BASE}${name}.json`);
  }
  return ajv;
}

function validatorFor(name: OrukSchemaName): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    validate = instance().getSchema(`${ORUK_SCHEMA_BASE}${name}.json`);
    if (!validate) throw new Error(`No ORUK schema called ${name}`);
    compiled.set(name, validate);
  }
  return validate;
}

function describe(error: ErrorObject): OrukValidationError {
  const params = error.params as Record<string, unknown>;
  let message = error.message ?? "is not valid";
  if (error.keyword === "enum" && Array.isArray(params.allowedValues)) {
    message = `must be one of: ${params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  }
  return { path: error.instancePath, message };
}

/** Every way `data` breaks the named ORUK 3.0 schema; an empty list when it is valid. */
export function validateOruk(name: OrukSchemaName, data: unknown): OrukValidationError[] {
  const validate = validatorFor(name);
  if (validate(data)) return [];
  const seen = new Set<string>();
  const errors: OrukValidationError[] = [];
  for (const error of validate.errors ?? []) {
    const described = describe(error);
    const key = `${described.path}|${described.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push(described);
  }
  return errors;
}
