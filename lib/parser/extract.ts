/**
 * Stage 2: the decoded file → the source text every offset refers to, the
 * folded copy used for matching, and the metadata the file itself gives
 * (YAML front matter, an HTML title). Plain text and Markdown keep the file's
 * text; HTML and .docx become the text of their article body.
 */
import type { Decoded } from "./decode";
import { InputError } from "./errors";
import { fold } from "./fold";
import { frontMatter, markdownMarkup } from "./markdown";
import { htmlToText } from "./html";
import { docxToText } from "./docx";
import type { Metadata, SourceDocument, SourceLayout } from "./types";

const DATE_KEYS = ["issuedAt", "effectiveFrom", "effectiveUntil", "publishedAt"] as const;
const STRING_KEYS = ["title", "issuer", "kind", "docNumber", "interpreter", "slug", "source"] as const;

/** Checks front-matter values; wrong types are an InputError naming the key. */
export function checkGivenMetadata(data: Record<string, unknown>): Partial<Metadata> & Record<string, unknown> {
  const out: Partial<Metadata> & Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (value == null) continue;
    if ((DATE_KEYS as readonly string[]).includes(key)) {
      const s = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === "string" ? value.trim() : null;
      if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(s))) {
        throw new InputError(`front matter: ${key} must be a date written YYYY-MM-DD (got ${JSON.stringify(value).slice(0, 40)})`, "front-matter");
      }
      out[key] = s;
    } else if ((STRING_KEYS as readonly string[]).includes(key)) {
      if (typeof value !== "string" && typeof value !== "number") {
        throw new InputError(`front matter: ${key} must be text (got ${Array.isArray(value) ? "a list" : typeof value})`, "front-matter");
      }
      const s = String(value).trim();
      if (key === "slug" && !/^[^/\\\0]{1,120}$/.test(s)) throw new InputError("front matter: slug must be 1–120 characters without slashes", "front-matter");
      out[key] = s;
    } else if (key === "addressees") {
      const list = typeof value === "string" ? value.split(/[，,]/) : Array.isArray(value) ? value : null;
      if (!list || list.some((x) => typeof x !== "string")) throw new InputError("front matter: addressees must be text or a list of text", "front-matter");
      out.addressees = list.map((x: string) => x.trim()).filter(Boolean);
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** The layout with every offset moved by `by` characters (text was put before it). */
function shiftLayout(layout: SourceLayout, by: number): SourceLayout {
  return {
    align: new Map([...layout.align].map(([k, v]) => [k + by, v])),
    rows: new Map([...layout.rows].map(([k, row]) => [k + by, { ...row, cells: row.cells.map((c) => ({ ...c, start: c.start + by, end: c.end + by })) }])),
  };
}

/** Stage 2 entry point. */
export async function extract(decoded: Decoded): Promise<SourceDocument> {
  const base = { encoding: decoded.encoding, blockRanges: null, layout: null, titleHint: null };
  if (decoded.format === "docx") {
    const { text, layout } = await docxToText(decoded.bytes);
    if (!text.trim()) throw new InputError(".docx has no text", "empty");
    return { ...base, text, folded: fold(text), bodyStart: 0, markup: null, given: {}, format: "docx", layout };
  }
  if (decoded.format === "html") {
    const { text, title, layout } = htmlToText(decoded.text);
    if (!text.trim()) throw new InputError("HTML page has no article text", "empty");
    // A page whose body does not repeat its title (the title only in <title>) gets it as a first line.
    const compactTitle = title?.replace(/\s+/g, "") ?? "";
    const missing = compactTitle.length >= 4 && !text.slice(0, 400).replace(/\s+/g, "").includes(compactTitle.slice(0, 12));
    const withTitle = missing ? `${title}\n${text}` : text;
    const shifted = missing ? shiftLayout(layout, withTitle.length - text.length) : layout;
    return { ...base, text: withTitle, folded: fold(withTitle), bodyStart: 0, markup: null, given: {}, format: "html", layout: shifted, titleHint: title };
  }
  if (decoded.format === "md") {
    const fm = frontMatter(decoded.text);
    const given = checkGivenMetadata(fm.data);
    const markup = markdownMarkup(decoded.text, fm.bodyStart);
    if (!decoded.text.slice(fm.bodyStart).trim()) throw new InputError("document has front matter but no text", "empty");
    return { ...base, text: decoded.text, folded: fold(decoded.text, markup), bodyStart: fm.bodyStart, markup, given, format: "md" };
  }
  return { ...base, text: decoded.text, folded: fold(decoded.text), bodyStart: 0, markup: null, given: {}, format: "txt" };
}
