import i18next from "i18next";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import easyReadEn from "../../public/locales/en-GB/easy-read.json";
import easyReadPl from "../../public/locales/pl/easy-read.json";
import { CHECK_EVERY_MS, createTimeoutController, postKeepalive, TimeoutDialogContent, TimeoutWarning, type TimerClock } from "./timeout-warning";

function renderIn(lng: "en-GB" | "pl", element: ReactElement) {
  const i18n = i18next.createInstance();
  void i18n.init({
    lng,
    fallbackLng: "en-GB",
    ns: ["easy-read"],
    defaultNS: "easy-read",
    resources: { "en-GB": { "easy-read": easyReadEn }, pl: { "easy-read": easyReadPl } },
    interpolation: { escapeValue: false },
    initImmediate: false,
  });
  return renderToStaticMarkup(<I18nextProvider i18n={i18n}>{element}</I18nextProvider>);
}

const MINUTE = 60_000;
const props = {
  idleMinutes: 20,
  warnMinutes: 2,
  keepaliveUrl: "/surveys/young-people-2026/keepalive",
  csrfToken: "token-123",
  saveUrl: "/surveys/young-people-2026/save",
  pausedUrl: "/surveys/young-people-2026/paused",
};

/** The browser's timers, faked by vitest, as the component would use them. */
const fakeTimerClock: TimerClock = {
  now: () => Date.now(),
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

function setUp(clock: TimerClock = fakeTimerClock) {
  const seen = { open: false, opened: 0, closed: 0, minutes: [] as number[], expired: 0, keepalives: 0 };
  const controller = createTimeoutController({
    idleMs: props.idleMinutes * MINUTE,
    warnMs: props.warnMinutes * MINUTE,
    clock,
    dialog: {
      open: () => {
        seen.open = true;
        seen.opened++;
      },
      close: () => {
        seen.open = false;
        seen.closed++;
      },
    },
    keepalive: async () => {
      seen.keepalives++;
    },
    expire: () => seen.expired++,
    onMinutesLeft: (m) => seen.minutes.push(m),
  });
  controller.restart();
  return { controller, seen };
}

describe("TimeoutWarning", () => {
  it("draws nothing on the server: without JavaScript the page is unchanged", () => {
    expect(renderIn("en-GB", <TimeoutWarning {...props} />)).toBe("");
  });

  it("says why in plain words, with the time left, a way to carry on and a way to leave", () => {
    const html = renderIn("en-GB", <TimeoutDialogContent idleMinutes={20} minutesLeft={2} saveUrl={props.saveUrl} />);
    expect(html).toContain('<h2 class="govuk-heading-m" id="portal-timeout-heading">We&#x27;ll pause your survey soon</h2>');
    expect(html).toContain("Your answers are saved.");
    expect(html).toContain("we pause the survey after 20 minutes without any activity.");
    expect(html).toMatch(/aria-live="polite"[^>]*>We will pause it in 2 minutes\.</);
    expect(html).toMatch(/<button type="button" class="govuk-button"[^>]*>Continue the survey<\/button>/);
    expect(html).toContain(`<a class="govuk-link" href="${props.saveUrl}">Save and come back later</a>`);
    expect(renderIn("en-GB", <TimeoutDialogContent idleMinutes={20} minutesLeft={1} saveUrl="/s" />)).toContain("We will pause it in 1 minute.");
  });

  it("counts minutes with the right Polish word", () => {
    expect(renderIn("pl", <TimeoutDialogContent idleMinutes={20} minutesLeft={2} saveUrl="/s" />)).toContain("Wstrzymamy ją za 2 minuty.");
    expect(renderIn("pl", <TimeoutDialogContent idleMinutes={20} minutesLeft={5} saveUrl="/s" />)).toContain("Wstrzymamy ją za 5 minut.");
    expect(renderIn("pl", <TimeoutDialogContent idleMinutes={20} minutesLeft={1} saveUrl="/s" />)).toContain("Wstrzymamy ją za 1 minutę.");
  });
});

describe("the timeout warning's timing", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-11-23T10:00:00Z"));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("opens the warning after 18 quiet minutes, not a second before", () => {
    const { seen } = setUp();
    vi.advanceTimersByTime(18 * MINUTE - CHECK_EVERY_MS);
    expect(seen.open).toBe(false);
    vi.advanceTimersByTime(CHECK_EVERY_MS);
    expect(seen.open).toBe(true);
    expect(seen.minutes).toEqual([2]);
  });

  it("updates the countdown once a minute, not every second", () => {
    const { seen } = setUp();
    vi.advanceTimersByTime(18 * MINUTE);
    vi.advanceTimersByTime(MINUTE - CHECK_EVERY_MS);
    expect(seen.minutes).toEqual([2]);
    vi.advanceTimersByTime(CHECK_EVERY_MS);
    expect(seen.minutes).toEqual([2, 1]);
    vi.advanceTimersByTime(MINUTE - CHECK_EVERY_MS);
    expect(seen.minutes).toEqual([2, 1]);
    expect(seen.opened).toBe(1);
  });

  it("Continue keeps the session alive, closes the warning and starts counting again", async () => {
    const { controller, seen } = setUp();
    vi.advanceTimersByTime(19 * MINUTE);
    await controller.continueSurvey();
    expect(seen.keepalives).toBe(1);
    expect(seen.open).toBe(false);
    expect(seen.closed).toBe(1);
    // A full 18 minutes again before the next warning; no pause at the old time.
    vi.advanceTimersByTime(18 * MINUTE - CHECK_EVERY_MS);
    expect(seen.open).toBe(false);
    expect(seen.expired).toBe(0);
    vi.advanceTimersByTime(CHECK_EVERY_MS);
    expect(seen.open).toBe(true);
    expect(seen.minutes).toEqual([2, 1, 2]);
  });

  it("goes to the paused page when time runs out, once", () => {
    const { seen } = setUp();
    vi.advanceTimersByTime(20 * MINUTE - CHECK_EVERY_MS);
    expect(seen.expired).toBe(0);
    vi.advanceTimersByTime(CHECK_EVERY_MS);
    expect(seen.expired).toBe(1);
    vi.advanceTimersByTime(10 * MINUTE);
    expect(seen.expired).toBe(1);
  });

  it("a failed keepalive (offline) still lets the person carry on", async () => {
    const seen = { closed: 0, expired: 0 };
    const failing = createTimeoutController({
      idleMs: 20 * MINUTE,
      warnMs: 2 * MINUTE,
      clock: fakeTimerClock,
      dialog: { open: () => undefined, close: () => seen.closed++ },
      keepalive: () => Promise.reject(new TypeError("Failed to fetch")),
      expire: () => seen.expired++,
      onMinutesLeft: () => undefined,
    });
    failing.restart();
    vi.advanceTimersByTime(19 * MINUTE);
    await expect(failing.continueSurvey()).resolves.toBeUndefined();
    expect(seen.closed).toBe(1);
    vi.advanceTimersByTime(5 * MINUTE);
    expect(seen.expired).toBe(0);
  });
});

describe("a device that slept", () => {
  it("pauses as soon as it wakes, if the time has passed (timers do not run while asleep)", () => {
    let now = 0;
    const clock: TimerClock = { now: () => now, setInterval: () => 1, clearInterval: () => undefined };
    const { controller, seen } = setUp(clock);
    now = 25 * MINUTE; // no timer fired in between
    controller.check();
    expect(seen.expired).toBe(1);
    expect(seen.opened).toBe(0);
  });
});

describe("keepalive", () => {
  it("POSTs the CSRF token as a form field to the keepalive address", async () => {
    const calls: { url: string; init: RequestInit | undefined }[] = [];
    const fakeFetch = (async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      return new Response(null, { status: 204 });
    }) as typeof fetch;
    await postKeepalive(fakeFetch, props.keepaliveUrl, props.csrfToken);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(props.keepaliveUrl);
    expect(calls[0]!.init?.method).toBe("POST");
    expect(calls[0]!.init?.credentials).toBe("same-origin");
    const body = calls[0]!.init?.body as URLSearchParams;
    expect(body.get("csrf")).toBe("token-123");
    // Sent as an ordinary form, as the server's readForm expects.
    expect(new Request("http://x/", { method: "POST", body }).headers.get("content-type")).toMatch(/^application\/x-www-form-urlencoded/);
  });
});
