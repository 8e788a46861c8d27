/**
 * `npm run bench`: PolicyKB's performance on a synthetic corpus of N documents
 * (real provisions recombined; scripts/bench/corpus.ts) — parse MB/s per core,
 * ingest documents/s, search latency and recall in-process and over HTTP, cold
 * start, server memory — next to SQLite FTS5 (trigram) and MiniSearch on the
 * same provisions and queries. Prints a table; writes bench/results.json
 * (and bench/results-N.json). A benchmark, not a test: it never fails on a
 * missed target, it reports it.
 *
 *   npm run bench -- [--docs N] [--runs R] [--ingest-runs R] [--duration S] [--http-runs R]
 *                    [--no-peers] [--no-minisearch] [--no-http] [--cpu-prof]
 *   npm run bench:search -- [--docs N]   search figures only (in-process and HTTP), real corpus and N documents
 *   npm run bench -- --docs N --http-only   only the server figures (build, cold start, HTTP, RSS) on the
 *                                           database kept by the last run at N, merged into bench/results-N.json
 *   npm run bench -- --pg [--docs N] [--database postgres://…]   search inside PostgreSQL (POLICYKB_SEARCH=postgres,
 *                                           bigram tsvector and pg_trgm) side by side with the embedded engine and
 *                                           the FTS5 peers on the same corpus; bench/results-pg-N.json
 */
import { spawnSync } from "node:child_process";
import { cpus, freemem, loadavg, totalmem } from "node:os";
import pg from "pg";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { closeDb } from "../../lib/db/client";
import { migrate } from "../../lib/db/migrate";
import { resetSearch } from "../../lib/search";
import { ingestPaths } from "../../lib/ingest/ingest";
import { documentStored } from "../../lib/ingest/hooks";
import { loadRelevanceSet, scoreRelevance } from "../../lib/eval/relevance";
import { contentDir, ensureCorpus, provisionPool, readRealDocuments, type Corpus } from "./corpus";
import { buildIndexInChunks, tolerant, ingestOnce, parseThroughput, policykbHits, searchFigure, timeQueries, useDatabase, type IngestRun, type ParseFigure, type SearchFigure } from "./inprocess";
import { buildFts5, buildFts5Jieba, buildMiniSearch, likeOnly, peerRecords, type Peer } from "./peers";
import { queryMix, type BenchQuery } from "./queries";
import { ensureBuild, memoryOf, runLoad, startServer, stopServer, type BuildOutcome, type ProcessMemory } from "./server";
import { profiled, printSummary, profileClockUs, summarise } from "./profile";
import { plotGrowth } from "./plot";
import type { LoadResult } from "./load";
import { collectGarbage, fmt, median, progress, table, type Latency } from "./util";

// ---- options ------------------------------------------------------------------

const argv = process.argv.slice(2);
function option(name: string, fallback: number): number {
  const at = argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const v = Number(argv[at + 1]);
  if (!Number.isFinite(v) || v < 0) {
    console.error(`bench: --${name} needs a number (got "${argv[at + 1] ?? ""}")`);
    process.exit(2);
  }
  return v;
}
const flag = (name: string) => argv.includes(`--${name}`);

const root = process.cwd();
const searchOnly = flag("search-only");
const pgOnly = flag("pg");
const httpOnly = flag("http-only");
const docs = Math.round(option("docs", 1000));
const opts = {
  docs,
  rounds: option("runs", 5),
  searchBudgetMs: option("search-budget", 90) * 1000,
  parseRuns: option("parse-runs", 5),
  ingestRuns: option("ingest-runs", docs <= 2000 ? 3 : 1),
  coldRuns: option("cold-runs", 3),
  httpRuns: option("http-runs", 3),
  duration: option("duration", 10),
  connections: option("connections", 32),
  peers: !flag("no-peers"),
  minisearch: !flag("no-minisearch"),
  http: !flag("no-http"),
  cpuProf: flag("cpu-prof"),
  /** --max-old-space-size for the server (MB); default: Node's own limit, as `npm start` runs it. */
  serverHeap: option("server-heap", 0),
  /** When the server runs out of heap with the default limit, measure again with this one (MB; 0 = do not). */
  retryHeap: option("retry-heap", 12288),
};
if (!existsSync(path.join(root, "package.json")) || !existsSync(path.join(root, "lib", "search"))) {
  console.error("bench: run from the project root (npm run bench)");
  process.exit(2);
}
const out = path.join(root, "bench", "out");
mkdirSync(out, { recursive: true });

// ---- the machine -------------------------------------------------------------

/** The commit checked out (read from .git without running git; the tree may hold uncommitted edits of others). */
function commit(): string {
  try {
    const head = readFileSync(path.join(root, ".git", "HEAD"), "utf8").trim();
    if (!head.startsWith("ref: ")) return head.slice(0, 12);
    const ref = head.slice(5);
    const loose = path.join(root, ".git", ref);
    if (existsSync(loose)) return readFileSync(loose, "utf8").trim().slice(0, 12);
    const packed = readFileSync(path.join(root, ".git", "packed-refs"), "utf8").split("\n").find((l) => l.endsWith(` ${ref}`));
    return packed?.slice(0, 12) ?? "?";
  } catch {
    return "?";
  }
}

function machine() {
  const info = readFileSync("/proc/cpuinfo", "utf8");
  const model = /^model name\s*:\s*(.*)$/m.exec(info)?.[1] ?? cpus()[0]?.model ?? "?";
  return { cpus: cpus().length, model, memGB: Math.round(totalmem() / 2 ** 30), freeGB: Math.round(freemem() / 2 ** 30), node: process.version, platform: `${process.platform} ${process.arch}`, loadAtStart: loadavg().map((x) => Math.round(x * 100) / 100), loadAtEnd: [] as number[], commit: commit() };
}

// ---- targets (at 10,000 documents) ----------------------------------------------

interface Target {
  name: string;
  want: string;
  value: number | null;
  met: boolean | null;
}

function targets(r: Results): Target[] {
  const fts = r.peers.fts5;
  const t = (name: string, want: string, value: number | null, ok: (v: number) => boolean): Target => ({ name, want, value, met: value === null || Number.isNaN(value) ? null : ok(value) });
  const jieba = r.peers.fts5Jieba;
  const floor = r.http?.floor?.p95Ms ?? null;
  return [
    t("search p95 in-process (ms), issue 22", "≤ 3", r.search.p95Ms, (v) => v <= 3),
    t("server RSS per document (KB), issue 22", "≤ 20", r.rssMB === null ? null : (r.rssMB * 1024) / r.docs, (v) => v <= 20),
    t("cold start (ms), issue 22", "≤ 10000", r.coldStartMs, (v) => v <= 10000),
    t("HTTP p95 / floor p95, issue 22", "≤ 1.25", r.http && floor ? r.http.p95Ms / floor : null, (v) => v <= 1.25),
    t("recall@10 PolicyKB − FTS5+jieba", "> 0", jieba ? r.search.recallAt10 - jieba.recallAt10 : null, (v) => v > 0),
    t("FTS5+jieba p95 / PolicyKB p95", "> 1", jieba ? jieba.p95Ms / r.search.p95Ms : null, (v) => v > 1),
    t("search p95 in-process (ms)", "≤ 2", r.search.p95Ms, (v) => v <= 2),
    t("search p95 HTTP, 32 concurrent (ms)", "≤ 20", r.http?.p95Ms ?? null, (v) => v <= 20),
    t("FTS5 p95 / PolicyKB p95", "≥ 10", fts ? fts.p95Ms / r.search.p95Ms : null, (v) => v >= 10),
    t("recall@10 PolicyKB − FTS5", "≥ 0", fts ? r.search.recallAt10 - fts.recallAt10 : null, (v) => v >= -1e-9),
    t("parse MB/s per core", "≥ 2", r.parseMBps, (v) => v >= 2),
    t("ingest documents/s", "≥ 200", r.ingestDocsPerSec, (v) => v >= 200),
    t("cold start (ms)", "≤ 5000", r.coldStartMs, (v) => v <= 5000),
    t("server RSS (MB)", "≤ 1024", r.rssMB, (v) => v <= 1024),
  ];
}

// ---- results -----------------------------------------------------------------

interface PeerFigure {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  recallAt10: number;
  recallAt5: number;
  buildSeconds: number;
  sizeMB: number;
  rounds: number;
  slowest: Array<{ q: string; ms: number }>;
  errors: Array<{ q: string; error: string }>;
  /** PolicyKB / peer. */
  ratio: { p50: number; p95: number; recallAt10: number };
}

interface HttpFigure {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  rps: number;
  connections: number;
  durationS: number;
  runs: LoadResult[];
  warmupNon200: number;
  /** The same route answering 400 before any search work (GET /api/search?q=): what Next.js alone costs. */
  floor: LoadResult | null;
}

interface Results {
  when: string;
  /** When the server figures were measured by a later --http-only run. */
  serverWhen?: string;
  docs: number;
  generatedDocs: number;
  realDocs: number;
  corpusMB: number;
  provisions: number;
  queries: { total: number; relevance: number; generated: number; fts5LikeOnly: number };
  machine: ReturnType<typeof machine>;
  parseMBps: number;
  parse: ParseFigure;
  ingestDocsPerSec: number;
  ingest: { runs: Array<{ seconds: number; indexSeconds: number; afterStoreSeconds: number; docsPerSec: number }>; failed: number; dbMB: number; indexMB: number; indexError: string | null };
  /** In-process search on the engine loaded from its persisted copy, as a server has it. */
  search: SearchFigure;
  /** The same on the engine the ingest built in the benchmark's process (before it was reloaded). */
  searchAfterIngest?: Latency;
  http: HttpFigure | null;
  peers: { fts5?: PeerFigure; fts5Jieba?: PeerFigure; minisearch?: PeerFigure };
  coldStartMs: number | null;
  coldStart: { runs: number[] };
  rssMB: number | null;
  server: { build: { built: boolean; seconds: number } | null; memory: ProcessMemory[]; error: string | null; heapMB: number | null };
  targets: Target[];
  options: typeof opts;
}

function sizeMB(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.size / 1048576;
  return readdirSync(p).reduce((n, e) => n + sizeMB(path.join(p, e)), 0);
}

/**
 * What a kept database must match to be reused by bench:search: the corpus and
 * the schema (migrations). Code changes elsewhere (parser, search) do not
 * invalidate it — other engineers change lib/ all the time and a 10,000-document
 * ingest takes a quarter of an hour; delete bench/out/db-N/ to force one.
 */
function sourceKey(corpus: Corpus): string {
  const h = createHash("sha256").update(`${corpus.dir}\n${corpus.docs}\n`);
  const manifest = path.join(out, `corpus-${corpus.docs}.json`);
  if (existsSync(manifest)) h.update(readFileSync(manifest));
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const e of readdirSync(p).sort()) if (e !== "generated" && !e.startsWith(".")) walk(path.join(p, e));
    } else {
      h.update(p).update(readFileSync(p));
    }
  };
  walk(path.join(root, "prisma", "sqlite", "migrations"));
  return h.digest("hex").slice(0, 16);
}

/** Keeps an ingested database for `npm run bench:search` (same corpus and sources). */
function cacheDatabase(run: IngestRun, corpus: Corpus): void {
  const dir = path.join(out, `db-${corpus.docs}`);
  rmSync(dir, { recursive: true, force: true });
  try {
    renameSync(run.dir, dir);
  } catch {
    cpSync(run.dir, dir, { recursive: true });
    rmSync(run.dir, { recursive: true, force: true });
  }
  writeFileSync(path.join(dir, "key.json"), JSON.stringify({ key: sourceKey(corpus), docs: corpus.docs }));
}

function cachedDatabase(corpus: Corpus): string | null {
  const dir = path.join(out, `db-${corpus.docs}`);
  try {
    const k = JSON.parse(readFileSync(path.join(dir, "key.json"), "utf8")) as { key: string };
    if (k.key === sourceKey(corpus) && existsSync(path.join(dir, "bench.db"))) return path.join(dir, "bench.db");
  } catch {
    // none
  }
  return null;
}

// ---- phases ------------------------------------------------------------------

async function peerFigure(peer: Peer, queries: BenchQuery[], policykb: SearchFigure): Promise<PeerFigure> {
  progress(`${peer.name}: built in ${peer.buildSeconds.toFixed(1)} s (${peer.sizeMB.toFixed(0)} MB); scoring the relevance set`);
  const failed = new Map<string, string>();
  const score = await scoreRelevance(loadRelevanceSet(), tolerant((q) => peer.search(q), failed));
  const timed = await timeQueries((q) => peer.search(q), queries, opts.rounds, opts.searchBudgetMs, peer.name);
  const l = timed.latency;
  return {
    p50Ms: l.p50Ms,
    p95Ms: l.p95Ms,
    p99Ms: l.p99Ms,
    recallAt10: score.recallAt10,
    recallAt5: score.recallAt5,
    buildSeconds: peer.buildSeconds,
    sizeMB: peer.sizeMB,
    rounds: timed.rounds,
    slowest: timed.slowest,
    errors: [...failed].map(([q, error]) => ({ q, error })).concat(timed.errors.filter((e) => !failed.has(e.q))),
    ratio: { p50: policykb.p50Ms / l.p50Ms, p95: policykb.p95Ms / l.p95Ms, recallAt10: policykb.recallAt10 / score.recallAt10 },
  };
}

/** PolicyKB's search() in this process (recall, then the timed mix; with --cpu-prof one more profiled pass). */
async function inProcessSearch(queries: BenchQuery[], label: string): Promise<SearchFigure> {
  progress(`${label}: search in-process: relevance set (warm-up) and ${queries.length} queries × ${opts.rounds} passes`);
  const { figure } = await searchFigure(loadRelevanceSet(), queries, opts.rounds, opts.searchBudgetMs, `${label} search`);
  if (opts.cpuProf) {
    const file = path.join(out, "prof", `search-${label}.cpuprofile`);
    await profiled(file, () => timeQueries(policykbHits, queries, 1, 0, `${label} search (profiled)`));
    console.log(printSummary(`CPU profile of in-process search, ${label} (${path.relative(root, file)})`, summarise(JSON.parse(readFileSync(file, "utf8")), 20)));
  }
  return figure;
}

interface HttpPhase {
  http: HttpFigure | null;
  error: string | null;
  /** The server's --max-old-space-size, when not Node's default. */
  heapMB: number | null;
  cold: number[];
  memory: ProcessMemory[];
  build: { built: boolean; seconds: number } | null;
}

const pathOf = (q: string) => `/api/search?q=${encodeURIComponent(q)}&limit=10`;

/** Cold starts, then HTTP load on the production server (and with --cpu-prof a profiled extra run). */
/**
 * The site is built (when stale) at the start of a run, so that the server runs
 * the same code as the in-process figures even while others edit the tree.
 */
async function httpPhase(dbFile: string, label: string, queries: BenchQuery[], coldRuns: number, prebuilt: BuildOutcome | null = null): Promise<HttpPhase> {
  const build = prebuilt ?? ensureBuild(root);
  if (!build.ok) return { http: null, error: "next build failed (bench/out/next-build.log)", heapMB: null, cold: [], memory: [], build };
  collectGarbage();
  let heap = opts.serverHeap;
  let firstError: string | null = null;
  for (;;) {
    try {
      const phase = await serve(dbFile, label, queries, coldRuns, build, heap);
      return { ...phase, error: firstError };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      progress(`${label}: HTTP phase failed${heap ? ` (server heap ${heap} MB)` : " (default server heap)"}: ${message}`);
      const oom = /heap out of memory|Reached heap limit|Allocation failed/i.test(message);
      if (oom && !heap && opts.retryHeap) {
        firstError = `with Node's default heap limit the server ran out of memory before answering (${message.slice(0, 160)}…); figures measured with --max-old-space-size=${opts.retryHeap}`;
        heap = opts.retryHeap;
        progress(`${label}: measuring again with --max-old-space-size=${heap}`);
        continue;
      }
      return { http: null, error: firstError ? `${firstError}; then: ${message}` : message, heapMB: heap || null, cold: [], memory: [], build };
    }
  }
}

async function serve(dbFile: string, label: string, queries: BenchQuery[], coldRuns: number, build: { built: boolean; seconds: number }, heap: number): Promise<HttpPhase> {
  const nodeArgs = () => (heap ? [`--max-old-space-size=${heap}`] : []);
  const cold: number[] = [];
  const starts = Math.max(1, coldRuns);
  let server = null;
  for (let i = 0; i < starts; i++) {
    server = await startServer(root, dbFile, label, nodeArgs());
    if (i < coldRuns) {
      cold.push(server.coldStartMs);
      progress(`${label}: cold start ${i + 1}/${coldRuns}: ${server.coldStartMs.toFixed(0)} ms to the first answered search`);
    }
    if (i < starts - 1) await stopServer(server);
  }
  if (!server) throw new Error("no server");
  let warmupNon200 = 0;
  const failures: string[] = [];
  for (const q of queries) {
    const r = await fetch(server.base + pathOf(q.q));
    const body = await r.text();
    if (r.status !== 200) {
      warmupNon200++;
      failures.push(`${q.q} → ${r.status} ${body.slice(0, 120)}`);
    }
  }
  progress(`${label}: HTTP warm-up done (${queries.length} queries, ${warmupNon200} not 200)${failures.length ? `: ${failures.slice(0, 5).join("; ")}` : ""}`);
  const runs: LoadResult[] = [];
  const paths = queries.map((q) => pathOf(q.q));
  for (let i = 0; i < opts.httpRuns; i++) {
    const r = await runLoad(root, { url: server.base, paths, connections: opts.connections, duration: opts.duration });
    runs.push(r);
    progress(`${label}: HTTP run ${i + 1}/${opts.httpRuns}: ${r.requests} answers, ${r.rps.toFixed(0)}/s, p50 ${r.p50Ms.toFixed(1)} ms, p95 ${r.p95Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms, non-2xx ${r.non2xx}, errors ${r.errors}`);
  }
  // The server's memory is read after the search load (the figure), and again after the floor
  // run: a flood of ~13,000 empty requests at 1,300/s is Next.js's garbage, not the index's.
  const memory = server.proc.pid ? memoryOf(server.proc.pid) : [];
  progress(`${label}: server memory after the search load: ${memory.map((m) => `${m.name} (pid ${m.pid}) peak ${m.hwmMB.toFixed(0)} MB, now ${m.rssMB.toFixed(0)} MB`).join("; ")}`);
  const floor = await runLoad(root, { url: server.base, paths: ["/api/search?q="], connections: opts.connections, duration: opts.duration, count: "all" });
  progress(`${label}: HTTP floor (GET /api/search?q= → 400, no search work): ${floor.rps.toFixed(0)}/s, p50 ${floor.p50Ms.toFixed(1)} ms, p95 ${floor.p95Ms.toFixed(1)} ms`);
  const afterFloor = server.proc.pid ? memoryOf(server.proc.pid) : [];
  progress(`${label}: server memory after the floor run too: ${afterFloor.map((m) => `${m.name} peak ${m.hwmMB.toFixed(0)} MB, now ${m.rssMB.toFixed(0)} MB`).join("; ")}`);
  floor.serverPeakMB = afterFloor.length ? Math.max(...afterFloor.map((m) => m.hwmMB)) : null;
  await stopServer(server);
  if (opts.cpuProf) {
    const dir = path.join(out, "prof", `server-${label}`);
    rmSync(dir, { recursive: true, force: true });
    const profiledServer = await startServer(root, dbFile, `${label}-prof`, [...nodeArgs(), "--cpu-prof", `--cpu-prof-dir=${dir}`]);
    for (const q of queries) await (await fetch(profiledServer.base + pathOf(q.q))).arrayBuffer();
    // Only the samples under load count: start, cold start and warm-up are other figures.
    const fromUs = profileClockUs();
    await runLoad(root, { url: profiledServer.base, paths, connections: opts.connections, duration: opts.duration });
    const toUs = profileClockUs();
    await stopServer(profiledServer);
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".cpuprofile")).map((f) => path.join(dir, f)) : [];
    const biggest = files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
    if (biggest) console.log(printSummary(`CPU profile of the server under load (steady state only), ${label} (${path.relative(root, biggest)})`, summarise(JSON.parse(readFileSync(biggest, "utf8")), 25, { fromUs, toUs })));
    else progress(`${label}: the server wrote no CPU profile`);
  }
  const http: HttpFigure = {
    p50Ms: median(runs.map((r) => r.p50Ms)),
    p95Ms: median(runs.map((r) => r.p95Ms)),
    p99Ms: median(runs.map((r) => r.p99Ms)),
    rps: median(runs.map((r) => r.rps)),
    connections: opts.connections,
    durationS: opts.duration,
    runs,
    warmupNon200,
    floor,
  };
  return { http, error: null, heapMB: heap || null, cold, memory, build };
}

// ---- output ------------------------------------------------------------------

const ms = (x: number | null | undefined) => fmt(x);
const status = (t: Target) => (t.met === null ? "–" : t.met ? "met" : "MISSED");

function report(r: Results): string {
  const lines: string[] = [];
  lines.push(`PolicyKB benchmark — ${r.docs.toLocaleString("en-US")} documents (${r.generatedDocs} generated + ${r.realDocs} real, ${r.corpusMB.toFixed(1)} MB), ${r.provisions.toLocaleString("en-US")} provisions; ${r.queries.total} queries (${r.queries.relevance} relevance + ${r.queries.generated} generated)`);
  if (r.serverWhen) lines.push(`server figures (HTTP, cold start, RSS) measured ${r.serverWhen} by --http-only on the same database; the rest ${r.when}`);
  lines.push(`machine: ${r.machine.cpus} × ${r.machine.model}, ${r.machine.memGB} GB, Node ${r.machine.node}; commit ${r.machine.commit ?? "?"}; load average at start ${(r.machine.loadAtStart ?? []).join(" ")}, at end ${(r.machine.loadAtEnd ?? []).join(" ")} (other work on the machine skews the figures)`);
  lines.push("");
  const s = r.search;
  const h = r.http;
  lines.push(
    table(
      ["figure", "value", "how"],
      [
        ["parse MB/s per core", fmt(r.parseMBps, 2), `median of ${r.parse.runs} runs over ${r.parse.sampleDocs} documents (${r.parse.sampleMB.toFixed(1)} MB)`],
        ["ingest documents/s", fmt(r.ingestDocsPerSec, 1), `parse + store + index, fresh DB, median of ${r.ingest.runs.length} (${r.ingest.runs.map((x) => `${x.seconds.toFixed(0)} s`).join(", ")}; indexed as stored: ${fmt(r.ingest.runs.at(-1)?.indexSeconds)} s indexing in all, ${fmt(r.ingest.runs.at(-1)?.afterStoreSeconds)} s of it after the last document${r.ingest.indexError ? "; indexing FAILED, index built by the bench in chunks" : ""})`],
        ["search p50 / p95 / p99 ms", `${ms(s.p50Ms)} / ${ms(s.p95Ms)} / ${ms(s.p99Ms)}`, `in-process search(), limit 10, median of ${s.rounds} passes; the engine loaded from its persisted copy, as a server has it`],
        ...(r.searchAfterIngest ? [["  on the engine the ingest built", `${ms(r.searchAfterIngest.p50Ms)} / ${ms(r.searchAfterIngest.p95Ms)} / ${ms(r.searchAfterIngest.p99Ms)}`, "the same, before reloading: its memory interleaved with the ingest's"]] : []),
        ["search recall@10 / @5 / MRR", `${fmt(s.recallAt10, 3)} / ${fmt(s.recallAt5, 3)} / ${fmt(s.mrr, 3)}`, "relevance set (lib/eval/relevance)"],
        ["HTTP p50 / p95 / p99 ms", h ? `${ms(h.p50Ms)} / ${ms(h.p95Ms)} / ${ms(h.p99Ms)}` : "–", h ? `GET /api/search, ${h.connections} connections, ${h.runs.length} × ${h.durationS} s` : "not run"],
        ["HTTP requests/s", h ? fmt(h.rps) : "–", h ? `median of ${h.runs.length}` : ""],
        ["HTTP floor p95 ms / req/s", h?.floor ? `${ms(h.floor.p95Ms)} / ${fmt(h.floor.rps)}` : "–", "same route answering 400 before any search work (Next.js alone)"],
        ["cold start ms", fmt(r.coldStartMs), `spawn next start → first /api/search 200, persisted index; median of ${r.coldStart.runs.length}`],
        ["server peak RSS MB", fmt(r.rssMB), `VmHWM of the next-server process after the search load (${fmt(h?.floor?.serverPeakMB ?? null)} after the floor run too)${r.server.heapMB ? ` (server run with --max-old-space-size=${r.server.heapMB})` : ""}`],
      ],
      "lrl",
    ),
  );
  lines.push("");
  const peerRows: string[][] = [["PolicyKB", ms(s.p50Ms), ms(s.p95Ms), ms(s.p99Ms), fmt(s.recallAt10, 3), fmt(r.ingest.runs.at(-1)?.indexSeconds), fmt(r.ingest.indexMB), "", "", ""]];
  for (const [name, p] of [["FTS5 trigram", r.peers.fts5], ["FTS5 + jieba", r.peers.fts5Jieba], ["MiniSearch", r.peers.minisearch]] as const) {
    if (p) peerRows.push([name, ms(p.p50Ms), ms(p.p95Ms), ms(p.p99Ms), fmt(p.recallAt10, 3), fmt(p.buildSeconds), fmt(p.sizeMB), fmt(p.ratio.p50, 3), fmt(p.ratio.p95, 3), fmt(p.ratio.recallAt10, 3)]);
  }
  lines.push(table(["engine (in-process)", "p50 ms", "p95 ms", "p99 ms", "recall@10", "build s", "size MB", "PolicyKB/peer p50", "p95", "recall@10"], peerRows));
  lines.push("");
  lines.push(table(["target", "want", "measured", ""], r.targets.map((t) => [t.name, t.want, fmt(t.value, t.name.startsWith("recall") ? 3 : undefined), status(t)]), "lrrl"));
  lines.push("");
  if (r.server.error) lines.push(`NOTE: server: ${r.server.error}`);
  if (r.search.errors?.length) lines.push(`NOTE: PolicyKB search threw on ${r.search.errors.length} of the queries (left out of the latencies, no hits for recall): ${r.search.errors.slice(0, 5).map((e) => `"${e.q}" → ${e.error}`).join("; ")}`);
  for (const [name, p] of Object.entries(r.peers)) if (p?.errors.length) lines.push(`NOTE: ${name} threw on ${p.errors.length} queries: ${p.errors.slice(0, 3).map((e) => `"${e.q}" → ${e.error}`).join("; ")}`);
  if (r.ingest.indexError) lines.push(`NOTE: indexing failed during this ingest ("${r.ingest.indexError}"); the index was built by the bench 500 documents at a time (timed as the index part of ingest).`);
  lines.push(`slowest queries in-process (median ms): ${s.slowest.slice(0, 6).map((x) => `${x.q} ${fmt(x.ms)}`).join(" · ")}`);
  if (r.peers.fts5) lines.push(`slowest for FTS5 (${r.queries.fts5LikeOnly} of ${r.queries.total} queries have only words under 3 characters: LIKE scans): ${r.peers.fts5.slowest.slice(0, 6).map((x) => `${x.q} ${fmt(x.ms)}`).join(" · ")}`);
  return lines.join("\n");
}

// ---- main --------------------------------------------------------------------

async function full(): Promise<void> {
  const m = machine();
  progress(`bench: ${docs} documents on ${m.cpus} × ${m.model}, ${m.memGB} GB, Node ${m.node}`);
  const real = readRealDocuments(root);
  const pool = await provisionPool(real);
  const relevance = loadRelevanceSet();
  const queries = queryMix(relevance, pool);
  const corpus = await ensureCorpus(root, docs, real, pool);
  const build = opts.http ? ensureBuild(root) : null;

  progress(`parse: ${opts.parseRuns} runs over a sample of the corpus`);
  const parse = await parseThroughput(corpus.files, opts.parseRuns);
  progress(`parse: ${parse.mbps.toFixed(2)} MB/s per core`);

  const runs: IngestRun[] = [];
  const ingestRuns = Math.max(1, opts.ingestRuns);
  for (let i = 0; i < ingestRuns; i++) {
    const label = `ingest ${i + 1}/${ingestRuns}`;
    progress(`${label}: ${corpus.docs} documents into a fresh database`);
    const run = await ingestOnce([corpus.dir], label);
    progress(`${label}: ${run.docs} documents, ${run.provisions} provisions in ${run.seconds.toFixed(1)} s (indexing ${run.indexSeconds.toFixed(1)} s, ${run.afterStoreSeconds.toFixed(1)} s of it after the last document) → ${(run.docs / run.seconds).toFixed(1)} documents/s; ${run.failed.length} failed`);
    for (const f of run.failed.slice(0, 5)) progress(`  failed: ${f.file}: ${f.reason}`);
    const previous = runs.at(-1);
    runs.push(run);
    if (previous) rmSync(previous.dir, { recursive: true, force: true });
  }
  const last = runs.at(-1)!;
  if (opts.cpuProf) {
    // A profiled ingest of 200 documents of the corpus into another fresh database.
    const step = Math.max(1, Math.floor(corpus.files.length / 200));
    const sample = corpus.files.filter((_, i) => i % step === 0).slice(0, 200);
    const file = path.join(out, "prof", `ingest-${docs}.cpuprofile`);
    const run = await profiled(file, () => ingestOnce(sample, "ingest (profiled)"), 1000);
    progress(`ingest (profiled): ${run.docs} documents in ${run.seconds.toFixed(1)} s → ${(run.docs / run.seconds).toFixed(1)} documents/s`);
    console.log(printSummary(`CPU profile of ingest, 200 documents (${path.relative(root, file)})`, summarise(JSON.parse(readFileSync(file, "utf8")), 25)));
    await useDatabase(last.dbFile);
    rmSync(run.dir, { recursive: true, force: true });
  }
  // The engine the ingest built in this process, its memory interleaved with the ingest's; then
  // the one a server answers from: loaded from the copy the ingest persisted (npm start serves
  // from a process of its own, as the HTTP figures below do). The second is the search figure.
  const afterIngest = await inProcessSearch(queries, `${docs} (engine built by the ingest)`);
  resetSearch();
  collectGarbage();
  await prepareIndex(`${docs}`);
  const search = await inProcessSearch(queries, `${docs}`);

  // The engine of this process is not needed by the peers: free its memory first.
  await closeDb();
  resetSearch();
  const peers: Results["peers"] = {};
  if (opts.peers) {
    progress("peers: loading the provisions of current documents");
    const records = await peerRecords();
    progress(`fts5: indexing ${records.length} provisions`);
    const fts = buildFts5(records, last.dir);
    peers.fts5 = await peerFigure(fts, queries, search);
    fts.close();
    rmSync(path.join(last.dir, "fts5.db"), { force: true });
    progress(`fts5-jieba: indexing ${records.length} provisions`);
    const jieba = buildFts5Jieba(records, last.dir);
    peers.fts5Jieba = await peerFigure(jieba, queries, search);
    jieba.close();
    rmSync(path.join(last.dir, "fts5-jieba.db"), { force: true });
    if (opts.minisearch) {
      progress(`minisearch: indexing ${records.length} provisions`);
      const mini = buildMiniSearch(records);
      peers.minisearch = await peerFigure(mini, queries, search);
      mini.close();
    }
  }
  await closeDb();
  resetSearch();

  const phase: HttpPhase = opts.http ? await httpPhase(last.dbFile, `${docs}`, queries, opts.coldRuns, build) : { http: null, error: "not run (--no-http)", heapMB: null, cold: [], memory: [], build: null };
  const results: Results = {
    when: new Date().toISOString(),
    docs: corpus.docs,
    generatedDocs: corpus.generated,
    realDocs: corpus.real,
    corpusMB: corpus.bytes / 1048576,
    provisions: last.provisions,
    queries: { total: queries.length, relevance: queries.filter((q) => q.source === "relevance").length, generated: queries.filter((q) => q.source === "generated").length, fts5LikeOnly: queries.filter((q) => likeOnly(q.q)).length },
    machine: m,
    parseMBps: parse.mbps,
    parse,
    ingestDocsPerSec: median(runs.map((r) => r.docs / r.seconds)),
    ingest: { runs: runs.map((r) => ({ seconds: r.seconds, indexSeconds: r.indexSeconds, afterStoreSeconds: r.afterStoreSeconds, docsPerSec: r.docs / r.seconds })), failed: last.failed.length, dbMB: sizeMB(last.dbFile) + sizeMB(`${last.dbFile}-wal`), indexMB: sizeMB(`${last.dbFile}.search`), indexError: last.indexError },
    search,
    searchAfterIngest: { p50Ms: afterIngest.p50Ms, p95Ms: afterIngest.p95Ms, p99Ms: afterIngest.p99Ms, maxMs: afterIngest.maxMs },
    http: phase.http,
    peers,
    coldStartMs: phase.cold.length ? median(phase.cold) : null,
    coldStart: { runs: phase.cold },
    rssMB: phase.memory.length ? Math.max(...phase.memory.map((x) => x.hwmMB)) : null,
    server: { build: phase.build, memory: phase.memory, error: phase.error, heapMB: phase.heapMB },
    targets: [],
    options: opts,
  };
  results.targets = targets(results);
  results.machine.loadAtEnd = loadavg().map((x) => Math.round(x * 100) / 100);
  console.log(report(results));
  const json = JSON.stringify(results, null, 2) + "\n";
  cacheDatabase(last, corpus);
  if (opts.cpuProf) {
    // Profiling slows the profiled passes only, but keep such runs apart from the figures of record.
    writeFileSync(path.join(out, `results-${docs}-prof.json`), json);
    progress(`wrote bench/out/results-${docs}-prof.json (a --cpu-prof run does not replace bench/results.json); profiles in bench/out/prof/`);
  } else {
    writeFileSync(path.join(root, "bench", "results.json"), json);
    writeFileSync(path.join(root, "bench", `results-${docs}.json`), json);
    progress(`wrote bench/results.json and bench/results-${docs}.json; database kept in bench/out/db-${docs}/ for npm run bench:search`);
    const plot = plotGrowth(root);
    if (plot) progress(`wrote ${path.relative(root, plot)} (every size measured so far)`);
  }
}

interface SearchOnly {
  label: string;
  docs: number;
  provisions: number;
  search: SearchFigure;
  http: HttpFigure | null;
  httpError: string | null;
  coldStartMs: number | null;
  rssMB: number | null;
  heapMB: number | null;
}

function searchOnlyEntry(label: string, docs: number, provisions: number, search: SearchFigure, phase: HttpPhase | null): SearchOnly {
  return {
    label,
    docs,
    provisions,
    search,
    http: phase?.http ?? null,
    httpError: phase?.error ?? null,
    coldStartMs: phase?.cold[0] ?? null,
    rssMB: phase?.memory.length ? Math.max(...phase.memory.map((x) => x.hwmMB)) : null,
    heapMB: phase?.heapMB ?? null,
  };
}

/**
 * Opens the search of a kept database; when lib/search cannot (its persisted
 * copy is of another format and a rebuild from the store fails on large
 * stores — P2029, see ingestOnce), builds it 500 documents at a time.
 */
async function prepareIndex(label: string): Promise<void> {
  try {
    await policykbHits("降成本");
  } catch (error) {
    progress(`${label}: search could not open its index (${error instanceof Error ? error.message.split("\n").filter(Boolean).at(-1) : String(error)}); building it 500 documents at a time`);
    resetSearch();
    await buildIndexInChunks();
  }
}

async function searchOnlyMain(): Promise<void> {
  const m = machine();
  const real = readRealDocuments(root);
  const pool = await provisionPool(real);
  const relevance = loadRelevanceSet();
  const queries = queryMix(relevance, pool);
  const done: SearchOnly[] = [];
  const build = opts.http ? ensureBuild(root) : null;

  progress("real corpus: ingesting content/ into a fresh database");
  const run = await ingestOnce([contentDir(root)], "ingest real");
  const realSearch = await inProcessSearch(queries, "real");
  await closeDb();
  resetSearch();
  const realHttp: HttpPhase | null = opts.http ? await httpPhase(run.dbFile, "real", queries, 1, build) : null;
  done.push(searchOnlyEntry(`real corpus (${run.docs} docs)`, run.docs, run.provisions, realSearch, realHttp));
  rmSync(run.dir, { recursive: true, force: true });

  if (docs > 0) {
    const corpus = await ensureCorpus(root, docs, real, pool);
    let dbFile = cachedDatabase(corpus);
    let provisions = 0;
    if (dbFile) {
      progress(`${docs}: using the database of the last bench run (bench/out/db-${docs}/)`);
      await useDatabase(dbFile);
      await migrate();
    } else {
      progress(`${docs}: no database from a bench run with the current sources; ingesting (not timed as a figure)`);
      const ingest = await ingestOnce([corpus.dir], `ingest ${docs}`);
      provisions = ingest.provisions;
      await closeDb();
      resetSearch();
      cacheDatabase(ingest, corpus);
      dbFile = path.join(out, `db-${docs}`, "bench.db");
      await useDatabase(dbFile);
    }
    await prepareIndex(`${docs}`);
    const search = await inProcessSearch(queries, `${docs}`);
    if (!provisions) {
      const Database = (await import("better-sqlite3")).default;
      const db = new Database(dbFile, { readonly: true });
      provisions = (db.prepare("SELECT COUNT(*) AS n FROM Provision p JOIN Document d ON d.id = p.documentId WHERE d.isCurrent = 1").get() as { n: number }).n;
      db.close();
    }
    await closeDb();
    resetSearch();
    const http: HttpPhase | null = opts.http ? await httpPhase(dbFile, `${docs}`, queries, 1, build) : null;
    done.push(searchOnlyEntry(`${docs.toLocaleString("en-US")} docs`, docs, provisions, search, http));
  }

  m.loadAtEnd = loadavg().map((x) => Math.round(x * 100) / 100);
  console.log(`PolicyKB search benchmark — ${queries.length} queries; ${m.cpus} × ${m.model}, Node ${m.node}; load average at start ${m.loadAtStart.join(" ")}, at end ${m.loadAtEnd.join(" ")}\n`);
  const col = (f: (x: SearchOnly) => string) => done.map(f);
  console.log(
    table(
      ["figure", ...done.map((d) => d.label)],
      [
        ["provisions", ...col((d) => d.provisions.toLocaleString("en-US"))],
        ["in-process p50 ms", ...col((d) => ms(d.search.p50Ms))],
        ["in-process p95 ms", ...col((d) => ms(d.search.p95Ms))],
        ["in-process p99 ms", ...col((d) => ms(d.search.p99Ms))],
        ["recall@10", ...col((d) => fmt(d.search.recallAt10, 3))],
        [`HTTP p50 ms (${opts.connections} conc.)`, ...col((d) => ms(d.http?.p50Ms))],
        [`HTTP p95 ms (${opts.connections} conc.)`, ...col((d) => ms(d.http?.p95Ms))],
        [`HTTP p99 ms (${opts.connections} conc.)`, ...col((d) => ms(d.http?.p99Ms))],
        ["HTTP requests/s", ...col((d) => fmt(d.http?.rps))],
        ["HTTP floor p95 ms (no search)", ...col((d) => ms(d.http?.floor?.p95Ms))],
        ["HTTP floor requests/s", ...col((d) => fmt(d.http?.floor?.rps))],
        ["cold start ms (one start)", ...col((d) => fmt(d.coldStartMs))],
        ["server peak RSS MB", ...col((d) => `${fmt(d.rssMB)}${d.heapMB ? ` (heap limit ${d.heapMB} MB)` : ""}`)],
      ],
    ),
  );
  for (const d of done) if (d.httpError) console.log(`NOTE: ${d.label}: server: ${d.httpError}`);
  for (const d of done) if (d.search.errors.length) console.log(`NOTE: ${d.label}: search threw on ${d.search.errors.length} queries: ${d.search.errors.slice(0, 5).map((e) => `"${e.q}" → ${e.error}`).join("; ")}`);
  writeFileSync(path.join(root, "bench", "search-results.json"), JSON.stringify({ when: new Date().toISOString(), machine: m, options: opts, results: done }, null, 2) + "\n");
  progress("wrote bench/search-results.json");
}

/** --http-only: the server figures again on the kept database, merged into the last results at this size. */
async function httpOnlyMain(): Promise<void> {
  const real = readRealDocuments(root);
  const pool = await provisionPool(real);
  const queries = queryMix(loadRelevanceSet(), pool);
  const corpus = await ensureCorpus(root, docs, real, pool);
  const dbFile = cachedDatabase(corpus);
  const file = path.join(root, "bench", `results-${docs}.json`);
  if (!dbFile || !existsSync(file)) {
    console.error(`bench: --http-only needs the database and results of a full run at ${docs} documents (npm run bench -- --docs ${docs})`);
    process.exit(2);
  }
  const results = JSON.parse(readFileSync(file, "utf8")) as Results;
  await useDatabase(dbFile);
  await migrate();
  await prepareIndex(`${docs}`);
  await closeDb();
  resetSearch();
  const phase = await httpPhase(dbFile, `${docs}`, queries, opts.coldRuns);
  if (!phase.http) {
    console.error(`bench: the server figures could not be measured: ${phase.error}`);
    process.exit(1);
  }
  results.serverWhen = new Date().toISOString();
  results.http = phase.http;
  results.coldStartMs = phase.cold.length ? median(phase.cold) : null;
  results.coldStart = { runs: phase.cold };
  results.rssMB = phase.memory.length ? Math.max(...phase.memory.map((x) => x.hwmMB)) : null;
  results.server = { build: phase.build, memory: phase.memory, error: phase.error, heapMB: phase.heapMB };
  results.options = { ...results.options, http: true };
  results.targets = targets(results);
  console.log(report(results));
  const json = JSON.stringify(results, null, 2) + "\n";
  writeFileSync(file, json);
  const latest = path.join(root, "bench", "results.json");
  if (!existsSync(latest) || (JSON.parse(readFileSync(latest, "utf8")) as Results).docs === docs) writeFileSync(latest, json);
  progress(`merged the server figures into ${path.relative(root, file)}`);
}

/** The PostgreSQL server of --pg: --database, else a throwaway local cluster (scripts/pg/cluster.sh). */
function pgServer(): string {
  const at = argv.indexOf("--database");
  if (at >= 0 && argv[at + 1]) return argv[at + 1]!;
  const started = spawnSync("bash", [path.join(root, "scripts", "pg", "cluster.sh"), "start"], { encoding: "utf8" });
  if (started.status !== 0) throw new Error(`scripts/pg/cluster.sh start failed: ${started.stderr}`);
  return started.stdout.trim().split("\n").at(-1)!;
}

/** Runs SQL on a PostgreSQL URL; returns the rows. */
async function pgQuery(url: string, text: string): Promise<Array<Record<string, unknown>>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as Array<Record<string, unknown>>;
  } finally {
    await client.end();
  }
}

/**
 * --pg: the same corpus and queries on three engines side by side, in one
 * run: the embedded engine and the FTS5 peers on the kept SQLite database
 * of the last full run at N documents (ingested now when there is none), and
 * search inside PostgreSQL (POLICYKB_SEARCH=postgres) on a fresh database the
 * corpus is ingested into — with the bigram tsvector, then with pg_trgm.
 */
async function pgMain(): Promise<void> {
  const m = machine();
  const real = readRealDocuments(root);
  const pool = await provisionPool(real);
  const relevance = loadRelevanceSet();
  const queries = queryMix(relevance, pool);
  const corpus = await ensureCorpus(root, docs, real, pool);
  const server = pgServer();
  delete process.env.POLICYKB_SEARCH;
  delete process.env.POLICYKB_PG_INDEX;

  // Embedded and FTS5 on SQLite.
  let dbFile = cachedDatabase(corpus);
  if (!dbFile) {
    progress(`${docs}: no database from a full run; ingesting into SQLite (not timed as a figure)`);
    const run = await ingestOnce([corpus.dir], `ingest ${docs} (SQLite)`);
    await closeDb();
    resetSearch();
    cacheDatabase(run, corpus);
    dbFile = path.join(out, `db-${docs}`, "bench.db");
  }
  await useDatabase(dbFile);
  await migrate();
  await prepareIndex(`${docs}`);
  const embedded = await inProcessSearch(queries, `${docs} embedded`);
  await closeDb();
  resetSearch();
  await useDatabase(dbFile);
  const records = await peerRecords();
  const fts = buildFts5(records, path.dirname(dbFile));
  const fts5 = await peerFigure(fts, queries, embedded);
  fts.close();
  rmSync(path.join(path.dirname(dbFile), "fts5.db"), { force: true });
  const jiebaPeer = buildFts5Jieba(records, path.dirname(dbFile));
  const fts5Jieba = await peerFigure(jiebaPeer, queries, embedded);
  jiebaPeer.close();
  rmSync(path.join(path.dirname(dbFile), "fts5-jieba.db"), { force: true });
  records.length = 0;
  await closeDb();
  resetSearch();

  // PostgreSQL: a fresh database, the corpus ingested with search rows written as documents are stored.
  const name = `policykb_bench_${docs}`;
  await pgQuery(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await pgQuery(server, `CREATE DATABASE ${name}`);
  const u = new URL(server);
  u.pathname = `/${name}`;
  const url = u.toString();
  process.env.DATABASE_URL = url;
  process.env.POLICYKB_SEARCH = "postgres";
  await migrate();
  progress(`postgres: ingesting ${corpus.docs} documents into ${name}`);
  const t0 = performance.now();
  const summary = await ingestPaths([corpus.dir], { quiet: true });
  const storeSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  await documentStored(...summary.outcomes);
  const rowSeconds = (performance.now() - t1) / 1000;
  progress(`postgres: stored in ${storeSeconds.toFixed(1)} s, search rows written in ${rowSeconds.toFixed(1)} s`);
  const sizes = (await pgQuery(url, `SELECT pg_total_relation_size('"ProvisionSearch"') AS search, pg_database_size(current_database()) AS db, (SELECT count(*) FROM "ProvisionSearch") AS rows`))[0]!;
  const inPg: Record<string, SearchFigure> = {};
  for (const index of ["bigrams", "trgm"] as const) {
    process.env.POLICYKB_PG_INDEX = index;
    resetSearch();
    inPg[index] = await inProcessSearch(queries, `${docs} postgres ${index}`);
  }
  await closeDb();
  resetSearch();
  delete process.env.POLICYKB_SEARCH;
  delete process.env.POLICYKB_PG_INDEX;
  m.loadAtEnd = loadavg().map((x) => Math.round(x * 100) / 100);
  const row = (label: string, f: { p50Ms: number; p95Ms: number; p99Ms: number; recallAt10: number; recallAt5: number }, extra = "") => [label, ms(f.p50Ms), ms(f.p95Ms), ms(f.p99Ms), fmt(f.recallAt10, 3), fmt(f.recallAt5, 3), extra];
  console.log(`PolicyKB search in PostgreSQL — ${corpus.docs.toLocaleString("en-US")} documents, ${Number(sizes.rows).toLocaleString("en-US")} provisions; ${queries.length} queries, in-process, one at a time; ${m.cpus} × ${m.model}, load average ${m.loadAtStart.join(" ")} → ${m.loadAtEnd.join(" ")}\n`);
  console.log(
    table(
      ["engine", "p50 ms", "p95 ms", "p99 ms", "recall@10", "recall@5", "note"],
      [
        row("PolicyKB embedded (SQLite store)", embedded, `MRR ${fmt(embedded.mrr, 3)}`),
        row("PostgreSQL, GIN over bigram tsvector", inPg.bigrams!, `MRR ${fmt(inPg.bigrams!.mrr, 3)}`),
        row("PostgreSQL, GIN pg_trgm (LIKE)", inPg.trgm!, `MRR ${fmt(inPg.trgm!.mrr, 3)}`),
        row("SQLite FTS5 trigram", fts5),
        row("SQLite FTS5 + jieba", fts5Jieba),
      ],
    ),
  );
  console.log(`\npostgres: ingest ${(corpus.docs / storeSeconds).toFixed(1)} documents/s (store only), search rows ${rowSeconds.toFixed(1)} s; ProvisionSearch ${(Number(sizes.search) / 1048576).toFixed(0)} MB of a ${(Number(sizes.db) / 1048576).toFixed(0)} MB database`);
  for (const [label, f] of [["bigrams", inPg.bigrams!], ["trgm", inPg.trgm!]] as const) console.log(`slowest in PostgreSQL (${label}): ${f.slowest.slice(0, 6).map((x) => `${x.q} ${fmt(x.ms)}`).join(" · ")}`);
  const json = { when: new Date().toISOString(), docs: corpus.docs, provisions: Number(sizes.rows), machine: m, embedded, postgres: { ...inPg, storeSeconds, rowSeconds, searchTableMB: Number(sizes.search) / 1048576, databaseMB: Number(sizes.db) / 1048576 }, peers: { fts5, fts5Jieba } };
  writeFileSync(path.join(root, "bench", `results-pg-${docs}.json`), JSON.stringify(json, null, 2) + "\n");
  progress(`wrote bench/results-pg-${docs}.json (database ${name} left on the server)`);
}

(pgOnly ? pgMain() : httpOnly ? httpOnlyMain() : searchOnly ? searchOnlyMain() : full())
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  });
