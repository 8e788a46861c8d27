/**
 * Stage 4: numbering labels. Finds the label at the start of each block
 * (一、 （一） 1. （1） ① 第一条 第一章 1.1 ㈠ --- …) and the labels standing
 * inside a paragraph (一是……二是……, ①……②……, （1）……（2）……), which count
 * only as a run that starts at one and goes up by one.
 */
import { chineseToNumber, enclosedValue } from "./numerals";
import {
  ARABIC_DOT, ARABIC_PAREN, ARTICLE, BOOK, BULLET, CHAPTER, SUBBOOK, CIRCLED, CN_DUN, CN_ENCLOSED, CN_PAREN, CN_SHI, DECIMAL, NOTE,
  INLINE_ARABIC_DOT, INLINE_ARABIC_PAREN, INLINE_CIRCLED, INLINE_CN_ORDINAL, INLINE_CN_SHI, PART, SECTION,
} from "./patterns";
import type { LabelStyle, Marker, SourceLayout, TableCell } from "./types";

function ordinalOf(text: string | undefined): number | null {
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text);
  return chineseToNumber(text);
}

interface LeadingRule {
  style: LabelStyle;
  re: RegExp;
  ordinal: (m: RegExpExecArray) => number | null;
}

const LEADING: LeadingRule[] = [
  { style: "book", re: BOOK, ordinal: (m) => ordinalOf(m[1]) },
  { style: "subbook", re: SUBBOOK, ordinal: (m) => ordinalOf(m[1]) },
  { style: "part", re: PART, ordinal: (m) => ordinalOf(m[1]) },
  { style: "chapter", re: CHAPTER, ordinal: (m) => ordinalOf(m[1]) },
  { style: "section", re: SECTION, ordinal: (m) => ordinalOf(m[1]) },
  { style: "article", re: ARTICLE, ordinal: (m) => ordinalOf(m[1]) },
  { style: "cn-paren", re: CN_PAREN, ordinal: (m) => ordinalOf(m[1]) },
  { style: "cn-enclosed", re: CN_ENCLOSED, ordinal: (m) => enclosedValue(m[1] ?? "") },
  { style: "cn-shi", re: CN_SHI, ordinal: (m) => ordinalOf(m[1]) },
  { style: "cn-dun", re: CN_DUN, ordinal: (m) => ordinalOf(m[1]) },
  { style: "decimal", re: DECIMAL, ordinal: (m) => Number((m[1] ?? "").split(".").at(-1)) },
  { style: "arabic-paren", re: ARABIC_PAREN, ordinal: (m) => (m[1] ? Number(m[1]) : enclosedValue(m[2] ?? "")) },
  { style: "arabic-dot", re: ARABIC_DOT, ordinal: (m) => (m[1] ? Number(m[1]) : enclosedValue(m[2] ?? "")) },
  { style: "circled", re: CIRCLED, ordinal: (m) => enclosedValue(m[1] ?? "") },
  { style: "bullet", re: BULLET, ordinal: () => 0 },
  { style: "note", re: NOTE, ordinal: () => 1 },
];

/** The numbering label at the start of a block's folded text, if any. */
export function leadingMarker(folded: string, source: string, start: number, end: number = start + 24): Marker | null {
  const text = folded.slice(start, Math.min(end, start + 24));
  for (const rule of LEADING) {
    const m = rule.re.exec(text);
    if (!m) continue;
    const ordinal = rule.ordinal(m);
    if (ordinal == null || Number.isNaN(ordinal)) continue;
    const end = start + m[0].length;
    // A label must be followed by text or stand alone (一、 then a heading, 第一章 then its title).
    const marker: Marker = { style: rule.style, ordinal, label: source.slice(start, end), start, end, inline: false };
    if (rule.style === "decimal") marker.path = (m[1] ?? "").split(".").map(Number);
    if (rule.style === "article" && m[2]) marker.insert = ordinalOf(m[2]) ?? undefined;
    return marker;
  }
  return null;
}

interface InlineRule {
  style: LabelStyle;
  re: RegExp;
  /** What every match contains: a block without it is not searched (most have none of ①, （1）, 第一). */
  cue: RegExp;
  /** Group with the label text, and a function for its value. */
  ordinal: (m: RegExpExecArray) => number | null;
  labelGroup: (m: RegExpExecArray) => { offset: number; text: string };
}

function groupSpan(m: RegExpExecArray, text: string): { offset: number; text: string } {
  const i = m[0].indexOf(text);
  return { offset: m.index + Math.max(0, i), text };
}

const INLINE: InlineRule[] = [
  {
    style: "cn-shi", re: INLINE_CN_SHI, cue: /[是要]/, ordinal: (m) => ordinalOf(m[1]),
    labelGroup: (m) => groupSpan(m, (m[1] ?? "") + (m[2] ?? "")),
  },
  { style: "circled", re: INLINE_CIRCLED, cue: /[\u2460-\u2473]/, ordinal: (m) => enclosedValue(m[1] ?? ""), labelGroup: (m) => groupSpan(m, m[1] ?? "") },
  {
    style: "arabic-paren", re: INLINE_ARABIC_PAREN, cue: /[(\u2474-\u2487]/, ordinal: (m) => (m[1] ? Number(m[1]) : enclosedValue(m[2] ?? "")),
    labelGroup: (m) => groupSpan(m, m[0].trim()),
  },
  { style: "arabic-dot", re: INLINE_ARABIC_DOT, cue: /[。;:]\s*\d/, ordinal: (m) => Number(m[1]), labelGroup: (m) => groupSpan(m, m[0].trim()) },
  { style: "cn-shi", re: INLINE_CN_ORDINAL, cue: /第/, ordinal: (m) => ordinalOf(m[2]), labelGroup: (m) => groupSpan(m, m[1] ?? "") },
];

/**
 * Labels inside a block: runs of one style starting at 1 (or continuing the
 * block's own leading label) and rising by one. A lone 一是 is not a list.
 */
export function inlineMarkers(folded: string, source: string, start: number, end: number, leading: Marker | null): Marker[] {
  const from = leading ? leading.end : start;
  const text = folded.slice(from, end);
  const found: Marker[] = [];
  for (const rule of INLINE) {
    if (!rule.cue.test(text)) continue;
    rule.re.lastIndex = 0;
    const candidates: Marker[] = [];
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      const ordinal = rule.ordinal(m);
      if (ordinal == null) continue;
      const g = rule.labelGroup(m);
      const s = from + g.offset;
      candidates.push({ style: rule.style, ordinal, label: source.slice(s, s + g.text.length), start: s, end: s + g.text.length, inline: true });
    }
    if (!candidates.length) continue;
    // Continue the block's own run (a line starting 一是 with 二是 inside it).
    const continuing = leading && leading.style === rule.style ? leading.ordinal : 0;
    const run: Marker[] = [];
    let next = continuing + 1;
    for (const c of candidates) {
      if (c.ordinal === next) {
        run.push(c);
        next++;
      } else if (c.ordinal === 1 && run.length < 2 && continuing === 0) {
        // A false start: begin again.
        run.length = 0;
        run.push(c);
        next = 2;
      }
    }
    if (run.length >= 2 || (continuing > 0 && run.length >= 1)) found.push(...run);
  }
  // Overlapping styles (一是 found twice by two rules): keep the first per position.
  found.sort((a, b) => a.start - b.start);
  return found.filter((m, i) => i === 0 || m.start >= found[i - 1]!.end);
}

/**
 * A label glued to a number in the text ("11.121人才梯队项目": item 11 about
 * the 121 programme): taken as the label only when it is the next number of
 * the running list (`expected`).
 */
export function gluedArabicMarker(folded: string, source: string, start: number, expected: number): Marker | null {
  const m = /^(\d{1,3})\.(?=\d)/.exec(folded.slice(start, start + 8));
  if (!m || Number(m[1]) !== expected) return null;
  const end = start + m[0].length;
  return { style: "arabic-dot", ordinal: expected, label: source.slice(start, end), start, end, inline: false };
}

/**
 * In a document numbered 1.1 / 1.1.1, a top-level heading is written "1 总则"
 * (a number, a space, a short title): taken as decimal level one only there.
 */
export function topDecimalMarker(folded: string, source: string, start: number, end: number): Marker | null {
  const line = folded.slice(start, end);
  const m = /^(\d{1,2})\s+(?=[\u4e00-\u9fa5])/.exec(line);
  if (!m || line.length > 40 || /[。;]/.test(line)) return null;
  const labelEnd = start + m[1]!.length;
  return { style: "decimal", ordinal: Number(m[1]), path: [Number(m[1])], label: source.slice(start, labelEnd), start, end: labelEnd, inline: false };
}

/**
 * The cells of a table row with their labels and grid places. The page's
 * layout gives each cell's grid column; a text row is read left to right,
 * one column a cell (the tables stage lines up rows whose merged cells were
 * lost). Empty cells are kept: a blank under a merged cell says so.
 */
export function tableCells(folded: string, source: string, start: number, end: number, layout: SourceLayout["rows"] extends Map<number, infer R> ? R | null : never): TableCell[] {
  const cells: TableCell[] = [];
  if (layout) {
    for (const c of layout.cells) {
      let s = c.start;
      let e = c.end;
      while (s < e && /\s/.test(folded[s]!)) s++;
      while (e > s && /\s/.test(folded[e - 1]!)) e--;
      const marker = e > s ? leadingMarker(folded, source, s, e) : null;
      cells.push({ start: s, end: e, marker, inline: e > s ? inlineMarkers(folded, source, s, e, marker) : [], column: null, grid: c.column, span: c.columns, rows: c.rows });
    }
    return cells;
  }
  let at = start + 1;
  let column = 0;
  while (at < end) {
    let next = folded.indexOf("|", at);
    if (next < 0 || next > end) next = end;
    let s = at;
    let e = next;
    while (s < e && /\s/.test(folded[s]!)) s++;
    while (e > s && /\s/.test(folded[e - 1]!)) e--;
    if (next < end || e > s) {
      const marker = e > s ? leadingMarker(folded, source, s, e) : null;
      cells.push({ start: s, end: e, marker, inline: e > s ? inlineMarkers(folded, source, s, e, marker) : [], column: null, grid: column, span: 1, rows: 1 });
    }
    column++;
    at = next + 1;
  }
  return cells;
}
