/**
 * Reading, hashing and parsing files on worker threads while the ingest
 * thread stores: the parser is pure and CPU-bound, storing is mostly the
 * database's time, so a folder of documents goes in about as fast as the
 * slower of the two instead of their sum. Results come back in the order
 * asked for by the caller (each call gets its own promise); errors keep their
 * InputError code.
 */
import os from "node:os";
import { readFile } from "node:fs/promises";
import { Worker } from "node:worker_threads";
import { InputError, parseDocument, type ParseOptions, type ParseResult } from "../parser";
import { contentHash } from "../db/content-hash";

/** A file read and parsed: its content hash (contentHash) and its parse. */
export interface ParsedFile {
  hash: string;
  result: ParseResult;
}

export interface ParsePool {
  /** Reads the file at `file` (also the name the parser is given) and parses it. */
  parseFile(file: string, options?: ParseOptions): Promise<ParsedFile>;
  close(): Promise<void>;
  readonly workers: number;
}

/** What a worker does with one file (parse-worker.mjs does the same). */
export async function readAndParse(file: string, options?: ParseOptions): Promise<ParsedFile> {
  const bytes = new Uint8Array(await readFile(file));
  const hash = contentHash(bytes);
  return { hash, result: await parseDocument(bytes, file, options) };
}

/** Workers to use: POLICYKB_PARSE_WORKERS, else one fewer than the cores (at most 4); 0 = parse on this thread. */
export function parseWorkerCount(documents: number): number {
  const set = process.env.POLICYKB_PARSE_WORKERS;
  if (set !== undefined && set !== "") {
    const n = Number(set);
    if (!Number.isInteger(n) || n < 0) throw new Error(`POLICYKB_PARSE_WORKERS must be a whole number ≥ 0 (got "${set}")`);
    return n;
  }
  // Starting a worker costs ~0.3 s (it loads the parser): worth it only for a folder.
  if (documents < 16) return 0;
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

/** Parses on this thread (no workers). */
const inline: ParsePool = { parseFile: readAndParse, close: async () => {}, workers: 0 };

interface Pending {
  resolve: (r: ParsedFile) => void;
  reject: (e: Error) => void;
}

export function createParsePool(size: number): ParsePool {
  if (size <= 0) return inline;
  const url = new URL("./parse-worker.mjs", import.meta.url);
  const pending = new Map<number, Pending>();
  const load = new Map<Worker, number>();
  let nextId = 0;
  let failed: Error | null = null;
  const workers = Array.from({ length: size }, () => {
    const w = new Worker(url);
    load.set(w, 0);
    w.on("message", (m: { id?: number; hash?: string; result?: ParseResult; error?: { message: string; code: InputError["code"] | null } }) => {
      if (m.id === undefined) return;
      const p = pending.get(m.id);
      pending.delete(m.id);
      load.set(w, (load.get(w) ?? 1) - 1);
      if (!p) return;
      if (m.error) p.reject(m.error.code ? new InputError(m.error.message, m.error.code) : new Error(m.error.message));
      else p.resolve({ hash: m.hash!, result: m.result! });
    });
    w.on("error", (error) => {
      failed = error;
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    });
    return w;
  });
  return {
    workers: size,
    parseFile(file, options) {
      if (failed) return Promise.reject(failed);
      // The least busy worker.
      const w = workers.reduce((a, b) => ((load.get(a) ?? 0) <= (load.get(b) ?? 0) ? a : b));
      const id = nextId++;
      load.set(w, (load.get(w) ?? 0) + 1);
      return new Promise<ParsedFile>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.postMessage({ id, file, options });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
