/**
 * Scores the parser against gold files with the shared scorer (score.mjs),
 * for `npm run eval` and the tests.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseDocument } from "../parser";
import { goldSourceFile, scorerFile } from "../paths";

export interface MeasureScore {
  p: number;
  r: number;
  f: number;
  tp: number;
  nPred: number;
  nGold: number;
}

export interface GoldScore {
  gold: string;
  source: string;
  score: number;
  measures: Record<string, MeasureScore>;
  roles: { hits: number; of: number };
  meta: { hits: number; of: number };
}

/** Gold files in a folder. */
export function goldFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Parses the gold's source document and scores the output. */
export async function scoreGold(goldFile: string): Promise<GoldScore> {
  const gold = JSON.parse(readFileSync(goldFile, "utf8")) as { source: string };
  const source = goldSourceFile(gold.source);
  if (!source) throw new Error(`${path.basename(goldFile)}: source ${gold.source} not found`);
  const result = await parseDocument(new Uint8Array(readFileSync(source)), source);
  const dir = mkdtempSync(path.join(tmpdir(), "policykb-eval-"));
  const pred = path.join(dir, "pred.json");
  writeFileSync(pred, JSON.stringify(result.doc));
  const out = execFileSync(process.execPath, [scorerFile(), "--gold", goldFile, "--pred", pred, "--json"], { encoding: "utf8" });
  const json = JSON.parse(out) as Omit<GoldScore, "gold" | "source">;
  return { gold: path.basename(goldFile), source, ...json };
}
