/**
 * The three demo annual surveys, POET-style but in our own words: the licensed
 * POET items are not ours to ship (an officer can load them as data, see
 * docs/poet-items.md). Each is modelled on POET's three areas: the process of
 * getting support (assessment, planning, being listened to), the support
 * received, and outcomes (learning, health, friendships and community,
 * independence and the future).
 *
 * Every text has English, Urdu and Polish; the Urdu and Polish are
 * machine-assisted and marked `reviewed: false` until a fluent reader checks
 * them. The young people's survey also has easy read in all three languages,
 * with a pictogram beside every question and option.
 *
 * Question keys are stable across waves: analysis compares "listened_to" in
 * 2025 with "listened_to" in 2026. Change the words, never the key.
 */
import type { AboutYouKind, Condition, Option, Question, QuestionType, SurveyDefinition, SurveyPage, Text } from "../../app/surveys/definition";
import type { PictogramName } from "../../app/surveys/pictograms";

/** The same words in English, Urdu and Polish. */
type Words = readonly [en: string, ur: string, pl: string];

const LANGUAGES = ["en-GB", "ur", "pl"] as const;

interface EasyRead {
  words: Words;
  /** Beside questions and options; left out for titles and hints. */
  pictogram?: PictogramName;
}

/** A text in standard English, Urdu and Polish, and, when given, easy read in all three. */
function text(standard: Words, easy?: EasyRead): Text {
  const variants: Text = LANGUAGES.map((language, i) => ({
    language,
    format: "standard" as const,
    text: standard[i]!,
    reviewed: language === "en-GB",
  }));
  if (easy) {
    LANGUAGES.forEach((language, i) =>
      variants.push({
        language,
        format: "easy_read",
        text: easy.words[i]!,
        ...(easy.pictogram ? { pictogram: easy.pictogram } : {}),
        reviewed: language === "en-GB",
      }),
    );
  }
  return variants;
}

/** Working groups by the areas of concern their actions answer (docs: PRODUCT.md, the written statement of action). */
export const WORKING_GROUP_OF_AREA: Record<number, string> = {
  1: "strategy",
  2: "strategy",
  3: "commissioning-and-access-to-provision",
  4: "engagement",
  5: "identifying-and-meeting-need",
  6: "identifying-and-meeting-need",
  7: "commissioning-and-access-to-provision",
  8: "improving-outcomes",
  9: "commissioning-and-access-to-provision",
  10: "improving-outcomes",
  11: "commissioning-and-access-to-provision",
  12: "engagement",
};

interface QuestionInput {
  key: string;
  type: QuestionType;
  text: Text;
  /** The area of concern it tells us about; the working group follows from it. */
  area: number;
  required?: boolean;
  hint?: Text;
  options?: Option[];
  allowDontKnow?: boolean;
  condition?: Condition;
  about?: AboutYouKind;
  min?: number;
  max?: number;
}

function question(input: QuestionInput): Question {
  return {
    key: input.key,
    type: input.type,
    required: input.required ?? false,
    text: input.text,
    hint: input.hint ?? [],
    options: input.options ?? [],
    allowDontKnow: input.allowDontKnow ?? true,
    condition: input.condition ?? null,
    areaOfConcern: input.area,
    workingGroup: WORKING_GROUP_OF_AREA[input.area] ?? null,
    about: input.about ?? null,
    min: input.min ?? null,
    max: input.max ?? null,
  };
}

function option(value: string, label: Text): Option {
  return { value, label };
}

function page(key: string, title: Text, questions: Question[], condition?: Condition): SurveyPage {
  return { key, title, questions, condition: condition ?? null };
}

// ---- Shared texts ------------------------------------------------------------------

const NO_NAMES: Words = [
  "Please do not write names or anything that could identify your child.",
  "براہ کرم نام یا کوئی ایسی بات نہ لکھیں جس سے آپ کے بچے کی شناخت ہو سکے۔",
  "Prosimy nie podawać imion ani niczego, co pozwoliłoby rozpoznać Twoje dziecko.",
];

const ABOUT_YOU_HINT: Words = [
  "These questions are optional. They help us see whether experiences differ from place to place, without identifying anyone.",
  "یہ سوالات اختیاری ہیں۔ ان سے ہمیں یہ دیکھنے میں مدد ملتی ہے کہ آیا تجربات جگہ جگہ مختلف ہیں، کسی کی شناخت کیے بغیر۔",
  "Te pytania są nieobowiązkowe. Pomagają nam sprawdzić, czy doświadczenia różnią się w zależności od miejsca, bez rozpoznawania kogokolwiek.",
];

const SELECT_ALL: Words = ["Select all that apply.", "جو بھی لاگو ہوں سب منتخب کریں۔", "Zaznacz wszystkie pasujące odpowiedzi."];

const ABOUT_YOU_TITLE: Words = ["About you", "آپ کے بارے میں", "O Tobie"];

// ---- Parent and carer survey -------------------------------------------------------

const parentPages: SurveyPage[] = [
  page("getting_support", text(["Getting support", "مدد حاصل کرنا", "Uzyskiwanie wsparcia"]), [
    question({
      key: "ehc_plan",
      type: "yes_no_not_sure",
      required: true,
      area: 5,
      text: text([
        "Does your child have an education, health and care (EHC) plan?",
        "کیا آپ کے بچے کے پاس تعلیم، صحت اور دیکھ بھال (EHC) کا پلان ہے؟",
        "Czy Twoje dziecko ma plan edukacji, zdrowia i opieki (plan EHC)?",
      ]),
      hint: text([
        "An EHC plan is a legal document that sets out your child's needs and the help they must get. Children at SEN support do not have one.",
        "EHC پلان ایک قانونی دستاویز ہے جس میں آپ کے بچے کی ضروریات اور اسے ملنے والی لازمی مدد لکھی ہوتی ہے۔ SEN سپورٹ والے بچوں کے پاس یہ نہیں ہوتا۔",
        "Plan EHC to dokument prawny, który opisuje potrzeby dziecka i pomoc, jaką musi otrzymać. Dzieci objęte wsparciem SEN (SEN support) go nie mają.",
      ]),
    }),
  ]),
  page("assessment", text(["Assessment of your child's needs", "آپ کے بچے کی ضروریات کا جائزہ", "Ocena potrzeb dziecka"]), [
    question({
      key: "assessment_clear",
      type: "agreement",
      required: true,
      area: 5,
      text: text([
        "I understood how my child's needs were being assessed and what would happen next.",
        "میں سمجھ گیا یا گئی کہ میرے بچے کی ضروریات کا جائزہ کیسے لیا جا رہا ہے اور آگے کیا ہوگا۔",
        "Rozumiałem lub rozumiałam, jak oceniane są potrzeby mojego dziecka i co będzie dalej.",
      ]),
    }),
    question({
      key: "autism_assessment",
      type: "single_choice",
      area: 7,
      text: text([
        "Has your child had an assessment for autism?",
        "کیا آپ کے بچے کا آٹزم کے لیے جائزہ ہوا ہے؟",
        "Czy Twoje dziecko miało diagnozę w kierunku autyzmu?",
      ]),
      options: [
        option("assessed", text(["Yes, they have been assessed", "ہاں، جائزہ ہو چکا ہے", "Tak, diagnoza została przeprowadzona"])),
        option("waiting", text(["They are waiting for an assessment", "وہ جائزے کا انتظار کر رہے ہیں", "Czeka na diagnozę"])),
        option("not_needed", text(["No, and they do not need one", "نہیں، اور اس کی ضرورت نہیں ہے", "Nie i nie jest potrzebna"])),
        option("not_sure", text(["I'm not sure", "مجھے یقین نہیں", "Nie wiem"])),
      ],
    }),
  ]),
  page("autism_wait", text(["Waiting for an autism assessment", "آٹزم کے جائزے کا انتظار", "Oczekiwanie na diagnozę autyzmu"]), [
    question({
      key: "autism_wait_months",
      type: "number",
      area: 7,
      min: 0,
      max: 120,
      condition: { question: "autism_assessment", anyOf: ["waiting"] },
      text: text([
        "How many months has your child been waiting for an autism assessment?",
        "آپ کا بچہ آٹزم کے جائزے کے لیے کتنے مہینوں سے انتظار کر رہا ہے؟",
        "Od ilu miesięcy Twoje dziecko czeka na diagnozę autyzmu?",
      ]),
      hint: text([
        "Count from when the referral was made. A rough figure is fine.",
        "ریفرل کیے جانے کے وقت سے گنیں۔ اندازاً تعداد بھی ٹھیک ہے۔",
        "Licz od dnia skierowania. Wystarczy przybliżona liczba.",
      ]),
    }),
  ]),
  page(
    "plan",
    text(["Your child's EHC plan", "آپ کے بچے کا EHC پلان", "Plan EHC Twojego dziecka"]),
    [
      question({
        key: "plan_start",
        type: "date",
        area: 6,
        text: text([
          "When did your child's EHC plan start?",
          "آپ کے بچے کا EHC پلان کب شروع ہوا؟",
          "Kiedy zaczął obowiązywać plan EHC Twojego dziecka?",
        ]),
        hint: text([
          "For example, 14 9 2023. Leave this blank if you are not sure.",
          "مثال کے طور پر، 14 9 2023۔ اگر آپ کو یقین نہیں تو اسے خالی چھوڑ دیں۔",
          "Na przykład 14 9 2023. Jeśli nie wiesz, zostaw puste.",
        ]),
      }),
      question({
        key: "plan_helps",
        type: "agreement",
        area: 6,
        text: text([
          "My child's EHC plan describes them well and sets out the help they need.",
          "میرے بچے کا EHC پلان اسے اچھی طرح بیان کرتا ہے اور اس کی ضرورت کی مدد واضح کرتا ہے۔",
          "Plan EHC dobrze opisuje moje dziecko i określa pomoc, której potrzebuje.",
        ]),
      }),
    ],
    { question: "ehc_plan", anyOf: ["yes"] },
  ),
  page("listened", text(["Being listened to", "آپ کی بات سنی جانا", "Czy Cię wysłuchano"]), [
    question({
      key: "listened_to",
      type: "agreement",
      required: true,
      area: 4,
      text: text([
        "People listened to me when decisions were made about my child's support.",
        "جب میرے بچے کی مدد کے بارے میں فیصلے کیے گئے تو میری بات سنی گئی۔",
        "Wysłuchano mnie, gdy podejmowano decyzje o wsparciu dla mojego dziecka.",
      ]),
    }),
  ]),
  page("listened_more", text(["Feeling listened to", "یہ محسوس کرنا کہ آپ کی بات سنی گئی", "Poczucie, że Cię wysłuchano"]), [
    question({
      key: "not_listened_why",
      type: "long_text",
      area: 4,
      condition: { question: "listened_to", anyOf: ["disagree", "strongly_disagree"] },
      text: text([
        "What would have helped you feel listened to?",
        "کس چیز سے آپ کو محسوس ہوتا کہ آپ کی بات سنی گئی ہے؟",
        "Co pomogłoby Ci poczuć, że Cię wysłuchano?",
      ]),
      hint: text(NO_NAMES),
    }),
  ]),
  page("support", text(["The support your child gets", "آپ کے بچے کو ملنے والی مدد", "Wsparcie, które otrzymuje Twoje dziecko"]), [
    question({
      key: "support_received",
      type: "multiple_choice",
      area: 3,
      text: text([
        "Which kinds of support has your child had in the last 12 months?",
        "پچھلے 12 مہینوں میں آپ کے بچے کو کس قسم کی مدد ملی ہے؟",
        "Jakie rodzaje wsparcia otrzymało Twoje dziecko w ciągu ostatnich 12 miesięcy?",
      ]),
      hint: text(SELECT_ALL),
      options: [
        option("help_in_school", text(["Extra help in school, nursery or college", "اسکول، نرسری یا کالج میں اضافی مدد", "Dodatkowa pomoc w szkole, przedszkolu lub college'u"])),
        option("speech_language", text(["Speech and language therapy", "اسپیچ اینڈ لینگویج تھراپی (بولنے اور زبان کا علاج)", "Terapia logopedyczna"])),
        option("occupational_therapy", text(["Occupational therapy or physiotherapy", "آکیوپیشنل تھراپی یا فزیوتھراپی", "Terapia zajęciowa lub fizjoterapia"])),
        option("mental_health", text(["Help with mental health or emotions", "ذہنی صحت یا جذبات کے لیے مدد", "Pomoc w zakresie zdrowia psychicznego lub emocji"])),
        option("short_breaks", text(["Short breaks or activities", "مختصر وقفے (شارٹ بریکس) یا سرگرمیاں", "Krótkie przerwy wytchnieniowe lub zajęcia"])),
        option("social_care", text(["Help from social care", "سوشل کیئر سے مدد", "Pomoc z opieki społecznej"])),
        option("none", text(["None of these", "ان میں سے کوئی نہیں", "Żadne z powyższych"])),
      ],
    }),
    question({
      key: "support_quality",
      type: "agreement",
      required: true,
      area: 11,
      text: text([
        "The support my child gets meets their needs.",
        "میرے بچے کو ملنے والی مدد اس کی ضروریات پوری کرتی ہے۔",
        "Wsparcie, które otrzymuje moje dziecko, odpowiada jego potrzebom.",
      ]),
    }),
  ]),
  page("learning", text(["Learning and school", "تعلیم اور اسکول", "Nauka i szkoła"]), [
    question({
      key: "learning_progress",
      type: "agreement",
      area: 8,
      text: text([
        "My child is making good progress with their learning.",
        "میرا بچہ اپنی تعلیم میں اچھی پیش رفت کر رہا ہے۔",
        "Moje dziecko robi dobre postępy w nauce.",
      ]),
    }),
    question({
      key: "school_exclusion",
      type: "yes_no_not_sure",
      area: 10,
      text: text([
        "In the last 12 months, has your child been sent home from school or excluded, even for one day?",
        "پچھلے 12 مہینوں میں کیا آپ کے بچے کو اسکول سے گھر بھیجا گیا یا نکالا گیا، چاہے ایک دن کے لیے ہی؟",
        "Czy w ciągu ostatnich 12 miesięcy Twoje dziecko zostało odesłane ze szkoły do domu lub zawieszone, choćby na jeden dzień?",
      ]),
    }),
  ]),
  page("life", text(["Health, friends and the future", "صحت، دوست اور مستقبل", "Zdrowie, przyjaciele i przyszłość"]), [
    question({
      key: "health_wellbeing",
      type: "agreement",
      area: 9,
      text: text([
        "The support has helped my child's health and wellbeing.",
        "اس مدد سے میرے بچے کی صحت اور خیریت میں بہتری آئی ہے۔",
        "Wsparcie pomogło zdrowiu i samopoczuciu mojego dziecka.",
      ]),
    }),
    question({
      key: "friends_community",
      type: "agreement",
      area: 8,
      text: text([
        "My child has friends and takes part in activities outside home.",
        "میرے بچے کے دوست ہیں اور وہ گھر سے باہر سرگرمیوں میں حصہ لیتا ہے۔",
        "Moje dziecko ma przyjaciół i bierze udział w zajęciach poza domem.",
      ]),
    }),
    question({
      key: "independence_future",
      type: "agreement",
      area: 9,
      text: text([
        "My child is being helped to become more independent and to plan for adult life.",
        "میرے بچے کو زیادہ خود مختار بننے اور بالغ زندگی کی منصوبہ بندی میں مدد دی جا رہی ہے۔",
        "Moje dziecko otrzymuje pomoc, by stać się bardziej samodzielne i zaplanować dorosłe życie.",
      ]),
    }),
  ]),
  page("your_views", text(["Information and your views", "معلومات اور آپ کی رائے", "Informacje i Twoje opinie"]), [
    question({
      key: "information_clear",
      type: "agreement",
      area: 12,
      text: text([
        "I can find clear information about SEND services, for example on the local offer website.",
        "مجھے SEND سروسز کے بارے میں واضح معلومات مل جاتی ہیں، مثال کے طور پر مقامی پیشکش کی ویب سائٹ پر۔",
        "Łatwo znajduję jasne informacje o usługach SEND, na przykład na stronie oferty lokalnej.",
      ]),
    }),
    question({
      key: "working_well",
      type: "short_text",
      area: 2,
      text: text([
        "What is one thing that is working well for your child?",
        "ایک ایسی چیز بتائیں جو آپ کے بچے کے لیے اچھی چل رہی ہے۔",
        "Podaj jedną rzecz, która dobrze się sprawdza w przypadku Twojego dziecka.",
      ]),
    }),
    question({
      key: "one_change",
      type: "long_text",
      area: 1,
      text: text([
        "If you could change one thing about the support for children with SEND in your area, what would it be?",
        "اگر آپ اپنے علاقے میں SEND والے بچوں کی مدد کے بارے میں ایک چیز بدل سکتے تو وہ کیا ہوتی؟",
        "Gdybyś mógł lub mogła zmienić jedną rzecz we wsparciu dzieci z SEND w Twojej okolicy, co by to było?",
      ]),
      hint: text(NO_NAMES),
    }),
  ]),
  page("about_you", text(ABOUT_YOU_TITLE), [
    question({
      key: "district",
      type: "single_choice",
      about: "district",
      area: 11,
      text: text(["Which district do you live in?", "آپ کس ضلع میں رہتے ہیں؟", "W którym dystrykcie mieszkasz?"]),
      hint: text(ABOUT_YOU_HINT),
    }),
    question({
      key: "age_band",
      type: "single_choice",
      about: "age_band",
      area: 2,
      text: text(["How old is your child?", "آپ کے بچے کی عمر کتنی ہے؟", "Ile lat ma Twoje dziecko?"]),
    }),
    question({
      key: "support_level",
      type: "single_choice",
      about: "support_level",
      area: 2,
      text: text(["What support does your child have?", "آپ کے بچے کو کس قسم کی مدد حاصل ہے؟", "Jakie wsparcie ma Twoje dziecko?"]),
    }),
    question({
      key: "completed_by",
      type: "single_choice",
      about: "completed_by",
      area: 4,
      text: text(["Who filled in this survey?", "یہ سروے کس نے بھرا؟", "Kto wypełnił tę ankietę?"]),
    }),
  ]),
];

export const parentCarerSurvey: SurveyDefinition = {
  title: text(["Parent and carer survey 2026", "والدین اور نگہداشت کرنے والوں کا سروے 2026", "Ankieta dla rodziców i opiekunów 2026"]),
  purpose: text([
    "Tell us what getting support for your child has been like this year: how their needs were assessed and planned for, whether you were listened to, the help your child gets and how things are going for them. Your answers help the SEND partnership decide what to improve first.",
    "ہمیں بتائیں کہ اس سال آپ کے بچے کے لیے مدد حاصل کرنا کیسا رہا: اس کی ضروریات کا جائزہ اور منصوبہ بندی کیسے ہوئی، کیا آپ کی بات سنی گئی، آپ کے بچے کو کیا مدد ملتی ہے اور اس کے لیے حالات کیسے جا رہے ہیں۔ آپ کے جوابات سے SEND پارٹنرشپ کو یہ فیصلہ کرنے میں مدد ملتی ہے کہ پہلے کیا بہتر بنانا ہے۔",
    "Powiedz nam, jak w tym roku wyglądało uzyskiwanie wsparcia dla Twojego dziecka: jak oceniono i zaplanowano jego potrzeby, czy Cię wysłuchano, jaką pomoc otrzymuje dziecko i jak sobie radzi. Twoje odpowiedzi pomagają partnerstwu SEND zdecydować, co poprawić w pierwszej kolejności.",
  ]),
  howUsed: text([
    "Your answers are anonymous: we do not ask for your name or your child's name, so please do not write names in the answer boxes. Answers are combined with everyone else's, and we never publish results for groups so small that a family could be recognised. What we change because of them is published under \"You said, we did\".",
    "آپ کے جوابات گمنام ہیں: ہم آپ کا یا آپ کے بچے کا نام نہیں پوچھتے، اس لیے براہ کرم جواب کے خانوں میں نام نہ لکھیں۔ جوابات سب کے جوابات کے ساتھ ملا دیے جاتے ہیں، اور ہم کبھی اتنے چھوٹے گروپوں کے نتائج شائع نہیں کرتے جن سے کسی خاندان کو پہچانا جا سکے۔ ان کی وجہ سے ہم جو کچھ بدلتے ہیں وہ \"آپ نے کہا، ہم نے کیا\" میں شائع ہوتا ہے۔",
    "Twoje odpowiedzi są anonimowe: nie pytamy o Twoje imię ani imię dziecka, więc prosimy nie wpisywać imion w polach odpowiedzi. Odpowiedzi łączymy z odpowiedziami wszystkich innych osób i nigdy nie publikujemy wyników dla grup tak małych, że można by rozpoznać rodzinę. To, co dzięki nim zmieniamy, publikujemy w sekcji „Powiedzieliście, zrobiliśmy”.",
  ]),
  estimatedMinutes: 10,
  pages: parentPages,
};

/**
 * Last year's wave: the same questions (same keys, so the years compare) but
 * without "working_well", which was added for 2026.
 */
export const parentCarerSurvey2025: SurveyDefinition = {
  ...parentCarerSurvey,
  title: parentCarerSurvey.title.map((v) => ({ ...v, text: v.text.replace("2026", "2025") })),
  pages: parentPages.map((p) => ({ ...p, questions: p.questions.filter((q) => q.key !== "working_well") })),
};

// ---- Young people's survey (easy read) -----------------------------------------------

const FACE_HINT = text(
  [
    "Choose the face that is closest to how you feel.",
    "وہ چہرہ چنیں جو آپ کے احساس کے سب سے قریب ہو۔",
    "Wybierz buźkę, która najlepiej pasuje do tego, co czujesz.",
  ],
  { words: ["Choose one face.", "ایک چہرہ چنیں۔", "Wybierz jedną buźkę."] },
);

const youngPeoplePages: SurveyPage[] = [
  page("listened", text(["Being listened to", "آپ کی بات سنی جانا", "Czy ktoś Cię słucha"], { words: ["Listening", "سننا", "Słuchanie"] }), [
    question({
      key: "listened_to",
      type: "face_scale",
      required: true,
      area: 4,
      text: text(
        [
          "How do you feel about how much adults listen to you about the help you get?",
          "بڑے آپ کو ملنے والی مدد کے بارے میں آپ کی بات کتنی سنتے ہیں، اس بارے میں آپ کیسا محسوس کرتے ہیں؟",
          "Co czujesz, myśląc o tym, jak bardzo dorośli słuchają Cię w sprawie pomocy, którą dostajesz?",
        ],
        {
          words: [
            "Do adults listen to you about your help? How do you feel about this?",
            "کیا بڑے آپ کی مدد کے بارے میں آپ کی بات سنتے ہیں؟ آپ اس بارے میں کیسا محسوس کرتے ہیں؟",
            "Czy dorośli słuchają Cię, gdy mówisz o swojej pomocy? Co o tym czujesz?",
          ],
          pictogram: "listen",
        },
      ),
      hint: FACE_HINT,
    }),
  ]),
  page("meetings", text(["Meetings about you", "آپ کے بارے میں میٹنگز", "Spotkania na Twój temat"], { words: ["Meetings", "میٹنگز", "Spotkania"] }), [
    question({
      key: "meeting_say",
      type: "yes_no_not_sure",
      area: 4,
      text: text(
        [
          "At meetings about your support, were you asked what you think?",
          "آپ کی مدد کے بارے میں میٹنگز میں کیا آپ سے پوچھا گیا کہ آپ کیا سوچتے ہیں؟",
          "Czy na spotkaniach dotyczących Twojego wsparcia ktoś zapytał, co myślisz?",
        ],
        {
          words: [
            "At your meetings, do people ask what you think?",
            "کیا آپ کی میٹنگز میں لوگ پوچھتے ہیں کہ آپ کیا سوچتے ہیں؟",
            "Czy na Twoich spotkaniach ludzie pytają, co myślisz?",
          ],
          pictogram: "meeting",
        },
      ),
    }),
  ]),
  page("plan", text(["Your plan", "آپ کا پلان", "Twój plan"], { words: ["Your plan", "آپ کا پلان", "Twój plan"] }), [
    question({
      key: "have_plan",
      type: "yes_no_not_sure",
      area: 6,
      text: text(
        [
          "Do you have an education, health and care (EHC) plan?",
          "کیا آپ کے پاس تعلیم، صحت اور دیکھ بھال (EHC) کا پلان ہے؟",
          "Czy masz plan edukacji, zdrowia i opieki (plan EHC)?",
        ],
        {
          words: ["Do you have a plan called an EHC plan?", "کیا آپ کے پاس EHC پلان نام کا ایک پلان ہے؟", "Czy masz plan, który nazywa się plan EHC?"],
          pictogram: "plan",
        },
      ),
      hint: text(
        [
          "It is a document that says what help you should get at school or college, and from health and care services.",
          "یہ ایک دستاویز ہے جس میں لکھا ہوتا ہے کہ آپ کو اسکول یا کالج میں، اور صحت اور دیکھ بھال کی سروسز سے کیا مدد ملنی چاہیے۔",
          "To dokument, który mówi, jaką pomoc powinieneś lub powinnaś dostać w szkole lub college'u oraz od służb zdrowia i opieki.",
        ],
        {
          words: [
            "It is a paper. It says what help you get.",
            "یہ ایک کاغذ ہے۔ اس میں لکھا ہے کہ آپ کو کیا مدد ملتی ہے۔",
            "To kartka. Jest na niej napisane, jaką pomoc dostajesz.",
          ],
        },
      ),
    }),
  ]),
  page("plan_helps", text(["How your plan helps", "آپ کا پلان کیسے مدد کرتا ہے", "Jak pomaga Ci Twój plan"], { words: ["Your plan", "آپ کا پلان", "Twój plan"] }), [
    question({
      key: "plan_helps",
      type: "face_scale",
      area: 6,
      condition: { question: "have_plan", anyOf: ["yes"] },
      text: text(
        [
          "How do you feel about how your plan helps you?",
          "آپ کا پلان آپ کی جس طرح مدد کرتا ہے، اس کے بارے میں آپ کیسا محسوس کرتے ہیں؟",
          "Co czujesz, myśląc o tym, jak pomaga Ci Twój plan?",
        ],
        {
          words: ["How do you feel about your plan?", "آپ اپنے پلان کے بارے میں کیسا محسوس کرتے ہیں؟", "Co czujesz, myśląc o swoim planie?"],
          pictogram: "plan",
        },
      ),
      hint: FACE_HINT,
    }),
  ]),
  page("school", text(["School or college", "اسکول یا کالج", "Szkoła lub college"], { words: ["School", "اسکول", "Szkoła"] }), [
    question({
      key: "feel_school",
      type: "face_scale",
      required: true,
      area: 8,
      text: text(
        [
          "How do you feel about school or college?",
          "آپ اسکول یا کالج کے بارے میں کیسا محسوس کرتے ہیں؟",
          "Co czujesz, myśląc o szkole lub college'u?",
        ],
        {
          words: ["How do you feel about school or college?", "آپ اسکول یا کالج کے بارے میں کیسا محسوس کرتے ہیں؟", "Co czujesz, myśląc o szkole?"],
          pictogram: "school",
        },
      ),
      hint: FACE_HINT,
    }),
  ]),
  page("help", text(["The help you get", "آپ کو ملنے والی مدد", "Pomoc, którą dostajesz"], { words: ["Your help", "آپ کی مدد", "Twoja pomoc"] }), [
    question({
      key: "help_feel",
      type: "face_scale",
      required: true,
      area: 11,
      text: text(
        [
          "How do you feel about the help you get with things you find hard?",
          "جن چیزوں میں آپ کو مشکل ہوتی ہے ان میں ملنے والی مدد کے بارے میں آپ کیسا محسوس کرتے ہیں؟",
          "Co czujesz, myśląc o pomocy w rzeczach, które są dla Ciebie trudne?",
        ],
        {
          words: [
            "Some things are hard for you. How do you feel about the help you get?",
            "کچھ چیزیں آپ کے لیے مشکل ہیں۔ آپ کو ملنے والی مدد کے بارے میں آپ کیسا محسوس کرتے ہیں؟",
            "Niektóre rzeczy są dla Ciebie trudne. Co czujesz, myśląc o pomocy, którą dostajesz?",
          ],
          pictogram: "help",
        },
      ),
      hint: FACE_HINT,
    }),
  ]),
  page("health", text(["Health", "صحت", "Zdrowie"], { words: ["Health", "صحت", "Zdrowie"] }), [
    question({
      key: "health_feel",
      type: "face_scale",
      area: 9,
      text: text(
        [
          "How do you feel about your health and how you feel in yourself?",
          "آپ اپنی صحت اور اپنی طبیعت کے بارے میں کیسا محسوس کرتے ہیں؟",
          "Co czujesz, myśląc o swoim zdrowiu i samopoczuciu?",
        ],
        {
          words: ["How do you feel about your health?", "آپ اپنی صحت کے بارے میں کیسا محسوس کرتے ہیں؟", "Co czujesz, myśląc o swoim zdrowiu?"],
          pictogram: "health",
        },
      ),
      hint: FACE_HINT,
    }),
  ]),
  page("friends", text(["Friends and free time", "دوست اور فارغ وقت", "Przyjaciele i czas wolny"], { words: ["Friends", "دوست", "Przyjaciele"] }), [
    question({
      key: "friends",
      type: "face_scale",
      area: 8,
      text: text(
        [
          "How do you feel about your friendships?",
          "آپ اپنی دوستیوں کے بارے میں کیسا محسوس کرتے ہیں؟",
          "Co czujesz, myśląc o swoich przyjaźniach?",
        ],
        {
          words: ["How do you feel about your friends?", "آپ اپنے دوستوں کے بارے میں کیسا محسوس کرتے ہیں؟", "Co czujesz, myśląc o swoich przyjaciołach?"],
          pictogram: "friends",
        },
      ),
      hint: FACE_HINT,
    }),
    question({
      key: "free_time",
      type: "multiple_choice",
      area: 8,
      text: text(
        [
          "What do you do in your free time?",
          "آپ اپنے فارغ وقت میں کیا کرتے ہیں؟",
          "Co robisz w wolnym czasie?",
        ],
        { words: ["What do you do in your free time?", "آپ فارغ وقت میں کیا کرتے ہیں؟", "Co robisz w wolnym czasie?"], pictogram: "play" },
      ),
      hint: text(SELECT_ALL, { words: ["You can choose more than one.", "آپ ایک سے زیادہ چن سکتے ہیں۔", "Możesz wybrać więcej niż jedno."] }),
      options: [
        option("sport", text(["Sport or exercise", "کھیل یا ورزش", "Sport lub ćwiczenia"], { words: ["Sport", "کھیل", "Sport"], pictogram: "sport" })),
        option("games", text(["Games, online or offline", "گیمز، آن لائن یا آف لائن", "Gry, w sieci lub bez"], { words: ["Games", "گیمز", "Gry"], pictogram: "play" })),
        option(
          "see_friends",
          text(["Seeing friends", "دوستوں سے ملنا", "Spotkania z przyjaciółmi"], { words: ["See friends", "دوستوں سے ملنا", "Spotykam przyjaciół"], pictogram: "friends" }),
        ),
        option("clubs", text(["Clubs or groups", "کلب یا گروپ", "Kluby lub grupy"], { words: ["Clubs", "کلب", "Kluby"], pictogram: "community" })),
        option(
          "family",
          text(["Doing things with my family", "اپنے گھر والوں کے ساتھ چیزیں کرنا", "Zajęcia z rodziną"], {
            words: ["Time with family", "گھر والوں کے ساتھ وقت", "Czas z rodziną"],
            pictogram: "family",
          }),
        ),
        option("at_home", text(["Staying at home", "گھر پر رہنا", "Zostaję w domu"], { words: ["Stay at home", "گھر پر رہنا", "Jestem w domu"], pictogram: "home" })),
      ],
    }),
  ]),
  page("future", text(["The future", "مستقبل", "Przyszłość"], { words: ["The future", "مستقبل", "Przyszłość"] }), [
    question({
      key: "future",
      type: "face_scale",
      area: 9,
      text: text(
        [
          "How do you feel about the future, for example what you will do after school or college?",
          "آپ مستقبل کے بارے میں کیسا محسوس کرتے ہیں، مثال کے طور پر اسکول یا کالج کے بعد آپ کیا کریں گے؟",
          "Co czujesz, myśląc o przyszłości, na przykład o tym, co będziesz robić po szkole lub college'u?",
        ],
        { words: ["How do you feel about the future?", "آپ مستقبل کے بارے میں کیسا محسوس کرتے ہیں؟", "Co czujesz, myśląc o przyszłości?"], pictogram: "future" },
      ),
      hint: FACE_HINT,
    }),
  ]),
  page("better", text(["Making things better", "چیزیں بہتر بنانا", "Co można poprawić"], { words: ["Your ideas", "آپ کے خیالات", "Twoje pomysły"] }), [
    question({
      key: "one_thing",
      type: "short_text",
      area: 1,
      text: text(
        [
          "What is one thing that would make things better for you?",
          "کون سی ایک چیز آپ کے لیے حالات بہتر بنا دے گی؟",
          "Jaka jedna rzecz sprawiłaby, że byłoby Ci lepiej?",
        ],
        { words: ["What would make things better for you?", "آپ کے لیے کیا چیز بہتر ہوگی؟", "Co by Ci pomogło?"], pictogram: "write" },
      ),
      hint: text(
        ["You do not have to answer this. Do not write anyone's name.", "اس کا جواب دینا ضروری نہیں۔ کسی کا نام نہ لکھیں۔", "Nie musisz odpowiadać. Nie pisz niczyjego imienia."],
        { words: ["You can leave this empty. Do not write names.", "آپ اسے خالی چھوڑ سکتے ہیں۔ نام نہ لکھیں۔", "Możesz to zostawić puste. Nie pisz imion."] },
      ),
    }),
  ]),
  page("about_you", text(ABOUT_YOU_TITLE, { words: ABOUT_YOU_TITLE }), [
    question({
      key: "age_band",
      type: "single_choice",
      about: "age_band",
      area: 2,
      text: text(["How old are you?", "آپ کی عمر کتنی ہے؟", "Ile masz lat?"], { words: ["How old are you?", "آپ کی عمر کتنی ہے؟", "Ile masz lat?"], pictogram: "age" }),
      hint: text(
        ["You do not have to answer these questions.", "ان سوالات کا جواب دینا ضروری نہیں۔", "Nie musisz odpowiadać na te pytania."],
        { words: ["You can skip these.", "آپ انہیں چھوڑ سکتے ہیں۔", "Możesz je pominąć."] },
      ),
    }),
    question({
      key: "district",
      type: "single_choice",
      about: "district",
      area: 11,
      text: text(["Which district do you live in?", "آپ کس ضلع میں رہتے ہیں؟", "W którym dystrykcie mieszkasz?"], {
        words: ["Where do you live?", "آپ کہاں رہتے ہیں؟", "Gdzie mieszkasz?"],
        pictogram: "place",
      }),
    }),
    question({
      key: "completed_by",
      type: "single_choice",
      about: "completed_by",
      area: 4,
      text: text(
        ["Did anyone help you answer these questions?", "کیا کسی نے ان سوالات کے جواب دینے میں آپ کی مدد کی؟", "Czy ktoś pomagał Ci odpowiadać na te pytania?"],
        { words: ["Who answered the questions?", "سوالات کے جواب کس نے دیے؟", "Kto odpowiadał na pytania?"], pictogram: "help" },
      ),
    }),
  ]),
];

export const youngPeopleSurvey: SurveyDefinition = {
  title: text(["Young people's survey 2026", "نوجوانوں کا سروے 2026", "Ankieta dla młodych ludzi 2026"], {
    words: ["Tell us what you think", "ہمیں بتائیں آپ کیا سوچتے ہیں", "Powiedz nam, co myślisz"],
    pictogram: "talk",
  }),
  purpose: text(
    [
      "This survey is for children and young people aged 8 to 25 who get extra help because of special educational needs or a disability. It asks about being listened to, the help you get, school or college, health, friends and the future.",
      "یہ سروے 8 سے 25 سال کے ان بچوں اور نوجوانوں کے لیے ہے جنہیں خصوصی تعلیمی ضروریات یا معذوری کی وجہ سے اضافی مدد ملتی ہے۔ اس میں پوچھا جاتا ہے کہ کیا آپ کی بات سنی جاتی ہے، آپ کو کیا مدد ملتی ہے، اور اسکول یا کالج، صحت، دوستوں اور مستقبل کے بارے میں۔",
      "Ta ankieta jest dla dzieci i młodych ludzi w wieku od 8 do 25 lat, którzy dostają dodatkową pomoc z powodu specjalnych potrzeb edukacyjnych lub niepełnosprawności. Pytamy w niej o to, czy ktoś Cię słucha, o pomoc, którą dostajesz, o szkołę lub college, zdrowie, przyjaciół i przyszłość.",
    ],
    {
      words: [
        "These questions are about you. They ask about your help, school, health, friends and the future. There are no right or wrong answers.",
        "یہ سوالات آپ کے بارے میں ہیں۔ یہ آپ کی مدد، اسکول، صحت، دوستوں اور مستقبل کے بارے میں ہیں۔ کوئی جواب صحیح یا غلط نہیں ہے۔",
        "Te pytania są o Tobie. Pytamy o pomoc, szkołę, zdrowie, przyjaciół i przyszłość. Nie ma dobrych ani złych odpowiedzi.",
      ],
    },
  ),
  howUsed: text(
    [
      "You do not give your name. Young people from the participation council help us read the answers. We use them to make the help better, and we will tell you what we changed.",
      "آپ اپنا نام نہیں بتاتے۔ شرکت کونسل کے نوجوان جوابات پڑھنے میں ہماری مدد کرتے ہیں۔ ہم ان سے مدد کو بہتر بناتے ہیں، اور ہم آپ کو بتائیں گے کہ ہم نے کیا بدلا۔",
      "Nie podajesz swojego imienia. Młodzi ludzie z rady młodzieżowej pomagają nam czytać odpowiedzi. Wykorzystamy je, żeby poprawić pomoc, i powiemy Ci, co zmieniliśmy.",
    ],
    {
      words: [
        "You do not write your name. We read all the answers. We use them to make things better. We will tell you what we did.",
        "آپ اپنا نام نہیں لکھتے۔ ہم سب جوابات پڑھتے ہیں۔ ہم ان سے چیزیں بہتر بناتے ہیں۔ ہم آپ کو بتائیں گے کہ ہم نے کیا کیا۔",
        "Nie piszesz swojego imienia. Czytamy wszystkie odpowiedzi. Dzięki nim coś poprawiamy. Powiemy Ci, co zrobiliśmy.",
      ],
    },
  ),
  estimatedMinutes: 8,
  pages: youngPeoplePages,
};

// ---- Practitioner survey ------------------------------------------------------------

export const practitionerSurvey: SurveyDefinition = {
  title: text(["Practitioner survey 2026", "پیشہ ور افراد کا سروے 2026", "Ankieta dla specjalistów 2026"]),
  purpose: text([
    "For everyone who works with children and young people with SEND, in education, health, social care or the voluntary sector. Tell us how assessment, planning and joint working are going, and whether outcomes are improving.",
    "یہ ان سب کے لیے ہے جو تعلیم، صحت، سوشل کیئر یا رضاکار شعبے میں SEND والے بچوں اور نوجوانوں کے ساتھ کام کرتے ہیں۔ ہمیں بتائیں کہ جائزہ، منصوبہ بندی اور مل کر کام کرنا کیسا چل رہا ہے، اور کیا نتائج بہتر ہو رہے ہیں۔",
    "Dla wszystkich, którzy pracują z dziećmi i młodzieżą z SEND w edukacji, ochronie zdrowia, opiece społecznej lub sektorze pozarządowym. Powiedz nam, jak przebiega ocena potrzeb, planowanie i współpraca oraz czy rezultaty się poprawiają.",
  ]),
  howUsed: text([
    "Answers are anonymous and reported only in groups. They go to the SEND partnership board and the working groups, alongside what families tell us.",
    "جوابات گمنام ہیں اور صرف گروپوں کی صورت میں رپورٹ کیے جاتے ہیں۔ یہ خاندانوں کی باتوں کے ساتھ SEND پارٹنرشپ بورڈ اور ورکنگ گروپس کو بھیجے جاتے ہیں۔",
    "Odpowiedzi są anonimowe i przedstawiane tylko zbiorczo. Trafiają do rady partnerstwa SEND i grup roboczych, razem z opiniami rodzin.",
  ]),
  estimatedMinutes: 8,
  pages: [
    page("your_role", text(["Your role", "آپ کا کردار", "Twoja rola"]), [
      question({
        key: "role",
        type: "single_choice",
        required: true,
        area: 2,
        text: text(["Which best describes your role?", "کون سا انتخاب آپ کے کردار کو سب سے بہتر بیان کرتا ہے؟", "Co najlepiej opisuje Twoją rolę?"]),
        options: [
          option("senco", text(["SENCO or inclusion lead", "SENCO یا انکلوژن لیڈ", "SENCO lub koordynator ds. edukacji włączającej"])),
          option("teacher", text(["Teacher or teaching assistant", "استاد یا ٹیچنگ اسسٹنٹ", "Nauczyciel lub asystent nauczyciela"])),
          option("early_years", text(["Early years practitioner", "ابتدائی سالوں (ارلی ایئرز) کے پیشہ ور", "Pracownik opieki nad małymi dziećmi (early years)"])),
          option(
            "health",
            text([
              "Health professional, for example a therapist, nurse or doctor",
              "صحت کے پیشہ ور، مثلاً تھراپسٹ، نرس یا ڈاکٹر",
              "Pracownik ochrony zdrowia, np. terapeuta, pielęgniarka lub lekarz",
            ]),
          ),
          option("social_care", text(["Social worker or social care practitioner", "سوشل ورکر یا سوشل کیئر کے پیشہ ور", "Pracownik socjalny lub pracownik opieki społecznej"])),
          option("send_team", text(["SEND or EHC plan co-ordinator", "SEND یا EHC پلان کوآرڈینیٹر", "Koordynator SEND lub planów EHC"])),
          option("voluntary", text(["Voluntary or community sector", "رضاکار یا کمیونٹی شعبہ", "Sektor wolontariacki lub społeczny"])),
          option("other", text(["Something else", "کچھ اور", "Coś innego"])),
        ],
      }),
    ]),
    page("identifying_needs", text(["Identifying needs", "ضروریات کی نشاندہی", "Rozpoznawanie potrzeb"]), [
      question({
        key: "referral_clear",
        type: "agreement",
        area: 5,
        text: text([
          "I know how to ask for a child's needs to be assessed, and what happens next.",
          "میں جانتا یا جانتی ہوں کہ کسی بچے کی ضروریات کے جائزے کی درخواست کیسے کی جاتی ہے، اور آگے کیا ہوتا ہے۔",
          "Wiem, jak wystąpić o ocenę potrzeb dziecka i co dzieje się potem.",
        ]),
      }),
      question({
        key: "assessment_timely",
        type: "agreement",
        area: 5,
        text: text([
          "EHC needs assessments for the children I work with are finished within 20 weeks.",
          "جن بچوں کے ساتھ میں کام کرتا یا کرتی ہوں ان کے EHC ضروریات کے جائزے 20 ہفتوں کے اندر مکمل ہو جاتے ہیں۔",
          "Oceny potrzeb EHC dzieci, z którymi pracuję, kończą się w ciągu 20 tygodni.",
        ]),
      }),
    ]),
    page("plans", text(["EHC plans and joint working", "EHC پلان اور مل کر کام کرنا", "Plany EHC i współpraca"]), [
      question({
        key: "plan_quality",
        type: "agreement",
        required: true,
        area: 6,
        text: text([
          "The EHC plans I see describe children's needs and outcomes clearly.",
          "جو EHC پلان میں دیکھتا یا دیکھتی ہوں ان میں بچوں کی ضروریات اور نتائج واضح طور پر بیان ہوتے ہیں۔",
          "Plany EHC, które widzę, jasno opisują potrzeby dzieci i zamierzone rezultaty.",
        ]),
      }),
      question({
        key: "joint_working",
        type: "agreement",
        area: 3,
        text: text([
          "Education, health and social care work well together for the children I support.",
          "جن بچوں کی میں مدد کرتا یا کرتی ہوں ان کے لیے تعلیم، صحت اور سوشل کیئر مل کر اچھا کام کرتے ہیں۔",
          "Edukacja, ochrona zdrowia i opieka społeczna dobrze współpracują na rzecz dzieci, którym pomagam.",
        ]),
      }),
    ]),
    page("plans_more", text(["What plans are missing", "پلانوں میں کیا کمی ہے", "Czego brakuje w planach"]), [
      question({
        key: "plan_quality_why",
        type: "long_text",
        area: 6,
        condition: { question: "plan_quality", anyOf: ["disagree", "strongly_disagree"] },
        text: text([
          "What is most often missing or wrong in the plans you see?",
          "آپ جو پلان دیکھتے ہیں ان میں اکثر کیا کمی یا غلطی ہوتی ہے؟",
          "Czego najczęściej brakuje lub co jest błędne w planach, które widzisz?",
        ]),
        hint: text([
          "Please do not name children, families or colleagues.",
          "براہ کرم بچوں، خاندانوں یا ساتھیوں کے نام نہ لکھیں۔",
          "Prosimy nie podawać imion dzieci, rodzin ani współpracowników.",
        ]),
      }),
    ]),
    page("families", text(["Working with families", "خاندانوں کے ساتھ کام", "Współpraca z rodzinami"]), [
      question({
        key: "families_involved",
        type: "agreement",
        area: 4,
        text: text([
          "Families are fully involved in planning their child's support.",
          "خاندان اپنے بچے کی مدد کی منصوبہ بندی میں پوری طرح شامل ہوتے ہیں۔",
          "Rodziny w pełni uczestniczą w planowaniu wsparcia dla swojego dziecka.",
        ]),
      }),
      question({
        key: "provision_gaps",
        type: "multiple_choice",
        area: 11,
        text: text([
          "Where are the biggest gaps in provision in the area where you work?",
          "جس علاقے میں آپ کام کرتے ہیں وہاں سروسز میں سب سے بڑی کمی کہاں ہے؟",
          "Gdzie są największe luki we wsparciu w rejonie, w którym pracujesz?",
        ]),
        hint: text(SELECT_ALL),
        options: [
          option("autism_assessment", text(["Autism assessment", "آٹزم کا جائزہ", "Diagnoza autyzmu"])),
          option("speech_language", text(["Speech and language therapy", "اسپیچ اینڈ لینگویج تھراپی", "Terapia logopedyczna"])),
          option("mental_health", text(["Mental health support", "ذہنی صحت کی مدد", "Wsparcie zdrowia psychicznego"])),
          option("short_breaks", text(["Short breaks", "مختصر وقفے (شارٹ بریکس)", "Krótkie przerwy wytchnieniowe"])),
          option("specialist_places", text(["Specialist school places", "خصوصی اسکولوں میں جگہیں", "Miejsca w szkołach specjalnych"])),
          option("post_16", text(["Options after 16", "16 سال کے بعد کے مواقع", "Możliwości po 16. roku życia"])),
          option("adult_transition", text(["Moving to adult health services", "بالغوں کی صحت کی سروسز میں منتقلی", "Przejście do usług zdrowotnych dla dorosłych"])),
        ],
      }),
    ]),
    page("outcomes", text(["Outcomes", "نتائج", "Rezultaty"]), [
      question({
        key: "outcomes_improving",
        type: "agreement",
        area: 8,
        text: text([
          "Outcomes for children and young people with SEND in my area have improved in the last year.",
          "میرے علاقے میں SEND والے بچوں اور نوجوانوں کے نتائج پچھلے سال میں بہتر ہوئے ہیں۔",
          "W ostatnim roku rezultaty dzieci i młodzieży z SEND w mojej okolicy się poprawiły.",
        ]),
      }),
      question({
        key: "exclusion_seen",
        type: "yes_no_not_sure",
        area: 10,
        text: text([
          "In the last 12 months, has a child with an EHC plan that you work with been permanently excluded?",
          "پچھلے 12 مہینوں میں کیا کوئی ایسا بچہ جس کا EHC پلان ہے اور جس کے ساتھ آپ کام کرتے ہیں، مستقل طور پر اسکول سے نکالا گیا؟",
          "Czy w ciągu ostatnich 12 miesięcy dziecko z planem EHC, z którym pracujesz, zostało trwale wydalone ze szkoły?",
        ]),
      }),
    ]),
    page("training", text(["Training", "تربیت", "Szkolenia"]), [
      question({
        key: "training_days",
        type: "number",
        area: 5,
        min: 0,
        max: 100,
        text: text([
          "How many days of SEND training have you had in the last 12 months?",
          "پچھلے 12 مہینوں میں آپ نے SEND کی کتنے دن کی تربیت حاصل کی؟",
          "Ile dni szkoleń z zakresu SEND odbyłeś lub odbyłaś w ciągu ostatnich 12 miesięcy?",
        ]),
        hint: text([
          "Enter a whole number of days. Enter 0 if you have had none.",
          "دنوں کی پوری تعداد لکھیں۔ اگر کوئی تربیت نہیں ہوئی تو 0 لکھیں۔",
          "Wpisz liczbę całych dni. Wpisz 0, jeśli nie było żadnych.",
        ]),
      }),
    ]),
    page("your_views", text(["Your views", "آپ کی رائے", "Twoje opinie"]), [
      question({
        key: "improve_one",
        type: "long_text",
        area: 1,
        text: text([
          "What one change would make the most difference for children and families?",
          "کون سی ایک تبدیلی بچوں اور خاندانوں کے لیے سب سے زیادہ فرق ڈالے گی؟",
          "Jaka jedna zmiana miałaby największe znaczenie dla dzieci i rodzin?",
        ]),
      }),
    ]),
    page("about_you", text(ABOUT_YOU_TITLE), [
      question({
        key: "district",
        type: "single_choice",
        about: "district",
        area: 11,
        text: text(["Which district do you mostly work in?", "آپ زیادہ تر کس ضلع میں کام کرتے ہیں؟", "W którym dystrykcie najczęściej pracujesz?"]),
        hint: text(ABOUT_YOU_HINT),
      }),
    ]),
  ],
};

// ---- The demo's surveys ------------------------------------------------------------

export interface DemoSurvey {
  slug: string;
  audience: "parent_carer" | "young_person" | "practitioner";
  series: string;
  wave: string;
  definition: SurveyDefinition;
}

export const PARENT_CARER_SURVEY_2026: DemoSurvey = {
  slug: "parent-carer-survey-2026",
  audience: "parent_carer",
  series: "parent-carer-annual",
  wave: "2026",
  definition: parentCarerSurvey,
};
export const PARENT_CARER_SURVEY_2025: DemoSurvey = {
  slug: "parent-carer-survey-2025",
  audience: "parent_carer",
  series: "parent-carer-annual",
  wave: "2025",
  definition: parentCarerSurvey2025,
};
export const YOUNG_PEOPLE_SURVEY_2026: DemoSurvey = {
  slug: "young-people-survey-2026",
  audience: "young_person",
  series: "young-people-annual",
  wave: "2026",
  definition: youngPeopleSurvey,
};
export const PRACTITIONER_SURVEY_2026: DemoSurvey = {
  slug: "practitioner-survey-2026",
  audience: "practitioner",
  series: "practitioner-annual",
  wave: "2026",
  definition: practitionerSurvey,
};

// ---- Fictional free-text answers ---------------------------------------------------
// Short, plain, identifying nobody real. A few carry a phone number (from Ofcom's
// ranges kept for drama) or a made-up name, so redaction has something to find.

export type FreeTextPools = Record<string, { en: string[]; ur: string[]; pl: string[] }>;

export const freeTextPools: FreeTextPools = {
  not_listened_why: {
    en: [
      "Being asked what I thought before the plan was written, not after.",
      "Someone actually reading the reports I sent in.",
      "A meeting at a time I could get to. They were all in working hours.",
      "Not being talked over at the review meeting.",
      "Keeping the same case worker for more than a few months.",
      "Being told why our request was turned down.",
      "A phone call back. Emails went unanswered for weeks.",
      "If the school had told me about the meeting before it happened.",
      "Our case officer Gary Whitlock never replied once, so I gave up.",
    ],
    ur: ["میٹنگ میں ترجمان ہونا چاہیے تھا۔", "فیصلے سے پہلے مجھ سے پوچھا جاتا۔", "کوئی فون کر کے بتاتا کہ کیا ہو رہا ہے۔"],
    pl: ["Tłumacz na spotkaniu.", "Gdyby ktoś odpowiedział na moje maile.", "Gdyby zapytano mnie o zdanie przed decyzją."],
  },
  working_well: {
    en: [
      "The teaching assistant really understands him.",
      "Portage was brilliant when she was little.",
      "The speech and language drop-in sessions.",
      "The parent carer forum coffee mornings.",
      "The new SENCO keeps in touch every week.",
      "Occupational therapy helped with his handwriting.",
      "The information and advice service helped me prepare for the review.",
      "Saturday short breaks give us all some rest.",
      "Her college course is going well.",
      "A quiet space at lunchtime.",
      "Miss Ashworth in year 4 is fantastic with him.",
    ],
    ur: ["اسکول میں اضافی مدد اچھی ہے۔", "اسپیچ تھراپی سے بہت فرق پڑا ہے۔"],
    pl: ["Asystentka w klasie bardzo pomaga.", "Zajęcia w sobotę są świetne."],
  },
  one_change: {
    en: [
      "Shorter waits for an autism assessment. We have waited well over a year.",
      "One named person to contact who knows our case.",
      "Send the draft plan in time to read it properly before the meeting.",
      "More short breaks for older children. There is nothing for over 11s near us.",
      "Training for all school staff, not just the SENCO.",
      "Reply to emails. I have chased the SEND team many times.",
      "Help for families before things reach crisis point.",
      "Annual reviews that actually happen every year.",
      "Better school transport. The journey is far too long.",
      "Speech therapy in school, not once a term in a clinic.",
      "Mental health support for children who are too anxious to go to school.",
      "Information in plain English, and in other languages.",
      "Please ring me on 07700 900417, nobody has answered my complaint.",
      "The same help in the north of the county as in the south.",
    ],
    ur: [
      "آٹزم کے جائزے کا انتظار بہت لمبا ہے۔",
      "معلومات اردو میں بھی ہونی چاہئیں۔",
      "اسکول میں زیادہ مدد ملنی چاہیے۔",
      "براہ کرم مجھے 07700 900582 پر فون کریں۔",
    ],
    pl: ["Krótsze oczekiwanie na diagnozę.", "Więcej informacji po polsku.", "Lepszy kontakt z zespołem SEND."],
  },
  one_thing: {
    en: [
      "More clubs for people like me.",
      "A quiet room at school.",
      "Teachers explaining things more slowly.",
      "Help to get the bus on my own.",
      "A job when I leave college.",
      "Less homework.",
      "Someone to talk to when I am worried.",
      "Ask me, not just my mum.",
      "Learning to cook.",
      "I want Miss Farrow to stay as my helper next year.",
      "Being in the same class as my friends.",
    ],
    ur: ["اسکول میں خاموش کمرہ۔", "زیادہ کھیل۔"],
    pl: ["Więcej zajęć sportowych.", "Pomoc w szukaniu pracy."],
  },
  plan_quality_why: {
    en: [
      "Outcomes are vague and cannot be measured.",
      "Health advice is often missing or out of date.",
      "The child's own views are hardly there.",
      "Provision is not specific about hours or who delivers it.",
      "The social care section often says no needs without any assessment.",
      "Plans arrive after the deadline and are copied from old reports.",
    ],
    ur: ["صحت کی معلومات اکثر نہیں ہوتیں۔"],
    pl: ["Cele są zbyt ogólne."],
  },
  improve_one: {
    en: [
      "A single point of contact for schools in each district.",
      "Joint training for health and education staff.",
      "Faster autism assessment in the north of the county.",
      "Outreach support for mainstream schools before exclusion happens.",
      "Time to write plans with families properly.",
      "Fewer changes of caseworker.",
      "Happy to talk about our outreach model, call 01632 960123.",
      "Earlier planning for moving to adult services, from year 9.",
    ],
    ur: ["خاندانوں کے لیے ترجمان کی سہولت۔"],
    pl: ["Więcej szkoleń dla nauczycieli."],
  },
};
