import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/auth/session.server";
import { BackLink } from "~/components/back-link";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Button } from "~/components/button";
import { Details } from "~/components/details";
import { Checkboxes } from "~/components/forms/checkboxes";
import { DateInput } from "~/components/forms/date-input";
import { ErrorSummary } from "~/components/forms/error-summary";
import { FaceScale } from "~/components/forms/face-scale";
import { Radios } from "~/components/forms/radios";
import { Select } from "~/components/forms/select";
import { TextInput } from "~/components/forms/text-input";
import { Textarea } from "~/components/forms/textarea";
import { NotificationBanner } from "~/components/notification-banner";
import { Pictogram } from "~/components/pictogram";
import { ReadAloud } from "~/components/read-aloud";
import { Pagination } from "~/components/pagination";
import { SummaryList } from "~/components/summary-list";
import { Table } from "~/components/table";
import { RagTag, Tag, type RagStatus } from "~/components/tag";
import i18next from "~/i18n/i18next.server";
import { PICTOGRAMS, type PictogramName } from "~/surveys/pictograms";

export const handle = { i18n: ["common", "admin", "easy-read"] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context, "design-system.view");
  const t = await i18next.getFixedT(request, "admin");
  return json({ pageTitle: t("designSystem.title") });
}

const sectionKeys = [
  "errors",
  "notificationBanner",
  "button",
  "textInput",
  "textarea",
  "radios",
  "checkboxes",
  "select",
  "dateInput",
  "faceScale",
  "backLink",
  "breadcrumbs",
  "details",
  "tag",
  "table",
  "summaryList",
  "pagination",
] as const;

type SectionKey = (typeof sectionKeys)[number];

const sectionId = (key: SectionKey) => `ds-section-${key}`;

const ragExamples: { status: RagStatus; words: string }[] = [
  { status: "red", words: "offTrack" },
  { status: "amber", words: "atRisk" },
  { status: "green", words: "onTrack" },
  { status: "blue", words: "complete" },
];

function Section({ name, children }: { name: SectionKey; children: ReactNode }) {
  const { t } = useTranslation("admin");
  return (
    <div className="govuk-!-margin-bottom-9">
      <h2 className="govuk-heading-l" id={sectionId(name)}>
        {t(`designSystem.sections.${name}.title`)}
      </h2>
      <p className="govuk-body">{t(`designSystem.sections.${name}.text`)}</p>
      {children}
    </div>
  );
}

/** The staff reference page: every component in the kit, with a note on when to use it. */
export default function DesignSystem() {
  const { t } = useTranslation("admin");
  const [params] = useSearchParams();
  const x = (key: string) => t(`designSystem.examples.${key}`);
  const requestedPage = Number(params.get("page"));
  const currentPage = Number.isInteger(requestedPage) && requestedPage >= 1 && requestedPage <= 10 ? requestedPage : 5;
  const tableRows = t("designSystem.examples.table.rows", { returnObjects: true }) as string[][];

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{t("designSystem.title")}</h1>
        <p className="govuk-body-l">{t("designSystem.intro")}</p>
        <p className="govuk-body">{t("designSystem.formNote")}</p>

        <h2 className="govuk-heading-m">{t("designSystem.contents")}</h2>
        <ul className="govuk-list govuk-!-margin-bottom-9">
          {sectionKeys.map((key) => (
            <li key={key}>
              <a className="govuk-link" href={`#${sectionId(key)}`}>
                {t(`designSystem.sections.${key}.title`)}
              </a>
            </li>
          ))}
        </ul>

        <Form method="get" noValidate>
          <Section name="errors">
            <ErrorSummary
              example
              errors={[
                { href: "ds-error-email", text: x("errorEmail.error") },
                { href: "ds-error-dob-year", text: x("errorDate.error") },
              ]}
            />
            <TextInput
              name="ds-error-email"
              type="email"
              autoComplete="email"
              spellCheck={false}
              label={x("errorEmail.label")}
              error={x("errorEmail.error")}
              defaultValue="sam.smith@"
            />
            <DateInput
              name="ds-error-dob"
              legend={x("errorDate.legend")}
              legendSize="s"
              hint={x("errorDate.hint")}
              error={x("errorDate.error")}
              errorParts={["year"]}
              autoCompletePrefix="bday"
              defaultValue={{ day: "5", month: "1" }}
            />
          </Section>

          <Section name="notificationBanner">
            <NotificationBanner heading={x("banner.heading")}>
              <p className="govuk-body">{x("banner.text")}</p>
            </NotificationBanner>
          </Section>

          <Section name="button">
            <div className="govuk-button-group">
              <Button>{x("buttons.primary")}</Button>
              <Button type="button" variant="secondary">
                {x("buttons.secondary")}
              </Button>
            </div>
            <Button type="button" variant="warning">
              {x("buttons.warning")}
            </Button>
          </Section>

          <Section name="textInput">
            <TextInput name="ds-name" label={x("name.label")} hint={x("name.hint")} autoComplete="name" spellCheck={false} width="20" />
          </Section>

          <Section name="textarea">
            <Textarea name="ds-more" label={x("more.label")} hint={x("more.hint")} maxLength={200} />
          </Section>

          <Section name="radios">
            <Radios
              name="ds-assessment"
              legend={x("assessment.legend")}
              legendSize="s"
              choices={[
                { value: "yes", label: x("assessment.yes") },
                { value: "no", label: x("assessment.no") },
                { value: "not-sure", label: x("assessment.notSure"), hint: x("assessment.notSureHint") },
              ]}
            />
          </Section>

          <Section name="checkboxes">
            <Checkboxes
              name="ds-contact"
              legend={x("contact.legend")}
              legendSize="s"
              hint={x("contact.hint")}
              defaultValues={["email"]}
              choices={[
                { value: "email", label: x("contact.email") },
                { value: "text", label: x("contact.text"), hint: x("contact.textHint") },
                { value: "letter", label: x("contact.letter") },
              ]}
            />
          </Section>

          <Section name="select">
            <Select
              name="ds-sort"
              label={x("sort.label")}
              defaultValue="newest"
              options={[
                { value: "newest", label: x("sort.newest") },
                { value: "oldest", label: x("sort.oldest") },
                { value: "district", label: x("sort.district") },
              ]}
            />
          </Section>

          <Section name="dateInput">
            <DateInput name="ds-start" legend={x("startDate.legend")} legendSize="s" hint={x("startDate.hint")} />
          </Section>

          <Section name="faceScale">
            <FaceScale name="ds-feeling" legend={x("feeling.legend")} legendSize="s" hint={x("feeling.hint")} />
          </Section>

          <Section name="backLink">
            <BackLink href="/admin" />
          </Section>

          <Section name="breadcrumbs">
            <Breadcrumbs
              items={[
                { text: x("home"), href: "/" },
                { text: x("staffArea"), href: "/admin" },
                { text: t("designSystem.title") },
              ]}
            />
          </Section>

          <Section name="details">
            <Details summary={x("details.summary")}>{x("details.text")}</Details>
          </Section>

          <Section name="tag">
            <p className="govuk-body">
              <Tag>{x("tags.new")}</Tag> <Tag colour="grey">{x("tags.closed")}</Tag>
            </p>
            <p className="govuk-body">{x("tagDefaults")}</p>
            <ul className="govuk-list">
              {(["red", "amber", "green", "blue", "not_started"] as const).map((status) => (
                <li key={status}>
                  <RagTag status={status} />
                </li>
              ))}
            </ul>
            <p className="govuk-body">{x("tagCustom")}</p>
            <ul className="govuk-list">
              {ragExamples.map(({ status, words }) => (
                <li key={status}>
                  <RagTag status={status}>{x(`tags.${words}`)}</RagTag>
                </li>
              ))}
            </ul>
          </Section>

          <Section name="table">
            <Table
              caption={x("table.caption")}
              firstCellIsHeader
              columns={[{ header: x("table.district") }, { header: x("table.open"), numeric: true }, { header: x("table.closed"), numeric: true }]}
              rows={tableRows}
            />
          </Section>

          <Section name="summaryList">
            <SummaryList
              rows={[
                { key: x("summary.name"), value: x("summary.nameValue"), actions: [{ href: "#ds-name", visuallyHiddenText: x("summary.nameChange") }] },
                { key: x("summary.dob"), value: x("summary.dobValue"), actions: [{ href: "#ds-error-dob", visuallyHiddenText: x("summary.dobChange") }] },
                { key: x("summary.contact"), value: x("summary.contactValue"), actions: [{ href: "#ds-contact", visuallyHiddenText: x("summary.contactChange") }] },
                { key: x("summary.school"), value: x("summary.schoolValue") },
              ]}
            />
          </Section>

          <Section name="pagination">
            <Pagination baseUrl="/admin/design-system" searchParams={params} currentPage={currentPage} totalPages={10} />
          </Section>

          <Button variant="secondary">{t("designSystem.exampleSubmit")}</Button>
        </Form>

        <EasyReadSection />
      </div>
    </div>
  );
}

/** Easy read: the pictogram set (with the names officers choose from) and the read-aloud button. */
function EasyReadSection() {
  const { t, i18n } = useTranslation("easy-read");
  const example = t("designSystem.readAloudExample");
  return (
    <div className="govuk-!-margin-bottom-9">
      <h2 className="govuk-heading-l" id="ds-section-easyRead">
        {t("designSystem.title")}
      </h2>
      <p className="govuk-body">{t("designSystem.text")}</p>

      <h3 className="govuk-heading-m">{t("designSystem.pictograms")}</h3>
      <p className="govuk-body">{t("designSystem.pictogramsText")}</p>
      {/* The labels are the builder's English names for each pictogram. */}
      <ul className="portal-pictogram-list" lang="en-GB">
        {(Object.entries(PICTOGRAMS) as [PictogramName, string][]).map(([name, label]) => (
          <li key={name} className="portal-pictogram-list__item">
            <Pictogram name={name} size={64} />
            <span>{label}</span>
            <code className="portal-pictogram-list__name">{name}</code>
          </li>
        ))}
      </ul>

      <h3 className="govuk-heading-m">{t("designSystem.readAloud")}</h3>
      <p className="govuk-body">{t("designSystem.readAloudText")}</p>
      <p className="govuk-body-l" id="ds-read-aloud-text">
        {example}
      </p>
      <ReadAloud text={example} lang={i18n.language} describedBy="ds-read-aloud-text" />
    </div>
  );
}
