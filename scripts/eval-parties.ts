/**
 * `npm run eval:parties [-- FOLDER...] [--sample N] [--seed S] [--top N]`:
 * parses every document of the folders (default: ../shared/corpus/unlabeled)
 * and prints every distinct party name with its count, the candidates the
 * name grammar rejected (they became messages, not parties) with the reason,
 * and optionally a seeded random sample of distinct names to read by eye.
 * Distinct names over many documents show fragments at a glance.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "../lib/parser";
import { sharedDir } from "../lib/paths";

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const optionValues = new Set(["--sample", "--seed", "--top"].flatMap((o) => (args.includes(o) ? [args[args.indexOf(o) + 1]] : [])));
const folders = args.filter((a) => !a.startsWith("--") && !optionValues.has(a));
const shared = sharedDir();
if (!folders.length) {
  if (!shared) {
    console.error("eval:parties: no folder given and ../shared/corpus/unlabeled not found");
    process.exit(2);
  }
  folders.push(path.join(shared, "corpus", "unlabeled"));
}

const files = folders.flatMap((f) => (statSync(f).isDirectory() ? readdirSync(f).filter((x) => /\.(txt|md|html?|docx)$/i.test(x) && !/^(?:README|MANIFEST)\./i.test(x)).map((x) => path.join(f, x)) : [f]));
const names = new Map<string, number>();
const rejected = new Map<string, { count: number; why: string }>();
for (const file of files) {
  const { doc, messages } = await parseDocument(new Uint8Array(readFileSync(file)), file);
  for (const r of doc.responsibilities) names.set(r.party, (names.get(r.party) ?? 0) + 1);
  for (const m of messages) {
    if (m.ruleId !== "party-rejected") continue;
    const match = /\((\S+)\): 「(.+)」/.exec(m.reason);
    if (!match) continue;
    const entry = rejected.get(match[2]!) ?? { count: 0, why: match[1]! };
    entry.count++;
    rejected.set(match[2]!, entry);
  }
}

const byCount = <T>(m: Map<string, T>, count: (v: T) => number) => [...m].sort((a, b) => count(b[1]) - count(a[1]) || (a[0] < b[0] ? -1 : 1));
const top = Number(option("--top") ?? Infinity);
const occurrences = [...names.values()].reduce((a, b) => a + b, 0);
console.log(`${files.length} documents, ${occurrences} responsibilities, ${names.size} distinct party names\n`);
console.log("count  party");
for (const [name, count] of byCount(names, (c) => c).slice(0, top)) console.log(`${String(count).padStart(5)}  ${name}`);
const rejectedTotal = [...rejected.values()].reduce((a, b) => a + b.count, 0);
console.log(`\n${rejected.size} distinct candidates rejected by the name grammar (${rejectedTotal} times), now messages:\n`);
console.log("count  why           candidate");
for (const [name, { count, why }] of byCount(rejected, (v) => v.count).slice(0, top)) console.log(`${String(count).padStart(5)}  ${why.padEnd(12)}  ${name}`);

const sample = Number(option("--sample") ?? 0);
if (sample > 0) {
  // A small seeded generator (mulberry32), so that the same sample can be read again.
  let seed = Number(option("--seed") ?? 17) >>> 0;
  const random = () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pool = [...names.keys()].sort();
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  console.log(`\nrandom sample of ${Math.min(sample, pool.length)} distinct names (seed ${option("--seed") ?? 17}):`);
  for (const name of pool.slice(0, sample)) console.log(`  ${name}`);
}
