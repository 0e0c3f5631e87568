/**
 * One service as families see it at /local-offer/services/:slug: only a
 * published service that is not hidden, with everything the page shows.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { readServiceParts, serviceFields, type ServiceFields, type ServiceParts } from "./content.server";
import { PUBLIC_STATUS } from "./model";
import { isServiceSlug } from "./service-page";

/** Everything the service page shows: the editable content with names, plus who runs it and when it was checked. */
export interface PublicService extends ServiceFields {
  id: string;
  slug: string;
  /** The last human review ("Checked on"); never updated_at, which any edit moves. */
  lastReviewedAt: Date | null;
  organisation: { name: string; email: string; website: string; phone: string };
  districts: ServiceParts["districts"];
  needs: ServiceParts["needs"];
  categories: ServiceParts["categories"];
  /** Each location's district is its name, for reading. */
  locations: (Omit<ServiceParts["locations"][number], "district" | "districtName"> & { district: string | null })[];
  contacts: ServiceParts["contacts"];
  schedules: ServiceParts["schedules"];
}

/**
 * A published, not hidden service by its slug, or undefined: for an unknown
 * slug, a draft, one awaiting approval, an archived or a hidden service, and
 * for anything that is not shaped like a slug (so odd addresses are a 404).
 */
export async function getPublicService(db: Kysely<Database>, { slug }: { slug: string }): Promise<PublicService | undefined> {
  if (!isServiceSlug(slug)) return undefined;
  const service = await db
    .selectFrom("service")
    .innerJoin("organisation", "organisation.id", "service.organisation_id")
    .selectAll("service")
    .select([
      "organisation.name as organisation_name",
      "organisation.email as organisation_email",
      "organisation.website as organisation_website",
      "organisation.phone as organisation_phone",
    ])
    .where("service.slug", "=", slug)
    .where("service.status", "=", PUBLIC_STATUS)
    .where("service.hidden_at", "is", null)
    .executeTakeFirst();
  if (!service) return undefined;
  const { organisation_name, organisation_email, organisation_website, organisation_phone, ...row } = service;
  const parts = await readServiceParts(db, service.id);
  return {
    ...serviceFields(row),
    id: service.id,
    slug: service.slug,
    lastReviewedAt: service.last_reviewed_at ? new Date(service.last_reviewed_at) : null,
    organisation: { name: organisation_name, email: organisation_email, website: organisation_website, phone: organisation_phone },
    ...parts,
    locations: parts.locations.map(({ district: _, districtName, ...location }) => ({ ...location, district: districtName })),
  };
}
