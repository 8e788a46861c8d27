/**
 * The changed words between two texts of one provision: a shortest edit of
 * their tokens (a Chinese character, a punctuation mark, or a run of Latin
 * letters and digits such as 2024 or 4%), as runs kept, deleted and inserted.
 * Full-width and half-width forms are the same token. A single character
 * kept between two edits joins them, so a rewritten phrase reads as one
 * change rather than as scattered characters.
 */

export interface TextRun {
  op: "same" | "del" | "ins";
  text: string;
}

const TOKEN = /[A-Za-z0-9.%％]+|[\s\S]/gu;

/** The tokens a text is compared by. */
export function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Cells of the table a longest common subsequence may use; longer middles are replaced whole. */
const MAX_CELLS = 4_000_000;

/** A token as compared: full-width and half-width forms alike (：and :). */
const keyOf = (token: string) => token.normalize("NFKC");

/** Runs of the longest common subsequence of two token lists (after their common prefix and suffix); kept runs are written as in `b`. */
function middleRuns(a: string[], b: string[]): TextRun[] {
  const ka = a.map(keyOf);
  const kb = b.map(keyOf);
  const n = a.length;
  const m = b.length;
  if (!n || !m || (n + 1) * (m + 1) > MAX_CELLS) return [...(n ? [{ op: "del" as const, text: a.join("") }] : []), ...(m ? [{ op: "ins" as const, text: b.join("") }] : [])];
  // lcs[i][j]: common subsequence length of a[i..] and b[j..].
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] = ka[i] === kb[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const out: TextRun[] = [];
  const push = (op: TextRun["op"], text: string) => {
    const last = out.at(-1);
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (ka[i] === kb[j]) {
      push("same", b[j]!);
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) push("del", a[i++]!);
    else push("ins", b[j++]!);
  }
  while (i < n) push("del", a[i++]!);
  while (j < m) push("ins", b[j++]!);
  return out;
}

/** Deleted before inserted within each stretch between kept runs; a kept single character between edits joins them. */
function tidy(runs: TextRun[]): TextRun[] {
  const merged: TextRun[] = [];
  for (let k = 0; k < runs.length; k++) {
    const r = runs[k]!;
    const edited = (x: TextRun | undefined) => x !== undefined && x.op !== "same";
    if (r.op === "same" && [...r.text].length <= 1 && edited(runs[k - 1]) && edited(runs[k + 1])) merged.push({ op: "del", text: r.text }, { op: "ins", text: r.text });
    else merged.push({ ...r });
  }
  const out: TextRun[] = [];
  let del = "";
  let ins = "";
  const flush = () => {
    if (del) out.push({ op: "del", text: del });
    if (ins) out.push({ op: "ins", text: ins });
    del = ins = "";
  };
  for (const r of merged) {
    if (r.op === "del") del += r.text;
    else if (r.op === "ins") ins += r.text;
    else {
      flush();
      const last = out.at(-1);
      if (last?.op === "same") last.text += r.text;
      else out.push(r);
    }
  }
  flush();
  return out;
}

/** The runs that turn `before` into `after`. */
export function textDiff(before: string, after: string): TextRun[] {
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && keyOf(a[start]!) === keyOf(b[start]!)) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && keyOf(a[a.length - 1 - end]!) === keyOf(b[b.length - 1 - end]!)) end++;
  const runs: TextRun[] = [];
  if (start) runs.push({ op: "same", text: b.slice(0, start).join("") });
  runs.push(...middleRuns(a.slice(start, a.length - end), b.slice(start, b.length - end)));
  if (end) runs.push({ op: "same", text: b.slice(b.length - end).join("") });
  return tidy(runs);
}

/** How alike two texts are, 0 to 1: the Dice coefficient of their character pairs. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const pairs = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const p = a.slice(i, i + 2);
    pairs.set(p, (pairs.get(p) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const p = b.slice(i, i + 2);
    const left = pairs.get(p) ?? 0;
    if (left > 0) {
      shared++;
      pairs.set(p, left - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1);
}
