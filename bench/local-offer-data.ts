// Bulk fictional services for the local offer benchmark: realistic enough
// words for full-text search to do real work, written with a few large
// inserts rather than one service at a time (10,000 services in seconds).
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { loadReferences, serviceColumns } from "../app/local-offer/content.server";
import { costs, deliveries, emptyServiceContent, phasesForAges, slugify, type ServiceContent } from "../app/local-offer/model";

/** mulberry32: a small seeded PRNG, so every run builds the same directory. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const kinds = [
  ["Drop-in", "A friendly weekly drop-in where families can ask questions and meet others."],
  ["Support Group", "A peer support group run by parents and carers who understand."],
  ["Clinic", "A specialist clinic with assessments, advice and follow-up appointments."],
  ["Youth Club", "An inclusive youth club with games, sport, music and trips."],
  ["Therapy Service", "One-to-one and group therapy sessions at home, school or clinic."],
  ["Advice Line", "Free, confidential advice by phone and email from trained staff."],
  ["Short Breaks", "Short breaks and respite so young people have fun and carers get a rest."],
  ["Holiday Scheme", "Holiday activities with extra staff and a quiet room."],
  ["Parent Workshops", "Practical workshops for parents on sleep, behaviour and routines."],
  ["Outreach Team", "A team that visits families at home and works with schools."],
  ["College Programme", "A supported programme for 16 to 25 year olds: skills, travel training and work experience."],
  ["Swim Sessions", "Calm, small-group swimming with changing places facilities."],
] as const;

const topics: Record<string, string> = {
  autism: "autism and social communication",
  "speech-language-communication": "speech, language and communication, including speech therapy",
  "learning-disability": "learning disabilities",
  "specific-learning-difficulty": "dyslexia and dyspraxia",
  adhd: "ADHD, attention and concentration",
  "mental-health": "anxiety, low mood and emotional wellbeing",
  "social-emotional": "friendships, confidence and behaviour",
  hearing: "deaf children and hearing loss",
  vision: "blind and partially sighted children",
  "multi-sensory": "multi-sensory impairment",
  "physical-disability": "wheelchair users and physical disabilities",
  "medical-needs": "complex medical needs and long-term conditions",
};

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function some<T>(random: () => number, items: readonly T[], max: number): T[] {
  const count = 1 + Math.floor(random() * max);
  return [...new Set(Array.from({ length: count }, () => pick(random, items)))];
}

/** Adds `count` published services (and 200 organisations) to a migrated database whose area is seeded. */
export async function addBenchServices(db: Kysely<Database>, count: number, now: Date): Promise<void> {
  const random = prng(20261123);
  const references = await loadReferences(db);
  const organisations = await db
    .insertInto("organisation")
    .values(Array.from({ length: 200 }, (_, i) => ({ name: `Bench organisation ${i + 1}`, description: "A fictional provider." })))
    .returning("id")
    .execute();
  const needSlugs = references.needs.map((n) => n.slug);
  const categorySlugs = references.categories.map((c) => c.slug);
  const districts = references.districts;

  const batchSize = 500;
  for (let start = 0; start < count; start += batchSize) {
    const batch: { slug: string; organisationId: string; content: ServiceContent; reviewedDaysAgo: number }[] = [];
    for (let i = start; i < Math.min(count, start + batchSize); i++) {
      const [kind, blurb] = pick(random, kinds);
      const district = pick(random, districts);
      const needs = some(random, needSlugs, 3);
      const ageMin = Math.floor(random() * 19);
      const ageMax = Math.min(25, ageMin + 2 + Math.floor(random() * 10));
      const name = `${district.name} ${references.needs.find((n) => n.slug === needs[0])!.name.split(" (")[0]} ${kind}`;
      const content: ServiceContent = {
        ...emptyServiceContent(),
        name,
        summary: `${blurb.split(".")[0]}.`,
        description: `${blurb} For children and young people with ${needs.map((n) => topics[n]).join(", ")}. ${pick(random, kinds)[1]}`,
        whoFor: `Children and young people aged ${ageMin} to ${ageMax} and their families in ${district.name}.`,
        howToAccess: random() < 0.5 ? "Call or email to book a place." : "Ask your GP, health visitor or school SENCO to refer you.",
        referralRequired: random() < 0.4,
        diagnosisRequired: random() < 0.2,
        ehcpRequired: random() < 0.1,
        ageMin,
        ageMax,
        phases: phasesForAges(ageMin, ageMax),
        delivery: some(random, deliveries, 2),
        cost: pick(random, costs),
        costDetail: "",
        wholeArea: random() < 0.05,
        districts: [district.slug],
        needs,
        categories: some(random, categorySlugs, 2),
      };
      batch.push({ slug: `${slugify(name)}-${i}`, organisationId: pick(random, organisations).id, content, reviewedDaysAgo: Math.floor(random() * 400) });
    }
    const rows = await db
      .insertInto("service")
      .values(
        batch.map((b) => {
          const reviewed = new Date(now.getTime() - b.reviewedDaysAgo * 86_400_000);
          return {
            slug: b.slug,
            organisation_id: b.organisationId,
            status: "published" as const,
            ...serviceColumns(b.content, references),
            last_reviewed_at: reviewed,
            review_due_on: new Date(reviewed.getTime() + 182 * 86_400_000).toISOString().slice(0, 10),
            published_at: reviewed,
          };
        }),
      )
      .returning(["id", "slug"])
      .execute();
    const idOf = new Map(rows.map((r) => [r.slug, r.id]));
    const needIds = new Map(references.needs.map((n) => [n.slug, n.id]));
    const categoryIds = new Map(references.categories.map((c) => [c.slug, c.id]));
    const districtIds = new Map(districts.map((d) => [d.slug, d.id]));
    await db
      .insertInto("service_need")
      .values(batch.flatMap((b) => b.content.needs.map((n) => ({ service_id: idOf.get(b.slug)!, need_id: needIds.get(n)! }))))
      .execute();
    await db
      .insertInto("service_category")
      .values(batch.flatMap((b) => b.content.categories.map((c) => ({ service_id: idOf.get(b.slug)!, category_id: categoryIds.get(c)! }))))
      .execute();
    await db
      .insertInto("service_district")
      .values(batch.flatMap((b) => b.content.districts.map((d) => ({ service_id: idOf.get(b.slug)!, district_id: districtIds.get(d)! }))))
      .execute();
  }
}
