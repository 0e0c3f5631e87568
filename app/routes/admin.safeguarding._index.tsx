import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { Button } from "~/components/button";
import { Select } from "~/components/forms/select";
import { Table } from "~/components/table";
import { Tag } from "~/components/tag";
import i18next from "~/i18n/i18next.server";
import { flagStatuses, QUEUE_PATH } from "~/safeguarding/model";
import { listFlags } from "~/safeguarding/safeguarding.server";
import { formatInstantInWords } from "~/utils/dates";

export const handle = { i18n: ["common", "safeguarding"] };

const filters = ["active", ...flagStatuses, "all"] as const;
type Filter = (typeof filters)[number];

/** The designated safeguarding lead's queue: no text here, only where and when (docs/decisions/020). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "safeguarding.queue");
  const t = await i18next.getFixedT(request, "safeguarding");
  const asked = new URL(request.url).searchParams.get("status") ?? "active";
  const filter: Filter = (filters as readonly string[]).includes(asked) ? (asked as Filter) : "active";
  const rows = await listFlags(context.db, { status: filter === "active" || filter === "all" ? "all" : filter });
  const flags = filter === "active" ? rows.filter((r) => r.status !== "closed") : rows;
  return json({ pageTitle: t("queue.title"), filter, flags });
}

export default function SafeguardingQueue() {
  const { t, i18n } = useTranslation("safeguarding");
  const { filter, flags } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h1 className="govuk-heading-l">{t("queue.title")}</h1>
        <p className="govuk-body">{t("queue.intro")}</p>
        <Form method="get" className="govuk-!-margin-bottom-6">
          <Select name="status" label={t("queue.filter")} defaultValue={filter} options={filters.map((f) => ({ value: f, label: t(`queue.filters.${f}`) }))} />
          <Button variant="secondary">{t("queue.apply")}</Button>
        </Form>
        {flags.length === 0 ? (
          <p className="govuk-body">{t("queue.none")}</p>
        ) : (
          <Table
            caption={t("queue.caption")}
            columns={[{ header: t("queue.received") }, { header: t("queue.source") }, { header: t("queue.matched") }, { header: t("queue.status") }, { header: "" }]}
            rowKeys={flags.map((f) => f.id)}
            rows={flags.map((f) => {
              const when = formatInstantInWords(f.created_at, i18n.language);
              return [
                <time key="t" dateTime={new Date(f.created_at).toISOString()}>
                  {when}
                </time>,
                t(`sources.${f.source}`),
                f.raised_by === "person" ? t("queue.byHand") : (f.matched as string[]).join(", "),
                <Tag key="s" colour={f.status === "open" ? "red" : f.status === "in_progress" ? "yellow" : "grey"}>
                  {t(`statuses.${f.status}`)}
                </Tag>,
                <Link key="l" className="govuk-link" to={`${QUEUE_PATH}/${f.id}`}>
                  {t("queue.open")}
                  <span className="govuk-visually-hidden"> {t("queue.openHidden", { when })}</span>
                </Link>,
              ];
            })}
          />
        )}
      </div>
    </div>
  );
}
