/**
 * The search's fold: the copy of a text that the index and queries match
 * on. NFKC (full-width → half-width), lower case, without quotes, brackets
 * and spaces (“僵尸”企业 = 僵尸企业, 首台（套） = 首台套), dashes as "-",
 * 百分之三十 as 30%. foldForSearchWithMap() also maps each folded character
 * back to the original, so that snippets mark the original characters.
 *
 * Not lib/parser/fold.ts's fold(), which keeps every character in place
 * (the parser's offsets are offsets in the source) and drops nothing: the
 * search's fold drops and replaces characters, so its offsets are not the
 * source's. Both folds stay; each is one function, used for one purpose.
 */
import { chineseToNumber } from "../parser/numerals";

const DROP = new Set([..."“”‘’\"'《》〈〉「」『』()（）【】[]{}·、 \u3000\t\r\n"]);
const DASHES = new Set([..."—–－~～‐‑‒―"]);
/** 1 for the code of a dropped character. */
const DROP_CODES = new Uint8Array(0x10000);
for (const ch of DROP) DROP_CODES[ch.charCodeAt(0)] = 1;
const DROP_RE = /[“”‘’"'《》〈〉「」『』()（）【】[\]{}·、 \u3000\t\r\n]/g;
const DASH_RE = /[—–－~～‐‑‒―]/g;
const PERCENT_RE = /百分之([零〇一二三四五六七八九十百两]+)/g;

/** The folded copy used for matching (the index folds every provision with it). */
export function foldForSearch(text: string): string {
  let s = text.normalize("NFKC").toLowerCase();
  if (s.includes("百分之")) {
    s = s.replace(PERCENT_RE, (whole, digits: string) => {
      const n = chineseToNumber(digits);
      return n === null ? whole : `${n}%`;
    });
  }
  return s.replace(DROP_RE, "").replace(DASH_RE, "-");
}

export interface FoldedText {
  text: string;
  /** For each character of `text`, its offset in the original: a view of the buffer given, valid until its next use. */
  map: Int32Array;
}

/**
 * Where maps are written. A snippet is made for every hit: a new typed array
 * per call was an ArrayBuffer per hit for the young-generation collector to
 * sweep (see BENCHMARKS.md), so each Snippets keeps one buffer and reuses it.
 */
export interface FoldBuffer {
  map: Int32Array;
}

/**
 * foldForSearch()'s text with its map back to the original: percent words
 * are replaced where foldForSearch() replaces them (the same matches), each
 * character of "30%" mapped to the word's first character; every other
 * character is kept (a dash as "-") or dropped. NFKC keeps the length of
 * Chinese text; where it does not, positions are approximate (all 0).
 */
export function foldForSearchWithMap(original: string, buffer: FoldBuffer = { map: new Int32Array(0) }): FoldedText {
  const nfkc = original.normalize("NFKC").toLowerCase();
  const scale = nfkc.length === original.length;
  if (buffer.map.length < nfkc.length) buffer.map = new Int32Array(nfkc.length * 2);
  let map = buffer.map;
  let n = 0;
  // Without 百 there is no percent word: the text is foldForSearch()'s and the map a loop over character codes.
  if (!nfkc.includes("百")) {
    for (let i = 0; i < nfkc.length; i++) if (DROP_CODES[nfkc.charCodeAt(i)] !== 1) map[n++] = scale ? i : 0;
    return { text: nfkc.replace(DROP_RE, "").replace(DASH_RE, "-"), map: map.subarray(0, n) };
  }
  let out = "";
  const put = (c: string, from: number) => {
    if (n === map.length) {
      const wider = new Int32Array(map.length * 2 + 16);
      wider.set(map);
      map = buffer.map = wider;
    }
    out += c;
    map[n++] = scale ? from : 0;
  };
  const copy = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const ch = nfkc[i]!;
      if (!DROP.has(ch)) put(DASHES.has(ch) ? "-" : ch, i);
    }
  };
  let at = 0;
  for (const m of nfkc.matchAll(PERCENT_RE)) {
    const value = chineseToNumber(m[1]!);
    if (value === null) continue;
    copy(at, m.index);
    for (const c of `${value}%`) put(c, m.index);
    at = m.index + m[0].length;
  }
  copy(at, nfkc.length);
  return { text: out, map: map.subarray(0, n) };
}
