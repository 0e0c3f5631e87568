import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { Button } from "~/components/button";
import { CsrfInput } from "~/components/forms/csrf-input";
import { NotificationBanner } from "~/components/notification-banner";
import { SummaryList, type SummaryListRow } from "~/components/summary-list";
import i18next from "~/i18n/i18next.server";
import { PageFeedback, pageFeedbackNamespaces } from "~/local-offer/page-feedback";
import { isServiceSlug } from "~/local-offer/service-page";
import { Address, EmailLink, Paragraphs, PhoneLink, PrintButton, WebsiteLink } from "~/local-offer/service-page-parts";
import {
  addToShortlist,
  mergeShortlists,
  parseSharedList,
  parseShortlist,
  removeFromShortlist,
  safeReturnTo,
  serialiseShortlist,
  shareHref,
  SHORTLIST_PATH,
  type ShortlistNotice,
} from "~/local-offer/shortlist";
import { ShortlistButton, ShortlistNoticeText, type ShortlistFetcherData } from "~/local-offer/shortlist-button";
import {
  commitShortlist,
  listShortlistedServices,
  publishedNames,
  readShortlist,
  readShortlistNotice,
  setShortlistNotice,
} from "~/local-offer/shortlist.server";
import { readForm } from "~/security/csrf.server";
import { formatDate } from "~/utils/dates";
import { httpError } from "~/utils/http.server";

export const handle = { i18n: ["common", "local-offer-terms", "local-offer-service", ...pageFeedbackNamespaces] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const t = await i18next.getFixedT(request, "local-offer-service");
  const [mine, { notice, clear }] = await Promise.all([readShortlist(request, context), readShortlistNotice(request, context)]);
  // A shared link (?services=a,b) shows someone else's list, read-only, until it is saved.
  const shared = url.searchParams.has("services");
  const requested = shared ? parseSharedList(url.searchParams.get("services")) : { slugs: mine, invalid: 0 };
  const services = await listShortlistedServices(context.db, { slugs: requested.slugs });
  const found = services.map((s) => s.slug);
  return json(
    {
      pageTitle: shared ? t("shortlist.page.sharedTitle") : t("shortlist.page.title"),
      shared,
      services,
      mine,
      // Gone, unpublished, hidden, or not a slug at all: the family is told how many, not which.
      skipped: requested.invalid + requested.slugs.length - services.length,
      shareUrl: found.length ? new URL(shareHref(found), url).toString() : null,
      sharedSlugs: serialiseShortlist(found),
      notice,
    },
    { headers: clear ? { "Set-Cookie": clear } : {} },
  );
}

/** Pages that show the no-JavaScript notice after a change (readShortlistNotice). */
function showsNotice(path: string): boolean {
  const pathname = path.split(/[?#]/)[0] ?? "";
  return pathname === SHORTLIST_PATH || pathname.startsWith("/local-offer/services/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request, context);
  const intent = formData.get("intent");
  const current = await readShortlist(request, context);
  // Sent by ShortlistButton once JavaScript runs: answer with data, so the page stays where it is.
  const fromScript = formData.get("js") === "1";

  let next = current;
  let notice: ShortlistNotice;
  let returnTo = safeReturnTo(formData.get("returnTo"));

  if (intent === "add" || intent === "remove") {
    const slug = formData.get("slug");
    if (!isServiceSlug(slug)) throw await httpError(request, 400, "bad-request");
    const names = await publishedNames(context.db, { slugs: [slug] });
    if (intent === "add") {
      const name = names.get(slug);
      // Only services families can see; one that was withdrawn meanwhile is a 404, like its page.
      if (!name) throw await httpError(request, 404, "not-found");
      const result = addToShortlist(current, slug);
      if (result.ok) {
        next = result.slugs;
        notice = { message: "added", name };
      } else {
        notice = { message: "full" };
      }
    } else {
      next = removeFromShortlist(current, slug);
      notice = { message: "removed", name: names.get(slug) ?? "" };
    }
  } else if (intent === "merge" || intent === "replace") {
    const names = await publishedNames(context.db, { slugs: parseShortlist(formData.get("services")) });
    const theirs = parseShortlist(formData.get("services")).filter((s) => names.has(s));
    next = intent === "replace" ? theirs : mergeShortlists(current, theirs);
    notice = { message: "saved", count: theirs.filter((s) => next.includes(s)).length };
    returnTo = SHORTLIST_PATH;
  } else {
    throw await httpError(request, 400, "bad-request");
  }

  const headers = new Headers();
  if (next !== current) headers.append("Set-Cookie", await commitShortlist(context, next));
  if (fromScript && (intent === "add" || intent === "remove")) {
    return json<ShortlistFetcherData>({ notice, shortlisted: next.includes(String(formData.get("slug"))) }, { headers });
  }
  if (showsNotice(returnTo)) headers.append("Set-Cookie", await setShortlistNotice(context, notice));
  return redirect(returnTo, { headers });
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Service = Data["services"][number];

export default function Shortlist() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation("local-offer-service");
  const { t: tc } = useTranslation("common");
  const { shared, services, skipped, notice } = data;
  return (
    <>
      <Breadcrumbs
        items={[
          { text: tc("breadcrumbs.home"), href: "/" },
          { text: t("breadcrumbs.localOffer"), href: "/local-offer" },
          { text: data.pageTitle },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {notice ? (
            <NotificationBanner type={notice.message === "full" ? "important" : "success"}>
              <p className="govuk-notification-banner__heading">
                <ShortlistNoticeText notice={notice as ShortlistNotice} />
              </p>
            </NotificationBanner>
          ) : null}
          <h1 className="govuk-heading-xl">{data.pageTitle}</h1>
          {skipped > 0 ? (
            <div className="govuk-inset-text">{t(shared ? "shortlist.page.skippedShared" : "shortlist.page.skippedMine", { count: skipped })}</div>
          ) : null}
          {shared ? <SharedIntro data={data} /> : <MineIntro data={data} />}
        </div>
      </div>
      {services.length ? (
        <ol className="govuk-list app-shortlist">
          {services.map((service) => (
            <ShortlistEntry key={service.slug} service={service} removable={!shared} />
          ))}
        </ol>
      ) : null}
      {!shared && services.length ? (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <PrintButton label={t("shortlist.page.print")} />
            <section className="app-no-print">
              <h2 className="govuk-heading-m">{t("shortlist.page.shareHeading")}</h2>
              <p className="govuk-body">{t("shortlist.page.shareIntro")}</p>
              <p className="govuk-body app-shortlist__share">
                <a className="govuk-link" href={shareHref(services.map((s) => s.slug))}>
                  {data.shareUrl}
                </a>
              </p>
            </section>
          </div>
        </div>
      ) : null}
      {shared && services.length ? <SaveShared data={data} /> : null}
      <PageFeedback />
    </>
  );
}

function MineIntro({ data }: { data: Data }) {
  const { t } = useTranslation("local-offer-service");
  if (!data.services.length) {
    return (
      <>
        <p className="govuk-body">{t("shortlist.page.empty")}</p>
        <p className="govuk-body">{t("shortlist.page.howToAdd")}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/local-offer">
            {t("shortlist.page.search")}
          </Link>
        </p>
        <p className="govuk-body">{t("shortlist.page.privacy")}</p>
      </>
    );
  }
  return (
    <>
      <p className="govuk-body">{t("shortlist.page.count", { count: data.services.length })}</p>
      <p className="govuk-body app-no-print">{t("shortlist.page.privacy")}</p>
    </>
  );
}

function SharedIntro({ data }: { data: Data }) {
  const { t } = useTranslation("local-offer-service");
  return (
    <>
      <p className="govuk-body">{data.services.length ? t("shortlist.page.sharedIntro", { count: data.services.length }) : t("shortlist.page.sharedEmpty")}</p>
      <p className="govuk-body app-no-print">
        <Link className="govuk-link" to={data.services.length ? SHORTLIST_PATH : "/local-offer"}>
          {data.services.length ? t("shortlist.page.ownLink") : t("shortlist.page.search")}
        </Link>
      </p>
    </>
  );
}

function SaveShared({ data }: { data: Data }) {
  const { t } = useTranslation("local-offer-service");
  return (
    <div className="govuk-grid-row app-no-print">
      <div className="govuk-grid-column-two-thirds">
        <Form method="post" action={SHORTLIST_PATH}>
          <CsrfInput />
          <input type="hidden" name="services" value={data.sharedSlugs} />
          {data.mine.length ? <p className="govuk-body">{t("shortlist.page.alreadyHave", { count: data.mine.length })}</p> : null}
          <div className="govuk-button-group">
            <Button name="intent" value="merge">
              {t("shortlist.page.save")}
            </Button>
            {data.mine.length ? (
              <Button name="intent" value="replace" variant="secondary">
                {t("shortlist.page.replace")}
              </Button>
            ) : null}
          </div>
        </Form>
      </div>
    </div>
  );
}

function ShortlistEntry({ service, removable }: { service: Service; removable: boolean }) {
  const { t, i18n } = useTranslation("local-offer-service");
  const rows: SummaryListRow[] = [
    { key: t("shortlist.page.organisation"), value: service.organisationName },
    { key: t("service.who.ages"), value: t("local-offer-terms:ages", { min: service.ageMin, max: service.ageMax }) },
    {
      key: t("service.sections.cost"),
      value: (
        <>
          {t(`local-offer-terms:cost.${service.cost}`)}
          {service.costDetail ? <Paragraphs text={service.costDetail} className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0" /> : null}
        </>
      ),
    },
  ];
  const contact = [
    service.email ? (
      <li key="email">
        {t("service.contact.email")}: <EmailLink email={service.email} />
      </li>
    ) : null,
    service.phone ? (
      <li key="phone">
        {t("service.contact.phone")}: <PhoneLink phone={service.phone} />
      </li>
    ) : null,
    service.website ? (
      <li key="website">
        <WebsiteLink website={service.website} />
      </li>
    ) : null,
    ...service.contacts.map((c, i) => (
      <li key={`contact-${i}`}>
        {[c.name, c.title].filter(Boolean).join(", ")}
        {c.email ? (
          <>
            {" – "}
            <EmailLink email={c.email} />
          </>
        ) : null}
        {c.phone ? (
          <>
            {" – "}
            <PhoneLink phone={c.phone} />
          </>
        ) : null}
      </li>
    )),
  ].filter(Boolean);
  if (contact.length) rows.push({ key: t("service.sections.contact"), value: <ul className="govuk-list govuk-!-margin-bottom-0">{contact}</ul> });
  if (service.addresses.length) {
    rows.push({
      key: t("service.where.places"),
      value: service.addresses.map((a, i) => (
        <p className="govuk-body govuk-!-margin-bottom-1" key={i}>
          <Address location={a} />
        </p>
      )),
    });
  }
  return (
    <li className="app-shortlist__item app-service-section govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m govuk-!-margin-bottom-2">
        <Link className="govuk-link" to={`/local-offer/services/${service.slug}`}>
          {service.name}
        </Link>
      </h2>
      {service.summary ? <p className="govuk-body">{service.summary}</p> : null}
      <SummaryList rows={rows} />
      <p className="govuk-body-s">
        {service.lastReviewedAt
          ? t("local-offer-terms:checkedOn", { date: formatDate(service.lastReviewedAt, i18n.language) })
          : t("local-offer-terms:notChecked")}
      </p>
      {removable ? <ShortlistButton slug={service.slug} name={service.name} shortlisted inBackground={false} /> : null}
    </li>
  );
}
