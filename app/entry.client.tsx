import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import Backend from "i18next-http-backend";
import { startTransition, StrictMode, useEffect, type ReactNode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { getInitialNamespaces } from "remix-i18next/client";
import { keepTextTypedBeforeHydration } from "./components/forms/keep-typed-text";
import config from "./i18n/config";

/** Runs `then` once, after everything inside it has hydrated (a parent's effects run after its children's). */
function AfterHydration({ then, children }: { then: () => void; children: ReactNode }) {
  useEffect(then, [then]);
  return <>{children}</>;
}

// From the moment the script runs: anything typed while the page hydrates is kept (textareas lose it otherwise).
const putTypedTextBack = keepTextTypedBeforeHydration(document);

async function hydrate() {
  // The server chose the language and wrote it in <html lang>; the client follows it.
  await i18next
    .use(initReactI18next)
    .use(Backend)
    .init({
      ...config,
      lng: document.documentElement.lang,
      ns: getInitialNamespaces(),
      backend: { loadPath: "/locales/{{lng}}/{{ns}}.json" },
    });

  startTransition(() => {
    hydrateRoot(
      document,
      <AfterHydration then={putTypedTextBack}>
        <I18nextProvider i18n={i18next}>
          <StrictMode>
            <RemixBrowser />
          </StrictMode>
        </I18nextProvider>
      </AfterHydration>,
    );
  });
}

if (window.requestIdleCallback) window.requestIdleCallback(() => void hydrate());
else window.setTimeout(() => void hydrate(), 1);
