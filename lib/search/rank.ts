/**
 * Ranking: how well a provision matches a query. Every weight is in
 * WEIGHTS, one line each; score() adds them up for a full match, and the
 * engine weighs partial and loose matches below full ones (tiers.ts).
 */
import type { Entries } from "./entries";
import { hasBit } from "./bitsets";
import { formsOf } from "./plan";
import type { QueryWord } from "./tokenize";

/** Every weight of the ranking. Per-word weights are divided by the number of query words. */
export const WEIGHTS = {
  /** Every match starts here. */
  base: 1,
  /** Per word, each mention after its first, up to `mentions` in all (a provision about the term names it again). */
  repeat: 0.25,
  mentions: 4,
  /** Per word found in the heading. */
  inHeading: 3,
  /** Per word found in the text (or whose date is one of the provision's deadlines). */
  inText: 1.5,
  /** Every word in the heading: this, plus up to 1 for a short heading (`shortHeading` characters or fewer). */
  allInHeading: 1,
  shortHeading: 6,
  /** The words written together, as one phrase, in the heading or the text (queries of two words or more). */
  phrase: 2,
  /** Up to 1 for an early first match: 1 / (1 + position / early). */
  early: 40,
  /** Up to 1 for words close together: 1 / (1 + spread of their last positions / close). */
  close: 20,
  /** A party the query names is given work by the provision (not only mentioned). */
  party: 1.5,
  /** The parties the query names hold the roles its role words ask for (财政部 牵头). */
  partyRole: 1.5,
  /** A labelled provision (（一）, 1.) over an unlabelled paragraph. */
  labelled: 0.3,
  /**
   * The document's own text outside its items (a passage: 前言, 结尾) frames
   * the items, which are what is sought: scaled by this, a passage comes after
   * the items that match in full and is still found when none does.
   */
  passage: 0.05,
  /** Long texts rank lower: minus this × log2(1 + characters / lengthUnit). */
  length: 0.15,
  lengthUnit: 200,
  /** No score is lower. */
  floor: 0.01,
  /** Partial matches: a word missing counts log(provisions / its matches) + this (rare words weigh more). */
  rarity: 0.1,
  /** Partial matches: the share of words found, plus score() divided by this to order equal shares. */
  partialScore: 100,
  /** Loose matches (characters in order, something in between): score() divided by this. */
  looseScore: 200,
  /** A shown partial or loose match: its score capped here and halved, below every full match (1 for the best). */
  partialCap: 0.99,
  partialShown: 0.5,
} as const;

/** What scoring needs of a query, worked out once for all its candidates. */
export interface Scoring {
  words: QueryWord[];
  /** Each word's forms. */
  forms: string[][];
  /** The words written together (an exact phrase). */
  whole: string;
  /** Forms of the words that are not role words (牵头). */
  plainForms: string[];
  /** Per role word, the slots where a party the query names has that role (a query with party and role words). */
  roleHeld: Uint32Array[] | null;
}

export function scoring(words: QueryWord[], roleHeld: Uint32Array[] | null): Scoring {
  return { words, forms: words.map(formsOf), whole: words.map((w) => w.text).join(""), plainForms: words.filter((w) => !w.roles).flatMap(formsOf), roleHeld };
}

/** Where `x` is in heading + "\n" + text from `from` on (heading first), without building that string; -1 when not. */
function positionIn(heading: string, text: string, x: string, from: number): number {
  if (from < heading.length) {
    const h = heading.indexOf(x, from);
    if (h >= 0) return h;
  }
  const t = text.indexOf(x, Math.max(0, from - heading.length - 1));
  return t >= 0 ? t + heading.length + 1 : -1;
}

/**
 * Relevance of the provision in `slot`: matches in the heading first, then
 * exact phrases, early and close matches; a match only through an
 * ancestor's heading counts less; specific (labelled, short) provisions
 * rank above long ones.
 */
export function score(e: Entries, slot: number, q: Scoring): number {
  const W = WEIGHTS;
  const { words, forms } = q;
  const heading = e.heading(slot);
  const text = e.text(slot);
  const n = words.length;
  let score: number = W.base;
  let inHeading = 0;
  let inText = 0;
  let firstAt = Infinity;
  let close = n > 1;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    const fs = forms[i]!;
    let headed = false;
    let written = false;
    let last = -1;
    let count = 0;
    for (let j = 0; j < fs.length; j++) {
      const x = fs[j]!;
      // Positions are counted in heading + "\n" + text: the first is in the heading when the heading has the form.
      const at = positionIn(heading, text, x, 0);
      if (at < 0) continue;
      if (at < heading.length) {
        headed = true;
        written ||= text.includes(x);
      } else written = true;
      firstAt = Math.min(firstAt, at);
      last = Math.max(last, at);
      for (let k = at; k >= 0 && count < W.mentions; k = positionIn(heading, text, x, k + x.length)) count++;
    }
    if (headed) inHeading++;
    if (written || (w.date !== null && e.hasDate(slot, w.date))) inText++;
    score += (W.repeat * Math.max(0, count - 1)) / n;
    if (last < 0) close = false;
    else {
      lo = Math.min(lo, last);
      hi = Math.max(hi, last);
    }
  }
  score += (W.inHeading * inHeading) / n;
  score += (W.inText * inText) / n;
  if (inHeading === n && heading.length) score += W.allInHeading + Math.min(1, W.shortHeading / heading.length);
  if (n > 1 && (heading.includes(q.whole) || text.includes(q.whole))) score += W.phrase;
  if (firstAt < Infinity) score += 1 / (1 + firstAt / W.early);
  if (close) score += 1 / (1 + (hi - lo) / W.close);
  if (e.hasParties(slot)) {
    const partyNames = e.partyNames(slot);
    for (let j = 0; j < q.plainForms.length; j++) {
      if (partyNames.includes(q.plainForms[j]!)) {
        score += W.party;
        break;
      }
    }
    if (q.roleHeld) {
      let all = true;
      for (let j = 0; j < q.roleHeld.length && all; j++) all = hasBit(q.roleHeld[j]!, slot);
      if (all) score += W.partyRole;
    }
  }
  if (e.labelled(slot)) score += W.labelled;
  score -= W.length * Math.log2(1 + text.length / W.lengthUnit);
  if (e.passage(slot)) score *= W.passage;
  return Math.max(score, W.floor);
}
