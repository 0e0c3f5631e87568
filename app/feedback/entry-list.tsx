import { useTranslation } from "react-i18next";
import { SummaryList } from "~/components/summary-list";
import { Verbatim } from "./verbatim";

/**
 * Published "You said, we did" entries: what people said, what we did, what we will do.
 * Each says its working group, or, on a page grouped by working group, its theme instead
 * (`show="theme"`; docs/decisions/034).
 */
export function EntryList({
  entries,
  show = "group",
}: {
  entries: {
    id: string;
    you_said: string;
    we_did: string;
    action: string;
    theme?: string;
    group_name?: string | null;
    cosigned_as?: string | null;
  }[];
  show?: "group" | "theme";
}) {
  const { t } = useTranslation("you-said-we-did");
  return (
    <>
      {entries.map((entry) => (
        <SummaryList
          key={entry.id}
          rows={[
            { key: t("labels.youSaid"), value: <Verbatim text={entry.you_said} /> },
            { key: t("labels.weDid"), value: <Verbatim text={entry.we_did} /> },
            { key: t("labels.action"), value: <Verbatim text={entry.action} /> },
            ...(show === "group" && entry.group_name ? [{ key: t("labels.group"), value: entry.group_name }] : []),
            ...(show === "theme" && entry.theme ? [{ key: t("feedback-loop:yswd.themeLabel"), value: t(`themes.${entry.theme}`) }] : []),
            ...(entry.cosigned_as ? [{ key: t("labels.cosigned"), value: t(`cosign.as.${entry.cosigned_as}`) }] : []),
          ]}
        />
      ))}
    </>
  );
}
