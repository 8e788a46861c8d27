/**
 * `npm run search:dump:compare A B`: whether two dumps of `npm run
 * search:dump` hold the same answers. Exit 0 when the files are byte for
 * byte the same; otherwise exit 1 and print the first answers that differ,
 * each with the first field that does and both values.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

interface Dump {
  header: unknown;
  answers: Array<{ q: string; variant: string } & Record<string, unknown>>;
}

const short = (v: unknown) => {
  const s = JSON.stringify(v) ?? "undefined";
  return s.length > 160 ? `${s.slice(0, 160)}…` : s;
};

/** The first place two JSON values differ, as a path and both values; null when they are equal. */
export function firstDifference(a: unknown, b: unknown, at = ""): { path: string; a: unknown; b: unknown } | null {
  if (JSON.stringify(a) === JSON.stringify(b)) return null;
  if (a && b && typeof a === "object" && typeof b === "object" && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) {
      const found = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], Array.isArray(a) ? `${at}[${k}]` : `${at}.${k}`);
      if (found) return found;
    }
  }
  return { path: at || "(whole)", a, b };
}

/** Lines describing the first `max` differences of two dumps' texts (empty when the texts are the same). */
export function compareDumps(textA: string, textB: string, max = 10): string[] {
  if (textA === textB) return [];
  const a = JSON.parse(textA) as Dump;
  const b = JSON.parse(textB) as Dump;
  const out: string[] = [];
  const header = firstDifference(a.header, b.header, "header");
  if (header) out.push(`${header.path}: ${short(header.a)} ≠ ${short(header.b)}`);
  const n = Math.max(a.answers.length, b.answers.length);
  let differing = 0;
  for (let i = 0; i < n; i++) {
    const x = a.answers[i];
    const y = b.answers[i];
    const d = firstDifference(x, y);
    if (!d) continue;
    differing++;
    if (out.length < max) out.push(`answer ${i} "${x?.q ?? y?.q}" (${x?.variant ?? y?.variant}) ${d.path}: ${short(d.a)} ≠ ${short(d.b)}`);
  }
  out.push(`${differing} of ${n} answers differ`);
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [fileA, fileB] = process.argv.slice(2);
  if (!fileA || !fileB) {
    console.error("usage: npm run search:dump:compare A B");
    process.exit(2);
  }
  const textA = readFileSync(fileA, "utf8");
  const textB = readFileSync(fileB, "utf8");
  const diff = compareDumps(textA, textB);
  if (!diff.length) {
    const answers = (JSON.parse(textA) as Dump).answers.length;
    console.log(`identical: ${fileA} and ${fileB} (${answers} answers, ${Buffer.byteLength(textA)} bytes, sha256 ${createHash("sha256").update(textA).digest("hex").slice(0, 16)})`);
    process.exit(0);
  }
  console.log(`DIFFERENT: ${fileA} and ${fileB}`);
  for (const line of diff) console.log(`  ${line}`);
  process.exit(1);
}
