/**
 * The re-visit parents' survey as it starts: one page for each area of concern the
 * written statement of action asks inspectors to look at again, then two questions
 * for everyone and the optional "about you" questions. English standard only at first:
 * officers adapt it in the survey builder (translations, easy read) and the parent carer
 * forum reviews the wording before it is scheduled. Pure.
 */
import { QuestionSchema, type Question, type SurveyDefinition, type SurveyPage, type Text } from "../surveys/definition";

export interface Focus {
  number: number;
  /** The area of concern in a parent's words ("Parents and carers were not listened to"). */
  plainTitle: string;
}

const en = (text: string): Text => [
  {
    language: "en-GB",
    format: "standard",
    text,
    pictogram: null,
    reviewed: true,
  },
];

/** An optional question; the schema fills in every other default (no hint, no options, "don't know" offered). */
function question(input: Partial<Question> & Pick<Question, "key" | "type" | "text">): Question {
  return QuestionSchema.parse({ required: false, ...input });
}

const NO_NAMES = en("Please do not write your name, your child's name or the name of anyone who works with your child.");

export function revisitDefinition({ title, focuses }: { title: string; focuses: Focus[] }): SurveyDefinition {
  const areaPages: SurveyPage[] = focuses.map((focus) => ({
    key: `area_${focus.number}`,
    title: en(focus.plainTitle),
    condition: null,
    questions: [
      question({
        key: `change_${focus.number}`,
        type: "single_choice",
        areaOfConcern: focus.number,
        text: en(
          `The last inspection found: “${focus.plainTitle}”. Since then, has this got better, stayed the same or got worse for your family?`
        ),
        options: [
          { value: "better", label: en("Better") },
          { value: "same", label: en("About the same") },
          { value: "worse", label: en("Worse") },
          { value: "dont_know", label: en("I don't know") },
        ],
      }),
      question({
        key: `more_${focus.number}`,
        type: "long_text",
        areaOfConcern: focus.number,
        text: en("Tell us more"),
        hint: NO_NAMES,
      }),
    ],
  }));
  return {
    title: en(title),
    purpose: en(
      "Inspectors from Ofsted and the Care Quality Commission are coming back to see whether support for children and young people with special educational needs and disabilities (SEND) has got better. They want to hear from parents and carers. Your answers go to the inspectors."
    ),
    howUsed: en(
      "Your answers are anonymous: we do not ask for your name. The inspectors see totals and what parents wrote, with names taken out. We never show results for groups so small that a family could be recognised. If you tell us that a child is at risk of harm, we will pass it to the safeguarding team."
    ),
    estimatedMinutes: Math.max(5, 2 * focuses.length + 3),
    pages: [
      ...areaPages,
      {
        key: "overall",
        title: en("Overall"),
        condition: null,
        questions: [
          question({
            key: "listened",
            type: "agreement",
            areaOfConcern: 4,
            text: en("The council and health services listen to parents and carers and act on what we say."),
          }),
          question({
            key: "one_thing",
            type: "long_text",
            text: en("What one thing would make the biggest difference to your child?"),
            hint: NO_NAMES,
          }),
        ],
      },
      {
        key: "about_you",
        title: en("About you"),
        condition: null,
        questions: [
          question({
            key: "district",
            type: "single_choice",
            about: "district",
            text: en("Which district do you live in?"),
          }),
          question({
            key: "age_band",
            type: "single_choice",
            about: "age_band",
            text: en("How old is your child?"),
          }),
          question({
            key: "support_level",
            type: "single_choice",
            about: "support_level",
            text: en("What support does your child have?"),
          }),
          question({
            key: "completed_by",
            type: "single_choice",
            about: "completed_by",
            text: en("Who filled in this survey?"),
          }),
        ],
      },
    ],
  };
}

/** The areas of concern a survey's questions are tied to, in order of first appearance. */
export function focusNumbers(definition: SurveyDefinition): number[] {
  const numbers: number[] = [];
  for (const page of definition.pages) {
    for (const q of page.questions) {
      if (q.areaOfConcern != null && !q.about && !numbers.includes(q.areaOfConcern)) numbers.push(q.areaOfConcern);
    }
  }
  return numbers;
}
