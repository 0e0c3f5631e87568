import type { FeedbackAttachmentKind, FeedbackFormat } from "../../db/schema";

/**
 * Drawings, photos and recordings sent with feedback (docs/decisions/022-feedback-uploads.md).
 * The type is read from the file's first bytes ("magic numbers"), never from the name or
 * the type the browser sent: a PNG called drawing.exe is a PNG; an HTML page called
 * drawing.png is refused. Only the types below are accepted; anything else (SVG, HTML,
 * PDF, programs, archives) is refused. Pure: no I/O.
 */

export const ATTACHMENT_FIELD = "attachment";
export const ATTACHMENT_TOKEN_FIELD = "attachmentToken";
export const ATTACHMENT_REMOVE_FIELD = "removeAttachment";

const MB = 1024 * 1024;
/** Pictures: a phone photo is 2–5 MB. */
export const IMAGE_MAX_BYTES = 10 * MB;
/** Recordings: a few minutes of voice or a short phone video. */
export const RECORDING_MAX_BYTES = 25 * MB;
/** The most read of any upload; what is over it is counted, not kept. */
export const ATTACHMENT_MAX_BYTES = Math.max(IMAGE_MAX_BYTES, RECORDING_MAX_BYTES);
/** A pending upload (kept while the person puts a mistake right) is deleted after this. */
export const PENDING_TTL_MS = 24 * 60 * 60 * 1000;

export type MediaCategory = "image" | "audio" | "video";

/** Every type the portal accepts and serves. Nothing outside this list is ever sent as a Content-Type. */
export const acceptedTypes = {
  "image/png": { category: "image", extension: "png", inline: true },
  "image/jpeg": { category: "image", extension: "jpg", inline: true },
  "image/gif": { category: "image", extension: "gif", inline: true },
  "image/webp": { category: "image", extension: "webp", inline: true },
  "image/heic": { category: "image", extension: "heic", inline: false },
  "audio/mpeg": { category: "audio", extension: "mp3", inline: false },
  "audio/mp4": { category: "audio", extension: "m4a", inline: false },
  "audio/wav": { category: "audio", extension: "wav", inline: false },
  "audio/ogg": { category: "audio", extension: "ogg", inline: false },
  "audio/webm": { category: "audio", extension: "weba", inline: false },
  "video/mp4": { category: "video", extension: "mp4", inline: false },
  "video/webm": { category: "video", extension: "webm", inline: false },
  "video/quicktime": { category: "video", extension: "mov", inline: false },
} as const satisfies Record<string, { category: MediaCategory; extension: string; inline: boolean }>;

export type AcceptedType = keyof typeof acceptedTypes;

export function isAcceptedType(value: string): value is AcceptedType {
  return Object.prototype.hasOwnProperty.call(acceptedTypes, value);
}

/** For the file picker only (a convenience, not a check). */
export const ACCEPT_ATTRIBUTE = [...Object.keys(acceptedTypes), ".heic", ".m4a", ".mov"].join(",");

const ascii = (bytes: Uint8Array, start: number, length: number) => String.fromCharCode(...bytes.subarray(start, start + length));
const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
/** Whether `needle` (ASCII) appears in the first `within` bytes. */
const contains = (bytes: Uint8Array, needle: string, within: number) => ascii(bytes, 0, Math.min(bytes.length, within)).includes(needle);

const HEIC_BRANDS = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx"]);
const MP4_VIDEO_BRANDS = new Set([
  "isom",
  "iso2",
  "iso4",
  "iso5",
  "iso6",
  "mp41",
  "mp42",
  "avc1",
  "dash",
  "M4V ",
  "M4VP",
  "mmp4",
  "3gp4",
  "3gp5",
  "3g2a",
  "MSNV",
  "f4v ",
]);
const MP4_AUDIO_BRANDS = new Set(["M4A ", "M4B ", "F4A "]);

/** The ISO base media file family (MP4, M4A, MOV, HEIC): the `ftyp` box names its brands. */
function isoMediaType(bytes: Uint8Array): AcceptedType | undefined {
  if (bytes.length < 12 || ascii(bytes, 4, 4) !== "ftyp") return undefined;
  const boxSize = Math.min(((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0, bytes.length, 256);
  const major = ascii(bytes, 8, 4);
  const compatible: string[] = [];
  for (let at = 16; at + 4 <= boxSize; at += 4) compatible.push(ascii(bytes, at, 4));
  if (HEIC_BRANDS.has(major) || ((major === "mif1" || major === "msf1") && compatible.some((b) => HEIC_BRANDS.has(b)))) return "image/heic";
  if (MP4_AUDIO_BRANDS.has(major)) return "audio/mp4";
  if (major === "qt  ") return "video/quicktime";
  if (MP4_VIDEO_BRANDS.has(major) || compatible.some((b) => MP4_VIDEO_BRANDS.has(b))) return "video/mp4";
  return undefined;
}

/** MPEG-1/2 audio layer III frame header (an MP3 without an ID3 tag). */
function isMp3Frame(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes[0] !== 0xff) return false;
  const b1 = bytes[1]!;
  const b2 = bytes[2]!;
  const sync = (b1 & 0xe0) === 0xe0;
  const versionOk = (b1 & 0x18) !== 0x08;
  const layerIII = (b1 & 0x06) === 0x02;
  const bitrateOk = (b2 & 0xf0) !== 0xf0 && (b2 & 0xf0) !== 0x00;
  const sampleRateOk = (b2 & 0x0c) !== 0x0c;
  return sync && versionOk && layerIII && bitrateOk && sampleRateOk;
}

/**
 * The accepted type the bytes are, or undefined. Reads at most the first 4 KB.
 */
export function detectMediaType(bytes: Uint8Array): AcceptedType | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a") return "image/gif";
  if (ascii(bytes, 0, 4) === "RIFF" && bytes.length >= 12) {
    const form = ascii(bytes, 8, 4);
    if (form === "WEBP") return "image/webp";
    if (form === "WAVE") return "audio/wav";
    return undefined;
  }
  const iso = isoMediaType(bytes);
  if (iso) return iso;
  if (ascii(bytes, 0, 3) === "ID3" || isMp3Frame(bytes)) return "audio/mpeg";
  if (ascii(bytes, 0, 4) === "OggS") {
    // Opus or Vorbis sound; an Ogg video (Theora) or anything else is not accepted.
    return contains(bytes, "OpusHead", 512) || contains(bytes, "\x01vorbis", 512) ? "audio/ogg" : undefined;
  }
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) {
    // EBML: a WebM file says "webm" as its DocType near the start (Matroska says "matroska").
    if (!contains(bytes, "webm", 64)) return undefined;
    return contains(bytes, "V_VP8", 4096) ||
      contains(bytes, "V_VP9", 4096) ||
      contains(bytes, "V_AV1", 4096) ||
      !contains(bytes, "A_", 4096)
      ? "video/webm"
      : "audio/webm";
  }
  return undefined;
}

export function maxBytesFor(type: AcceptedType): number {
  return acceptedTypes[type].category === "image" ? IMAGE_MAX_BYTES : RECORDING_MAX_BYTES;
}

/**
 * What is stored: a picture from the easy-read form is a drawing, from the standard form a
 * photo (the bytes cannot tell them apart, and officers only need a word for it).
 */
export function kindFor(type: AcceptedType, format: FeedbackFormat): FeedbackAttachmentKind {
  const { category } = acceptedTypes[type];
  if (category === "image") return format === "easy_read" ? "drawing" : "photo";
  return category;
}

export type AttachmentCheck =
  | { ok: true; mediaType: AcceptedType; kind: FeedbackAttachmentKind; bytes: Uint8Array }
  | { ok: false; error: "errors.attachmentType" | "errors.attachmentTooLarge" };

/** Checks an uploaded file's bytes: an accepted type, within its size limit. */
export function checkAttachment(bytes: Uint8Array, format: FeedbackFormat, byteSize = bytes.byteLength): AttachmentCheck {
  if (byteSize > ATTACHMENT_MAX_BYTES) return { ok: false, error: "errors.attachmentTooLarge" };
  const mediaType = detectMediaType(bytes.subarray(0, 4096));
  if (!mediaType) return { ok: false, error: "errors.attachmentType" };
  if (byteSize > maxBytesFor(mediaType)) return { ok: false, error: "errors.attachmentTooLarge" };
  return { ok: true, mediaType, kind: kindFor(mediaType, format), bytes };
}

/** "1.2 MB" or "800 KB", in the reader's language. */
export function formatSize(bytes: number, language: string): string {
  if (bytes >= 100 * 1024) {
    return new Intl.NumberFormat(language, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 }).format(bytes / MB);
  }
  return new Intl.NumberFormat(language, { style: "unit", unit: "kilobyte", maximumFractionDigits: 0 }).format(
    Math.max(1, Math.round(bytes / 1024)),
  );
}
