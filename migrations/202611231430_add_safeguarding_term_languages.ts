import { sql, type Kysely } from "kysely";
import { normalise } from "../app/safeguarding/matcher";

// Frozen in time: never edit a migration that has shipped; add a new one.
// Safeguarding word list in Urdu and Polish (docs/decisions/028-safeguarding-languages-file-only-feedback-survey-retention.md):
// each term gets the language it is written in and the words as written (Urdu letters as
// typed, Polish with its letters), beside `phrase`, the matcher's normalised key. A STARTER
// list: a native-speaking safeguarding professional must review it on /admin/safeguarding/terms.
//
// `phrase` is only the uniqueness key: the matcher normalises every term again when it
// matches, so a later change to `normalise` cannot make these rows match differently.

export type TermLanguage = "en" | "ur" | "pl";

/** Terms added by this migration, as written. */
export const STARTER_TERMS: readonly { language: TermLanguage; written: string }[] = [
  // English: running away was missing from the first list.
  ...["run away from home", "ran away from home", "running away from home"].map((written) => ({ language: "en" as const, written })),

  // Urdu, in Urdu script. Hitting and abuse.
  ...[
    "مجھے مارتا ہے",
    "مجھے مارتی ہے",
    "مجھے مارتے ہیں",
    "مجھے مارا",
    "مجھے پیٹتا ہے",
    "مجھے پیٹتی ہے",
    "مار پیٹ",
    "تشدد",
    "گھریلو تشدد",
    "بدسلوکی",
    "جان سے مار",
    // Sexual abuse.
    "جنسی زیادتی",
    "جنسی تشدد",
    "عصمت دری",
    "ریپ",
    "مجھے چھوتا ہے",
    "غلط طریقے سے چھوا",
    // Self-harm and suicide.
    "خودکشی",
    "خود کو نقصان",
    "اپنے آپ کو نقصان",
    "خود کو کاٹتا",
    "خود کو کاٹتی",
    "خود کو مار",
    "اپنی جان لے",
    "مرنا چاہتا ہوں",
    "مرنا چاہتی ہوں",
    "مر جانا چاہتا",
    "جینا نہیں چاہتا",
    "جینا نہیں چاہتی",
    // Neglect.
    "کھانا نہیں ملتا",
    "کھانا نہیں دیتے",
    "بھوکا رکھتے",
    "گھر میں اکیلا چھوڑ",
    // Fear of someone at home.
    "گھر جانے سے ڈر",
    "گھر جانے سے ڈرتا",
    "گھر جانے سے ڈرتی",
    "گھر میں محفوظ نہیں",
    "ابو سے ڈر",
    "امی سے ڈر",
    "والد سے ڈر",
    "سوتیلے باپ سے ڈر",
    // Running away.
    "گھر سے بھاگ",
    "گھر سے بھاگنا",
    "گھر چھوڑ کر بھاگ",
  ].map((written) => ({ language: "ur" as const, written })),

  // Urdu in Latin letters (Roman Urdu), as people type it in messages: common spellings.
  ...[
    "mujhe marta hai",
    "mujhe maarta hai",
    "mujhe marti hai",
    "mujhe marte hain",
    "mujhe mara",
    "jaan se maar",
    "tashaddud",
    "jinsi ziyadti",
    "jinsi zyadti",
    "khudkushi",
    "khudkashi",
    "khud ko nuqsan",
    "khud ko nuksan",
    "marna chahta hoon",
    "marna chahti hoon",
    "marna chahta hun",
    "marna chahti hun",
    "jeena nahi chahta",
    "jeena nahi chahti",
    "khana nahi milta",
    "khana nahi dete",
    "ghar jane se dar",
    "ghar jaane se dar",
    "ghar mein mehfooz nahi",
    "abbu se dar",
    "ammi se dar",
    "ghar se bhag",
    "ghar se bhaag",
  ].map((written) => ({ language: "ur" as const, written })),

  // Polish, with its letters (the matcher ignores them: "bił mnie" and "bil mnie" are one).
  // Polish word order is free, so "mnie bije" as well as "bije mnie". Hitting and abuse.
  ...[
    "bije mnie",
    "mnie bije",
    "bił mnie",
    "biła mnie",
    "mnie bił",
    "mnie biła",
    "biją mnie",
    "mnie biją",
    "uderzył mnie",
    "uderzyła mnie",
    "mnie uderzył",
    "mnie uderzyła",
    "kopie mnie",
    "kopnął mnie",
    "pobił mnie",
    "pobije mnie",
    "zabije mnie",
    "znęca się",
    "przemoc",
    // Sexual abuse.
    "molestowanie",
    "molestował",
    "molestowała",
    "molestuje",
    "wykorzystywanie seksualne",
    "wykorzystał mnie",
    "gwałt",
    "zgwałcił",
    "zgwałcona",
    "dotykał mnie",
    "dotyka mnie",
    "mnie dotykał",
    "mnie dotyka",
    // Self-harm and suicide.
    "samobójstwo",
    "samobójstwie",
    "samobójcze",
    "zabić się",
    "zabiję się",
    "chcę umrzeć",
    "nie chcę żyć",
    "odebrać sobie życie",
    "samookaleczenie",
    "tnę się",
    "okaleczam się",
    "kaleczę się",
    // Neglect.
    "zaniedbanie",
    "zaniedbany",
    "zaniedbana",
    "nie ma jedzenia",
    "nie dają jeść",
    // Fear of someone at home.
    "boję się wracać do domu",
    "boję się iść do domu",
    "boję się taty",
    "boję się ojca",
    "boję się mamy",
    "boję się ojczyma",
    "nie jestem bezpieczny w domu",
    "nie jestem bezpieczna w domu",
    // Running away.
    "ucieknę z domu",
    "uciec z domu",
    "uciekam z domu",
    "uciekł z domu",
    "uciekła z domu",
  ].map((written) => ({ language: "pl" as const, written })),
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("safeguarding_term")
    .addColumn("language", "text", (c) =>
      c
        .notNull()
        .defaultTo("en")
        .check(sql`language in ('en','ur','pl')`),
    )
    .addColumn("written", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  // The first list was written already normalised: as written, it is its phrase.
  await db
    .updateTable("safeguarding_term")
    .set({ written: sql`phrase` })
    .execute();
  await db
    .insertInto("safeguarding_term")
    .values(STARTER_TERMS.map((term) => ({ phrase: normalise(term.written), written: term.written, language: term.language })))
    // An admin may already have added one of them: theirs stays.
    .onConflict((oc) => oc.column("phrase").doNothing())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db
    .deleteFrom("safeguarding_term")
    .where(
      "phrase",
      "in",
      STARTER_TERMS.map((term) => normalise(term.written)),
    )
    .where("added_by", "is", null)
    .execute();
  await db.schema.alterTable("safeguarding_term").dropColumn("written").dropColumn("language").execute();
}
