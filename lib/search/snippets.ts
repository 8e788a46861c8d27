/**
 * Snippets: a window of a provision's text around its first match, every
 * matched term in <mark> and every other character HTML-escaped (the one
 * piece of HTML the site renders from search). Matching runs on the search's
 * fold of the text; marks go on the original characters through the fold's
 * map.
 */
import { foldForSearchWithMap, type FoldBuffer } from "./fold";
import type { QueryWord } from "./tokenize";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** HTML-escapes every special character. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * Makes snippets with buffers of its own, reused from one snippet to the
 * next: a typed array per hit was an ArrayBuffer for the young-generation
 * collector to sweep. Each engine has one.
 */
export class Snippets {
  private marks = new Uint8Array(4096);
  private readonly fold: FoldBuffer = { map: new Int32Array(4096) };

  /** A window of `text` of up to 2 × `radius` characters around the first match of `words`. */
  make(text: string, words: QueryWord[], radius = 60): string {
    const { text: folded, map } = foldForSearchWithMap(text, this.fold);
    const forms = words.flatMap((w) => [w.text, ...w.alternatives]).filter(Boolean);
    if (this.marks.length < text.length) this.marks = new Uint8Array(text.length * 2);
    const marks = this.marks;
    marks.fill(0, 0, text.length);
    let first = -1;
    for (const f of forms) {
      for (let i = folded.indexOf(f); i >= 0; i = folded.indexOf(f, i + 1)) {
        const from = map[i]!;
        const to = (map[i + f.length - 1] ?? from) + 1;
        for (let k = from; k < to && k < text.length; k++) marks[k] = 1;
        if (first < 0 || from < first) first = from;
      }
    }
    const start = first < 0 ? 0 : Math.max(0, first - Math.floor(radius / 2));
    const end = Math.min(text.length, start + radius * 2);
    let out = start > 0 ? "…" : "";
    // A run of marked or unmarked characters at a time (not a string per character).
    for (let i = start; i < end; ) {
      const m = marks[i] === 1;
      let j = i + 1;
      while (j < end && (marks[j] === 1) === m) j++;
      const piece = escapeHtml(text.slice(i, j));
      out += m ? `<mark>${piece}</mark>` : piece;
      i = j;
    }
    if (end < text.length) out += "…";
    return out.replace(/\n/g, " ");
  }
}
