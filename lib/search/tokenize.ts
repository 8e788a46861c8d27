/**
 * Tokens for the search index, and query words.
 *
 * Tokens (what posting lists are kept for) are taken from the search's fold
 * of a text (fold.ts): CJK character bigrams and whole runs of other
 * letters and digits, so every substring query finds every text that
 * contains it, whatever a word segmenter would cut.
 */
import { foldForSearch } from "./fold";

export const isCjk = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
/** Letters and digits outside CJK (after folding: ASCII, accented letters), % and the decimal point. */
const isWordChar = (c: number, ch: string) =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || c === 0x25 || c === 0x2e || (c >= 0x41 && c <= 0x5a) || (c > 0x7f && /[\p{L}\p{N}]/u.test(ch));

/**
 * The runs bigram tokens come from, over the folded text (whitespace ends a
 * run): [start, end) pairs in `runs`, a CJK run's start stored as -start - 1.
 * A CJK run gives its character bigrams (a single character alone), any other
 * run of letters and digits is one token.
 */
export interface TokenRuns {
  folded: string;
  runs: number[];
}

export function bigramRuns(text: string): TokenRuns {
  const runs: number[] = [];
  const folded = foldForSearch(text.replace(/\s+/g, "\u0001"));
  let runStart = -1;
  let otherStart = -1;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (isCjk(c)) {
      if (otherStart >= 0) runs.push(otherStart, i);
      otherStart = -1;
      if (runStart < 0) runStart = i;
    } else if (isWordChar(c, folded[i]!)) {
      if (runStart >= 0) runs.push(-runStart - 1, i);
      runStart = -1;
      if (otherStart < 0) otherStart = i;
    } else {
      if (runStart >= 0) runs.push(-runStart - 1, i);
      if (otherStart >= 0) runs.push(otherStart, i);
      runStart = otherStart = -1;
    }
  }
  if (runStart >= 0) runs.push(-runStart - 1, folded.length);
  if (otherStart >= 0) runs.push(otherStart, folded.length);
  return { folded, runs };
}

/** How many tokens runs give. */
export function runTokenCount(runs: readonly number[]): number {
  let n = 0;
  for (let k = 0; k < runs.length; k += 2) {
    const start = runs[k]!;
    n += start < 0 ? Math.max(1, runs[k + 1]! - (-start - 1) - 1) : 1;
  }
  return n;
}

/** CJK runs as character bigrams (a single character alone), other runs of letters and digits whole. */
export function bigramTokens(text: string): string[] {
  const { folded, runs } = bigramRuns(text);
  const out: string[] = [];
  for (let k = 0; k < runs.length; k += 2) {
    const start = runs[k]!;
    const end = runs[k + 1]!;
    if (start >= 0) out.push(folded.slice(start, end));
    else if (end - (-start - 1) === 1) out.push(folded[-start - 1]!);
    else for (let i = -start - 1; i + 1 < end; i++) out.push(folded.slice(i, i + 2));
  }
  return out;
}

/** One unit of a query that a hit must contain: a word, or a quoted phrase. */
export interface QueryWord {
  /** As typed, folded. */
  text: string;
  phrase: boolean;
  /** Other ways to write it (party aliases), folded; a hit must contain one of text/alternatives. */
  alternatives: string[];
  /** When the word names a date (2019年底), the ISO date a provision's deadline may have instead. */
  date: string | null;
  /** When the word names a role (牵头, 配合, 负责), the responsibility roles it stands for. */
  roles: string[] | null;
}

/** Role words: 财政部 牵头 finds provisions where 财政部 leads, whether or not the text says 牵头. */
export const ROLE_WORDS: Record<string, string[]> = {
  牵头: ["lead"],
  牵头单位: ["lead"],
  配合: ["support"],
  配合单位: ["support"],
  参与: ["support"],
  负责: ["responsible", "lead"],
  责任单位: ["responsible", "lead"],
  协调: ["coordinate"],
  监督: ["supervise"],
};

/** Splits a query into words and "quoted phrases" (ASCII or Chinese quotes). */
export function parseQuery(q: string): QueryWord[] {
  const words: QueryWord[] = [];
  const normalized = q.normalize("NFKC").replace(/[“”「」『』]/g, '"');
  const re = /"([^"]+)"|(\S+)/g;
  for (let m = re.exec(normalized); m; m = re.exec(normalized)) {
    const text = foldForSearch((m[1] ?? m[2] ?? "").trim()).replace(/^[,，、。;；:：]+|[,，、。;；:：]+$/g, "");
    if (text) words.push({ text, phrase: Boolean(m[1]), alternatives: [], date: null, roles: m[1] ? null : ROLE_WORDS[text] ?? null });
  }
  return words;
}
