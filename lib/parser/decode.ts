/**
 * Stage 1: bytes → text. Detects the format (plain text, Markdown, HTML,
 * .docx) and the text encoding from the content, not the file name:
 * UTF-8 with or without BOM, UTF-16 LE/BE with or without BOM, GB18030/GBK,
 * and files that mix UTF-8 and GBK lines. Refuses binaries with an InputError.
 */
import iconv from "iconv-lite";
import { InputError } from "./errors";

export type Format = "txt" | "md" | "html" | "docx";

export interface Decoded {
  text: string;
  encoding: string;
  format: Format;
  /** For .docx: the raw bytes (the extract stage reads the archive). */
  bytes: Uint8Array;
  /** Problems found while decoding (offsets into `text`). */
  notes: string[];
}

/** Default largest input, in bytes (callers pass POLICYKB_MAX_BYTES through lib/ingest/limits.ts). */
export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

const MAGIC: Array<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46], "a PDF file"],
  [[0x89, 0x50, 0x4e, 0x47], "a PNG image"],
  [[0xff, 0xd8, 0xff], "a JPEG image"],
  [[0x47, 0x49, 0x46, 0x38], "a GIF image"],
  [[0x42, 0x4d], "a BMP image"],
  [[0x1f, 0x8b], "a gzip archive"],
  [[0x52, 0x61, 0x72, 0x21], "a RAR archive"],
  [[0x37, 0x7a, 0xbc, 0xaf], "a 7z archive"],
  [[0xd0, 0xcf, 0x11, 0xe0], "an old Office (.doc/.xls) file"],
  [[0x7f, 0x45, 0x4c, 0x46], "an executable"],
  [[0x52, 0x49, 0x46, 0x46], "a RIFF media file"],
];

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((b, i) => bytes[at + i] === b);
}

/** What the bytes are, by their first bytes. */
function sniffBinary(bytes: Uint8Array): string | null {
  for (const [sig, name] of MAGIC) if (startsWith(bytes, sig)) return name;
  if (startsWith(bytes, [0x00, 0x00, 0x00]) && startsWith(bytes, [0x66, 0x74, 0x79, 0x70], 4)) return "a video file";
  if (startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return "a WebP image";
  return null;
}

const isZip = (bytes: Uint8Array) => startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);

/** Share of characters that ordinary Chinese or English text is made of. */
export function plausibility(text: string): number {
  if (!text.length) return 0;
  let good = 0;
  const n = Math.min(text.length, 200_000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (
      (c >= 0x20 && c < 0x7f) || c === 10 || c === 13 || c === 9 ||
      (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2000 && c <= 0x206f) || (c >= 0x2460 && c <= 0x24ff) || (c >= 0x3200 && c <= 0x32ff) || c === 0xb7 || c === 0x25cb
    ) good++;
  }
  return good / n;
}

function decodeUtf16(bytes: Uint8Array, le: boolean): string {
  const even = bytes.length - (bytes.length % 2);
  return new TextDecoder(le ? "utf-16le" : "utf-16be").decode(bytes.subarray(0, even));
}

const utf8Fatal = new TextDecoder("utf-8", { fatal: true });
const utf8 = new TextDecoder("utf-8");

/** The bytes as UTF-8 text, or null when they are not valid UTF-8. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8Fatal.decode(bytes);
  } catch {
    return null;
  }
}

function isUtf8(bytes: Uint8Array): boolean {
  return strictUtf8(bytes) !== null;
}

/**
 * A line that is UTF-8 but for some stray bytes (a damaged copy): it still
 * reads as Chinese, at least as many characters as replaced sequences. A GBK
 * line read as UTF-8 is mostly replaced sequences and stray Latin letters
 * (GBK pairs that happen to be valid two-byte UTF-8), hardly any Chinese.
 */
function mostlyUtf8(lossy: string): { ok: boolean; replaced: number } {
  let replaced = 0;
  let chinese = 0;
  for (let i = 0; i < lossy.length; i++) {
    const c = lossy.charCodeAt(i);
    if (c === 0xfffd) replaced++;
    else if ((c >= 0x3000 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef)) chinese++;
  }
  return { ok: chinese >= 2 && chinese >= replaced, replaced };
}

/**
 * Decodes line by line when a file is not valid UTF-8 as a whole: a line
 * that is valid UTF-8, or UTF-8 with some stray bytes (replaced with U+FFFD),
 * stays UTF-8; a line that reads as Chinese only in GB18030 is GB18030; a
 * line with too few non-ASCII bytes to tell follows the file's majority.
 */
function decodeMixed(bytes: Uint8Array): { text: string; gbkLines: number; utf8Lines: number; replaced: number } {
  type Line = { utf8: string; gbk: string | null; kind: "utf8" | "gbk" | "unsure"; replaced: number };
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i !== bytes.length && bytes[i] !== 0x0a) continue;
    const line = bytes.subarray(start, i);
    start = i + 1;
    let high = 0;
    for (const b of line) if (b >= 0x80) high++;
    if (isUtf8(line)) {
      lines.push({ utf8: utf8.decode(line), gbk: null, kind: high ? "utf8" : "unsure", replaced: 0 });
      continue;
    }
    const lossy = utf8.decode(line);
    const check = mostlyUtf8(lossy);
    const gbk = iconv.decode(Buffer.from(line), "gb18030");
    const kind = check.ok ? "utf8" : high < 4 || !/[\u3400-\u9fff]/.test(gbk) ? "unsure" : "gbk";
    lines.push({ utf8: lossy, gbk, kind, replaced: check.replaced });
  }
  const utf8Lines = lines.filter((l) => l.kind === "utf8").length;
  let gbkLines = lines.filter((l) => l.kind === "gbk").length;
  const unsureAs = utf8Lines >= gbkLines ? "utf8" : "gbk";
  let replaced = 0;
  const parts = lines.map((l) => {
    const kind = l.kind === "unsure" ? unsureAs : l.kind;
    if (kind === "gbk" && l.gbk !== null) {
      if (l.kind === "unsure") gbkLines++;
      return l.gbk;
    }
    replaced += l.replaced;
    return l.utf8;
  });
  return { text: parts.join("\n"), gbkLines, utf8Lines, replaced };
}

/** Picks the text encoding of BOM-less bytes. */
function detectText(bytes: Uint8Array): { text: string; encoding: string; notes: string[] } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: utf8.decode(bytes.subarray(3)), encoding: "utf-8-bom", notes: [] };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: decodeUtf16(bytes.subarray(2), true), encoding: "utf-16le", notes: [] };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: decodeUtf16(bytes.subarray(2), false), encoding: "utf-16be", notes: [] };
  // UTF-16 without BOM: many zero bytes, or a much more plausible reading.
  const sample = bytes.subarray(0, Math.min(bytes.length, 64 * 1024));
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2) zeroOdd++;
    else zeroEven++;
  }
  // Valid UTF-8 is decoded once: the strict decoding is the text (the same as the lenient one's).
  const strict = strictUtf8(bytes);
  const utf8Valid = strict !== null;
  if (utf8Valid && zeroEven + zeroOdd === 0) return { text: strict, encoding: "utf-8", notes: [] };
  const candidates: Array<{ text: string; encoding: string; score: number }> = [];
  if (bytes.length % 2 === 0 || zeroEven + zeroOdd > 0) {
    const le = decodeUtf16(sample, true);
    const be = decodeUtf16(sample, false);
    candidates.push({ text: le, encoding: "utf-16le", score: plausibility(le) + (zeroOdd > zeroEven * 4 ? 0.05 : 0) });
    candidates.push({ text: be, encoding: "utf-16be", score: plausibility(be) + (zeroEven > zeroOdd * 4 ? 0.05 : 0) });
  }
  if (utf8Valid) candidates.push({ text: utf8.decode(sample), encoding: "utf-8", score: plausibility(utf8.decode(sample)) + 0.02 });
  else {
    const gbk = iconv.decode(Buffer.from(sample), "gb18030");
    candidates.push({ text: gbk, encoding: "gb18030", score: plausibility(gbk) });
  }
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0]!;
  if (best.encoding === "utf-16le") return { text: decodeUtf16(bytes, true), encoding: best.encoding, notes: [] };
  if (best.encoding === "utf-16be") return { text: decodeUtf16(bytes, false), encoding: best.encoding, notes: [] };
  if (best.encoding === "utf-8") return { text: utf8.decode(bytes), encoding: "utf-8", notes: [] };
  // Not UTF-8 as a whole: GB18030, unless some lines are valid multi-byte UTF-8 (a mixed file).
  const mixed = decodeMixed(bytes);
  // (Replaced sequences are counted for every encoding in one note further on.)
  if (mixed.gbkLines === 0) return { text: mixed.text, encoding: "utf-8", notes: [] };
  if (mixed.utf8Lines > 0 && mixed.gbkLines > 0) {
    return { text: mixed.text, encoding: "mixed utf-8/gb18030", notes: [`mixed encodings: ${mixed.gbkLines} line(s) decoded as GB18030, the rest as UTF-8`] };
  }
  const text = iconv.decode(Buffer.from(bytes), "gb18030");
  return { text, encoding: "gb18030", notes: [] };
}


/** Format from content, with the file name's extension as a hint for text formats. */
function textFormat(text: string, fileName: string): Format {
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? "";
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  if (head.startsWith("<!doctype html") || head.startsWith("<html") || (/<(body|div|p|head|meta|table)[\s>]/.test(head) && /<\/[a-z]+>/.test(head))) return "html";
  if (ext === "htm" || ext === "html" || ext === "xhtml") return "html";
  if (ext === "md" || ext === "markdown") return "md";
  if (/^---\r?\n[\s\S]*?\r?\n---\r?\n/.test(text.slice(0, 8192))) return "md";
  return "txt";
}

const SUPPORTED_EXT = new Set(["txt", "text", "md", "markdown", "html", "htm", "xhtml", "docx", ""]);

/** A size for people: 50.0 MB, 12 KB, 900 bytes. */
function size(n: number): string {
  if (n >= 1048576) return `${(n / 1048576).toFixed(n % 1048576 ? 1 : 0)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

/** Stage 1 entry point. Throws InputError for inputs that are not documents. */
export function decode(bytes: Uint8Array, fileName: string, options: { maxBytes?: number } = {}): Decoded {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? "";
  if (bytes.length > maxBytes) {
    throw new InputError(`file is ${size(bytes.length)}, over the ${size(maxBytes)} limit`, "too-large");
  }
  if (bytes.length === 0) throw new InputError("file is empty", "empty");
  const binary = sniffBinary(bytes);
  if (binary) throw new InputError(`file is ${binary}, not a text, Markdown, HTML or .docx document`, "binary");
  if (isZip(bytes)) {
    if (ext !== "docx" && ext !== "") {
      // A .docx renamed: still read it, it is what the content says.
    }
    return { text: "", encoding: "binary", format: "docx", bytes, notes: [] };
  }
  if (!SUPPORTED_EXT.has(ext)) throw new InputError(`unsupported file type ".${ext}" (expected .txt, .md, .html or .docx)`, "unsupported");
  const { text: raw, encoding, notes } = detectText(bytes);
  const text = raw.replace(/\r\n?/g, "\n");
  if (!text.trim()) throw new InputError("file has no text (only whitespace)", "empty");
  let control = 0;
  let replacement = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) control += 10;
    else if ((c < 0x20 && c !== 10 && c !== 9 && c !== 12 && c !== 13) || (c >= 0x7f && c < 0xa0)) control++;
    else if (c === 0xfffd) replacement++;
  }
  if (control > Math.max(8, text.length * 0.01)) throw new InputError("file looks binary (control bytes), not a text document", "binary");
  if (plausibility(text) < 0.6) throw new InputError(`file does not decode as text in any supported encoding (best guess ${encoding})`, "encoding");
  if (replacement > 0) notes.push(`${replacement} undecodable byte sequence(s) replaced by U+FFFD`);
  return { text, encoding, format: textFormat(text, fileName), bytes, notes };
}
