import { describe, expect, it } from "vitest";
import { accepted, refused, TINY_PNG } from "../../tests/fixtures/media";
import { acceptedTypes, checkAttachment, detectMediaType, formatSize, IMAGE_MAX_BYTES, kindFor, RECORDING_MAX_BYTES } from "./attachments";

describe("what a file is, from its bytes", () => {
  for (const [name, { bytes, type }] of Object.entries(accepted)) {
    it(`knows ${name} as ${type}`, () => {
      expect(detectMediaType(bytes)).toBe(type);
    });
  }

  for (const [name, bytes] of Object.entries(refused)) {
    it(`refuses ${name}`, () => {
      expect(detectMediaType(bytes)).toBeUndefined();
      expect(checkAttachment(bytes, "easy_read")).toEqual({ ok: false, error: "errors.attachmentType" });
    });
  }

  it("never has a type a browser could run as a page or a script in its list", () => {
    for (const type of Object.keys(acceptedTypes)) {
      expect(type).toMatch(/^(image\/(png|jpeg|gif|webp|heic)|audio\/[a-z0-9]+|video\/[a-z0-9]+)$/);
    }
    expect(Object.keys(acceptedTypes)).not.toContain("image/svg+xml");
    expect(Object.keys(acceptedTypes)).not.toContain("text/html");
  });

  it("reads a PNG as a PNG whatever it was called (checkAttachment never sees the name)", () => {
    expect(checkAttachment(TINY_PNG, "easy_read")).toMatchObject({ ok: true, mediaType: "image/png", kind: "drawing" });
  });

  it("is not fooled by an HTML page or an SVG drawing that starts with a few spaces or a byte-order mark", () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...refused.svg!]);
    expect(detectMediaType(bom)).toBeUndefined();
    expect(detectMediaType(new Uint8Array([0x20, 0x20, ...refused.html!]))).toBeUndefined();
  });

  it("is not fooled by a truncated signature", () => {
    expect(detectMediaType(TINY_PNG.subarray(0, 7))).toBeUndefined();
    expect(detectMediaType(new Uint8Array([0xff, 0xd8]))).toBeUndefined();
    expect(detectMediaType(new Uint8Array([...Buffer.from("RIFF")]))).toBeUndefined();
  });
});

describe("size limits", () => {
  const padded = (head: Uint8Array, size: number) => {
    const out = new Uint8Array(size);
    out.set(head);
    return out;
  };

  it("takes a picture up to 10 MB and a recording up to 25 MB", () => {
    expect(checkAttachment(padded(TINY_PNG, IMAGE_MAX_BYTES), "standard")).toMatchObject({ ok: true, kind: "photo" });
    expect(checkAttachment(padded(accepted.mp4!.bytes, RECORDING_MAX_BYTES), "standard")).toMatchObject({ ok: true, kind: "video" });
  });

  it("refuses a picture over 10 MB, and anything over 25 MB", () => {
    expect(checkAttachment(padded(TINY_PNG, IMAGE_MAX_BYTES + 1), "standard")).toEqual({ ok: false, error: "errors.attachmentTooLarge" });
    expect(checkAttachment(padded(accepted.m4a!.bytes, RECORDING_MAX_BYTES + 1), "standard")).toEqual({
      ok: false,
      error: "errors.attachmentTooLarge",
    });
    // The size the upload handler counted, when the bytes themselves were not kept.
    expect(checkAttachment(accepted.m4a!.bytes, "standard", RECORDING_MAX_BYTES + 1)).toEqual({
      ok: false,
      error: "errors.attachmentTooLarge",
    });
  });
});

describe("kinds and sizes in words", () => {
  it("calls a picture from the easy-read form a drawing, from the standard form a photo", () => {
    expect(kindFor("image/png", "easy_read")).toBe("drawing");
    expect(kindFor("image/jpeg", "standard")).toBe("photo");
    expect(kindFor("audio/mp4", "easy_read")).toBe("audio");
    expect(kindFor("video/quicktime", "standard")).toBe("video");
  });

  it("says a size as people say it, in their language", () => {
    expect(formatSize(1.2 * 1024 * 1024, "en-GB")).toBe("1.2 MB");
    expect(formatSize(800 * 1024, "en-GB")).toBe("0.8 MB");
    expect(formatSize(70, "en-GB")).toBe("1 kB");
    expect(formatSize(5 * 1024, "en-GB")).toBe("5 kB");
    expect(formatSize(1.2 * 1024 * 1024, "pl")).toMatch(/^1,2\sMB$/);
  });
});
