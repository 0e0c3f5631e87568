import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

export interface AreaSummary {
  name: string;
  serviceName: string;
  partnershipName: string;
  contactEmail: string;
}

/** Until an administrator names the area, the portal uses neutral words. */
const unnamed: AreaSummary = {
  name: "",
  serviceName: "SEND Family Portal",
  partnershipName: "SEND Partnership",
  contactEmail: "",
};

export async function getArea(db: Kysely<Database>): Promise<AreaSummary> {
  const row = await db
    .selectFrom("area")
    .select(["name", "service_name", "partnership_name", "contact_email"])
    .orderBy("id")
    .limit(1)
    .executeTakeFirst();
  if (!row) return unnamed;
  return {
    name: row.name,
    serviceName: row.service_name,
    partnershipName: row.partnership_name,
    contactEmail: row.contact_email,
  };
}
