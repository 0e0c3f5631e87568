import { useTranslation } from "react-i18next";
import type { Rag } from "../../db/schema";
import { RagTag } from "~/components/tag";
import { formatDate } from "~/utils/dates";
import { RAG_ORDER } from "./progress";

/** A task's RAG as a tag that says what it means ("On track (green)"): the colour only backs up the words. */
export function ProgressTag({ rag }: { rag: Rag }) {
  const { t } = useTranslation("working-groups");
  return <RagTag status={rag}>{t(`rag.${rag}`)}</RagTag>;
}

/** How many tasks have each rating, as a list: "On track (green) 4 tasks", "Complete (blue) 3 tasks". */
export function RagSummary({ counts }: { counts: { rag: Rag; count: number }[] }) {
  const { t } = useTranslation("working-groups");
  if (counts.length === 0) return <p className="govuk-body">{t("public.index.noTasks")}</p>;
  return (
    <ul className="govuk-list">
      {counts.map(({ rag, count }) => (
        <li key={rag}>
          <ProgressTag rag={rag} /> <span>{t("public.index.tasks", { count })}</span>
        </li>
      ))}
    </ul>
  );
}

/** What each rating means, in words. */
export function RagKey() {
  const { t } = useTranslation("working-groups");
  return (
    <dl className="govuk-summary-list govuk-summary-list--no-border">
      {RAG_ORDER.map((rag) => (
        <div className="govuk-summary-list__row" key={rag}>
          <dt className="govuk-summary-list__key">
            <ProgressTag rag={rag} />
          </dt>
          <dd className="govuk-summary-list__value">{t(`ragMeaning.${rag}`)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A calendar date ("2026-11-20") in words, in a <time> element. */
export function Day({ date }: { date: string }) {
  const { i18n } = useTranslation();
  // A calendar date names a day, not an instant: read it at noon UTC so no zone moves it.
  return <time dateTime={date}>{formatDate(`${date}T12:00:00Z`, i18n.language)}</time>;
}
