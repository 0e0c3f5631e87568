import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

/** The parts of a browser voice this component uses (SpeechSynthesisVoice). */
export interface VoiceLike {
  lang: string;
  localService: boolean;
  default: boolean;
  name: string;
}

/** The parts of an utterance this component sets and listens to (SpeechSynthesisUtterance). */
export interface UtteranceLike {
  text: string;
  lang: string;
  voice: VoiceLike | null;
  rate: number;
  onend: ((event: never) => void) | null;
  onerror: ((event: never) => void) | null;
}

/** The parts of window.speechSynthesis this component uses. */
export interface SynthLike {
  speak(utterance: UtteranceLike): void;
  cancel(): void;
  getVoices(): VoiceLike[];
}

const normalise = (lang: string) => lang.replace(/_/g, "-").toLowerCase();

/**
 * The best voice for a page language ("en-GB", "ur", "pl"): the same language
 * and region first, then the same language anywhere (an "ur-IN" voice for "ur";
 * an "en-US" voice for "en-GB" only when there is no British one), preferring
 * voices on the device (they start at once and work offline). None: the
 * browser cannot speak this language, and guessing would read Urdu with an
 * English voice.
 */
export function pickVoice(voices: readonly VoiceLike[], lang: string): VoiceLike | undefined {
  const wanted = normalise(lang);
  const primary = wanted.split("-")[0];
  const score = (voice: VoiceLike) => {
    const have = normalise(voice.lang);
    const exact = have === wanted || (!wanted.includes("-") && have.split("-")[0] === wanted);
    const sameLanguage = have.split("-")[0] === primary;
    if (!sameLanguage) return 0;
    return (exact ? 4 : 2) + (voice.localService ? 1 : 0) + (voice.default ? 0.5 : 0);
  };
  let best: VoiceLike | undefined;
  let bestScore = 0;
  for (const voice of voices) {
    const s = score(voice);
    if (s > bestScore) {
      best = voice;
      bestScore = s;
    }
  }
  return best;
}

/** Longest piece given to the synthesiser at once: some browsers stop part-way through long utterances. */
export const MAX_CHUNK = 180;

/**
 * The text in sentence-sized pieces (English, Polish and Urdu full stops and
 * question marks, and line breaks), each at most MAX_CHUNK characters, split
 * between words when a sentence is longer.
 */
export function speechChunks(text: string): string[] {
  const sentences = text
    .split(/(?<=[.!?۔؟])\s+|\n+/u)
    .map((s) => s.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  const chunks: string[] = [];
  for (const sentence of sentences) {
    let rest = sentence;
    while (rest.length > MAX_CHUNK) {
      const cut = rest.lastIndexOf(" ", MAX_CHUNK);
      const at = cut > 0 ? cut : MAX_CHUNK;
      chunks.push(rest.slice(0, at).trim());
      rest = rest.slice(at).trim();
    }
    if (rest) chunks.push(rest);
  }
  return chunks;
}

/** The reader speaking through each synthesiser now, told when another one takes over. */
const activeReader = new WeakMap<SynthLike, () => void>();

/**
 * Speaks text through a synthesiser and says when it has finished or was
 * stopped. Only one reading at a time on a page: starting cancels whatever was
 * speaking, and another Read aloud button that was reading is told it stopped
 * (browsers differ in which events, if any, they fire for cancelled speech).
 */
export function createReader({
  synth,
  makeUtterance,
  onChange,
}: {
  synth: SynthLike;
  makeUtterance: (text: string) => UtteranceLike;
  onChange: (speaking: boolean) => void;
}) {
  let run = 0;
  let speaking = false;
  // Held until spoken: Chrome drops events of utterances nothing refers to.
  let pending: UtteranceLike[] = [];
  const set = (value: boolean) => {
    if (value !== speaking) {
      speaking = value;
      onChange(value);
    }
  };
  const interrupted = () => {
    run++;
    pending = [];
    set(false);
  };
  const release = () => {
    if (activeReader.get(synth) === interrupted) activeReader.delete(synth);
  };
  return {
    get speaking() {
      return speaking;
    },
    start(text: string, lang: string, voice: VoiceLike | undefined) {
      const chunks = speechChunks(text);
      const other = activeReader.get(synth);
      if (other && other !== interrupted) other();
      synth.cancel();
      const mine = ++run;
      if (chunks.length === 0) {
        release();
        return set(false);
      }
      activeReader.set(synth, interrupted);
      set(true);
      pending = chunks.map((chunk, index) => {
        const utterance = makeUtterance(chunk);
        utterance.lang = voice?.lang ?? lang;
        utterance.voice = voice ?? null;
        utterance.rate = 0.9; // a little slower than the default, for easy read
        const last = index === chunks.length - 1;
        utterance.onend = () => {
          if (last && run === mine) {
            pending = [];
            release();
            set(false);
          }
        };
        // "interrupted" or "canceled" (Stop, or another reading started), or the voice failed.
        utterance.onerror = () => {
          if (run === mine) {
            release();
            interrupted();
          }
        };
        return utterance;
      });
      for (const utterance of pending) synth.speak(utterance);
    },
    stop() {
      run++;
      pending = [];
      if (speaking) synth.cancel();
      release();
      set(false);
    },
  };
}

function browserSynth(): SynthLike | undefined {
  if (typeof window === "undefined") return undefined;
  const synth = window.speechSynthesis as SynthLike | undefined;
  return synth && typeof window.SpeechSynthesisUtterance === "function" ? synth : undefined;
}

/** Which voice this browser has for the language: undefined until known, and on the server. */
function useVoice(lang: string): { synth: SynthLike; voice: VoiceLike } | undefined {
  const [found, setFound] = useState<{ synth: SynthLike; voice: VoiceLike }>();
  useEffect(() => {
    const synth = browserSynth();
    if (!synth) return;
    const update = () => {
      const voice = pickVoice(synth.getVoices(), lang);
      // Keep the same object while the choice is the same, so a second
      // "voiceschanged" does not stop a reading that has started.
      setFound((previous) =>
        !voice ? undefined : previous && previous.voice.name === voice.name && previous.voice.lang === voice.lang ? previous : { synth, voice },
      );
    };
    update();
    // Chrome lists its voices a moment after the page loads.
    const target = window.speechSynthesis as Partial<EventTarget>;
    target.addEventListener?.("voiceschanged", update);
    return () => target.removeEventListener?.("voiceschanged", update);
  }, [lang]);
  return found;
}

export interface ReadAloudProps {
  /** The words to read: what is on the screen, in the page's language. */
  text: string;
  /** The page's language ("en-GB", "ur", "pl"): chooses the voice. */
  lang: string;
  /** The id of the words on the page that the button reads, so a screen reader says which button this is. */
  describedBy?: string;
  className?: string;
}

/**
 * A "Read aloud" button using the browser's own speech synthesis. It is an
 * enhancement: nothing is drawn on the server, before hydration, without
 * window.speechSynthesis, or when the browser has no voice for the language,
 * so without it the page is exactly the same. While reading, the button says
 * "Stop reading" (its label changes; it is not a pressed/unpressed toggle).
 * Reading stops when the button leaves the page, the text changes or the page is hidden.
 */
export function ReadAloud({ text, lang, describedBy, className }: ReadAloudProps) {
  const { t } = useTranslation("easy-read");
  const found = useVoice(lang);
  const [speaking, setSpeaking] = useState(false);
  const reader = useRef<ReturnType<typeof createReader>>();

  useEffect(() => {
    if (!found) return;
    const current = createReader({
      synth: found.synth,
      makeUtterance: (words) => new window.SpeechSynthesisUtterance(words) as unknown as UtteranceLike,
      onChange: setSpeaking,
    });
    reader.current = current;
    const stop = () => current.stop();
    window.addEventListener("pagehide", stop);
    return () => {
      window.removeEventListener("pagehide", stop);
      current.stop();
      reader.current = undefined;
    };
    // A new text (the next page) stops the old one.
  }, [found, text]);

  const toggle = useCallback(() => {
    const current = reader.current;
    if (!current || !found) return;
    if (current.speaking) current.stop();
    else current.start(text, lang, found.voice);
  }, [found, text, lang]);

  if (!found) return null;
  return <ReadAloudButton speaking={speaking} onClick={toggle} describedBy={describedBy} className={className} label={speaking ? t("readAloud.stop") : t("readAloud.start")} />;
}

/** The button itself (drawn by ReadAloud once the browser can speak). */
export function ReadAloudButton({
  speaking,
  label,
  onClick,
  describedBy,
  className,
}: {
  speaking: boolean;
  label: string;
  onClick?: () => void;
  describedBy?: string;
  className?: string;
}) {
  return (
    <button
      type="button"
      className={`govuk-button govuk-button--secondary portal-read-aloud app-no-print${speaking ? " portal-read-aloud--speaking" : ""}${className ? ` ${className}` : ""}`}
      data-module="govuk-button"
      aria-describedby={describedBy}
      onClick={onClick}
    >
      <svg className="portal-read-aloud__icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
        {speaking ? (
          <rect x="6" y="6" width="12" height="12" rx="1.5" fill="currentColor" />
        ) : (
          <>
            <path d="M3 9h4l5-4v14l-5-4H3z" fill="currentColor" />
            <path d="M15.5 8.5a5 5 0 010 7M18.5 5.5a9 9 0 010 13" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </>
        )}
      </svg>
      <span>{label}</span>
    </button>
  );
}
