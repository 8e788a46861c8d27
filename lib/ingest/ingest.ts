/**
 * Ingest: files → parse → store, one document at a time, each all or nothing.
 * A document that cannot be read, parsed or stored is reported with its file
 * name and reason, and the others still go in. The search index is updated
 * for the documents that changed.
 */
import { readFile } from "node:fs/promises";
import { setImmediate as nextTurn } from "node:timers/promises";
import { InputError, type ParseResult } from "../parser";
import type { StoreOutcome } from "../db/store";
import { exportProblem, isExport, type Export } from "../db/export";
import { collectFiles, type InputFile } from "./files";
import { ingestExport, storeParsed, type UsedSlugs } from "./document";
import { createProgress } from "./progress";
import { maxDocumentBytes } from "./limits";
import { createParsePool, parseWorkerCount } from "./parse-pool";
import { indexedDocumentOf, type IndexedDocument } from "../db/index-source";

export { ingestBytes, ingestExport } from "./document";

type Prepared = { kind: "document"; hash: string; result: ParseResult } | { kind: "export"; data: Export } | { kind: "failed"; error: unknown };

export interface IngestFailure {
  file: string;
  reason: string;
}

export interface IngestSummary {
  added: number;
  unchanged: number;
  updated: number;
  failed: IngestFailure[];
  provisions: number;
  parties: number;
  links: number;
  seconds: number;
  outcomes: StoreOutcome[];
}

/** Called after each stored (added or updated) document, with the document as the search index keeps it when this ingest parsed it (not for an export's). */
export type OnStored = (outcome: StoreOutcome, document?: IndexedDocument) => Promise<void>;

export interface IngestOptions {
  quiet?: boolean;
  /** Called after each stored (added or updated) document, e.g. to update the search index. */
  onStored?: OnStored;
  stream?: NodeJS.WriteStream;
}

async function readExport(file: InputFile): Promise<Export> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file.path, "utf8"));
  } catch {
    throw new InputError("not valid JSON (ingest reads .json files only as policykb exports)", "unsupported");
  }
  if (!isExport(value)) throw new InputError("JSON file is not a policykb export (schema policykb-export/1)", "unsupported");
  const problem = exportProblem(value);
  if (problem) throw new InputError(`not a policykb export: ${problem}`, "unsupported");
  return value as Export;
}

/** What an ingest says of a stored version: 第 2 版 of which document, placed how (ingest prints it per file). */
export function placementLine(outcome: Pick<StoreOutcome, "slug" | "version" | "placed">): string {
  const how = outcome.placed?.as === "older" ? "an older version (its date is earlier), later versions renumbered" : "the newest version, now current";
  const why = outcome.placed?.byTitle ? "; same title and issuer as the stored document" : "";
  return `version ${outcome.version} of "${outcome.slug}": ${how}${why}`;
}

/** Ingests paths (files or folders). */
export async function ingestPaths(paths: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const started = Date.now();
  const files = await collectFiles(paths);
  const progress = createProgress(files.length, options.stream ?? process.stderr, { quiet: options.quiet });
  const summary: IngestSummary = { added: 0, unchanged: 0, updated: 0, failed: [], provisions: 0, parties: 0, links: 0, seconds: 0, outcomes: [] };
  const usedSlugs: UsedSlugs = new Map();
  const partyCache = new Map<string, number>();
  const record = async ({ written, ...outcome }: StoreOutcome, file: string, parsed?: ParseResult) => {
    summary[outcome.status]++;
    summary.provisions += outcome.provisions;
    summary.parties += outcome.parties;
    summary.links += outcome.links;
    // Kept for the whole run: without the ids (a 10,000-document ingest would hold half a million).
    summary.outcomes.push(outcome);
    if (outcome.status === "unchanged") return;
    if (outcome.placed && (outcome.version > 1 || outcome.placed.byTitle) && !options.quiet) progress.line(`policykb: ${file}: ${placementLine(outcome)}`);
    if (!options.onStored) return;
    // An older version leaves the current one, which the index holds, as it was: the index reads the slug back from the store.
    // A document with corrections is indexed as the store reads it (corrected), not as parsed.
    const current = outcome.placed?.as !== "older";
    await options.onStored(outcome, parsed && written && current && !written.corrected ? indexedDocumentOf(parsed, { slug: outcome.slug, version: outcome.version, written }) : undefined);
  };
  // Files are read and parsed ahead (on worker threads for a folder) and stored in order, one at a time.
  const pool = createParsePool(parseWorkerCount(files.length));
  const maxBytes = maxDocumentBytes();
  const prepare = async (file: InputFile): Promise<Prepared> => {
    if (file.path.toLowerCase().endsWith(".json")) return { kind: "export", data: await readExport(file) };
    const { hash, result } = await pool.parseFile(file.path, { maxBytes });
    return { kind: "document", hash, result };
  };
  // Deep enough that the workers never wait while this thread stores.
  const ahead = Math.max(2, pool.workers * 16);
  const prepared: Array<Promise<Prepared>> = [];
  const settled = (p: Promise<Prepared>) => p.catch((error: unknown) => ({ kind: "failed" as const, error }));
  try {
    for (let i = 0; i < Math.min(ahead, files.length); i++) prepared[i] = settled(prepare(files[i]!));
    for (let i = 0; i < files.length; i++) {
      const file = files[i]!;
      const next = i + ahead;
      if (next < files.length) prepared[next] = settled(prepare(files[next]!));
      const ready = await prepared[i]!;
      delete prepared[i];
      try {
        if (ready.kind === "failed") throw ready.error;
        if (ready.kind === "export") {
          for (const outcome of await ingestExport(ready.data)) await record(outcome, file.display);
        } else {
          await record(await storeParsed(ready.result, file.path, ready.hash, usedSlugs, partyCache), file.display, ready.result);
        }
      } catch (error) {
        const reason = error instanceof InputError ? error.message : `could not be stored: ${String((error as Error).message ?? error).split("\n").filter(Boolean).slice(-1)[0]}`;
        summary.failed.push({ file: file.display, reason });
        progress.line(`policykb: ${file.display}: ${reason}`);
      }
      progress.tick(file.display);
      // Let the event loop in between documents: with parsed documents waiting, the loop would
      // otherwise go on storing without taking file reads and worker messages, and the parse
      // workers would run dry (figures in BENCHMARKS.md, "Figures behind choices in the code").
      await nextTurn();
    }
  } finally {
    await pool.close();
  }
  progress.done();
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}
