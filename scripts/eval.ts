/**
 * `npm run eval`: scores the parser on every gold file — the public golds in
 * ../shared/eval/gold and the project's own in tests/gold — and prints a table.
 * Options: --gold FILE (one file), --verbose (the scorer's lines per file).
 */
import path from "node:path";
import { existsSync } from "node:fs";
import { goldFiles, scoreGold } from "../lib/eval/score-parser";
import { sharedDir } from "../lib/paths";
import { evalSearch } from "./eval-search";

const args = process.argv.slice(2);
const only = args.includes("--gold") ? args[args.indexOf("--gold") + 1] : undefined;
const shared = sharedDir();
const publicDir = shared ? path.join(shared, "eval", "gold") : null;
const ownDir = path.join(process.cwd(), "tests", "gold");
const publicNames = new Set(publicDir && existsSync(publicDir) ? goldFiles(publicDir).map((f) => path.basename(f)) : []);
const files = only ? [only] : [...(publicDir ? goldFiles(publicDir) : []), ...goldFiles(ownDir).filter((f) => !publicNames.has(path.basename(f)))];

const pct = (x: number | undefined) => (x === undefined ? "    –" : (100 * x).toFixed(1).padStart(5));
const rows = [];
console.log(`${"gold".padEnd(58)} ${"prov".padStart(5)} ${"resp".padStart(5)} ${"dead".padStart(5)} ${"targ".padStart(5)} ${"link".padStart(5)}  score`);
for (const file of files) {
  const s = await scoreGold(file);
  rows.push(s);
  const m = s.measures;
  const tag = publicNames.has(s.gold) ? "public " : "own    ";
  console.log(`${(tag + s.gold.replace(/\.json$/, "")).padEnd(58)} ${pct(m.provisions?.f)} ${pct(m.responsibilities?.f)} ${pct(m.deadlines?.f)} ${pct(m.targets?.f)} ${pct(m.links?.f)}  ${s.score.toFixed(3)}`);
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const pub = rows.filter((r) => publicNames.has(r.gold));
console.log(`\nmean score: public ${mean(pub.map((r) => r.score)).toFixed(3)} (${pub.length}), all ${mean(rows.map((r) => r.score)).toFixed(3)} (${rows.length})`);
const seed = rows.find((r) => r.gold.startsWith("qinghai"));
if (seed) console.log(`seed links F1: ${(seed.measures.links?.f ?? 0).toFixed(3)} (required ≥ 0.70)`);

if (!only && !args.includes("--parser-only")) await evalSearch({ verbose: args.includes("--verbose") });
