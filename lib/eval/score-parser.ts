/**
 * Scores the parser against gold files with the shared scorer (score.mjs),
 * for `npm run eval` and the tests. A gold applies to every published form of
 * its document: the text (corpus/NAME.txt) and, where it exists, the gov.cn
 * page (corpus/html/NAME.html).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseDocument } from "../parser";
import { goldSourceFile, scorerFile, sharedDir } from "../paths";

export interface MeasureScore {
  p: number;
  r: number;
  f: number;
  tp: number;
  nPred: number;
  nGold: number;
}

export type SourceForm = "text" | "html";

export interface GoldScore {
  gold: string;
  source: string;
  form: SourceForm;
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

/**
 * The gold files `npm run eval` scores: the public golds (../shared/eval/gold), then the project's
 * own (tests/gold) that are not public; or only `only`. `publicNames` are the public golds' names.
 */
export function evalGoldFiles(only?: string): { files: string[]; publicNames: string[] } {
  const shared = sharedDir();
  const publicDir = shared ? path.join(shared, "eval", "gold") : null;
  const publicFiles = publicDir && existsSync(publicDir) ? goldFiles(publicDir) : [];
  const publicNames = publicFiles.map((f) => path.basename(f));
  const own = goldFiles(path.join(process.cwd(), "tests", "gold")).filter((f) => !publicNames.includes(path.basename(f)));
  return { files: only ? [only] : [...publicFiles, ...own], publicNames };
}

/** The source file of a gold in a given form, or null when that form does not exist. */
export function goldSource(goldFile: string, form: SourceForm): string | null {
  const gold = JSON.parse(readFileSync(goldFile, "utf8")) as { source: string };
  if (form === "text") return goldSourceFile(gold.source);
  const shared = sharedDir();
  if (!shared) return null;
  const html = path.join(shared, "corpus", "html", path.basename(gold.source).replace(/\.[a-z]+$/, ".html"));
  return existsSync(html) ? html : null;
}

/** Parses the gold's source document in the given form and scores the output. */
export async function scoreGold(goldFile: string, form: SourceForm = "text"): Promise<GoldScore> {
  const source = goldSource(goldFile, form);
  if (!source) throw new Error(`${path.basename(goldFile)}: no ${form} source`);
  return scoreBytes(goldFile, new Uint8Array(readFileSync(source)), source, form);
}

/** Parses `bytes` as the gold's document (named `source`, which sets the format) and scores the output. */
export async function scoreBytes(goldFile: string, bytes: Uint8Array, source: string, form: SourceForm): Promise<GoldScore> {
  const result = await parseDocument(bytes, source);
  const dir = mkdtempSync(path.join(tmpdir(), "policykb-eval-"));
  try {
    const pred = path.join(dir, "pred.json");
    writeFileSync(pred, JSON.stringify(result.doc));
    const out = execFileSync(process.execPath, [scorerFile(), "--gold", goldFile, "--pred", pred, "--json"], { encoding: "utf8" });
    const json = JSON.parse(out) as Omit<GoldScore, "gold" | "source" | "form">;
    return { gold: path.basename(goldFile), source, form, ...json };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The development half (A) and the check half (B) of a sorted list of golds:
 * alternate files, so that each half holds every kind of document.
 */
export function halfOf(name: string, sortedNames: string[]): "A" | "B" {
  const i = sortedNames.indexOf(name);
  return i % 2 === 0 ? "A" : "B";
}
