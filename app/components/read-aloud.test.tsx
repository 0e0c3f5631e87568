import i18next from "i18next";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import easyRead from "../../public/locales/en-GB/easy-read.json";
import { createReader, MAX_CHUNK, pickVoice, ReadAloud, ReadAloudButton, speechChunks, type UtteranceLike, type VoiceLike } from "./read-aloud";

const i18n = i18next.createInstance();
void i18n.init({
  lng: "en-GB",
  fallbackLng: "en-GB",
  ns: ["easy-read"],
  defaultNS: "easy-read",
  resources: { "en-GB": { "easy-read": easyRead } },
  interpolation: { escapeValue: false },
  initImmediate: false,
});

const render = (element: ReactElement) => renderToStaticMarkup(<I18nextProvider i18n={i18n}>{element}</I18nextProvider>);

const voice = (lang: string, name = lang, localService = true): VoiceLike => ({ lang, name, localService, default: false });

/** A synthesiser that records what it was asked to say, and can finish or interrupt it. */
function fakeSynth(voices: VoiceLike[] = [], { silentCancel = false } = {}) {
  const queue: UtteranceLike[] = [];
  const spoken: UtteranceLike[] = [];
  let cancelled = 0;
  return {
    synth: {
      speak: (u: UtteranceLike) => {
        queue.push(u);
        spoken.push(u);
      },
      cancel: () => {
        cancelled++;
        // Browsers report an error ("interrupted") on every utterance that was queued.
        for (const u of queue.splice(0)) if (!silentCancel) u.onerror?.(undefined as never);
      },
      getVoices: () => voices,
    },
    spoken,
    get cancelled() {
      return cancelled;
    },
    /** The browser finishes the next utterance. */
    finishNext() {
      queue.shift()?.onend?.(undefined as never);
    },
  };
}

const utterance = (text: string): UtteranceLike => ({ text, lang: "", voice: null, rate: 1, onend: null, onerror: null });

describe("ReadAloud", () => {
  it("draws nothing on the server, so the page without JavaScript is unchanged", () => {
    expect(render(<ReadAloud text="How do you feel about school?" lang="en-GB" />)).toBe("");
  });

  it("is a real button that says what pressing it will do", () => {
    const idle = render(<ReadAloudButton speaking={false} label="Read aloud" />);
    expect(idle).toMatch(/^<button type="button"/);
    expect(idle).toContain(">Read aloud</span>");
    expect(idle).toContain('aria-hidden="true"'); // the speaker icon is not read out
    const speaking = render(<ReadAloudButton speaking label="Stop reading" describedBy="question-text" />);
    expect(speaking).toContain(">Stop reading</span>");
    expect(speaking).toContain('aria-describedby="question-text"');
    expect(speaking).not.toContain("aria-pressed");
  });
});

describe("choosing a voice", () => {
  const voices = [voice("en-US", "US"), voice("en-GB", "UK online", false), voice("en-GB", "UK"), voice("pl_PL", "Polish"), voice("ur-PK", "Urdu")];

  it("prefers a voice on the device in the page's language and region", () => {
    expect(pickVoice(voices, "en-GB")?.name).toBe("UK");
    expect(pickVoice(voices, "pl")?.name).toBe("Polish");
    expect(pickVoice(voices, "ur")?.name).toBe("Urdu");
  });

  it("falls back to the same language from another region", () => {
    expect(pickVoice([voice("en-US", "US")], "en-GB")?.name).toBe("US");
  });

  it("finds no voice rather than reading Urdu with an English one", () => {
    expect(pickVoice([voice("en-GB"), voice("en-US")], "ur")).toBeUndefined();
    expect(pickVoice([], "pl")).toBeUndefined();
  });
});

describe("splitting the words", () => {
  it("reads sentence by sentence in English, Polish and Urdu", () => {
    expect(speechChunks("How do you feel?  Choose a face.\nThen press Continue.")).toEqual(["How do you feel?", "Choose a face.", "Then press Continue."]);
    expect(speechChunks("آپ کیسا محسوس کرتے ہیں؟ ایک چہرہ چنیں۔")).toEqual(["آپ کیسا محسوس کرتے ہیں؟", "ایک چہرہ چنیں۔"]);
  });

  it("keeps every piece short enough for browsers that stop part-way", () => {
    const long = Array.from({ length: 80 }, (_, i) => `word${i}`).join(" ");
    const chunks = speechChunks(long);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.length <= MAX_CHUNK)).toBe(true);
    expect(chunks.join(" ")).toBe(long);
  });
});

describe("reading", () => {
  it("speaks every sentence in the chosen voice, and the button goes back when it has finished", () => {
    const fake = fakeSynth();
    const states: boolean[] = [];
    const reader = createReader({ synth: fake.synth, makeUtterance: utterance, onChange: (s) => states.push(s) });
    const urdu = voice("ur-PK", "Urdu");
    reader.start("پہلا جملہ۔ دوسرا جملہ۔", "ur", urdu);
    expect(fake.spoken.map((u) => u.text)).toEqual(["پہلا جملہ۔", "دوسرا جملہ۔"]);
    expect(fake.spoken.every((u) => u.lang === "ur-PK" && u.voice === urdu)).toBe(true);
    expect(states).toEqual([true]);
    fake.finishNext();
    expect(reader.speaking).toBe(true);
    fake.finishNext();
    expect(states).toEqual([true, false]);
  });

  it("stops at once when asked", () => {
    const fake = fakeSynth();
    const states: boolean[] = [];
    const reader = createReader({ synth: fake.synth, makeUtterance: utterance, onChange: (s) => states.push(s) });
    reader.start("One. Two. Three.", "en-GB", voice("en-GB"));
    reader.stop();
    expect(fake.cancelled).toBeGreaterThan(1); // once before starting, once to stop
    expect(states).toEqual([true, false]);
    expect(reader.speaking).toBe(false);
  });

  it("starting a second button stops the first, and the first says so", () => {
    const fake = fakeSynth();
    const first: boolean[] = [];
    const second: boolean[] = [];
    const a = createReader({ synth: fake.synth, makeUtterance: utterance, onChange: (s) => first.push(s) });
    const b = createReader({ synth: fake.synth, makeUtterance: utterance, onChange: (s) => second.push(s) });
    a.start("The question.", "en-GB", voice("en-GB"));
    b.start("The answers.", "en-GB", voice("en-GB"));
    expect(first).toEqual([true, false]);
    expect(second).toEqual([true]);
    expect(b.speaking).toBe(true);
  });

  it("the first button goes back even in a browser that fires no events for cancelled speech", () => {
    const fake = fakeSynth([], { silentCancel: true });
    const first: boolean[] = [];
    const a = createReader({ synth: fake.synth, makeUtterance: utterance, onChange: (s) => first.push(s) });
    const b = createReader({ synth: fake.synth, makeUtterance: utterance, onChange: () => undefined });
    a.start("The question.", "en-GB", voice("en-GB"));
    b.start("The answers.", "en-GB", voice("en-GB"));
    expect(first).toEqual([true, false]);
    expect(a.speaking).toBe(false);
  });

  it("does nothing for empty text", () => {
    const fake = fakeSynth();
    const reader = createReader({ synth: fake.synth, makeUtterance: utterance, onChange: () => undefined });
    reader.start("   ", "en-GB", voice("en-GB"));
    expect(fake.spoken).toEqual([]);
    expect(reader.speaking).toBe(false);
  });
});
