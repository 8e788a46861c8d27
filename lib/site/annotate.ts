/**
 * Marking facts (parties, deadlines, targets, references) in the text of a
 * provision. Facts carry offsets into the document's source text; a
 * provision's `text` is that source with line indentation and Markdown
 * markup removed, so offsets are translated by aligning the two and then
 * finding the fact's own words nearest to where the alignment puts them.
 */

/** A fact to mark: its key and its span in the source text. */
export interface FactSpan {
  key: string;
  start: number;
  end: number;
}

/** A piece of text and the facts whose words it belongs to (none for plain text). */
export interface Run {
  text: string;
  facts: string[];
}

export interface MarkedText {
  runs: Run[];
  /** Keys of the facts found in the text; the others are listed beside it, never dropped. */
  placed: string[];
}

/**
 * For each index of `text`, the source index it was taken from, matching
 * characters in order from `from` (a subsequence alignment). Indices after
 * the first character that cannot be matched are -1.
 */
export function alignToSource(text: string, source: string, from: number, to: number = source.length): number[] {
  const out = new Array<number>(text.length).fill(-1);
  let j = from;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    while (j < to && source[j] !== ch) j++;
    if (j >= to) break;
    out[i] = j;
    j++;
  }
  return out;
}

/** Index in `text` where source offset `offset` falls, by the alignment (or proportionally). */
function expectedIndex(alignment: number[], offset: number, range: { start: number; end: number }, length: number): number {
  for (let i = 0; i < alignment.length; i++) {
    const at = alignment[i] ?? -1;
    if (at >= offset) return i;
    if (at === -1) break;
  }
  const span = Math.max(1, range.end - range.start);
  return Math.round(((offset - range.start) / span) * length);
}

/** Every index where `needle` occurs in `haystack`. */
function occurrences(haystack: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/**
 * Splits `text` (taken from `source[range.start, range.end)`) into runs,
 * each with the facts covering it. Overlapping facts share runs.
 */
export function markFacts(text: string, source: string, range: { start: number; end: number }, facts: FactSpan[]): MarkedText {
  const alignment = alignToSource(text, source, range.start, Math.max(range.end, range.start));
  const intervals: Array<{ key: string; start: number; end: number }> = [];
  for (const fact of facts) {
    const words = source.slice(fact.start, fact.end);
    const found = occurrences(text, words);
    if (found.length === 0) continue;
    const expected = expectedIndex(alignment, fact.start, range, text.length);
    const best = found.reduce((a, b) => (Math.abs(b - expected) < Math.abs(a - expected) ? b : a));
    intervals.push({ key: fact.key, start: best, end: best + words.length });
  }
  const bounds = new Set<number>([0, text.length]);
  for (const iv of intervals) {
    bounds.add(iv.start);
    bounds.add(iv.end);
  }
  const cuts = [...bounds].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i] ?? 0;
    const b = cuts[i + 1] ?? a;
    if (b <= a) continue;
    const covering = intervals.filter((iv) => iv.start <= a && iv.end >= b).map((iv) => iv.key);
    const last = runs.at(-1);
    if (last && last.facts.length === 0 && covering.length === 0) last.text += text.slice(a, b);
    else runs.push({ text: text.slice(a, b), facts: covering });
  }
  return { runs, placed: [...new Set(intervals.map((iv) => iv.key))] };
}

/** Runs split into lines at "\n" (a provision's paragraphs). */
export function splitLines(runs: Run[]): Run[][] {
  const lines: Run[][] = [[]];
  for (const run of runs) {
    const parts = run.text.split("\n");
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines.at(-1)?.push({ text: part, facts: run.facts });
    });
  }
  return lines.filter((line) => line.length > 0);
}

/** Runs split at a character index: [before, after]. */
export function splitRunsAt(runs: Run[], index: number): [Run[], Run[]] {
  const before: Run[] = [];
  const after: Run[] = [];
  let at = 0;
  for (const run of runs) {
    const end = at + run.text.length;
    if (end <= index) before.push(run);
    else if (at >= index) after.push(run);
    else {
      before.push({ text: run.text.slice(0, index - at), facts: run.facts });
      after.push({ text: run.text.slice(index - at), facts: run.facts });
    }
    at = end;
  }
  return [before, after];
}
