/**
 * Stage 3: the source text → line blocks. One block per paragraph line
 * (Chinese documents put one paragraph on a line), trimmed of indentation,
 * with lines broken mid-sentence joined again and table rows kept apart.
 */
import type { SourceDocument } from "./types";
import { ARABIC_DOT, ARABIC_PAREN, ARTICLE, BOOK, BULLET, CHAPTER, CIRCLED, CN_DUN, CN_ENCLOSED, CN_PAREN, DATE_LINE, DOC_NUMBER, KINDS, NOTE_LINE, SECTION, SUBBOOK } from "./patterns";

export interface RawBlock {
  start: number;
  end: number;
  kind: "text" | "table";
  /** Alignment the page gives the line (HTML). */
  align: "center" | "right" | null;
}

const STARTS_WITH_LABEL = [BOOK, SUBBOOK, CHAPTER, SECTION, ARTICLE, CN_DUN, CN_PAREN, CN_ENCLOSED, ARABIC_DOT, ARABIC_PAREN, CIRCLED, BULLET];
const OPEN_END = /[,、(“《—\-;]$|[,、(“《]\s*$/;
const CJK_END = /[\u4e00-\u9fa5\dA-Za-z”）)]$/;
const SENTENCE_THEN_NOTE = /[。;！？!?]\s*\([^()]{1,80}\)$/;
const TITLE_END = new RegExp(`(?:${KINDS.join("|")})(?:\\([一二三四五六七八九十\\d]{1,3}\\))?$`);

/** 第一章 总则  第一条 …: a chapter or section heading, then an article on the same line. */
const HEADING_THEN_ARTICLE = /^(第[一二三四五六七八九十百零〇\d]+[章节]\s*[\u4e00-\u9fa5、]{1,20}\s+)(?=第[一二三四五六七八九十百零〇\d]+条)/;

/** 应当提交下列文件： （一）登记申请书；: a lead-in, then its first item on the same line. */
const LEAD_THEN_FIRST_ITEM = /^(.{4,}?:\s*)(?=\(一\)|\(1\)|1[.、](?!\d)|一、)/;
/** The second item's label of the same style as the first (（一） → （二）). */
const SECOND_ITEM: Record<string, RegExp> = { "(一)": /^\(二\)/, "(1)": /^\(2\)/, "1": /^2[.、](?!\d)/, "一、": /^二、/ };

function startsWithLabel(s: string): boolean {
  return STARTS_WITH_LABEL.some((re) => re.test(s));
}

/** Count of open round brackets minus closed ones. */
function bracketBalance(s: string): number {
  let n = 0;
  for (const ch of s) {
    if (ch === "(") n++;
    else if (ch === ")") n--;
  }
  return n;
}

/**
 * Whether line `b` continues line `a` (a line broken mid-sentence).
 * Conservative: headings, titles, metadata lines and labelled lines are never joined onto.
 */
export function continues(a: string, b: string, bIndented: boolean): boolean {
  if (!a || !b || a.startsWith("|") || b.startsWith("|")) return false;
  if (startsWithLabel(b) || DATE_LINE.test(b) || (b.includes("号") && DOC_NUMBER.test(b)) || /:$/.test(b) && b.length < 80) return false;
  if (bracketBalance(a) > 0 && bracketBalance(a) + bracketBalance(b) >= 0 && b.length < 120 && !/[。]$/.test(a)) return true;
  if (bIndented) return false;
  // A sentence closed, then its bracketed annotation (…。（省发展改革委牵头）): the paragraph ends there.
  if (SENTENCE_THEN_NOTE.test(a)) return false;
  if (OPEN_END.test(a) && !/^[-—]{2,}/.test(a)) return a.length >= 8;
  // A long line ending in the middle of a word; a labelled line only when too long to be a heading or
  // when it holds a sentence's pause (，); an article's line is text, never a heading.
  const long = startsWithLabel(a) && !ARTICLE.test(a) ? a.length >= 40 || (/[。;,]/.test(a) && a.length >= 20) : a.length >= 28;
  // A line ending in a kind of document is a title, unless it holds a sentence's pause (…加强和规范, 事中…).
  if (CJK_END.test(a) && long && !(TITLE_END.test(a) && !/,/.test(a)) && !NOTE_LINE.test(a)) return true;
  return false;
}

/** Stage 3 entry point. */
export function splitBlocks(src: SourceDocument): RawBlock[] {
  const { folded, bodyStart } = src;
  const lines: Array<{ start: number; end: number; indented: boolean }> = [];
  let lineStart = bodyStart;
  for (let i = bodyStart; i <= folded.length; i++) {
    if (i === folded.length || folded.charCodeAt(i) === 10) {
      let s = lineStart;
      let e = i;
      while (s < e && isSpace(folded.charCodeAt(s))) s++;
      while (e > s && isSpace(folded.charCodeAt(e - 1))) e--;
      if (e > s) lines.push({ start: s, end: e, indented: s > lineStart });
      lineStart = i + 1;
    }
  }
  // In a document that indents its paragraphs, an indented line starts a new one.
  const indentsParagraphs = lines.filter((l) => l.indented).length >= lines.length * 0.2;
  const blocks: RawBlock[] = [];
  const rows = src.layout?.rows;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const text = folded.slice(line.start, line.end);
    let isTable = text.startsWith("|") && text.length > 1 && (text.endsWith("|") || rows?.has(line.start) === true);
    if (isTable && /^\|[\s|:-]+\|$/.test(text)) continue; // Markdown table separator row
    // A text row wrapped over several lines (| 1 | 任务… on one line, …内容 | 单位 | on the next): one row.
    if (!isTable && text.startsWith("|") && text.indexOf("|", 1) > 0 && !rows) {
      let j = k + 1;
      while (j < lines.length && j - k <= 20 && !folded.slice(lines[j]!.start, lines[j]!.end).endsWith("|")) j++;
      if (j < lines.length && j - k <= 20 && !folded.slice(lines[j]!.start, lines[j]!.end).startsWith("|")) {
        blocks.push({ start: line.start, end: lines[j]!.end, kind: "table", align: null });
        k = j;
        continue;
      }
      isTable = false;
    }
    const prev = blocks.at(-1);
    const align = src.layout?.align.get(line.start) ?? null;
    if (prev && !isTable && prev.kind === "text" && prev.align === align) {
      const prevText = folded.slice(prev.start, prev.end);
      if (continues(prevText, text, line.indented && indentsParagraphs)) {
        prev.end = line.end;
        continue;
      }
    }
    // A chapter heading with its first article run onto the same line (第一章 总则  第一条 …): two blocks.
    const joined = isTable ? null : HEADING_THEN_ARTICLE.exec(text);
    if (joined) {
      const at = line.start + joined[1]!.length;
      blocks.push({ start: line.start, end: line.start + joined[1]!.trimEnd().length, kind: "text", align });
      blocks.push({ start: at, end: line.end, kind: "text", align });
      continue;
    }
    // A lead-in with its first item run onto its line, the second item on the next line: two blocks.
    const lead = isTable || k + 1 >= lines.length ? null : LEAD_THEN_FIRST_ITEM.exec(text);
    if (lead) {
      const first = text.slice(lead[1]!.length);
      const style = first.startsWith("(一)") ? "(一)" : first.startsWith("(1)") ? "(1)" : first.startsWith("一、") ? "一、" : "1";
      if (SECOND_ITEM[style]!.test(folded.slice(lines[k + 1]!.start, lines[k + 1]!.end))) {
        blocks.push({ start: line.start, end: line.start + lead[1]!.trimEnd().length, kind: "text", align });
        blocks.push({ start: line.start + lead[1]!.length, end: line.end, kind: "text", align });
        continue;
      }
    }
    blocks.push({ start: line.start, end: line.end, kind: isTable ? "table" : "text", align });
  }
  return blocks;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 12;
}
