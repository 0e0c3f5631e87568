import { createInstance } from "i18next";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { describe, expect, it } from "vitest";
import { resources } from "~/i18n/i18next.server";
import { ErrorPage } from "./error-page";

async function render(status: number, lng: string, reason?: string) {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({ lng, resources, defaultNS: "common", initImmediate: false });
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <ErrorPage status={status} reason={reason} />
    </I18nextProvider>,
  );
}

describe("the error page", () => {
  it("says what happened and what to do, for each kind of error", async () => {
    expect(await render(404, "en-GB")).toContain("Page not found");
    expect(await render(403, "en-GB")).toContain("You cannot see this page");
    expect(await render(403, "en-GB", "csrf")).toContain("Go back, refresh the page and try again");
    expect(await render(400, "en-GB")).toContain("Something was wrong with what was sent");
    const serverError = await render(500, "en-GB");
    expect(serverError).toContain("Sorry, there is a problem with the service");
    expect(serverError).not.toMatch(/at .*\.js|Error:/);
  });

  it("speaks the visitor's language", async () => {
    const urdu = await render(500, "ur");
    const polish = await render(404, "pl");
    expect(urdu).not.toContain("Sorry, there is a problem with the service");
    expect(urdu).toMatch(/[\u0600-\u06FF]/);
    expect(polish).not.toContain("Page not found");
  });
});
