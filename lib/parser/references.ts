/**
 * Stage 14: references to other documents — cited titles (《关于…的意见》)
 * and 文号 (国发〔2016〕12号) in the text, kept with their words. Resolving
 * them to stored documents is the store's work (exact title or 文号 only).
 */
import { DOC_NUMBER } from "./patterns";

export interface FoundReference {
  title: string | null;
  docNumber: string | null;
  text: string;
  start: number;
  end: number;
}

const TITLE = /《([^《》]{2,80})》/g;
const NUMBER_GLOBAL = new RegExp(DOC_NUMBER.source, "g");
/** Titles that name laws and standards count; quoted slogans in 《》 are rare but short. */
const DOCUMENT_WORD = /(?:法|条例|规定|办法|意见|通知|决定|规划|纲要|方案|计划|细则|规则|标准|目录|指南|指引|公约|协定|报告|制度|措施|批复|意见稿|通则|总则|准则|章程|决议)(?:\(.*\))?$/;

/** Words that lead to a 文号 in running text (按照, 根据 …, 和): never part of an issuer's abbreviation. */
const LEAD_WORDS = /按照|根据|依据|依照|参照|遵照|贯彻落实|贯彻|落实|执行|对照|以及|和|及|与/g;

/** How many characters of a matched 文号 are words leading to it (0 when none). */
function leadIn(match: string): number {
  const bracket = match.search(/[〔[［【(]/);
  let cut = 0;
  LEAD_WORDS.lastIndex = 0;
  for (let m = LEAD_WORDS.exec(match); m && m.index < bracket; m = LEAD_WORDS.exec(match)) {
    // At least one character of abbreviation stays.
    if (m.index + m[0].length < bracket) cut = m.index + m[0].length;
  }
  return cut;
}

/** Stage 14 entry point: references in one piece of (folded) text starting at `offset`. */
export function findReferences(text: string, source: string, offset: number, ownTitle: string | null): FoundReference[] {
  const out: FoundReference[] = [];
  TITLE.lastIndex = 0;
  for (let m = TITLE.exec(text); m; m = TITLE.exec(text)) {
    const title = source.slice(offset + m.index + 1, offset + m.index + m[0].length - 1).trim();
    if (!DOCUMENT_WORD.test(m[1]!.replace(/\s/g, ""))) continue;
    if (ownTitle && title.replace(/\s/g, "") === ownTitle.replace(/\s/g, "")) continue;
    // A 文号 right after the title: 《…》（国发〔2016〕12号）
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 24);
    const number = /^\s*\(?\s*([\u4e00-\u9fa5]{1,10}[〔[［(]\s*\d{4}\s*[〕\]］)]\s*\d{1,5}\s*号)/.exec(after);
    const end = m.index + m[0].length + (number ? number[0].length : 0);
    out.push({ title, docNumber: number ? number[1]!.replace(/\s/g, "") : null, text: source.slice(offset + m.index, offset + end), start: offset + m.index, end: offset + end });
  }
  NUMBER_GLOBAL.lastIndex = 0;
  if (text.includes("号")) for (let m = NUMBER_GLOBAL.exec(text); m; m = NUMBER_GLOBAL.exec(text)) {
    // The issuer's abbreviation starts after the words leading to it: 按照示发〔2018〕1号 cites 示发〔2018〕1号.
    const cut = leadIn(m[0]);
    const s = offset + m.index + cut;
    const number = m[0].slice(cut);
    if (out.some((r) => s >= r.start && s < r.end)) continue;
    out.push({ title: null, docNumber: number.replace(/\s/g, ""), text: source.slice(s, s + number.length), start: s, end: s + number.length });
  }
  return out.sort((a, b) => a.start - b.start);
}
