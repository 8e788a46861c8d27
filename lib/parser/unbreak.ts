/**
 * A paragraph broken over lines mid-sentence (a hard-wrapped copy, a page
 * transcribed line by line) is read by the fact stages as one line: names,
 * dates and annotations cut by a line break are whole again. The folded text
 * keeps its breaks, so positions are mapped back.
 */
import type { Block } from "./types";

/** Where the white space around each line break inside a text block starts and ends (the block joined those lines), in text order. */
export function joinedBreaks(blocks: Block[], folded: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const b of blocks) {
    if (b.kind !== "text") continue;
    // One break per run of white space, however many line ends it holds (a blank line inside a paragraph).
    for (let i = folded.indexOf("\n", b.start); i >= 0 && i < b.end; ) {
      let s = i;
      let e = i + 1;
      while (s > b.start && /[ \t\r\u3000]/.test(folded[s - 1]!)) s--;
      while (e < b.end && /[ \t\r\n\u3000]/.test(folded[e]!)) e++;
      out.push([s, e]);
      i = folded.indexOf("\n", e);
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** A segment's text without its joined line breaks, and where each of its characters stands in the folded text. */
export interface Unbroken {
  text: string;
  /** Folded position of the character at `i` of `text` (i = text.length: the segment's end). */
  at: (i: number) => number;
  /** No break was taken out: `at(i)` is the segment's start plus i. */
  whole: boolean;
  /** The same cuts made in another text of the same length (the source as written). */
  cut: (other: string) => string;
}

/** The text of folded[start, end) with the breaks (sorted, from `joinedBreaks`) inside it taken out. */
export function unbroken(folded: string, start: number, end: number, breaks: Array<[number, number]>): Unbroken {
  // The breaks are in text order: find the first at or after `start` by halving.
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (breaks[mid]![0] < start) lo = mid + 1;
    else hi = mid;
  }
  // A break the segment starts or ends in is cut at its edges.
  if (lo > 0 && breaks[lo - 1]![1] > start) lo--;
  const inside: Array<[number, number]> = [];
  for (let k = lo; k < breaks.length && breaks[k]![0] < end; k++) {
    const [s, e] = breaks[k]!;
    if (Math.max(s, start) < Math.min(e, end)) inside.push([Math.max(s, start), Math.min(e, end)]);
  }
  if (!inside.length) return { text: folded.slice(start, end), at: (i) => start + i, whole: true, cut: (other) => other.slice(start, end) };
  // The kept pieces, each [index in the text, folded position where it starts, folded position where it ends].
  const pieces: Array<[number, number, number]> = [];
  let length = 0;
  let from = start;
  for (const [s, e] of [...inside, [end, end] as [number, number]]) {
    pieces.push([length, from, s]);
    length += s - from;
    from = e;
  }
  const cut = (other: string) => pieces.map(([, s, e]) => other.slice(s, e)).join("");
  return {
    text: cut(folded),
    whole: false,
    cut,
    at: (i) => {
      // The last piece starting at or before i, by halving.
      let lo = 0;
      let hi = pieces.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (pieces[mid]![0] <= i) lo = mid;
        else hi = mid - 1;
      }
      return pieces[lo]![1] + (i - pieces[lo]![0]);
    },
  };
}
