import type { BrowserContext, Locator, Page } from "@playwright/test";
import { expect, expectAccessible, hasJavaScript, languageRuns, test } from "./fixtures";

const PARENT = "/surveys/parent-carer-survey-2026";
const YOUNG = "/surveys/young-people-survey-2026";

async function useLanguage(context: BrowserContext, code: string) {
  await context.addCookies([{ name: "lng", value: Buffer.from(JSON.stringify(code)).toString("base64"), url: "http://127.0.0.1" }]);
}

/** The survey page's own form (not the language picker or the format switch). */
function surveyForm(page: Page): Locator {
  return page.locator("form[id^='survey-page-']");
}

/**
 * Answers every question on the current page as a person would: the first
 * choice of each group, a few words in text boxes, a real date. Returns the
 * names answered.
 */
async function answerPage(page: Page): Promise<string[]> {
  const form = surveyForm(page);
  const answered: string[] = [];
  const groups = await form.locator("input[type=radio], input[type=checkbox]").evaluateAll((inputs) => [...new Set(inputs.map((i) => (i as HTMLInputElement).name))]);
  for (const name of groups) {
    await form.locator(`input[name="${name}"]`).first().check();
    answered.push(name);
  }
  for (const box of await form.locator("textarea").all()) {
    await box.fill("The speech and language therapist listened to us.");
    answered.push((await box.getAttribute("name")) ?? "");
  }
  for (const input of await form.locator("input.govuk-input").all()) {
    const name = (await input.getAttribute("name")) ?? "";
    if (name.endsWith("-day")) await input.fill("14");
    else if (name.endsWith("-month")) await input.fill("9");
    else if (name.endsWith("-year")) await input.fill("2024");
    else await input.fill((await input.getAttribute("inputmode")) === "numeric" ? "6" : "Burnley");
    answered.push(name);
  }
  return answered;
}

/** Presses Continue and waits for the next page (or this page again, with its errors). */
async function sendPage(page: Page) {
  const before = page.url();
  await surveyForm(page).locator("button[value=continue]").click();
  await expect.poll(async () => page.url() !== before || (await page.locator(".govuk-error-summary").count()) > 0).toBe(true);
  await page.waitForLoadState("load");
}

/** Goes through every page to the check page, answering everything; axe on each page. */
async function answerAll(page: Page, { axe = true } = {}) {
  for (let guard = 0; guard < 30 && !new URL(page.url()).pathname.endsWith("/check"); guard++) {
    await expect(surveyForm(page)).toBeVisible();
    if (axe) await expectAccessible(page);
    await answerPage(page);
    await sendPage(page);
  }
  await expect(page).toHaveURL(/\/check$/);
}

async function start(page: Page, path: string) {
  await page.goto(path);
  await page.locator("form:has(input[name=intent][value=start]) button").click();
  await expect(surveyForm(page)).toBeVisible();
}

test.describe("a parent on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: false });

  for (const language of [
    { code: "en-GB", start: "Start now", check: "Check your answers", done: "Answers sent", dir: "ltr" },
    { code: "ur", dir: "rtl" },
    { code: "pl", dir: "ltr" },
  ]) {
    test(`completes the parent survey in ${language.code}, page by page, and gets a reference`, languageRuns(language.code), async ({ page, context }) => {
      await useLanguage(context, language.code);
      await page.goto(PARENT);
      await expect(page.locator("html")).toHaveAttribute("lang", language.code);
      await expect(page.locator("html")).toHaveAttribute("dir", language.dir);
      // The window is given in UK time, with the exact instant for machines.
      await expect(page.locator("time[datetime$='Z']").first()).toBeVisible();
      await expectAccessible(page);
      if (language.start) await expect(page.getByRole("button", { name: language.start })).toBeVisible();
      await page.locator("form:has(input[name=intent][value=start]) button").click();

      // A page sent with nothing chosen says what to do, and keeps its place.
      await surveyForm(page).locator("button[value=continue]").click();
      await expect(page.locator(".govuk-error-summary")).toBeVisible();
      await expect(page).toHaveTitle(/^(Error|غلطی|Błąd):/);
      await expectAccessible(page);

      await answerAll(page);
      if (language.check) await expect(page.getByRole("heading", { level: 1, name: language.check })).toBeVisible();
      // Every answer is listed with a way to change it.
      await expect(page.locator(".govuk-summary-list__row").first()).toBeVisible();
      await expect(page.locator(".govuk-summary-list__actions a").first()).toBeVisible();
      await expectAccessible(page);

      await page.locator("form:has(input[name=intent][value=submit]) button").click();
      const reference = page.locator(".govuk-panel__body strong");
      await expect(reference).toHaveText(/^SV-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      if (language.done) await expect(page.getByRole("heading", { level: 1, name: language.done })).toBeVisible();
      await expectAccessible(page);
    });
  }
});

test("a young person completes the easy-read survey using only the keyboard", async ({ page }) => {
  await page.goto(YOUNG);
  await expectAccessible(page);
  // Easy read is offered, and chosen already for young people.
  await expect(page.getByLabel(/easy read/i)).toBeChecked();
  await page.locator("form:has(input[name=intent][value=start]) button").focus();
  await page.keyboard.press("Enter");
  await expect(surveyForm(page)).toBeVisible();

  for (let guard = 0; guard < 30 && !new URL(page.url()).pathname.endsWith("/check"); guard++) {
    const form = surveyForm(page);
    // A pictogram beside the question, and big targets for every choice.
    await expect(form.locator(".portal-easy-read img.portal-pictogram").first()).toBeVisible();
    for (const label of (await form.locator("label").all()).slice(0, 3)) {
      const box = await label.boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(44);
    }
    await expectAccessible(page);
    // Keyboard only: Tab into each group, Space to choose, type into text boxes, Enter on Continue.
    const before = page.url();
    const done = new Set<string>();
    let sent = false;
    for (let presses = 0; presses < 80 && !sent; presses++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        return el ? { tag: el.tagName, type: el.type, name: el.name, value: el.value, inForm: !!el.closest("form[id^='survey-page-']") } : null;
      });
      if (!focused || !focused.inForm) continue;
      if ((focused.type === "radio" || focused.type === "checkbox") && !done.has(focused.name)) {
        await page.keyboard.press("Space");
        done.add(focused.name);
      } else if (focused.tag === "TEXTAREA" && !done.has(focused.name)) {
        await page.keyboard.type("More clubs after school");
        done.add(focused.name);
      } else if (focused.tag === "BUTTON" && focused.value === "continue") {
        await page.keyboard.press("Enter");
        sent = true;
      }
    }
    expect(sent).toBe(true);
    await expect.poll(() => page.url()).not.toBe(before);
    await page.waitForLoadState("load");
  }
  await expect(page.getByRole("heading", { level: 1, name: "Check your answers" })).toBeVisible();
  await expectAccessible(page);
  await page.locator("form:has(input[name=intent][value=submit]) button").focus();
  await page.keyboard.press("Enter");
  await expect(page.locator(".govuk-panel__body strong")).toHaveText(/^SV-/);
  await expectAccessible(page);
});

test("switching to easy read mid-survey keeps the answers", async ({ page }) => {
  await start(page, PARENT);
  const [first] = await answerPage(page);
  await sendPage(page);
  await expect(page.getByText("Page 2 of", { exact: false })).toBeVisible();
  const second = page.url();
  await page.getByRole("button", { name: "Change to easy read, with pictures" }).click();
  await expect(page).toHaveURL(second);
  await expect(surveyForm(page).locator(".portal-easy-read").first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Back", exact: true }).click();
  await expect(surveyForm(page).locator(`input[name="${first}"]`).first()).toBeChecked();
  await page.getByRole("button", { name: "Change to standard words" }).click();
  await expect(surveyForm(page).locator(".portal-easy-read")).toHaveCount(0);
  await expect(surveyForm(page).locator(`input[name="${first}"]`).first()).toBeChecked();
});

test("a respondent saves, leaves, and carries on elsewhere with the code", async ({ page, browser }) => {
  await start(page, PARENT);
  const [firstName] = await answerPage(page);
  await sendPage(page);
  await expect(page.getByText("Page 2 of", { exact: false })).toBeVisible();
  const secondPage = page.url();
  await surveyForm(page).getByRole("button", { name: "Save and come back later" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your answers are saved" })).toBeVisible();
  const code = (await page.getByTestId("resume-code").textContent())!.trim();
  expect(code).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/);
  await expectAccessible(page);

  // Another device: no cookies. A wrong code is refused, clearly, with what was typed kept.
  const other = await browser.newContext({ javaScriptEnabled: hasJavaScript() });
  const elsewhere = await other.newPage();
  await elsewhere.goto(`${PARENT}/resume`);
  await expectAccessible(elsewhere);
  await elsewhere.getByLabel("Your code").fill("AAAAA-BBBBB");
  await elsewhere.getByRole("button", { name: "Carry on" }).click();
  await expect(elsewhere.locator(".govuk-error-summary")).toContainText("We could not find saved answers with that code");
  await expect(elsewhere.getByLabel("Your code")).toHaveValue("AAAAA-BBBBB");
  await expectAccessible(elsewhere);
  await elsewhere.getByLabel("Your code").fill(code.toLowerCase());
  await elsewhere.getByRole("button", { name: "Carry on" }).click();
  await expect(elsewhere).toHaveURL(secondPage);
  await elsewhere.getByRole("link", { name: "Back", exact: true }).click();
  await expect(surveyForm(elsewhere).locator(`input[name="${firstName}"]`).first()).toBeChecked();
  await other.close();
});

test("one second after the close, a submission is refused and the draft is kept", async ({ page }) => {
  await page.goto(PARENT);
  const closesAt = new Date((await page.locator("li time[datetime$='Z']").first().getAttribute("datetime"))!);
  // Answering in the last minutes before the close…
  await page.setExtraHTTPHeaders({ "X-Portal-Now": new Date(closesAt.getTime() - 10 * 60 * 1000).toISOString() });
  await start(page, PARENT);
  await answerAll(page, { axe: false });
  // …and sending one second after it.
  await page.setExtraHTTPHeaders({ "X-Portal-Now": new Date(closesAt.getTime() + 1000).toISOString() });
  await page.locator("form:has(input[name=intent][value=submit]) button").click();
  await expect(page.getByRole("alert")).toContainText("This survey has closed");
  await expect(page.getByRole("alert")).toContainText("We have kept what you saved");
  await expect(page.getByRole("button", { name: "Send my answers" })).toHaveCount(0);
  await expectAccessible(page);
  // The start page now says when it closed.
  await page.goto(PARENT);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText("This survey closed at")).toBeVisible();
  await expectAccessible(page);
  // Back before the close (the real clock), the draft is still there to carry on.
  await page.setExtraHTTPHeaders({});
  await page.goto(PARENT);
  await expect(page.getByRole("heading", { name: "Carry on where you left off" })).toBeVisible();
});

test("a double submit stores one response and gives one reference", async ({ page }) => {
  await start(page, PARENT);
  await answerAll(page, { axe: false });
  const form = page.locator("form:has(input[name=intent][value=submit])");
  const csrf = await form.locator("input[name=csrf]").inputValue();
  // Two sends at once, as a double click or a resent form would make them.
  const checkPage = page.url();
  const send = () => page.request.post(checkPage, { form: { csrf, intent: "submit" }, maxRedirects: 0 });
  const [a, b] = await Promise.all([send(), send()]);
  expect([a.status(), b.status()]).toEqual([302, 302]);
  expect(a.headers().location).toMatch(/\/done$/);
  await page.goto(`${PARENT}/done`);
  const reference = await page.locator(".govuk-panel__body strong").textContent();
  // A third send after the confirmation: the same reference, not a new response.
  const c = await send();
  expect(c.status()).toBe(302);
  expect(c.headers().location).toMatch(/\/done$/);
  await page.goto(PARENT);
  await expect(page.getByText(`Your reference is ${reference}`)).toBeVisible();
});

test("a survey that does not exist is a page not found", async ({ page }) => {
  const response = await page.goto("/surveys/no-such-survey");
  expect(response?.status()).toBe(404);
  await expectAccessible(page);
});

test("the surveys page lists the open surveys", async ({ page }) => {
  await page.goto("/surveys");
  await expect(page.getByRole("link", { name: "Parent and carer survey 2026" })).toBeVisible();
  await expectAccessible(page);
});

test("after an hour away the survey pauses on this device, and carries on with the answers kept", async ({ page }) => {
  await start(page, PARENT);
  const [firstName] = await answerPage(page);
  await sendPage(page);
  await expect(page.getByText("Page 2 of", { exact: false })).toBeVisible();
  await page.setExtraHTTPHeaders({ "X-Portal-Now": new Date(Date.now() + 61 * 60 * 1000).toISOString() });
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "We paused your survey" })).toBeVisible();
  await expect(surveyForm(page)).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Carry on with the survey" }).click();
  await expect(page.getByText("Page 2 of", { exact: false })).toBeVisible();
  await page.getByRole("link", { name: "Back", exact: true }).click();
  await expect(surveyForm(page).locator(`input[name="${firstName}"]`).first()).toBeChecked();
});

test("the resume code can be emailed; a bad address is refused with what was typed kept", async ({ page }) => {
  await start(page, PARENT);
  await surveyForm(page).getByRole("button", { name: "Save and come back later" }).click();
  const code = (await page.getByTestId("resume-code").textContent())!.trim();
  await page.getByLabel("Email address").fill("not-an-address");
  await page.getByRole("button", { name: "Email me the code" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter an email address in the correct format");
  await expect(page.getByLabel("Email address")).toHaveValue("not-an-address");
  await expect(page.getByTestId("resume-code")).toHaveText(code);
  await expectAccessible(page);
  await page.getByLabel("Email address").fill("parent@example.com");
  await page.getByRole("button", { name: "Email me the code" }).click();
  await expect(page.getByText("We are sending the code to parent@example.com")).toBeVisible();
  await expect(page.getByTestId("resume-code")).toHaveText(code);
  await expectAccessible(page);
});
