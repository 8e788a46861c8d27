/**
 * Figures measured inside this process: parse throughput, ingest rate into a
 * fresh SQLite database (parse + store + index), and search latency and
 * recall through the project's own search().
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseDocument } from "../../lib/parser";
import { migrate } from "../../lib/db/migrate";
import { closeDb } from "../../lib/db/client";
import { ingestPaths } from "../../lib/ingest/ingest";
import { indexWhileStoring } from "../../lib/ingest/hooks";
import { SearchEngine } from "../../lib/search/engine";
import { currentVersions, storeFingerprint } from "../../lib/db/index-source";
import { loadRecords } from "../../lib/search/records";
import { persist } from "../../lib/search/persist";
import { resetSearch, search } from "../../lib/search";
import { scoreRelevance, type RankedHit, type RelevanceQuery, type RelevanceScore } from "../../lib/eval/relevance";
import type { BenchQuery } from "./queries";
import { latencyOf, median, medianLatency, progress, type Latency } from "./util";

export interface ParseFigure {
  mbps: number;
  runs: number;
  sampleDocs: number;
  sampleMB: number;
}

/**
 * Parser throughput on one core: wall time of parsing a sample of the corpus
 * (the parse is synchronous, so one JavaScript thread = one core), median of
 * `runs` after a warm-up pass. MB = 2^20 bytes of source files.
 */
export async function parseThroughput(files: string[], runs: number, sampleSize = 300): Promise<ParseFigure> {
  const step = Math.max(1, Math.floor(files.length / sampleSize));
  const sample = files.filter((_, i) => i % step === 0).slice(0, sampleSize).map((f) => ({ name: path.basename(f), bytes: new Uint8Array(readFileSync(f)) }));
  const total = sample.reduce((n, f) => n + f.bytes.length, 0);
  for (const f of sample) await parseDocument(f.bytes, f.name);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    for (const f of sample) await parseDocument(f.bytes, f.name);
    times.push(performance.now() - t);
  }
  const mb = total / 1048576;
  return { mbps: mb / (median(times) / 1000), runs, sampleDocs: sample.length, sampleMB: mb };
}

export interface IngestRun {
  dir: string;
  dbFile: string;
  seconds: number;
  /** Time spent indexing: between documents as they were stored, and after the last one (saving included). */
  indexSeconds: number;
  /** Time after the last document was stored (the rest of the index, and saving it). */
  afterStoreSeconds: number;
  docs: number;
  provisions: number;
  failed: Array<{ file: string; reason: string }>;
  /** Indexing failed: its error, and the index was built by buildIndexInChunks() instead. */
  indexError: string | null;
}

/** Points the project's database client and search at a new SQLite file. */
export async function useDatabase(dbFile: string): Promise<void> {
  await closeDb();
  resetSearch();
  process.env.DATABASE_URL = `file:${dbFile}`;
}

/**
 * The search index built the way lib/search's open() builds it (a new engine,
 * every current document added, persisted with the store's fingerprint), but
 * loading records 500 documents at a time. Used only when documentStored()
 * fails (see ingestOnce), so that search can still be measured.
 */
export async function buildIndexInChunks(): Promise<void> {
  const engine = new SearchEngine();
  const slugs = [...(await currentVersions()).keys()];
  for (let i = 0; i < slugs.length; i += 500) {
    for (const { slug, version, records } of await loadRecords(slugs.slice(i, i + 500))) engine.addDocument(slug, version, records);
  }
  await persist(engine, await storeFingerprint());
  resetSearch();
}

/**
 * One ingest into a fresh database in a new temporary directory: migrate
 * (untimed), then ingestPaths() with the search index kept up as documents
 * are stored (indexWhileStoring(), as `policykb ingest` runs it) and the rest
 * indexed and saved after the last one (timed, `indexSeconds`). The process's
 * search engine is left open on that database.
 *
 * Should indexing fail, the error is recorded and the index is built by
 * buildIndexInChunks(), timed in its place, so that search can still be
 * measured.
 */
export async function ingestOnce(paths: string[], label: string): Promise<IngestRun> {
  const dir = mkdtempSync(path.join(tmpdir(), "policykb-bench-"));
  const dbFile = path.join(dir, "bench.db");
  await useDatabase(dbFile);
  await migrate();
  let stored = 0;
  const t0 = performance.now();
  let last = t0;
  const indexing = indexWhileStoring();
  const summary = await ingestPaths(paths, {
    quiet: true,
    onStored: async (outcome, document) => {
      stored++;
      if (performance.now() - last > 15_000) {
        last = performance.now();
        progress(`${label}: ${stored} documents stored and indexed (${(stored / ((last - t0) / 1000)).toFixed(1)}/s)`);
      }
      await indexing.onStored(outcome, document);
    },
  });
  const t1 = performance.now();
  let indexError: string | null = null;
  try {
    await indexing.finish(summary.outcomes);
  } catch (error) {
    indexError = String(error instanceof Error ? error.message : error).split("\n").filter(Boolean).slice(-1)[0] ?? "unknown error";
    progress(`${label}: indexing failed after ${((performance.now() - t1) / 1000).toFixed(1)} s: ${indexError} — building the index 500 documents at a time instead`);
    resetSearch();
    await buildIndexInChunks();
  }
  const t2 = performance.now();
  const docs = summary.added + summary.updated + summary.unchanged;
  return { dir, dbFile, seconds: (t2 - t0) / 1000, indexSeconds: indexError ? (t2 - t1) / 1000 : indexing.seconds, afterStoreSeconds: (t2 - t1) / 1000, docs, provisions: summary.provisions, failed: summary.failed, indexError };
}

export interface TimedSearch {
  latency: Latency;
  rounds: number;
  /** The slowest queries (median over rounds). */
  slowest: Array<{ q: string; ms: number }>;
  /** Queries that threw (left out of the latencies; no hits for recall). */
  errors: Array<{ q: string; error: string }>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n").filter(Boolean).slice(-1)[0] ?? "error";

/** A search function that records a thrown error for its query instead of stopping the benchmark. */
export function tolerant<T>(run: (q: string) => Promise<T[]>, errors: Map<string, string>): (q: string) => Promise<T[]> {
  return async (q) => {
    try {
      return await run(q);
    } catch (error) {
      if (!errors.has(q)) progress(`query "${q}" failed: ${message(error)}`);
      errors.set(q, message(error));
      return [];
    }
  };
}

/**
 * Times `run` on every query of the mix, one at a time: `rounds` passes (at
 * least one; more only while within `budgetMs`), p50/p95/p99 of each pass,
 * the median of each over passes. A query that throws is recorded and left
 * out of the times.
 */
export async function timeQueries(run: (q: string) => Promise<unknown>, queries: BenchQuery[], rounds: number, budgetMs: number, label: string): Promise<TimedSearch> {
  const perRound: Latency[] = [];
  const perQuery = queries.map(() => [] as number[]);
  const errors = new Map<string, string>();
  const started = performance.now();
  for (let r = 0; r < rounds; r++) {
    const times: number[] = [];
    for (let i = 0; i < queries.length; i++) {
      const q = queries[i]!.q;
      const t = performance.now();
      try {
        await run(q);
      } catch (error) {
        if (!errors.has(q)) progress(`${label}: query "${q}" failed: ${message(error)}`);
        errors.set(q, message(error));
        continue;
      }
      const ms = performance.now() - t;
      times.push(ms);
      perQuery[i]!.push(ms);
    }
    perRound.push(latencyOf(times));
    const elapsed = performance.now() - started;
    progress(`${label}: pass ${r + 1}: p50 ${perRound.at(-1)!.p50Ms.toFixed(2)} ms, p95 ${perRound.at(-1)!.p95Ms.toFixed(2)} ms (${(elapsed / 1000).toFixed(1)} s)`);
    if (elapsed > budgetMs && r + 1 < rounds) {
      progress(`${label}: time budget spent after ${r + 1} passes`);
      break;
    }
  }
  const slowest = queries
    .map((q, i) => ({ q: q.q, ms: median(perQuery[i]!) }))
    .filter((x) => !Number.isNaN(x.ms))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 10);
  return { latency: medianLatency(perRound), rounds: perRound.length, slowest, errors: [...errors].map(([q, error]) => ({ q, error })) };
}

export async function policykbHits(q: string): Promise<RankedHit[]> {
  return (await search({ q, limit: 10 })).hits;
}

export interface SearchFigure extends Latency {
  recallAt10: number;
  recallAt5: number;
  mrr: number;
  rounds: number;
  queries: number;
  slowest: Array<{ q: string; ms: number }>;
  errors: Array<{ q: string; error: string }>;
}

/** PolicyKB's search() in-process: recall on the relevance set (also the warm-up), then the timed mix. */
export async function searchFigure(relevance: RelevanceQuery[], queries: BenchQuery[], rounds: number, budgetMs: number, label: string): Promise<{ figure: SearchFigure; score: RelevanceScore }> {
  const failed = new Map<string, string>();
  const score = await scoreRelevance(relevance, tolerant(policykbHits, failed));
  const timed = await timeQueries(policykbHits, queries, rounds, budgetMs, label);
  for (const e of timed.errors) failed.set(e.q, e.error);
  return {
    figure: { ...timed.latency, recallAt10: score.recallAt10, recallAt5: score.recallAt5, mrr: score.mrr, rounds: timed.rounds, queries: queries.length, slowest: timed.slowest, errors: [...failed].map(([q, error]) => ({ q, error })) },
    score,
  };
}
