import { useMatches } from "@remix-run/react";
import { useContext } from "react";
import { useTranslation } from "react-i18next";
// Remix keeps every route's action data here; useActionData only sees the current route's.
import { UNSAFE_DataRouterStateContext } from "react-router-dom";

/** What a loader returns to name its page: translated on the server, so the title is in the visitor's language. */
export interface Titled {
  pageTitle: string;
}

/**
 * The document title: the deepest page's title, then the service name; with
 * "Error: " in front when a form on the page came back with errors (GOV.UK
 * pattern), which works without JavaScript because it is rendered on the server.
 */
export function usePageTitle(serviceName: string): string {
  const { t } = useTranslation("common");
  const matches = useMatches();
  const state = useContext(UNSAFE_DataRouterStateContext);
  const leaf = [...matches].reverse().find((m) => typeof (m.data as Partial<Titled> | undefined)?.pageTitle === "string");
  const pageTitle = (leaf?.data as Titled | undefined)?.pageTitle;
  const hasErrors = Object.values(state?.actionData ?? {}).some((data) => {
    const errors = (data as { errors?: Record<string, unknown> } | null)?.errors;
    return errors !== undefined && Object.keys(errors).length > 0;
  });
  const base = pageTitle ? `${pageTitle} – ${serviceName}` : serviceName;
  return hasErrors ? `${t("errorPrefix")} ${base}` : base;
}
