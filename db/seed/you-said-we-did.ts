import type { Kysely } from "kysely";
import { timestamp } from "../../app/area/changes.server";
import type { Database, YouSaidTheme } from "../schema";

/**
 * Demo "You said, we did" entries (reg. 56): realistic, anonymised responses for
 * 2025 and 2026 across the three themes, and two drafts. Every comment is written
 * as an officer would publish it: in plain words, identifying nobody.
 */

interface DemoEntry {
  year: number;
  theme: YouSaidTheme;
  youSaid: string;
  weDid: string;
  action: string;
  /** When it was published ("YYYY-MM-DD"), or null for a draft. Never later than "now". */
  publishedOn: string | null;
}

export const demoYouSaidWeDid: DemoEntry[] = [
  {
    year: 2025,
    theme: "content",
    youSaid: "Several parents said they could not find short breaks for children over 11, and thought there were none.",
    weDid: "We added a “Short breaks” category and asked every short breaks provider to check the ages on their entries. 14 entries now show activities for secondary-age children.",
    action: "We will check short breaks entries every term and ask the parent carer forum what is still missing.",
    publishedOn: "2026-01-20",
  },
  {
    year: 2025,
    theme: "content",
    youSaid: "Some entries had phone numbers and opening times that were out of date.",
    weDid: "We contacted every provider whose entry had not been checked for more than a year. Entries that nobody confirmed were hidden until they were updated.",
    action: "Every entry now shows the date it was last checked, and providers are reminded every six months.",
    publishedOn: "2026-01-20",
  },
  {
    year: 2025,
    theme: "accessibility",
    youSaid: "People using phones said the search filters took up the whole screen before any results appeared.",
    weDid: "We moved the filters below the search box and made them fold away on small screens.",
    action: "We will test the search with parents using their own phones before each change.",
    publishedOn: "2026-01-20",
  },
  {
    year: 2025,
    theme: "accessibility",
    youSaid: "Families who speak Urdu or Polish at home asked for the local offer in their language.",
    weDid: "The local offer can now be read in Urdu and Polish. Pages say when a translation has not yet been checked by a person.",
    action: "We are working with community groups to check the translations, starting with the most visited pages.",
    publishedOn: "2026-01-20",
  },
  {
    year: 2025,
    theme: "development",
    youSaid: "Young people said the local offer was written for parents, not for them.",
    weDid: "Members of the young people's participation council reviewed the pages about preparing for adulthood and rewrote the introductions.",
    action: "Young people will review new pages for 14 to 25 year olds before they are published.",
    publishedOn: "2026-02-03",
  },
  {
    year: 2025,
    theme: "development",
    youSaid: "Parents asked how they could take part in improving the local offer.",
    weDid: "We set up termly local offer review sessions with the parent carer forum, online and in person.",
    action: "Dates for the sessions are published on the parent carer forum's website and in the newsletter.",
    publishedOn: "2026-02-03",
  },
  {
    year: 2026,
    theme: "content",
    youSaid: "Parents said it was hard to tell which services need a referral and which you can contact yourself.",
    weDid: "Every service now says clearly whether you need a referral, a diagnosis or an EHC plan, or whether anyone can get in touch.",
    action: "We will add a filter for services you can contact without a referral.",
    publishedOn: "2026-07-10",
  },
  {
    year: 2026,
    theme: "content",
    youSaid: "People searching for help with sleep found nothing, although some services do offer it.",
    weDid: "We added common words people use, such as “sleep” and “bedtime”, to the search so it finds the services that help.",
    action: "Each month we look at searches that found nothing and fix the ones we can.",
    publishedOn: "2026-07-10",
  },
  {
    year: 2026,
    theme: "content",
    youSaid: "Families in rural areas said there were few activities near them.",
    weDid: "We shared a map of where activities are with the commissioning working group.",
    action: "The commissioning working group will use it when it plans new short breaks for next year.",
    publishedOn: "2026-09-15",
  },
  {
    year: 2026,
    theme: "accessibility",
    youSaid: "A screen reader user told us the results page did not say how many services were found.",
    weDid: "The results page now starts with a sentence that says how many services were found and for what.",
    action: "We check every new page with a screen reader and an automated accessibility test.",
    publishedOn: "2026-07-10",
  },
  {
    year: 2026,
    theme: "accessibility",
    youSaid: "Parents said the jargon was hard to follow, for example SENCO, EHCP and SEMH.",
    weDid: "When you search using a term like these, the results now explain what it means in plain words.",
    action: "We will add an explanation of common terms to every service page.",
    publishedOn: "2026-09-15",
  },
  {
    year: 2026,
    theme: "development",
    youSaid: "The parent carer forum asked to see what people had said about the local offer during the year, not only once a year.",
    weDid: "We now publish responses during the year on this page, as soon as they are agreed.",
    action: "We will still publish a yearly report, and we will share a summary at every forum meeting.",
    publishedOn: "2026-09-15",
  },
  {
    year: 2026,
    theme: "content",
    youSaid: "Some parents said the information about help in school (SEN support) was hard to find.",
    weDid: "",
    action: "",
    publishedOn: null,
  },
  {
    year: 2026,
    theme: "accessibility",
    youSaid: "People asked for a way to save services to look at later.",
    weDid: "You can now add services to a shortlist and come back to it on the same device.",
    action: "",
    publishedOn: null,
  },
];

/** Adds the demo entries, unless the table already has some. Publication dates are never after `now`. */
export async function seedDemoYouSaidWeDid(db: Kysely<Database>, now: Date): Promise<void> {
  const existing = await db.selectFrom("you_said_we_did").select("id").limit(1).executeTakeFirst();
  if (existing) return;
  await db
    .insertInto("you_said_we_did")
    .values(
      demoYouSaidWeDid.map((entry) => {
        const published = entry.publishedOn ? new Date(`${entry.publishedOn}T10:00:00Z`) : null;
        const publishedAt = published && published > now ? now : published;
        return {
          year: entry.year,
          theme: entry.theme,
          you_said: entry.youSaid,
          we_did: entry.weDid,
          action: entry.action,
          published_at: publishedAt,
          created_at: publishedAt ?? now,
          updated_at: timestamp(publishedAt ?? now),
        };
      }),
    )
    .execute();
}
