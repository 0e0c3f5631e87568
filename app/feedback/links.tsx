import { useTranslation } from "react-i18next";
import { Checkboxes } from "~/components/forms/checkboxes";
import type { LinkSummary } from "./triage";

export interface ActionGroupChoices {
  groupId: number | null;
  groupName: string | null;
  actions: { id: number; letter: string; title: string }[];
}

/**
 * The improvement plan's actions as checkboxes on the triage page's links form, one set
 * per working group (the item's own group first), all named "actions" so the form sends
 * them together (docs/decisions/034). The first box carries the field's id, so the error
 * summary's link lands on it.
 */
export function ActionChoices({ groups, ticked, error }: { groups: ActionGroupChoices[]; ticked: string[]; error?: string }) {
  const { t } = useTranslation("feedback-loop");
  if (groups.length === 0) return null;
  return (
    <>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-2">{t("links.actionsHeading")}</h3>
      <p className="govuk-hint">{t("links.actionsHint")}</p>
      {groups.map((group, index) => (
        <Checkboxes
          key={group.groupId ?? "none"}
          name="actions"
          id={index === 0 ? "actions" : `actions-${group.groupId ?? "none"}`}
          legend={group.groupName ? t("links.actionsOf", { group: group.groupName }) : t("links.actionsOfNoGroup")}
          legendSize="s"
          small
          error={index === 0 ? error : undefined}
          defaultValues={ticked}
          choices={group.actions.map((a) => ({ value: String(a.id), label: `${a.letter}: ${a.title}` }))}
        />
      ))}
    </>
  );
}

/** What a "linked" step in the history linked: areas of concern, actions, tasks and themes. */
export function LinkedInHistory({ links }: { links: LinkSummary }) {
  const { t } = useTranslation("feedback-loop");
  const parts = [
    links.concerns.length ? t("history.concerns", { list: links.concerns.join(", ") }) : null,
    links.actions.length ? t("history.actions", { list: links.actions.join(", ") }) : null,
    links.tasks.length ? t("history.tasks", { list: links.tasks.join(", ") }) : null,
    links.themes.length ? t("history.themes", { list: links.themes.join(", ") }) : null,
  ].filter((p): p is string => p !== null);
  return <p className="govuk-body-s govuk-!-margin-bottom-1">{parts.length ? parts.join(" ") : t("history.nothing")}</p>;
}
