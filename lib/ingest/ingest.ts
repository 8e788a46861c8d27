/**
 * Ingest: files → parse → store, one document at a time, each all or nothing.
 * A document that cannot be read, parsed or stored is reported with its file
 * name and reason, and the others still go in. The search index is updated
 * for the documents that changed.
 */
import { readFile } from "node:fs/promises";
import { InputError, parseDocument } from "../parser";
import { dbReady } from "../db/client";
import { contentHash, storeDocument, type StoreOutcome } from "../db/store";
import { isExport, restoreParties, type Export } from "../db/export";
import { cleanSlug, collectFiles, slugOfFile, type InputFile } from "./files";
import { createProgress } from "./progress";
import { maxDocumentBytes } from "./limits";

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

export interface IngestOptions {
  quiet?: boolean;
  /** Called after each stored (added or updated) document, e.g. to update the search index. */
  onStored?: (outcome: StoreOutcome) => Promise<void>;
  stream?: NodeJS.WriteStream;
}

/** Reads, parses and stores one file; throws with a one-line reason on failure. */
export async function ingestFile(file: InputFile, usedSlugs: Map<string, string>, partyCache?: Map<string, number>): Promise<StoreOutcome> {
  const bytes = new Uint8Array(await readFile(file.path));
  return ingestBytes(bytes, file.path, usedSlugs, partyCache);
}

/**
 * Parses and stores one document given as bytes (an upload, or a file's
 * content). The slug is front matter's `slug`, else the file name without its extension.
 */
export async function ingestBytes(bytes: Uint8Array, fileName: string, usedSlugs: Map<string, string> = new Map(), partyCache?: Map<string, number>): Promise<StoreOutcome> {
  const result = await parseDocument(bytes, fileName, { maxBytes: maxDocumentBytes() });
  const slug = typeof result.extra.slug === "string" ? cleanSlug(result.extra.slug) : slugOfFile(fileName);
  if (!slug) throw new InputError("file name gives an empty slug", "unsupported");
  const other = usedSlugs.get(slug);
  if (other && other !== fileName) throw new InputError(`slug "${slug}" is already used by ${other} in this ingest`, "unsupported");
  usedSlugs.set(slug, fileName);
  const client = await dbReady();
  return storeDocument(client, { result, slug, sourceName: fileName.split(/[\\/]/).pop() ?? fileName, contentHash: contentHash(bytes), partyCache });
}

/** Restores a `policykb export` file: parties first, then every document version as it was. */
export async function ingestExport(data: Export): Promise<StoreOutcome[]> {
  const client = await dbReady();
  await restoreParties(client, data.parties);
  const outcomes: StoreOutcome[] = [];
  for (const d of data.documents) {
    const { slug, version, isCurrent, sourceName, contentHash: hash, importedAt, sourceText, messages, ...doc } = d;
    outcomes.push(
      await storeDocument(client, {
        result: { doc, sourceText, messages, extra: {}, encoding: "utf-8", format: "txt" },
        slug,
        sourceName,
        contentHash: hash,
        restore: { version, isCurrent, importedAt: new Date(importedAt) },
      }),
    );
  }
  return outcomes;
}

async function readExport(file: InputFile): Promise<Export> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file.path, "utf8"));
  } catch {
    throw new InputError("not valid JSON (ingest reads .json files only as policykb exports)", "unsupported");
  }
  if (!isExport(value)) throw new InputError("JSON file is not a policykb export (schema policykb-export/1)", "unsupported");
  return value;
}

/** Ingests paths (files or folders). */
export async function ingestPaths(paths: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const started = Date.now();
  const files = await collectFiles(paths);
  const progress = createProgress(files.length, options.stream ?? process.stderr, { quiet: options.quiet });
  const summary: IngestSummary = { added: 0, unchanged: 0, updated: 0, failed: [], provisions: 0, parties: 0, links: 0, seconds: 0, outcomes: [] };
  const usedSlugs = new Map<string, string>();
  const partyCache = new Map<string, number>();
  const record = async (outcome: StoreOutcome) => {
    summary[outcome.status]++;
    summary.provisions += outcome.provisions;
    summary.parties += outcome.parties;
    summary.links += outcome.links;
    summary.outcomes.push(outcome);
    if (outcome.status !== "unchanged" && options.onStored) await options.onStored(outcome);
  };
  for (const file of files) {
    try {
      if (file.path.toLowerCase().endsWith(".json")) {
        for (const outcome of await ingestExport(await readExport(file))) await record(outcome);
        progress.tick(file.display);
        continue;
      }
      const outcome = await ingestFile(file, usedSlugs, partyCache);
      await record(outcome);
    } catch (error) {
      const reason = error instanceof InputError ? error.message : `could not be stored: ${String((error as Error).message ?? error).split("\n").filter(Boolean).slice(-1)[0]}`;
      summary.failed.push({ file: file.display, reason });
      progress.line(`policykb: ${file.display}: ${reason}`);
    }
    progress.tick(file.display);
  }
  progress.done();
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}
