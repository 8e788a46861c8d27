/**
 * `npm run eval`: scores the parser on every gold file — the public golds in
 * ../shared/eval/gold and the project's own in tests/gold — in each published
 * form of the document (text, and the gov.cn page where there is one), then
 * search recall@5 and MRR. The public golds are split in two halves: A, the
 * one rules are developed on, and B, the one they are checked on.
 * Options: --gold FILE (one file), --parser-only, --verbose.
 */
import path from "node:path";
import { evalGoldFiles, goldSource, halfOf, scoreGold, type GoldScore, type SourceForm } from "../lib/eval/score-parser";
import { evalSearch } from "./eval-search";

const args = process.argv.slice(2);
const only = args.includes("--gold") ? args[args.indexOf("--gold") + 1] : undefined;
const { files, publicNames } = evalGoldFiles(only);

const pct = (x: number | undefined) => (x === undefined ? "    –" : (100 * x).toFixed(1).padStart(5));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const rows: Array<GoldScore & { group: string }> = [];
console.log(`${"gold".padEnd(52)} form  ${"prov".padStart(5)} ${"resp".padStart(5)} ${"dead".padStart(5)} ${"targ".padStart(5)} ${"link".padStart(5)}  roles  meta  score`);
for (const file of files) {
  const name = path.basename(file);
  const group = publicNames.includes(name) ? `public ${halfOf(name, publicNames)}` : "own";
  for (const form of ["text", "html"] as SourceForm[]) {
    if (!goldSource(file, form)) continue;
    const s = await scoreGold(file, form);
    rows.push({ ...s, group });
    const m = s.measures;
    const roles = s.roles.of ? `${s.roles.hits}/${s.roles.of}` : "–";
    console.log(`${(group.padEnd(9) + name.replace(/\.json$/, "")).slice(0, 52).padEnd(52)} ${form.padEnd(5)} ${pct(m.provisions?.f)} ${pct(m.responsibilities?.f)} ${pct(m.deadlines?.f)} ${pct(m.targets?.f)} ${pct(m.links?.f)}  ${roles.padStart(6)} ${`${s.meta.hits}/${s.meta.of}`.padStart(4)}  ${s.score.toFixed(3)}`);
  }
}

const summary = (label: string, picked: typeof rows) => {
  if (!picked.length) return;
  const roleHits = picked.reduce((a, r) => a + r.roles.hits, 0);
  const roleOf = picked.reduce((a, r) => a + r.roles.of, 0);
  const measure = (k: string) => {
    const xs = picked.map((r) => r.measures[k]?.f).filter((x): x is number => x !== undefined);
    return xs.length ? mean(xs).toFixed(3) : "–";
  };
  console.log(`${label.padEnd(34)} ${String(picked.length).padStart(2)} docs  mean ${mean(picked.map((r) => r.score)).toFixed(3)}  (prov ${measure("provisions")} resp ${measure("responsibilities")} dead ${measure("deadlines")} targ ${measure("targets")} link ${measure("links")}, roles ${roleOf ? (roleHits / roleOf).toFixed(3) : "–"})`);
};
console.log("\nHalf A (development): " + publicNames.filter((n) => halfOf(n, publicNames) === "A").map((n) => n.slice(0, 4)).join(" ") + "; half B (check): " + publicNames.filter((n) => halfOf(n, publicNames) === "B").map((n) => n.slice(0, 4)).join(" "));
for (const form of ["text", "html"] as SourceForm[]) {
  summary(`public A, ${form}`, rows.filter((r) => r.group === "public A" && r.form === form));
  summary(`public B, ${form}`, rows.filter((r) => r.group === "public B" && r.form === form));
  summary(`public, ${form}`, rows.filter((r) => r.group.startsWith("public") && r.form === form));
  summary(`own, ${form}`, rows.filter((r) => r.group === "own" && r.form === form));
  summary(`all, ${form}`, rows.filter((r) => r.form === form));
}
// The same document in its two forms: the page must read as well as the text.
const drops = rows.filter((r) => r.form === "html").map((h) => ({ gold: h.gold, drop: (rows.find((t) => t.gold === h.gold && t.form === "text")?.score ?? h.score) - h.score, meta: `${h.meta.hits}/${h.meta.of}` }));
if (drops.length) {
  const worst = drops.sort((a, b) => b.drop - a.drop)[0]!;
  console.log(`html vs text: largest drop ${worst.drop.toFixed(3)} (${worst.gold}); metadata right on html pages: ${drops.filter((d) => d.meta.split("/")[0] === d.meta.split("/")[1]).length}/${drops.length}`);
}
const seed = rows.find((r) => r.gold.startsWith("qinghai") && r.form === "text");
if (seed) console.log(`seed links F1: ${(seed.measures.links?.f ?? 0).toFixed(3)} (required ≥ 0.70)`);

if (!only && !args.includes("--parser-only")) await evalSearch({ verbose: args.includes("--verbose") });
