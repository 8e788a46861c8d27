/**
 * `npx tsx scripts/alias-pairs.ts DIR…`: pairs of names of one party that are
 * both written in the given corpus directories — each party a document names
 * (as parsed), with every other form of it the resolver knows that occurs in
 * the corpus text. Prints tests/parties/pairs.json's content.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "../lib/parser";
import { nameVariants } from "../lib/parties/resolve";

const dirs = process.argv.slice(2);
if (!dirs.length) {
  console.error("usage: npx tsx scripts/alias-pairs.ts DIR…");
  process.exit(2);
}
const texts: string[] = [];
const mentions = new Set<string>();
for (const dir of dirs) {
  for (const file of readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f))) {
    const bytes = readFileSync(path.join(dir, file));
    texts.push(bytes.toString("utf8"));
    const result = await parseDocument(new Uint8Array(bytes), file).catch(() => null);
    for (const r of result?.doc.responsibilities ?? []) mentions.add(r.party);
  }
}
const corpus = texts.join("\n");
const pairs = new Set<string>();
for (const m of mentions) for (const v of nameVariants(m)) if (corpus.includes(v)) pairs.add(JSON.stringify([m, v].sort()));
console.log(`[\n${[...pairs].sort().map((p) => `  ${p.replace(",", ", ")}`).join(",\n")}\n]`);
