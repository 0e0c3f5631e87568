import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { getArea } from "~/area/area.server";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { NotificationBanner } from "~/components/notification-banner";
import { SummaryList, type SummaryListRow } from "~/components/summary-list";
import i18next from "~/i18n/i18next.server";
import { buildServiceJsonLd, serializeJsonLd } from "~/local-offer/json-ld";
import { sendTopics } from "~/local-offer/model";
import { PageFeedback, pageFeedbackNamespaces } from "~/local-offer/page-feedback";
import { daysInWords, languageName } from "~/local-offer/service-page";
import { Address, EmailLink, Paragraphs, PhoneLink, PrintButton, WebsiteLink } from "~/local-offer/service-page-parts";
import { getPublicService } from "~/local-offer/service-page.server";
import { SHORTLIST_PATH, type ShortlistNotice } from "~/local-offer/shortlist";
import { ShortlistButton, ShortlistNoticeText } from "~/local-offer/shortlist-button";
import { readShortlist, readShortlistNotice } from "~/local-offer/shortlist.server";
import { useNonce } from "~/security/nonce";
import { formatDate } from "~/utils/dates";

export const handle = { i18n: ["common", "local-offer-terms", "local-offer-service", ...pageFeedbackNamespaces] };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const service = await getPublicService(context.db, { slug: params.slug ?? "" });
  if (!service) {
    // Drafts, hidden and unknown services alike: say nothing about which. Returned, not
    // thrown, so the page keeps its own title and words (the root boundary only knows "Page not found").
    const t = await i18next.getFixedT(request, "local-offer-service");
    return json({ notFound: true as const, pageTitle: t("notFound.title") }, { status: 404 });
  }
  const [locale, t, area, shortlist, { notice, clear }] = await Promise.all([
    i18next.getLocale(request),
    i18next.getFixedT(request, "local-offer-service"),
    getArea(context.db),
    readShortlist(request, context),
    readShortlistNotice(request, context),
  ]);
  const url = new URL(`/local-offer/services/${service.slug}`, request.url).toString();
  const dayWords = { range: (from: string, to: string) => t("service.where.range", { from, to }), everyDay: t("service.where.everyDay") };
  return json(
    {
      notFound: false as const,
      pageTitle: service.name,
      service,
      // Worded on the server: Node's and the browser's Intl data can differ, and the page must not change on hydration.
      schedules: service.schedules.map((s) => ({ ...s, days: daysInWords(s.byday, locale, dayWords) })),
      languages: service.languages.map((code) => ({ code, name: languageName(code, locale) })),
      shortlisted: shortlist.includes(service.slug),
      notice,
      jsonLd: serializeJsonLd(buildServiceJsonLd(service, { url, areaName: area.name })),
    },
    { headers: clear ? { "Set-Cookie": clear } : {} },
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Data = Extract<LoaderData, { notFound: false }>;

export default function ServicePage() {
  const data = useLoaderData<typeof loader>();
  return data.notFound ? <ServiceNotFound /> : <Service data={data} />;
}

function ServiceNotFound() {
  const { t } = useTranslation("local-offer-service");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("notFound.title")}</h1>
        <p className="govuk-body">{t("notFound.body")}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/local-offer">
            {t("notFound.search")}
          </Link>
        </p>
      </div>
    </div>
  );
}

function Service({ data }: { data: Data }) {
  const { service, notice } = data;
  const { t, i18n } = useTranslation("local-offer-service");
  const { t: tc } = useTranslation("common");
  const nonce = useNonce();
  return (
    <>
      <Breadcrumbs
        items={[
          { text: tc("breadcrumbs.home"), href: "/" },
          { text: t("breadcrumbs.localOffer"), href: "/local-offer" },
          { text: service.name },
        ]}
      />
      {/* Data, not code: a JSON-LD block never runs, and serializeJsonLd escapes every "<" so text cannot end the element. */}
      <script type="application/ld+json" nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: data.jsonLd }} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {notice ? (
            <NotificationBanner type="success">
              <p className="govuk-notification-banner__heading">
                <ShortlistNoticeText notice={notice as ShortlistNotice} />{" "}
                <Link className="govuk-notification-banner__link" to={SHORTLIST_PATH}>
                  {t("shortlist.view")}
                </Link>
              </p>
            </NotificationBanner>
          ) : null}
          <h1 className="govuk-heading-xl govuk-!-margin-bottom-4">{service.name}</h1>
          <p className="govuk-body">{t("service.runBy", { organisation: service.organisation.name })}</p>
          {service.summary ? <p className="govuk-body-l">{service.summary}</p> : null}
          <p className="govuk-body">
            <strong>
              {service.lastReviewedAt
                ? t("local-offer-terms:checkedOn", { date: formatDate(service.lastReviewedAt, i18n.language) })
                : t("local-offer-terms:notChecked")}
            </strong>
            <br />
            <span className="govuk-hint">{t("service.checkedHint")}</span>
          </p>
          <div className="app-service-actions app-no-print">
            <ShortlistButton slug={service.slug} name={service.name} shortlisted={data.shortlisted} />
            <PrintButton label={t("print.page")} />
          </div>

          {service.description ? (
            <Section heading={t("service.sections.what")}>
              <Paragraphs text={service.description} />
            </Section>
          ) : null}
          <WhoFor data={data} />
          <HowToGetIt data={data} />
          <Section heading={t("service.sections.cost")}>
            <p className="govuk-body">
              <strong>{t(`local-offer-terms:cost.${service.cost}`)}</strong>
            </p>
            <Paragraphs text={service.costDetail} />
          </Section>
          <WhereAndWhen data={data} />
          <Contact data={data} />
          <VenueAccessibility data={data} />
          {data.languages.length ? (
            <Section heading={t("service.sections.languages")}>
              <p className="govuk-body">{t("service.languagesIntro")}</p>
              <ul className="govuk-list govuk-list--bullet">
                {data.languages.map((l) => (
                  <li key={l.code}>{l.name}</li>
                ))}
              </ul>
            </Section>
          ) : null}
          {service.isSetting ? <SendInformation data={data} /> : null}
        </div>
      </div>
      <PageFeedback serviceId={service.id} />
    </>
  );
}

function Section({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <section className="app-service-section govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m">{heading}</h2>
      {children}
    </section>
  );
}

function WhoFor({ data }: { data: Data }) {
  const { t } = useTranslation("local-offer-service");
  const { service } = data;
  const rows: SummaryListRow[] = [{ key: t("service.who.ages"), value: t("local-offer-terms:ages", { min: service.ageMin, max: service.ageMax }) }];
  if (service.phases.length) {
    rows.push({ key: t("service.who.phases"), value: <OneOrList items={service.phases.map((p) => t(`local-offer-terms:phases.${p}`))} /> });
  }
  rows.push({
    key: t("service.who.needs"),
    value: service.needs.length ? (
      <OneOrList
        items={service.needs.map((n) => t("service.who.needWithArea", { need: n.name, area: t(`local-offer-terms:broadAreas.${n.broadArea}`) }))}
      />
    ) : (
      t("service.who.anyNeed")
    ),
  });
  return (
    <Section heading={t("service.sections.who")}>
      <SummaryList rows={rows} />
      <Paragraphs text={service.whoFor} />
    </Section>
  );
}

function HowToGetIt({ data }: { data: Data }) {
  const { t } = useTranslation("local-offer-service");
  const { service } = data;
  const needs = [
    service.referralRequired ? t("local-offer-terms:access.referral") : null,
    service.diagnosisRequired ? t("local-offer-terms:access.diagnosis") : null,
    service.ehcpRequired ? t("local-offer-terms:access.ehcp") : null,
  ].filter((x): x is string => x !== null);
  return (
    <Section heading={t("service.sections.how")}>
      {needs.length ? (
        <ul className="govuk-list govuk-list--bullet">
          {needs.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">{t("local-offer-terms:access.open")}</p>
      )}
      <Paragraphs text={service.howToAccess} />
    </Section>
  );
}

function WhereAndWhen({ data }: { data: Data }) {
  const { t } = useTranslation("local-offer-service");
  const { service, schedules } = data;
  const rows: SummaryListRow[] = [
    {
      key: t("service.where.area"),
      value: service.wholeArea ? (
        t("local-offer-terms:wholeArea")
      ) : service.districts.length ? (
        <OneOrList items={service.districts.map((d) => d.name)} />
      ) : (
        t("service.where.areaNotGiven")
      ),
    },
  ];
  if (service.delivery.length) {
    rows.push({ key: t("service.where.delivery"), value: <OneOrList items={service.delivery.map((d) => t(`local-offer-terms:delivery.${d}`))} /> });
  }
  return (
    <Section heading={t("service.sections.where")}>
      <SummaryList rows={rows} />
      {service.locations.length ? (
        <>
          <h3 className="govuk-heading-s">{t("service.where.places")}</h3>
          {service.locations.map((l, i) => (
            <p className="govuk-body" key={i}>
              <Address location={l} />
            </p>
          ))}
        </>
      ) : null}
      {schedules.length ? (
        <>
          <h3 className="govuk-heading-s">{t("service.where.when")}</h3>
          <ul className="govuk-list">
            {schedules.map((s, i) => (
              <li key={i}>
                {[
                  s.days,
                  s.opensAt && s.closesAt ? t("service.where.times", { opens: s.opensAt, closes: s.closesAt }) : "",
                  s.description,
                ]
                  .filter(Boolean)
                  .join(t("service.where.separator"))}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}

function Contact({ data }: { data: Data }) {
  const { t } = useTranslation("local-offer-service");
  const { service } = data;
  // A service without its own details: the organisation's, so families always have a way in.
  const own = service.email || service.phone || service.website;
  const details = own ? service : service.organisation;
  const rows: SummaryListRow[] = [];
  if (details.email) rows.push({ key: t("service.contact.email"), value: <EmailLink email={details.email} /> });
  if (details.phone) rows.push({ key: t("service.contact.phone"), value: <PhoneLink phone={details.phone} /> });
  if (details.website) rows.push({ key: t("service.contact.website"), value: <WebsiteLink website={details.website} /> });
  return (
    <Section heading={t("service.sections.contact")}>
      {rows.length ? <SummaryList rows={rows} /> : null}
      {service.contacts.map((c, i) => (
        <div key={i}>
          <h3 className="govuk-heading-s">{c.name || c.title}</h3>
          {c.name && c.title ? <p className="govuk-body">{c.title}</p> : null}
          <ul className="govuk-list">
            {c.email ? (
              <li>
                {t("service.contact.email")}: <EmailLink email={c.email} />
              </li>
            ) : null}
            {c.phone ? (
              <li>
                {t("service.contact.phone")}: <PhoneLink phone={c.phone} />
              </li>
            ) : null}
          </ul>
        </div>
      ))}
      {!rows.length && !service.contacts.length ? <p className="govuk-body">{t("service.contact.none")}</p> : null}
    </Section>
  );
}

function VenueAccessibility({ data }: { data: Data }) {
  const { t } = useTranslation("local-offer-service");
  const described = data.service.locations.filter((l) => l.accessibility.length || l.accessibilityDescription);
  if (!described.length) return null;
  return (
    <Section heading={t("service.sections.accessibility")}>
      {described.map((l, i) => (
        <div key={i}>
          {data.service.locations.length > 1 ? <h3 className="govuk-heading-s">{l.name}</h3> : null}
          {l.accessibility.length ? (
            <ul className="govuk-list govuk-list--bullet">
              {l.accessibility.map((feature) => (
                <li key={feature}>{t(`local-offer-terms:accessibility.${feature}`, { defaultValue: feature })}</li>
              ))}
            </ul>
          ) : null}
          <Paragraphs text={l.accessibilityDescription} />
        </div>
      ))}
    </Section>
  );
}

function SendInformation({ data }: { data: Data }) {
  const { t } = useTranslation("local-offer-service");
  const info = data.service.sendInformation;
  const given = sendTopics.filter((topic) => info[topic]?.trim());
  return (
    <Section heading={t("service.sections.send")}>
      <p className="govuk-body">{t("service.send.intro")}</p>
      {given.length ? (
        given.map((topic) => (
          <div key={topic} className="app-service-section">
            <h3 className="govuk-heading-s">{t(`local-offer-terms:sendTopics.${topic}`)}</h3>
            <Paragraphs text={info[topic] ?? ""} />
          </div>
        ))
      ) : (
        <p className="govuk-body">{t("service.send.notGiven")}</p>
      )}
    </Section>
  );
}

/** One item as text; several as a list a screen reader counts. */
function OneOrList({ items }: { items: string[] }) {
  if (items.length === 1) return <>{items[0]}</>;
  return (
    <ul className="govuk-list">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  // The <title> comes from pageTitle in the root layout; only the description is added here.
  data && !data.notFound && data.service.summary ? [{ name: "description", content: data.service.summary }] : [];
