import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export type TagColour = "grey" | "green" | "turquoise" | "blue" | "light-blue" | "purple" | "pink" | "red" | "orange" | "yellow";

export interface TagProps {
  /** Leave out for the default (dark blue) tag. */
  colour?: TagColour;
  children: ReactNode;
}

/** GOV.UK tag: a short status in words. The colour only backs up the words. */
export function Tag({ colour, children }: TagProps) {
  return <strong className={`govuk-tag${colour ? ` govuk-tag--${colour}` : ""}`}>{children}</strong>;
}

export type RagStatus = "red" | "amber" | "green" | "blue" | "not_started";

/** The GOV.UK tag colour for each red/amber/green (+ blue for complete, grey for not started) status. */
export const ragColours: Record<RagStatus, TagColour> = {
  red: "red",
  amber: "yellow",
  green: "green",
  blue: "blue",
  not_started: "grey",
};

export interface RagTagProps {
  status: RagStatus;
  /**
   * Words for the status, e.g. "On track". Defaults to the rating's name
   * ("Red", "Amber", "Green", "Blue", "Not started"): a RAG colour is never
   * shown without words.
   */
  children?: ReactNode;
}

/** A RAG (red, amber, green; blue for complete) status as a GOV.UK tag, always with words. */
export function RagTag({ status, children }: RagTagProps) {
  const { t } = useTranslation("common");
  return <Tag colour={ragColours[status]}>{children ?? t(`rag.${status}`)}</Tag>;
}
