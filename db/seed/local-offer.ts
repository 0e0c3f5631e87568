/**
 * The demo local offer: about 225 fictional services across the twelve demo
 * districts, generated deterministically (a seeded PRNG, never Math.random)
 * from the templates in ./local-offer-data.ts, plus the anchor services that
 * tests rely on (see /work/helpers/common.md). All content goes through
 * createService so search_terms and the related ORUK rows are right.
 *
 * Guarantees the tests rely on:
 * - the anchors exist exactly as described below;
 * - no published service serves Ribble Valley × sensory and physical × post-16
 *   (a deliberate coverage gap);
 * - no published service mentions "zebra".
 */
import { sql, type Kysely } from "kysely";
import type { Database, Phase, ServiceStatus } from "../schema";
import { createService, loadReferences } from "../../app/local-offer/content.server";
import {
  accessibilityFeatures,
  addMonths,
  emptyServiceContent,
  phaseAges,
  phases as allPhases,
  REVIEW_MONTHS,
  slugify,
  type LocationContent,
  type ServiceContent,
} from "../../app/local-offer/model";
import { DEMO_PROVIDER_ORGANISATION } from "./demo-accounts";
import { demoDistricts } from "./demo-area";
import {
  accessibilityNotes,
  contactRoles,
  demoOrganisations,
  demoSettings,
  demoStreets,
  demoTowns,
  districtLanguages,
  districtTemplates,
  sendInformationFor,
  settingAges,
  venueKinds,
  wholeAreaTemplates,
  type DemoTown,
  type ServiceTemplate,
} from "./local-offer-data";

/** The district, broad area and phase the demo leaves without any published service. */
export const DEMO_COVERAGE_GAP = { district: "ribble-valley", broadArea: "sensory_physical", phase: "post_16" } as const;
const SENSORY_PHYSICAL = ["hearing", "vision", "multi-sensory", "physical-disability", "medical-needs"];

/** mulberry32: small, fast and deterministic. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  };
  return { next, int, pick, shuffle, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof createRandom>;

/** The phases an age range really spans (touching a boundary year is not enough). */
export function phasesSpanned(ageMin: number, ageMax: number): Phase[] {
  const spanned = allPhases.filter((p) => ageMin < phaseAges[p][1] && ageMax > phaseAges[p][0]);
  return spanned.length ? spanned : allPhases.filter((p) => ageMin >= phaseAges[p][0] && ageMin <= phaseAges[p][1]).slice(0, 1);
}

/** When the last review was, as a whole number of months and days before now. */
interface ReviewAge {
  months: number;
  days: number;
}

interface Planned {
  slug: string;
  organisation: string;
  content: ServiceContent;
  status: ServiceStatus;
  /** Set for published services. */
  review?: ReviewAge;
  /** Anchors keep their status and review age. */
  anchor?: boolean;
  /** May be given a non-published status by the mix. */
  mixable?: boolean;
}

const townsOf = (district: string) => demoTowns.filter((t) => t.district === district);
const districtName = (slug: string) => demoDistricts.find((d) => d.slug === slug)?.name ?? slug;
const orgByKey = new Map(demoOrganisations.map((o) => [o.key, o]));
const INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

function phone(random: Random): string {
  return `01632 960${String(random.int(0, 999)).padStart(3, "0")}`;
}

function postcode(random: Random, town: DemoTown): string {
  return `${town.postcode} ${random.int(1, 9)}${random.pick([...INWARD_LETTERS])}${random.pick([...INWARD_LETTERS])}`;
}

function location(random: Random, town: DemoTown, name: string): LocationContent {
  const features = random.shuffle(accessibilityFeatures).slice(0, random.int(2, 5));
  if (!features.includes("step_free")) features.unshift("step_free");
  return {
    name,
    address1: `${random.int(1, 180)} ${random.pick(demoStreets)}`,
    city: town.name,
    postcode: postcode(random, town),
    district: town.district,
    accessibility: accessibilityFeatures.filter((f) => features.includes(f)),
    accessibilityDescription: random.pick(accessibilityNotes),
    latitude: Math.round((town.lat + (random.next() - 0.5) * 0.02) * 10000) / 10000,
    longitude: Math.round((town.lng + (random.next() - 0.5) * 0.02) * 10000) / 10000,
  };
}

function languagesFor(random: Random, district: string | null): string[] {
  const extra = district ? (districtLanguages[district] ?? []) : ["ur", "pl", "pa", "gu", "bn", "ar"];
  if (!extra.length || !random.chance(0.25)) return ["en"];
  return ["en", ...random.shuffle(extra).slice(0, random.int(1, Math.min(2, extra.length)))];
}

function contactFor(random: Random, orgKey: string, local: string): ServiceContent["contacts"][number] {
  const [name, title] = random.pick(contactRoles);
  const org = orgByKey.get(orgKey)!;
  return { name, title, email: `${local}@${org.domain}.example.org`, phone: phone(random) };
}

function withinReach(template: ServiceTemplate | Omit<ServiceTemplate, "count">, district: string): boolean {
  const sensory = template.needs.some((n) => SENSORY_PHYSICAL.includes(n));
  return !(district === DEMO_COVERAGE_GAP.district && sensory && template.ageMax >= 16);
}

function fromTemplate(
  random: Random,
  template: Omit<ServiceTemplate, "count" | "exclude" | "include">,
  name: string,
  districts: string[],
  wholeArea: boolean,
  town?: DemoTown,
): ServiceContent {
  const org = orgByKey.get(template.org)!;
  const home = districts[0] ?? null;
  const locations: LocationContent[] =
    town && template.venue ? [location(random, town, `${town.name} ${random.pick(venueKinds[template.venue]!)}`)] : [];
  const local = slugify(name).split("-").slice(0, 3).join("-");
  return {
    ...emptyServiceContent(),
    name,
    summary: template.summary,
    description: template.description,
    whoFor: template.whoFor,
    howToAccess: template.howToAccess,
    referralRequired: template.referralRequired ?? false,
    diagnosisRequired: template.diagnosisRequired ?? false,
    ehcpRequired: template.ehcpRequired ?? false,
    ageMin: template.ageMin,
    ageMax: template.ageMax,
    phases: phasesSpanned(template.ageMin, template.ageMax),
    delivery: template.delivery,
    cost: template.cost,
    costDetail: template.costDetail ?? "",
    wholeArea,
    districts: wholeArea ? [] : districts,
    needs: template.needs,
    categories: template.categories,
    languages: languagesFor(random, home),
    email: `${local}@${org.domain}.example.org`,
    phone: phone(random),
    website: `https://${org.domain}.example.org/${slugify(name)}`,
    locations,
    contacts: [contactFor(random, template.org, local)],
    schedules: template.schedule,
  };
}

function settingContent(random: Random, setting: (typeof demoSettings)[number]): ServiceContent {
  const [ageMin, ageMax] = settingAges[setting.kind];
  const org = orgByKey.get(setting.org)!;
  const town = random.pick(townsOf(setting.district));
  const label = {
    nursery: "day nursery",
    primary: "mainstream primary school",
    secondary: "mainstream secondary school",
    special: "special school",
    college: "further education college",
  }[setting.kind];
  const needNames = setting.needs.map((n) => n.replace(/-/g, " ")).join(", ");
  const local = slugify(setting.name).split("-").slice(0, 3).join("-");
  const college = setting.kind === "college";
  return {
    ...emptyServiceContent(),
    name: setting.name,
    summary: `A ${label} in ${town.name}. How we support ${college ? "students" : "children"} with special educational needs and disabilities.`,
    description: college
      ? `${setting.name} offers foundation learning, vocational courses and a route into apprenticeships and supported internships. The learning support team works with students with ${needNames} needs, including exam arrangements, assistive technology and help moving on from school.`
      : `${setting.name} is a ${label} in ${town.name}. Our special educational needs co-ordinator (SENCO) works with families and specialists so that children with ${needNames} needs can learn and take part in school life. Read about our SEND support below, and ask us for a visit.`,
    whoFor:
      setting.kind === "special"
        ? `Children and young people aged ${ageMin} to ${ageMax} with an education, health and care plan naming the school.`
        : `Children and young people aged ${ageMin} to ${ageMax} living in or near ${town.name}.`,
    howToAccess:
      setting.kind === "special"
        ? "Places are agreed through the EHC plan process. Families are welcome to visit first."
        : setting.kind === "nursery"
          ? "Phone to arrange a visit. Funded places are available for eligible 2, 3 and 4 year olds."
          : "Apply through the usual admissions process, or talk to the SENCO if your child has an EHC plan.",
    ehcpRequired: setting.kind === "special",
    ageMin,
    ageMax,
    phases: phasesSpanned(ageMin, ageMax),
    delivery: ["in_person"],
    cost: setting.kind === "nursery" ? "varies" : "free",
    costDetail: setting.kind === "nursery" ? "Fees depend on hours; 15 and 30 hours funded places are available." : "",
    districts: [setting.district],
    needs: setting.needs,
    categories: setting.kind === "nursery" ? ["early-years", "education"] : college ? ["education", "preparing-for-adulthood"] : ["education"],
    languages: languagesFor(random, setting.district),
    email: `${local}@${org.domain}.example.org`,
    phone: phone(random),
    website: `https://${org.domain}.example.org/${slugify(setting.name)}`,
    isSetting: true,
    sendInformation: sendInformationFor(setting.kind, setting.name),
    locations: [location(random, town, setting.name)],
    contacts: [
      { name: college ? "Learning support team" : "SENCO", title: "Special educational needs", email: `send@${org.domain}.example.org`, phone: phone(random) },
      { name: college ? "Admissions officer" : "School office", title: "Visits and admissions", email: `${local}@${org.domain}.example.org`, phone: phone(random) },
    ],
    schedules: [
      { byday: "MO,TU,WE,TH,FR", opensAt: setting.kind === "nursery" ? "07:30" : "08:45", closesAt: setting.kind === "nursery" ? "18:00" : "15:15", description: setting.kind === "nursery" ? "All year except bank holidays" : "Term time" },
    ],
  };
}

function anchors(random: Random): Planned[] {
  const burnley = townsOf("burnley")[0]!;
  const chorley = townsOf("chorley")[0]!;
  const base = emptyServiceContent();
  return [
    {
      slug: "burnley-autism-family-group",
      organisation: "padiham-road",
      status: "published",
      review: { months: 1, days: 0 },
      anchor: true,
      content: {
        ...base,
        name: "Burnley Autism Family Group",
        summary: "A weekly after-school group for autistic children aged 5 to 11 and their families in Burnley.",
        description:
          "Autistic children play, make friends and try new activities in a calm, sensory-friendly room, while parents and carers meet each other over a cup of tea. Staff understand autism and can share ideas for home and school. Families waiting for an autism assessment are welcome.",
        whoFor: "Autistic children aged 5 to 11 and their parents or carers. You do not need a diagnosis.",
        howToAccess: "Phone or email to book your first visit, then come every week.",
        ageMin: 5,
        ageMax: 11,
        phases: ["primary"],
        delivery: ["in_person"],
        cost: "free",
        districts: ["burnley"],
        needs: ["autism"],
        categories: ["activities"],
        email: "autism-group@padiham-road-family-centre.example.org",
        phone: "01632 960101",
        website: "https://padiham-road-family-centre.example.org/autism-family-group",
        locations: [
          {
            ...location(random, burnley, "Padiham Road Family Centre"),
            address1: "48 Padiham Road",
            postcode: "BB12 6TX",
            accessibility: ["step_free", "accessible_toilet", "quiet_space", "sensory_room"],
            accessibilityDescription: "Level access, a quiet room and a sensory room. Lights in the hall can be dimmed.",
          },
        ],
        contacts: [{ name: "Group leader", title: "Bookings and questions", email: "autism-group@padiham-road-family-centre.example.org", phone: "01632 960101" }],
        schedules: [{ byday: "WE", opensAt: "15:45", closesAt: "17:15", description: "Term time only" }],
      },
    },
    {
      slug: "little-steps-nursery-send-support",
      organisation: "provider",
      status: "published",
      review: { months: 2, days: 0 },
      anchor: true,
      content: {
        ...base,
        name: "Little Steps Nursery SEND Support",
        summary: "How Little Steps Nursery in Chorley supports babies and young children with speech, language and other additional needs.",
        description:
          "Little Steps is a small day nursery in Chorley. Our SENCO and key workers support children with speech and language delay and other additional needs, working closely with speech therapy, health visitors and the specialist teaching service.",
        whoFor: "Children from birth to 4 years old and their families.",
        howToAccess: "Phone or email to arrange a visit. Funded places are available for eligible 2, 3 and 4 year olds.",
        ageMin: 0,
        ageMax: 4,
        phases: ["early_years"],
        delivery: ["in_person"],
        cost: "charge",
        costDetail: "£52 a day or £6 an hour. 15 and 30 hours funded places are available.",
        districts: ["chorley"],
        needs: ["speech-language-communication"],
        categories: ["early-years"],
        email: "hello@little-steps-nursery.example.org",
        phone: "01632 960202",
        website: "https://little-steps-nursery.example.org",
        isSetting: true,
        sendInformation: sendInformationFor("nursery", "Little Steps Nursery"),
        locations: [
          {
            name: "Little Steps Nursery",
            address1: "7 Rowan Close",
            city: chorley.name,
            postcode: "PR7 2QD",
            district: "chorley",
            accessibility: ["step_free", "accessible_toilet", "parking", "quiet_space"],
            accessibilityDescription: "All rooms are on the ground floor with level access. A disabled parking space is by the front door.",
            latitude: 53.6531,
            longitude: -2.6312,
          },
        ],
        contacts: [{ name: "Nursery manager", title: "Visits and places", email: "hello@little-steps-nursery.example.org", phone: "01632 960202" }],
        schedules: [{ byday: "MO,TU,WE,TH,FR", opensAt: "07:30", closesAt: "18:00", description: "All year except bank holidays" }],
      },
    },
    {
      slug: "little-steps-holiday-club",
      organisation: "provider",
      status: "published",
      review: { months: 7, days: 0 },
      anchor: true,
      content: {
        ...base,
        name: "Little Steps Holiday Club",
        summary: "A school holiday club in Chorley for children aged 4 to 8, including children with additional needs.",
        description:
          "Play, crafts and outdoor games during the school holidays, with extra staff so children with additional needs can join in. A calm corner is always available.",
        whoFor: "Children aged 4 to 8, with or without SEND.",
        howToAccess: "Book by phone or email before each holiday.",
        ageMin: 4,
        ageMax: 8,
        phases: ["primary"],
        delivery: ["in_person"],
        cost: "charge",
        costDetail: "£30 a day.",
        districts: ["chorley"],
        needs: ["social-emotional"],
        categories: ["activities"],
        email: "hello@little-steps-nursery.example.org",
        phone: "01632 960202",
        locations: [],
        contacts: [{ name: "Holiday club co-ordinator", title: "Bookings", email: "hello@little-steps-nursery.example.org", phone: "01632 960202" }],
        schedules: [{ byday: "MO,TU,WE,TH,FR", opensAt: "08:00", closesAt: "17:30", description: "School holidays only" }],
      },
    },
    {
      slug: "pendle-sensory-swim",
      organisation: "swim-club",
      status: "published",
      review: { months: 8, days: 0 },
      anchor: true,
      content: {
        ...base,
        name: "Pendle Sensory Swim Sessions",
        summary: "Quiet, warm-water swimming sessions for children with sensory or physical needs and their families.",
        description:
          "Private pool sessions with low lighting, no music and a warm pool. A hoist and a Changing Places toilet are available. Families swim together with a lifeguard and an inclusion worker.",
        whoFor: "Children aged 2 to 12 with sensory processing difficulties or a physical disability, with their families.",
        howToAccess: "Book a session by phone.",
        ageMin: 2,
        ageMax: 12,
        phases: ["early_years", "primary"],
        delivery: ["in_person"],
        cost: "charge",
        costDetail: "£6 per family per session.",
        districts: ["pendle"],
        needs: ["multi-sensory", "physical-disability"],
        categories: ["activities"],
        email: "swim@lancs-inclusive-swimming.example.org",
        phone: "01632 960303",
        locations: [{ ...location(random, townsOf("pendle")[0]!, "Nelson Pool"), accessibility: ["step_free", "changing_places", "accessible_toilet", "parking"] }],
        contacts: [{ name: "Pool reception", title: "Bookings", email: "swim@lancs-inclusive-swimming.example.org", phone: "01632 960303" }],
        schedules: [{ byday: "SU", opensAt: "16:00", closesAt: "17:00", description: "" }],
      },
    },
    {
      slug: "fylde-coast-inclusive-youth-club",
      organisation: "fylde-youth",
      status: "published",
      review: { months: 14, days: 0 },
      anchor: true,
      content: {
        ...base,
        name: "Fylde Coast Inclusive Youth Club",
        summary: "A Friday night youth club on the Fylde coast where young people with SEND are welcome.",
        description: "Games, music, cooking and trips for young people aged 11 to 18, with youth workers trained in supporting young people with additional needs.",
        whoFor: "Young people aged 11 to 18 in Fylde and Wyre.",
        howToAccess: "Come along on a Friday. A parent or carer fills in a form on the first visit.",
        ageMin: 11,
        ageMax: 18,
        phases: ["secondary", "post_16"],
        delivery: ["in_person"],
        cost: "charge",
        costDetail: "£1 a session.",
        districts: ["fylde", "wyre"],
        needs: ["social-emotional", "learning-disability"],
        categories: ["activities"],
        email: "youthclub@fylde-coast-youth-trust.example.org",
        phone: "01632 960404",
        locations: [location(random, townsOf("fylde")[0]!, "St Annes Youth and Community Centre")],
        contacts: [{ name: "Youth worker in charge", title: "Club nights", email: "youthclub@fylde-coast-youth-trust.example.org", phone: "01632 960404" }],
        schedules: [{ byday: "FR", opensAt: "18:30", closesAt: "21:00", description: "" }],
      },
    },
    {
      slug: "chorley-draft-homework-club",
      organisation: "brookfield-trust",
      status: "draft",
      anchor: true,
      content: {
        ...base,
        name: "Chorley Draft Homework Club",
        summary: "An after-school homework club with extra help for children with dyslexia (not yet published).",
        description: "Quiet homework support with tutors who understand specific learning difficulties.",
        whoFor: "Children aged 8 to 14.",
        howToAccess: "Details to follow.",
        ageMin: 8,
        ageMax: 14,
        phases: ["primary", "secondary"],
        delivery: ["in_person"],
        cost: "free",
        districts: ["chorley"],
        needs: ["specific-learning-difficulty"],
        categories: ["education"],
        contacts: [{ name: "Club co-ordinator", title: "", email: "homework@brookfield-learning-trust.example.org", phone: "01632 960505" }],
      },
    },
    {
      slug: "preston-parent-peer-support",
      organisation: "parent-network",
      status: "awaiting_approval",
      anchor: true,
      content: {
        ...base,
        name: "Preston Parent Peer Support",
        summary: "Trained parent volunteers who listen and help other parents of children with SEND find their way.",
        description: "One-to-one peer support by phone or in person from parents who have been there.",
        whoFor: "Parents and carers of children and young people with SEND in Preston.",
        howToAccess: "Phone or email to be matched with a peer supporter.",
        ageMin: 0,
        ageMax: 25,
        phases: [...allPhases],
        delivery: ["phone", "in_person"],
        cost: "free",
        districts: ["preston"],
        needs: ["social-emotional"],
        categories: ["advice"],
        contacts: [{ name: "Peer support co-ordinator", title: "", email: "peers@lancs-parent-carer-network.example.org", phone: "01632 960606" }],
      },
    },
    {
      // Not published: it sits in the coverage gap so the page shows that drafts do not count.
      slug: "ribble-valley-deaf-young-peoples-group",
      organisation: "pennine-deaf",
      status: "draft",
      content: {
        ...base,
        name: "Ribble Valley Deaf Young People's Group",
        summary: "A planned group for deaf young people aged 14 to 19 in Clitheroe (not yet running).",
        description: "A social group for deaf teenagers and young adults, run with BSL-using youth workers.",
        whoFor: "Deaf young people aged 14 to 19.",
        howToAccess: "Not open yet.",
        ageMin: 14,
        ageMax: 19,
        phases: ["secondary", "post_16"],
        delivery: ["in_person"],
        cost: "free",
        districts: ["ribble-valley"],
        needs: ["hearing"],
        categories: ["activities"],
      },
    },
  ];
}

/** Every demo service, in a fixed order, before anything touches the database. */
export function planDemoServices(): Planned[] {
  const random = createRandom(20261123);
  const planned: Planned[] = anchors(random);
  const districtSlugs = demoDistricts.map((d) => d.slug);

  for (const template of districtTemplates) {
    const eligible = districtSlugs.filter((d) => !template.exclude?.includes(d) && withinReach(template, d));
    const always = (template.include ?? []).filter((d) => eligible.includes(d));
    const chosen = [...always, ...random.shuffle(eligible.filter((d) => !always.includes(d)))].slice(0, template.count);
    for (const district of chosen) {
      const towns = townsOf(district);
      const town = random.pick(towns);
      const place = random.chance(0.35) && towns.length > 1 ? town.name : districtName(district);
      // Sometimes a service reaches into a neighbouring district in the same health area.
      const health = demoDistricts.find((d) => d.slug === district)!.health_area;
      const neighbours = demoDistricts.filter((d) => d.health_area === health && d.slug !== district && withinReach(template, d.slug));
      const districts = neighbours.length && random.chance(0.2) ? [district, random.pick(neighbours).slug] : [district];
      const name = template.name.replace("{place}", place);
      planned.push({
        slug: slugify(name),
        organisation: template.org,
        status: "published",
        mixable: true,
        content: fromTemplate(random, template, name, districts, false, town),
      });
    }
  }
  for (const template of wholeAreaTemplates) {
    planned.push({
      slug: slugify(template.name),
      organisation: template.org,
      status: "published",
      content: fromTemplate(random, template, template.name, [], true),
    });
  }
  for (const setting of demoSettings) {
    planned.push({ slug: slugify(setting.name), organisation: setting.org, status: "published", content: settingContent(random, setting) });
  }

  // Unique slugs (two towns can give the same name only by accident, but be safe).
  const seen = new Set<string>();
  for (const p of planned) {
    let slug = p.slug;
    for (let i = 2; seen.has(slug); i++) slug = `${p.slug}-${i}`;
    p.slug = slug;
    seen.add(slug);
  }

  // Status mix: 9 more drafts, 7 more awaiting approval and 5 archived, from the district services.
  const mixable = random.shuffle(planned.filter((p) => p.mixable));
  const statuses: ServiceStatus[] = [...Array(9).fill("draft"), ...Array(7).fill("awaiting_approval"), ...Array(5).fill("archived")];
  statuses.forEach((status, i) => (mixable[i]!.status = status));

  // Reviews: most within 5 months, 13 more overdue (6–11 months), 5 more escalated (over 12 months).
  const toReview = random.shuffle(planned.filter((p) => p.status === "published" && !p.anchor));
  toReview.forEach((p, i) => {
    if (i < 13) p.review = { months: random.int(6, 10), days: random.int(5, 25) };
    else if (i < 18) p.review = { months: random.int(12, 20), days: random.int(5, 25) };
    else p.review = { months: random.int(0, 4), days: random.int(3, 27) };
  });

  assertDemoGuarantees(planned);
  return planned;
}

function assertDemoGuarantees(planned: Planned[]): void {
  for (const p of planned) {
    if (p.status !== "published") continue;
    const c = p.content;
    const inGap = c.wholeArea || c.districts.includes(DEMO_COVERAGE_GAP.district);
    if (inGap && c.phases.includes(DEMO_COVERAGE_GAP.phase) && c.needs.some((n) => SENSORY_PHYSICAL.includes(n))) {
      throw new Error(`Demo seed: ${p.slug} fills the guaranteed coverage gap`);
    }
    if (/zebra/i.test(JSON.stringify(c))) throw new Error(`Demo seed: ${p.slug} mentions zebra`);
  }
}

/** A time `months` calendar months and `days` days before now (same time of day). */
export function monthsBefore(now: Date, age: ReviewAge): Date {
  const date = new Date(now);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() - age.months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return new Date(date.getTime() - age.days * 86_400_000);
}

/** Seeds the demo organisations and services. Call inside seedDemo's transaction, after the demo provider exists. */
export async function seedDemoLocalOffer(db: Kysely<Database>, now: Date): Promise<void> {
  const references = await loadReferences(db);
  const provider = await db.selectFrom("organisation").select("id").where("name", "=", DEMO_PROVIDER_ORGANISATION).executeTakeFirst();
  const reviewer = await db.selectFrom("app_user").select("id").where("email", "=", "officer@demo.local").executeTakeFirst();

  const orgRows = await db
    .insertInto("organisation")
    .values(
      demoOrganisations.map((o, i) => ({
        name: o.name,
        description: o.description,
        email: `info@${o.domain}.example.org`,
        website: `https://${o.domain}.example.org`,
        phone: `01632 960${String(700 + i).padStart(3, "0")}`,
      })),
    )
    .returning(["id", "name"])
    .execute();
  const orgIds = new Map(demoOrganisations.map((o) => [o.key, orgRows.find((r) => r.name === o.name)!.id]));
  if (provider) {
    orgIds.set("provider", provider.id);
  } else {
    const row = await db.insertInto("organisation").values({ name: DEMO_PROVIDER_ORGANISATION }).returning("id").executeTakeFirstOrThrow();
    orgIds.set("provider", row.id);
  }

  const planned = planDemoServices();
  const reviews: { id: string; content: ServiceContent; reviewedAt: Date; publishedAt: Date }[] = [];
  const archived: { id: string; publishedAt: Date }[] = [];
  for (const [i, p] of planned.entries()) {
    const id = await createService(db, { slug: p.slug, organisationId: orgIds.get(p.organisation)!, content: p.content, status: p.status }, references);
    if (p.status === "published" && p.review) {
      const reviewedAt = monthsBefore(now, p.review);
      reviews.push({ id, content: p.content, reviewedAt, publishedAt: new Date(reviewedAt.getTime() - ((i * 37) % 300) * 86_400_000) });
    } else if (p.status === "archived") {
      archived.push({ id, publishedAt: monthsBefore(now, { months: 20, days: i % 28 }) });
    }
  }

  if (reviews.length) {
    const byId = reviewer?.id ?? null;
    // Raw SQL: the schema types service_review.reviewed_at as Generated<Timestamp>, which takes no value on insert.
    const reviewRows = reviews.map((r) => sql`(${r.id}::uuid, ${byId}::uuid, ${r.reviewedAt.toISOString()}::timestamptz, 'editor_review', 'Checked with the provider (demo data).')`);
    await sql`insert into service_review (service_id, reviewed_by, reviewed_at, kind, note) values ${sql.join(reviewRows)}`.execute(db);
    await db
      .insertInto("service_version")
      .values(
        reviews.map((r) => ({
          service_id: r.id,
          version: 1,
          content: JSON.stringify(r.content),
          status: "published",
          created_at: r.publishedAt,
          note: "Demo data",
        })),
      )
      .execute();
    const rows = reviews.map(
      (r) => sql`(${r.id}, ${r.publishedAt.toISOString()}, ${r.reviewedAt.toISOString()}, ${addMonths(londonDate(r.reviewedAt), REVIEW_MONTHS)})`,
    );
    await sql`
      update service as s
         set published_at = v.published_at::timestamptz,
             last_reviewed_at = v.reviewed_at::timestamptz,
             last_reviewed_by = ${byId}::uuid,
             review_due_on = v.due::date
        from (values ${sql.join(rows)}) as v(id, published_at, reviewed_at, due)
       where s.id = v.id::uuid`.execute(db);
  }
  if (archived.length) {
    const rows = archived.map((a) => sql`(${a.id}, ${a.publishedAt.toISOString()})`);
    await sql`
      update service as s set published_at = v.published_at::timestamptz
        from (values ${sql.join(rows)}) as v(id, published_at)
       where s.id = v.id::uuid`.execute(db);
  }
}

/** "YYYY-MM-DD" of an instant in Europe/London. */
function londonDate(date: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}
