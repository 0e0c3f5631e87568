import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useHydrated } from "remix-utils/use-hydrated";

const MINUTE = 60_000;

/** Where the timer reads the time and schedules its checks: the browser's, or a test's. */
export interface TimerClock {
  now(): number;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const browserClock: TimerClock = {
  now: () => Date.now(),
  setInterval: (callback, ms) => window.setInterval(callback, ms),
  clearInterval: (handle) => window.clearInterval(handle as number),
};

/** How often the timer looks at the clock. Deadlines are instants, so a phone that slept still pauses on time. */
export const CHECK_EVERY_MS = 1000;

/** The parts of the modal the controller drives. */
export interface WarningDialog {
  open(): void;
  close(): void;
}

/**
 * The timeout warning without React: after `idleMs - warnMs` without a
 * restart it opens the dialog and reports the whole minutes left (only when
 * that number changes, so a screen reader hears it at most once a minute);
 * "Continue" restarts the timer at once, closes the dialog and asks the server
 * to keep the session alive; at `idleMs` it calls `expire` (go to the paused page).
 */
export function createTimeoutController({
  idleMs,
  warnMs,
  clock,
  dialog,
  keepalive,
  expire,
  onMinutesLeft,
}: {
  idleMs: number;
  warnMs: number;
  clock: TimerClock;
  dialog: WarningDialog;
  keepalive: () => Promise<unknown>;
  expire: () => void;
  onMinutesLeft: (minutes: number) => void;
}) {
  let startedAt = clock.now();
  let handle: unknown;
  let warning = false;
  let minutesShown = 0;
  let done = false;

  function check() {
    if (done) return;
    const left = idleMs - (clock.now() - startedAt);
    if (left <= 0) {
      done = true;
      stop();
      expire();
      return;
    }
    if (left <= warnMs) {
      const minutes = Math.max(1, Math.ceil(left / MINUTE));
      if (minutes !== minutesShown) {
        minutesShown = minutes;
        onMinutesLeft(minutes);
      }
      if (!warning) {
        warning = true;
        dialog.open();
      }
    }
  }

  function stop() {
    if (handle !== undefined) clock.clearInterval(handle);
    handle = undefined;
  }

  function restart() {
    if (done) return;
    startedAt = clock.now();
    minutesShown = 0;
    if (warning) {
      warning = false;
      dialog.close();
    }
    if (handle === undefined) handle = clock.setInterval(check, CHECK_EVERY_MS);
  }

  return {
    /** Start (or start again) counting from now. */
    restart,
    /** Look at the clock now (e.g. when the page becomes visible again). */
    check,
    stop,
    get warning() {
      return warning;
    },
    /** The person chose to carry on: close the warning, count again from now, tell the server. */
    async continueSurvey() {
      restart();
      try {
        await keepalive();
      } catch {
        // Offline or the server did not answer: the page's own form still
        // works, and answers typed here are kept by ConnectionGuard.
      }
    },
  };
}

/** POSTs the CSRF token as a form field to keep the session going. */
export function postKeepalive(fetcher: typeof fetch, url: string, csrfToken: string): Promise<Response> {
  return fetcher(url, {
    method: "POST",
    body: new URLSearchParams({ csrf: csrfToken }),
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  });
}

export interface TimeoutWarningProps {
  /** Minutes without activity after which the survey is paused. */
  idleMinutes: number;
  /** Minutes before the pause at which the warning opens. */
  warnMinutes: number;
  keepaliveUrl: string;
  csrfToken: string;
  /** "Save and come back later". */
  saveUrl: string;
  /** Where the browser goes when time runs out. */
  pausedUrl: string;
  /** For tests: the clock the timer reads. */
  clock?: TimerClock;
}

/**
 * The GOV.UK timeout warning for a survey page, with JavaScript only (nothing
 * on the server: without JavaScript the server's own rules apply). It starts
 * counting when it mounts, so give it a `key` that changes on each page (for
 * example the location key) if the survey moves between pages without
 * remounting. Escape is the same as "Continue the survey".
 */
export function TimeoutWarning({ idleMinutes, warnMinutes, keepaliveUrl, csrfToken, saveUrl, pausedUrl, clock = browserClock }: TimeoutWarningProps) {
  const hydrated = useHydrated();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const controller = useRef<ReturnType<typeof createTimeoutController>>();
  const [minutesLeft, setMinutesLeft] = useState(warnMinutes);

  useEffect(() => {
    const element = dialogRef.current;
    if (!hydrated || !element) return;
    let returnFocusTo: HTMLElement | null = null;
    const current = createTimeoutController({
      idleMs: idleMinutes * MINUTE,
      warnMs: Math.min(warnMinutes, idleMinutes) * MINUTE,
      clock,
      dialog: {
        open() {
          returnFocusTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
          if (element.open) return;
          if (typeof element.showModal === "function") element.showModal();
          else element.setAttribute("open", "");
          // Focus the first action, so Enter continues (showModal does this too; older browsers do not).
          element.querySelector<HTMLElement>("button")?.focus();
        },
        close() {
          if (typeof element.close === "function" && element.open) element.close();
          else element.removeAttribute("open");
          returnFocusTo?.focus();
          returnFocusTo = null;
        },
      },
      keepalive: () => postKeepalive(window.fetch.bind(window), keepaliveUrl, csrfToken),
      expire: () => window.location.assign(pausedUrl),
      onMinutesLeft: setMinutesLeft,
    });
    controller.current = current;
    current.restart();

    const onCancel = (event: Event) => {
      event.preventDefault(); // Escape: carry on, rather than just hiding the warning
      void current.continueSurvey();
    };
    // Some browsers close a modal on a second Escape without a cancel event
    // that can be stopped: closed by anything but us still means "carry on".
    const onClose = () => {
      if (current.warning) void current.continueSurvey();
    };
    // Timers are slowed or stopped in hidden tabs; look again on return.
    const onVisible = () => {
      if (document.visibilityState === "visible") current.check();
    };
    element.addEventListener("cancel", onCancel);
    element.addEventListener("close", onClose);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      element.removeEventListener("cancel", onCancel);
      element.removeEventListener("close", onClose);
      document.removeEventListener("visibilitychange", onVisible);
      current.stop();
      controller.current = undefined;
    };
  }, [hydrated, idleMinutes, warnMinutes, keepaliveUrl, csrfToken, pausedUrl, clock]);

  if (!hydrated) return null;
  return (
    <dialog
      ref={dialogRef}
      className="portal-timeout app-no-print"
      aria-labelledby="portal-timeout-heading"
      aria-describedby="portal-timeout-text"
    >
      <TimeoutDialogContent
        idleMinutes={idleMinutes}
        minutesLeft={minutesLeft}
        saveUrl={saveUrl}
        onContinue={() => void controller.current?.continueSurvey()}
      />
    </dialog>
  );
}

/** The words and actions inside the dialog. */
export function TimeoutDialogContent({
  idleMinutes,
  minutesLeft,
  saveUrl,
  onContinue,
}: {
  idleMinutes: number;
  minutesLeft: number;
  saveUrl: string;
  onContinue?: () => void;
}) {
  const { t } = useTranslation("easy-read");
  return (
    <>
      <h2 className="govuk-heading-m" id="portal-timeout-heading">
        {t("timeout.heading")}
      </h2>
      <div id="portal-timeout-text">
        <p className="govuk-body">{t("timeout.saved")}</p>
        <p className="govuk-body">{t("timeout.why", { count: idleMinutes })}</p>
        {/* Changes at most once a minute, so a screen reader is not talked over every second. */}
        <p className="govuk-body govuk-!-font-weight-bold" aria-live="polite" aria-atomic="true">
          {t("timeout.countdown", { count: minutesLeft })}
        </p>
      </div>
      <div className="govuk-button-group">
        <button type="button" className="govuk-button" data-module="govuk-button" onClick={onContinue}>
          {t("timeout.continue")}
        </button>
        <a className="govuk-link" href={saveUrl}>
          {t("timeout.save")}
        </a>
      </div>
    </>
  );
}
