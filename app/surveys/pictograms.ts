/**
 * The pictogram set for easy read: simple line drawings made for this portal,
 * one SVG file per name in public/pictograms (licence: public/pictograms/LICENCE.md).
 * A pictogram sits beside words that say the same thing, so it is decorative
 * (alt=""); `label` is for officers choosing one in the builder.
 */
export const PICTOGRAMS = {
  "agree-strongly": "Strongly agree",
  agree: "Agree",
  neither: "Neither agree nor disagree",
  disagree: "Disagree",
  "disagree-strongly": "Strongly disagree",
  "dont-know": "Don't know",
  yes: "Yes",
  no: "No",
  "not-sure": "Not sure",
  school: "School",
  college: "College",
  home: "Home",
  family: "Family",
  friends: "Friends",
  health: "Health",
  doctor: "Doctor",
  therapy: "Therapy",
  help: "Help",
  learning: "Learning",
  play: "Play and free time",
  sport: "Sport",
  community: "Community",
  travel: "Travel",
  money: "Money",
  job: "Work",
  future: "The future",
  choices: "Choices",
  listen: "Being listened to",
  talk: "Talking",
  happy: "Happy",
  sad: "Sad",
  worried: "Worried",
  safe: "Safe",
  plan: "A plan",
  meeting: "A meeting",
  write: "Writing",
  person: "Me",
  people: "People",
  place: "Where I live",
  age: "Age",
  clock: "Time",
  question: "Question",
  information: "Information",
  independence: "Doing things for myself",
  feelings: "Feelings",
  communication: "Communication",
} as const;

export type PictogramName = keyof typeof PICTOGRAMS;

export function isPictogram(name: string | null | undefined): name is PictogramName {
  return typeof name === "string" && Object.hasOwn(PICTOGRAMS, name);
}

export function pictogramUrl(name: PictogramName): string {
  return `/pictograms/${name}.svg`;
}

/** Pictograms for the fixed options of the built-in scales. */
export const SCALE_PICTOGRAMS: Record<string, PictogramName> = {
  strongly_agree: "agree-strongly",
  agree: "agree",
  neither: "neither",
  disagree: "disagree",
  strongly_disagree: "disagree-strongly",
  dont_know: "dont-know",
  yes: "yes",
  no: "no",
  not_sure: "not-sure",
};
