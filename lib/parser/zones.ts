/**
 * Stage 5: layout zones. Tells the lines that are not provisions — title,
 * 文号, addressees, signature and date, notes such as （此件公开发布）, a table
 * of contents — from the body, finds where an enclosed document starts after
 * its cover notice (关于印发《…》的通知) and where attachments (附件) start,
 * and marks closing lines that speak for the whole document (本意见自…施行).
 */
import {
  ADDRESSEE_LINE, ATTACHMENT_HEADING, ATTACHMENT_LIST, CLOSING_LINE, COVER_TITLE, DATE_LINE, DISTRIBUTION_LINE, DOC_NUMBER,
  KINDS, ORDER_HEAD, ORDER_NUMBER, PUBLICATION_NOTE, TOC_HEADING,
} from "./patterns";
import type { Block } from "./types";

const TITLE_KIND_END = new RegExp(`(?:${KINDS.join("|")})(?:\\(.{1,20}\\))?$`);
const ADOPTION_NOTE = /^\(?\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇○零一二三四五六七八九十]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日).{0,80}(?:通过|公布|发布|修订|修正|施行|批准)/;
const PERSON_SIGNATURE = /^(?:总理|省长|市长|主席|部长|主任|委员长|县长|区长|州长)\s+[\u4e00-\u9fa5]{2,4}$/;

const compact = (s: string) => s.replace(/\s+/g, "");

/** A line that looks like a document title: no sentence punctuation, not too long. */
export function isTitleLike(text: string): boolean {
  const t = compact(text);
  return t.length >= 4 && t.length <= 80 && !/[。;:!?]|,$/.test(t) && !DATE_LINE.test(t) && !DOC_NUMBER.test(t);
}

function isSignatureLike(text: string): boolean {
  const t = text.trim();
  if (PERSON_SIGNATURE.test(t)) return true;
  return t.length <= 40 && !/[。,;:]/.test(t) && /(?:人民政府|国务院|办公厅|办公室|委员会|政府|部|委|局|厅|署|院|办|中心|党委|市委|省委|县委|区委|常委会)(?:\s|$|、)/.test(t + " ");
}

/** A heading-only line: a chapter/part/section/decimal heading with no sentence. */
function isHeadingOnly(block: Block, text: string): boolean {
  const m = block.marker;
  if (!m || !["part", "chapter", "section", "decimal", "cn-dun"].includes(m.style)) return false;
  return compact(text).length <= 40 && !/[。;]/.test(text);
}

export interface Zoning {
  /** Title of an enclosed document, when the file is a cover notice wrapping it. */
  enclosureTitle: string | null;
}

/** Stage 5 entry point: sets `zone` on every block. */
export function assignZones(blocks: Block[], folded: string): Zoning {
  const text = (b: Block) => folded.slice(b.start, b.end);
  for (const b of blocks) b.zone = "body";
  if (!blocks.length) return { enclosureTitle: null };

  // Head: title, order header, 文号, addressees, adoption notes.
  let i = 0;
  const first = blocks[0]!;
  if (!first.marker && isTitleLike(text(first)) && !ADDRESSEE_LINE.test(text(first))) {
    first.zone = "title";
    i = 1;
  }
  for (; i < blocks.length && i < 12; i++) {
    const b = blocks[i]!;
    if (b.marker) break;
    const t = text(b).trim();
    if (ORDER_HEAD.test(t) || ORDER_NUMBER.test(t) || (DOC_NUMBER.test(t) && compact(t).length <= 30)) b.zone = "docNumber";
    else if (ADDRESSEE_LINE.test(t) && !/[。]/.test(t)) b.zone = "addressees";
    else if (ADOPTION_NOTE.test(t) && t.length <= 120) b.zone = "note";
    else if (/^\(.*\)$/.test(t) && t.length <= 120 && i <= 3) b.zone = "note";
    else break;
  }

  // Signature and date lines, notes after them, distribution lines.
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k]!;
    if (b.marker) continue;
    const t = text(b).trim();
    if (DATE_LINE.test(t)) {
      b.zone = "date";
      const prev = blocks[k - 1];
      if (prev && !prev.marker && prev.zone === "body" && isSignatureLike(text(prev))) prev.zone = "signature";
      const prev2 = blocks[k - 2];
      if (prev2 && prev?.zone === "signature" && !prev2.marker && prev2.zone === "body" && isSignatureLike(text(prev2)) && compact(text(prev2)).length <= 20) prev2.zone = "signature";
    } else if (PUBLICATION_NOTE.test(t) || DISTRIBUTION_LINE.test(t) || ATTACHMENT_LIST.test(t)) {
      b.zone = "note";
    } else if (TOC_HEADING.test(compact(t))) {
      b.zone = "toc";
    }
  }

  // A cover notice wrapping another document: after the cover's date, the enclosed title.
  let enclosureTitle: string | null = null;
  const titleText = first.zone === "title" ? compact(text(first)) : "";
  const cover = COVER_TITLE.exec(titleText);
  const firstDate = blocks.findIndex((b) => b.zone === "date");
  const firstLabelled = blocks.findIndex((b) => b.marker !== null);
  if (firstDate >= 0 && (cover || firstLabelled < 0 || firstDate < firstLabelled)) {
    const wanted = cover ? compact(cover[1] ?? cover[2] ?? "") : "";
    for (let k = firstDate + 1; k < Math.min(blocks.length, firstDate + 5); k++) {
      const b = blocks[k]!;
      if (b.zone !== "body" || b.marker) continue;
      const t = compact(text(b));
      const matches = (wanted && (t === wanted || wanted.endsWith(t) || t.endsWith(wanted))) || (isTitleLike(t) && TITLE_KIND_END.test(t)) || (titleText && t === titleText);
      if (matches && isTitleLike(t)) {
        b.zone = "enclosure-title";
        enclosureTitle = text(b).replace(/\s+/g, "");
        // Notes right after the enclosed title: （…修订通过）, adoption lines.
        for (let n = k + 1; n < Math.min(blocks.length, k + 4); n++) {
          const nb = blocks[n]!;
          const nt = text(nb).trim();
          if (nb.marker) break;
          if ((/^\(.*\)$/.test(nt) && nt.length <= 160) || ADOPTION_NOTE.test(nt)) nb.zone = "note";
          else break;
        }
      }
      break;
    }
  }

  // Attachments: a line 附件 / 附件1 after the body, its title on the next line.
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k]!;
    if (b.marker || b.zone !== "body" && b.zone !== "note") continue;
    if (ATTACHMENT_HEADING.test(compact(text(b)))) {
      const laterBody = blocks.slice(0, k).some((x) => x.zone === "date" || x.zone === "signature") || k > blocks.length / 2;
      if (!laterBody) continue;
      b.zone = "attachment-title";
    }
  }

  // Table of contents: heading-only lines whose heading comes again later (the body's
  // heading may go on with text: 1.1 目的 为统一…), with no text of their own.
  const keyOf = (b: Block) => compact(text(b));
  const headingOnly = blocks.map((b) => b.zone === "body" && isHeadingOnly(b, text(b)));
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k]!;
    if (!headingOnly[k]) continue;
    const key = keyOf(b);
    const next = blocks[k + 1];
    if (!next || !(headingOnly[k + 1] || next.zone === "toc")) continue;
    const again = blocks.some((later, j) => j > k + 1 && later.marker?.label === b.marker?.label && keyOf(later).startsWith(key));
    if (again) b.zone = "toc";
  }
  // After an explicit 目录 heading, heading-only lines until the first repeat are contents.
  const tocHead = blocks.findIndex((b) => b.zone === "toc" && !b.marker);
  if (tocHead >= 0) {
    const seen = new Set<string>();
    for (let k = tocHead + 1; k < blocks.length; k++) {
      const b = blocks[k]!;
      const key = keyOf(b);
      if (seen.has(key) || !isTitleLike(text(b))) break;
      seen.add(key);
      b.zone = "toc";
    }
  }

  // Closing lines speak for the whole document.
  for (const b of blocks) {
    if (!b.marker && b.zone === "body" && CLOSING_LINE.test(text(b).trim())) b.zone = "closing";
  }
  // Unlabelled text before the first labelled block is the preamble.
  for (const b of blocks) {
    if (b.marker || b.zone === "enclosure-title" || b.zone === "attachment-title") break;
    if (b.zone === "body") b.zone = "preamble";
  }
  return { enclosureTitle };
}
