import {
  json,
  type HeadersFunction,
  type LinksFunction,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { Footer } from "./components/layout/footer";
import { Header } from "./components/layout/header";
import { LanguagePicker } from "./components/layout/language-picker";
import { PhaseBanner } from "./components/layout/phase-banner";
import { ServiceNavigation } from "./components/layout/service-navigation";
import { ErrorPage } from "./components/layout/error-page";
import { usePageTitle } from "./components/page-title";
import { getArea } from "./area/area.server";
import { getSessionUser } from "./auth/session.server";
import { fallbackLng, languageOf } from "./i18n/config";
import i18next from "./i18n/i18next.server";
import { getPreferences } from "./preferences/preferences.server";
import { preferenceClasses } from "./preferences/preferences";
import { commitCsrfToken } from "./security/csrf.server";
import { useNonce } from "./security/nonce";
import stylesHref from "./styles/generated/main.css";
import type { ErrorData } from "./utils/http.server";

export const handle = { i18n: "common" };

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [locale, preferences, user, area, [csrfToken, csrfCookie]] = await Promise.all([
    i18next.getLocale(request),
    getPreferences(request),
    getSessionUser(request, context),
    getArea(context.db),
    commitCsrfToken(request, context),
  ]);
  const language = languageOf(locale);
  return json(
    {
      locale: language.code,
      dir: language.dir,
      machineTranslated: !language.reviewed,
      preferences,
      csrfToken,
      area,
      user: user ? { name: user.name, role: user.role } : null,
    },
    { headers: csrfCookie ? { "Set-Cookie": csrfCookie } : {} },
  );
}

// Pages carry a CSRF token and the visitor's name: never cache them in shared caches.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRootData();
  const nonce = useNonce();
  const { t, i18n } = useTranslation("common");
  const locale = data?.locale ?? i18n.language ?? fallbackLng;
  const dir = data?.dir ?? languageOf(locale).dir;
  const error = useRouteError();
  const serviceName = data?.area.serviceName ?? t("serviceNameFallback");
  const pageTitle = usePageTitle(serviceName);
  const errorTitle = error
    ? (isRouteErrorResponse(error) ? (error.data as Partial<ErrorData> | undefined)?.title : undefined) ?? t("errors.serverError.title")
    : undefined;
  const title = errorTitle ? `${errorTitle} – ${serviceName}` : pageTitle;
  return (
    <html lang={locale} dir={dir} className={`govuk-template ${data ? preferenceClasses(data.preferences) : ""}`}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#00625e" />
        <title>{title}</title>
        <Meta />
        <Links />
      </head>
      <body className="govuk-template__body">
        <a href="#main-content" className="govuk-skip-link">
          {t("skipLink")}
        </a>
        <Header
          serviceName={serviceName}
          partnershipName={data?.area.partnershipName ?? ""}
          user={data?.user ?? null}
          csrfToken={data?.csrfToken}
        />
        <ServiceNavigation />
        <div className="govuk-width-container">
          <PhaseBanner contactEmail={data?.area.contactEmail ?? ""} />
          <LanguagePicker current={locale} csrfToken={data?.csrfToken} />
          {data?.machineTranslated ? (
            <div className="govuk-inset-text portal-machine-translation" role="note">
              {t("language.machineTranslated")}
            </div>
          ) : null}
          <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
            {children}
          </main>
        </div>
        <Footer partnershipName={data?.area.partnershipName ?? ""} />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const data = useRootData();
  useChangeLanguage(data?.locale ?? fallbackLng);
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const reason = isRouteErrorResponse(error) ? (error.data as Partial<ErrorData> | undefined)?.reason : undefined;
  return <ErrorPage status={status} reason={reason} />;
}
