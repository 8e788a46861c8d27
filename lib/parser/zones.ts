/**
 * Stage 5: layout zones, as GB/T 9704 lays out an official document and as
 * gov.cn publishes it. Tells the lines that are not provisions — the title
 * block (one title over several lines), 文号, addressees, the 落款 (issuers
 * and date), notes such as （此件公开发布）, an attachment list, a table of
 * contents, legends (注：1.…) — from the body; finds where an enclosed
 * document starts after its cover notice (印发/转发), where a further
 * document printed after the first starts again at 一, where attachments
 * (附件) start; and marks the preamble and the closing paragraphs that speak
 * for the whole document (施行/解释 lines, 各地区、各部门要… after the last item).
 */
import {
  ADDRESSEE_LINE, ATTACHMENT_HEADING, ATTACHMENT_LIST, ATTACHMENT_WITH_TITLE, CLOSING_LINE, CLOSING_PARAGRAPH, COVER_TITLE, DATE_LINE, DISTRIBUTION_LINE, DOC_NUMBER,
  ADOPTION_NOTE, FORWARDED_TITLE, KINDS, NOTE_REACH, NOTE_START, ORDER_HEAD, ORDER_NUMBER, PUBLICATION_NOTE, TOC_HEADING,
} from "./patterns";
import type { Block, ParseMessage } from "./types";

const TITLE_KIND_END = new RegExp(`(?:${KINDS.join("|")})(?:\\(.{1,20}\\)|（.{1,20}）)?$`);
/** The name of a code's part printed under its title (合同编, 总则, 附则). */
const CODE_PART = /^[\u4e00-\u9fa5]{0,8}(?:编|总则|附则|分则)$/;
/** An addressee line names units that end as a body, a kind of body or a place does (…人民政府, 各有关单位, 各区): not a clause (…修改为：). */
const ADDRESSEE_END = /(?:政府|战区|军兵种|兵种|办公厅|办公室|委员会|人民代表大会|党委|党组|部门|单位|机构|机关|企业|公司|集团|学校|高校|院校|医院|银行|协会|学会|中心|兵团|同志|你们|部|委|局|厅|署|院|办|行|会|处|室|站|所|社|团|省|市|县|区|州|盟|旗|乡|镇|街道)$/;
/** Whether `line` is the title of a notice issuing the document titled `title` (关于印发《title》的通知). */
const coversTitle = (line: string, title: string) => {
  const named = COVER_TITLE.exec(compact(line));
  const plain = (s: string) => s.replace(/[《》<>〈〉“”"]/g, "");
  return Boolean(named && title && plain(named[1] ?? named[2] ?? "").length >= 4 && plain(title).includes(plain(named[1] ?? named[2] ?? "")));
};
/**
 * The title printed again (flk.npc.gov.cn: 中华人民共和国外国中央银行 / 财产司法强制措施豁免法), part of the
 * compact title; issuers may be set apart by spaces where the title has 、.
 */
export const isTitleAgain = (line: string, title: string) => {
  const plain = (s: string) => s.replace(/[\s、]/g, "");
  return Boolean(title) && plain(line).length >= 4 && plain(title).includes(plain(line));
};
const PERSON_SIGNATURE = /^(?:总理|省长|市长|主席|部长|主任|委员长|县长|区长|州长)\s+[\u4e00-\u9fa5]{2,4}$/;
/** 注： / 备注： / 说明： heading a legend, alone or with its first note. */
const LEGEND_HEAD = /^(?:注|备注|说明|附注)\s*[:：]/;

const compact = (s: string) => s.replace(/\s+/g, "");

/** A line that looks like a document title: no sentence punctuation, not too long. */
export function isTitleLike(text: string): boolean {
  const t = compact(text);
  // Titles of notices that forward a long-named document run past 80 characters; they still end in a kind.
  return t.length >= 4 && (t.length <= 80 || (t.length <= 160 && TITLE_KIND_END.test(t))) && !/[。;:!?]|,$/.test(t) && !DATE_LINE.test(t) && !DOC_NUMBER.test(t);
}

/** A 落款 line: the name(s) of the issuing bodies, or a signer's title and name. */
function isSignatureLike(text: string): boolean {
  const t = text.trim();
  if (PERSON_SIGNATURE.test(t)) return true;
  return t.length <= 60 && !/[。,;:]/.test(t) && /(?:人民政府|国务院|办公厅|办公室|委员会|政府|部|委|局|厅|署|院|办|中心|党委|市委|省委|县委|区委|常委会|小组|管委会|银行|总会|联合会)(?:\s|$|、)/.test(t + " ");
}

/** A law's history: one or more lines each saying when it was passed or revised (2009年6月27日…会议修订). */
function adoptionNotes(text: string, title = ""): boolean {
  // The title printed again around the notes, or the code's part name before them, is no body text.
  const kept = text.split("\n").map((l) => l.trim()).filter((l, k) => l && !isTitleAgain(l, title) && !(k === 0 && CODE_PART.test(compact(l))));
  // One note per date, also when a note is wrapped over two lines (…第二次 / 会议通过）).
  const notes = kept.join("").split(NOTE_START).filter(Boolean);
  // A revision note names every law the decision amended: up to some 200 characters.
  return notes.length > 0 && notes.every((l) => ADOPTION_NOTE.test(l) && l.length <= NOTE_REACH + 40);
}

/** A heading-only line: a chapter/part/section/decimal heading with no sentence. */
function isHeadingOnly(block: Block, text: string): boolean {
  const m = block.marker;
  if (!m || !["book", "subbook", "part", "chapter", "section", "decimal", "cn-dun"].includes(m.style)) return false;
  return compact(text).length <= 40 && !/[。;]/.test(text);
}

export interface Zoning {
  /** Title of an enclosed document, when the file is a cover notice wrapping it. */
  enclosureTitle: string | null;
  /** Text that could not be placed in a zone, with its position. */
  messages: ParseMessage[];
}

/**
 * Where the title block starting at `i` ends (exclusive): one line, or
 * several centred or title-like lines that together end in a kind of
 * document (…的指导意见, …条例（试行）) or spell the page's declared title.
 */
function titleBlockEnd(blocks: Block[], i: number, text: (b: Block) => string, titleHint: string | null): number {
  const first = blocks[i];
  if (!first || first.marker || first.kind !== "text" || !isTitleLike(text(first)) || ADDRESSEE_LINE.test(text(first))) return i;
  const hint = titleHint ? compact(titleHint) : "";
  let joined = "";
  for (let j = i; j < Math.min(blocks.length, i + 4); j++) {
    const b = blocks[j]!;
    const t = text(b).trim();
    if (j > i && (b.marker || b.kind !== "text" || !isTitleLike(t) || ADDRESSEE_LINE.test(t) || b.align !== first.align)) break;
    joined += compact(t);
    if (hint && joined === hint) return j + 1;
    if (TITLE_KIND_END.test(joined)) return j + 1;
    if (hint && !hint.startsWith(joined)) break;
  }
  return i + 1;
}

/** Stage 5 entry point: sets `zone` on every block. */
export function assignZones(blocks: Block[], folded: string, options: { titleHint?: string | null } = {}): Zoning {
  const text = (b: Block) => folded.slice(b.start, b.end);
  for (const b of blocks) b.zone = "body";
  if (!blocks.length) return { enclosureTitle: null, messages: [] };

  // Head: an order printed before the title (国务院令 / 第706号), the title block, 文号, addressees, adoption notes.
  let i = 0;
  while (i < blocks.length && i < 3 && !blocks[i]!.marker && (ORDER_HEAD.test(compact(text(blocks[i]!))) || ORDER_NUMBER.test(compact(text(blocks[i]!))))) blocks[i++]!.zone = "docNumber";
  const titleEnd = i === 0 ? titleBlockEnd(blocks, 0, text, options.titleHint ?? null) : i;
  for (let k = i; k < titleEnd; k++) blocks[k]!.zone = "title";
  const headTitle = compact(blocks.slice(i, titleEnd).map((b) => text(b)).join(""));
  // How many lines after block k a note wrapped over up to three lines goes on (0: none).
  const wrappedNote = (k: number): number => {
    let joined = text(blocks[k]!).trim();
    for (let n = 1; n <= 2; n++) {
      const next = blocks[k + n];
      if (!next || next.marker || next.kind !== "text") return 0;
      joined += text(next).trim();
      if (adoptionNotes(joined, headTitle)) return n;
    }
    return 0;
  };
  let wrapped = 0;
  for (i = titleEnd; i < blocks.length && i < titleEnd + 40; i++) {
    const b = blocks[i]!;
    if (b.marker || b.kind !== "text") break;
    const t = text(b).trim();
    if (ORDER_HEAD.test(t) || ORDER_NUMBER.test(t) || (DOC_NUMBER.test(t) && compact(t).length <= 40 && !/[。，,]/.test(t))) b.zone = "docNumber";
    // Addressees name units; a line that quotes a title or announces what follows (决定对《…》作如下修改：) is text.
    else if (ADDRESSEE_LINE.test(t) && !/[。《]|如下|以下/.test(t) && t.replace(/\s*:$/, "").split(/[,，、]/).some((unit) => ADDRESSEE_END.test(unit.replace(/\([^()]*\)$/, "").trim()))) b.zone = "addressees";
    else if (adoptionNotes(t, headTitle)) b.zone = "note";
    // A note wrapped onto the next lines (…第二次 / 会议通过）): the lines are one note.
    else if ((wrapped = wrappedNote(i)) > 0) {
      for (let k = i; k <= i + wrapped; k++) blocks[k]!.zone = "note";
      i += wrapped;
    }
    // The title printed again on lines of its own (flk.npc.gov.cn), or the name of the code's part in the file (合同编, 总则).
    else if (isTitleAgain(t, headTitle) || (i === titleEnd && CODE_PART.test(compact(t)))) b.zone = "note";
    // The cover notice's title under the title of what it issues (办法 / 关于印发《办法》的通知): one head.
    else if (i === titleEnd && coversTitle(t, headTitle)) b.zone = "note";
    else if (/^\(.*\)$/.test(t) && t.length <= 120 && i <= titleEnd + 2) b.zone = "note";
    else break;
  }

  // Signature and date lines (the 落款: up to three issuer lines above the date), notes after them.
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k]!;
    if (b.marker || b.kind !== "text") continue;
    const t = text(b).trim();
    if (DATE_LINE.test(t)) {
      b.zone = "date";
      for (let up = k - 1; up >= Math.max(0, k - 3); up--) {
        const prev = blocks[up]!;
        if (prev.marker || prev.zone !== "body" || prev.kind !== "text") break;
        const pt = text(prev);
        if (!isSignatureLike(pt) || (up < k - 1 && compact(pt).length > 30)) break;
        prev.zone = "signature";
      }
    } else if (PUBLICATION_NOTE.test(t) || DISTRIBUTION_LINE.test(t)) {
      b.zone = "note";
    } else if (TOC_HEADING.test(compact(t))) {
      b.zone = "toc";
    }
  }
  const firstClose = blocks.findIndex((b) => b.zone === "date" || b.zone === "signature");

  // An attachment list (附件：1.… 2.…) before the 落款 names attachments; it is not a provision.
  const lists = new Set<number>();
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k]!;
    if (b.zone !== "body" && b.zone !== "note") continue;
    const t = compact(text(b));
    const listed = ATTACHMENT_LIST.test(t) || (ATTACHMENT_HEADING.test(t) && /[:：]$/.test(t));
    // After the 落款 it is an attachment's own mark, unless the attachments' marks (附件, no colon) still follow.
    const marksFollow = () => blocks.slice(k + 1).some((n) => !n.marker && n.kind === "text" && ATTACHMENT_HEADING.test(compact(text(n))) && !/[:：]$/.test(compact(text(n))));
    if (!listed || (firstClose >= 0 && k > firstClose && !marksFollow())) continue;
    // 附件1：title after the list that named it is that attachment's own mark.
    if (lists.size && ATTACHMENT_WITH_TITLE.test(t)) continue;
    b.zone = "note";
    lists.add(k);
    // 附件： alone on its line, then one unnumbered title: the name of the only attachment (GB/T 9704 numbers several).
    const next = blocks[k + 1];
    if (/[:：]$/.test(t) && next && !next.marker && next.kind === "text" && next.zone === "body" && isTitleLike(compact(text(next))) && !ATTACHMENT_HEADING.test(compact(text(next)))) {
      next.zone = "note";
      continue;
    }
    // The attachments after the first: 2.… 3.… on lines of their own.
    let expected = /^附件[:：]\s*(?:1|一)[.．、]/.test(t) || /[:：]$/.test(t) ? (/[:：]$/.test(t) ? 1 : 2) : 0;
    for (let n = k + 1; expected && n < blocks.length; n++) {
      const nb = blocks[n]!;
      if (!nb.marker || nb.marker.ordinal !== expected || !["arabic-dot", "cn-dun", "arabic-paren"].includes(nb.marker.style) || !isTitleLike(text(nb).slice(nb.marker.end - nb.start))) break;
      nb.zone = "note";
      nb.marker = null;
      nb.inline = [];
      expected++;
    }
  }

  // A cover notice wrapping another document: after the cover's date, the enclosed title.
  let enclosureTitle: string | null = null;
  const titleText = blocks
    .filter((b) => b.zone === "title")
    .map((b) => compact(text(b)))
    .join("");
  const cover = COVER_TITLE.exec(titleText) ?? FORWARDED_TITLE.exec(titleText);
  const firstDate = blocks.findIndex((b) => b.zone === "date");
  const firstLabelled = blocks.findIndex((b) => b.marker !== null);
  let enclosureAt = -1;
  if (firstDate >= 0 && (cover || firstLabelled < 0 || firstDate < firstLabelled)) {
    const wanted = cover ? compact(cover[1] ?? cover[2] ?? "").replace(/^关于/, "") : "";
    for (let k = firstDate + 1; k < Math.min(blocks.length, firstDate + 5); k++) {
      const b = blocks[k]!;
      // What follows 附件 is an attachment, not an enclosed document.
      if (ATTACHMENT_HEADING.test(compact(text(b)))) break;
      if (b.zone !== "body" || b.marker || b.kind !== "text") continue;
      const t = compact(text(b));
      const matches = (wanted && (t === wanted || wanted.endsWith(t) || t.endsWith(wanted) || t.includes(wanted))) || (isTitleLike(t) && TITLE_KIND_END.test(t)) || (titleText && t === titleText);
      if (matches && isTitleLike(t)) {
        b.zone = "enclosure-title";
        enclosureTitle = text(b).replace(/\s+/g, "");
        enclosureAt = k;
        // Under the enclosed title: its issuer, its date, （…修订通过）, adoption lines.
        for (let n = k + 1; n < Math.min(blocks.length, k + 4); n++) {
          const nb = blocks[n]!;
          const nt = text(nb).trim();
          if (nb.marker || nb.kind !== "text") break;
          if ((/^\(.*\)$/.test(nt) && nt.length <= 160) || ADOPTION_NOTE.test(nt)) nb.zone = "note";
          else if (nb.zone === "date") continue;
          else if (isSignatureLike(nt) && compact(nt).length <= 30 && !/[。，,]/.test(nt)) nb.zone = "signature";
          else break;
        }
      }
      break;
    }
  }

  // Attachments: a line 附件 / 附件1 after the body, its title on the next line.
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k]!;
    if (b.marker || (b.zone !== "body" && b.zone !== "note") || b.kind !== "text") continue;
    const t = compact(text(b));
    if (!(ATTACHMENT_HEADING.test(t) || ATTACHMENT_WITH_TITLE.test(t)) || lists.has(k)) continue;
    const laterBody = (firstClose >= 0 && k > firstClose) || k > blocks.length / 2;
    if (!laterBody) continue;
    b.zone = "attachment-title";
  }
  // An attachment with nothing under it (the page names it but does not print it) is no provision.
  for (let k = 0; k < blocks.length; k++) {
    if (blocks[k]!.zone !== "attachment-title") continue;
    let n = k + 1;
    while (n < blocks.length && ["note", "date", "signature"].includes(blocks[n]!.zone)) n++;
    if (n >= blocks.length || blocks[n]!.zone === "attachment-title") blocks[k]!.zone = "note";
  }

  // A further document printed after the first (a second 规定 after the first, in one notice):
  // its title line, then numbering that starts again at one.
  const starts = [0, enclosureAt].filter((x) => x >= 0);
  for (let k = Math.max(1, enclosureAt + 1); k < blocks.length; k++) {
    const b = blocks[k]!;
    if (b.zone !== "body" || b.marker || b.kind !== "text") continue;
    const t = compact(text(b));
    if (!isTitleLike(t) || !TITLE_KIND_END.test(t)) continue;
    const before = blocks.slice(Math.max(...starts.filter((s) => s <= k)), k).filter((x) => x.marker && x.zone === "body");
    const next = blocks.slice(k + 1, k + 4).find((x) => x.marker);
    if (!before.length || !next || next.marker!.ordinal !== 1) continue;
    const topStyle = before.find((x) => x.marker!.style === next.marker!.style);
    if (!topStyle) continue;
    b.zone = "part-title";
    starts.push(k);
  }

  // Legends (注：1.… 2.…) explain a table or list: text, not provisions.
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k]!;
    if (b.zone !== "body" || b.kind !== "text") continue;
    const t = compact(text(b));
    const head = LEGEND_HEAD.test(t) || b.marker?.style === "note";
    const afterTable = blocks.slice(Math.max(0, k - 2), k).some((x) => x.kind === "table");
    if (!head || (!afterTable && !/^(?:注|备注)/.test(t))) continue;
    b.zone = "legend";
    b.marker = null;
    b.inline = [];
    let expected = /[:：]\s*(?:1|一|①)/.test(t) ? 2 : 1;
    for (let n = k + 1; n < blocks.length; n++) {
      const nb = blocks[n]!;
      if (nb.zone !== "body" || !nb.marker || nb.marker.ordinal !== expected || nb.marker.style === "cn-dun" && expected === 1 && nb.kind !== "text") break;
      nb.zone = "legend";
      nb.marker = null;
      nb.inline = [];
      expected++;
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
    if (!b.marker && b.zone === "body" && b.kind === "text" && CLOSING_LINE.test(text(b).trim())) b.zone = "closing";
  }
  markClosingParagraphs(blocks, text);
  // Unlabelled text before the first labelled block is the preamble.
  for (const b of blocks) {
    if (b.marker || b.zone === "enclosure-title" || b.zone === "attachment-title" || b.zone === "part-title") break;
    if (b.zone === "body") b.zone = "preamble";
  }
  // Text between the 落款 and whatever follows it (an attachment, an enclosed document) belongs to no part.
  const messages: ParseMessage[] = [];
  const lastDate = blocks.map((b) => b.zone).lastIndexOf("date");
  let afterClose = false;
  for (const [k, b] of blocks.entries()) {
    if (b.zone === "date" && k === lastDate) afterClose = true;
    else if (b.zone === "enclosure-title" || b.zone === "attachment-title" || b.zone === "part-title") afterClose = false;
    else if (afterClose && (b.zone === "body" || b.zone === "closing") && !b.marker && b.kind === "text") {
      messages.push({ reason: "text after the 落款 outside any attachment: kept with the document as a whole", ruleId: "unplaced-text", start: b.start, end: b.end });
    }
  }
  return { enclosureTitle, messages };
}

/**
 * Paragraphs after the last numbered item of a document (or of an enclosed
 * or further document) that do not continue it close the document: they
 * address everyone (各地区、各部门要…), hand out its implementation
 * (财政部要会同…督促检查), or speak of the document itself. A paragraph
 * under a heading-only item (五、组织实施) is that item's text; where the
 * document's items never run on into a second paragraph, one after the last
 * item does not either.
 */
function markClosingParagraphs(blocks: Block[], text: (b: Block) => string): void {
  const partStarts = blocks.map((b, k) => (b.zone === "enclosure-title" || b.zone === "part-title" || b.zone === "attachment-title" ? k : -1)).filter((k) => k >= 0);
  const bounds = [0, ...partStarts, blocks.length];
  for (let p = 0; p + 1 < bounds.length; p++) {
    const from = bounds[p]!;
    const to = bounds[p + 1]!;
    let last = -1;
    for (let k = from; k < to; k++) if (blocks[k]!.marker && blocks[k]!.zone === "body") last = k;
    if (last < 0) continue;
    const item = blocks[last]!;
    const candidates: number[] = [];
    for (let k = last + 1; k < to; k++) {
      const b = blocks[k]!;
      if (b.zone === "signature" || b.zone === "date") break;
      if (b.zone === "body" && b.kind === "text" && !b.marker) candidates.push(k);
    }
    if (!candidates.length) continue;
    // A heading on a line of its own (五、组织实施 / （三）营造良好环境。): its text is what follows.
    const own = compact(text(item)).slice(compact(item.marker!.label).length);
    const headingOnlyItem = !item.inline.length && own.length <= 20 && !/[;；]/.test(own) && !/[。!?！？]./.test(own);
    // Do the items of this style ever run on into an unlabelled paragraph before the next label?
    let runsOn = false;
    for (let k = from; k < last; k++) {
      const b = blocks[k]!;
      if (b.marker?.style !== item.marker!.style || b.zone !== "body") continue;
      const next = blocks[k + 1];
      if (next && !next.marker && next.zone === "body" && next.kind === "text") runsOn = true;
    }
    let closing = false;
    for (const k of candidates) {
      const t = text(blocks[k]!).trim();
      // Under a heading-only item (五、组织实施) the paragraphs are its text; only 施行/解释 lines close.
      if (!closing && !headingOnlyItem) closing = CLOSING_PARAGRAPH.test(t) || !runsOn;
      if (closing) blocks[k]!.zone = "closing";
    }
  }
}
