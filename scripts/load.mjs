#!/usr/bin/env node
// `npm run load`: drives the production site with autocannon on loopback — a
// mix of real searches (the queries of tests/search/relevance.json against
// /api/search) and reader pages (/documents/<slug>) — with 50 connections for
// 30 s, then prints requests/s and latency p50/p95/p99. Fails (exit 1) on any
// error, timeout or non-2xx answer.
//
// Unless --url is given it builds the site when stale (NEXT_DIST_DIR is
// honoured), ingests content/ into a temp database and starts its own server
// on a free port. --during-ingest runs `policykb ingest` of --docs generated
// documents into the same database while the load runs: reads must keep
// answering.
//
//   node scripts/load.mjs [--duration 30] [--connections 50] [--url http://127.0.0.1:3000]
//                         [--during-ingest] [--docs 300] [--timeout 10] [--json]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { checkStore, storeProblems } from "./stress/lib/integrity.mjs";
import { cliChild, contentSlugs, copyContent, dbFile, ensureBuild, memoryOf, options, prepareContent, random, relevanceQueries, siteEnv, startServer, stopServer } from "./stress/lib/site.mjs";

const opts = options({ duration: 30, connections: 50, url: "", "during-ingest": false, docs: 300, timeout: 10, seed: 1, json: false });
const log = (s) => process.stderr.write(`${s}\n`);

/** Loopback only: this is a load generator, never pointed at someone else's server. */
function loopback(url) {
  const host = new URL(url).hostname;
  return host === "127.0.0.1" || host === "localhost" || host === "[::1]" || host === "::1";
}

/** p-th percentile (0–100) of sorted numbers. */
function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function main() {
  if (opts.url && !loopback(opts.url)) throw new Error(`--url must be a loopback address (127.0.0.1, localhost, ::1), got ${opts.url}`);
  if (opts["during-ingest"] && opts.url) throw new Error("--during-ingest needs the script's own server (leave out --url)");
  let server = null;
  let dir = null;
  let env = null;
  let base = opts.url.replace(/\/$/, "");
  try {
    if (!base) {
      ensureBuild(log);
      dir = mkdtempSync(path.join(tmpdir(), "policykb-load-"));
      env = siteEnv(dir);
      log(`load: ingesting content/ into ${dbFile(env)}`);
      prepareContent(env);
      server = await startServer(env);
      base = server.base;
      log(`load: server on ${base} (pid ${server.child.pid}, up in ${server.startMs} ms)`);
    }
    const health = await (await fetch(`${base}/api/health`)).json();
    const queries = relevanceQueries();
    const slugs = opts.url ? (await (await fetch(`${base}/api/documents`)).json()).map((d) => d.slug) : contentSlugs();
    const rnd = random(opts.seed);
    const pick = (list) => list[Math.floor(rnd() * list.length)];
    /** Two searches to one reader page. */
    const nextPath = () => (rnd() < 2 / 3 ? `/api/search?q=${encodeURIComponent(pick(queries))}&limit=10` : `/documents/${encodeURIComponent(pick(slugs))}`);

    // Warm-up (not measured): every reader page and some searches once, so JIT and caches are warm.
    const warmStart = Date.now();
    for (const slug of slugs) await (await fetch(`${base}/documents/${encodeURIComponent(slug)}`)).arrayBuffer();
    for (const q of queries.slice(0, 20)) await (await fetch(`${base}/api/search?q=${encodeURIComponent(q)}`)).arrayBuffer();
    log(`load: warmed up in ${Date.now() - warmStart} ms`);

    let ingest = null;
    if (opts["during-ingest"]) {
      const docs = copyContent(path.join(dir, "docs"), opts.docs);
      let done = 0;
      ingest = { started: Date.now(), run: cliChild(["ingest", docs], env, (line) => (done = Number(line.match(/^\[(\d+)\//)?.[1] ?? done))), done: () => done };
      log(`load: ingesting ${opts.docs} generated documents in parallel (pid ${ingest.run.child.pid})`);
    }

    const latencies = { search: [], reader: [], first: [], steady: [] };
    const seen = new Set();
    const statuses = new Map();
    log(`load: ${opts.connections} connections for ${opts.duration} s against ${base} (${queries.length} queries, ${slugs.length} documents; ${health.documents} documents, ${health.provisions} provisions stored)`);
    const instance = autocannon({
      url: base,
      connections: opts.connections,
      duration: opts.duration,
      timeout: opts.timeout,
      requests: [
        {
          method: "GET",
          setupRequest: (request) => ({ ...request, path: nextPath() }),
        },
      ],
    });
    instance.on("response", (client, statusCode, _bytes, responseTime) => {
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
      // The request just answered is still the client's current one: its buffer starts "GET /path HTTP/1.1".
      const line = client.requestIterator?.currentRequest?.requestBuffer?.toString("latin1", 0, 64) ?? "";
      const kind = line.startsWith("GET /api/search") ? "search" : "reader";
      latencies[kind].push(responseTime);
      // A connection's first answer also waits for the server to accept it:
      // a saturated Node server accepts one new connection per event-loop turn.
      if (seen.has(client)) latencies.steady.push(responseTime);
      else {
        seen.add(client);
        latencies.first.push(responseTime);
      }
    });
    const result = await instance;

    let ingestOutcome = null;
    if (ingest) {
      const exit = await ingest.run.exited;
      ingestOutcome = { exit: exit.code, documents: ingest.done(), seconds: (Date.now() - ingest.started) / 1000 };
    }
    const all = [...latencies.search, ...latencies.reader].sort((a, b) => a - b);
    const summary = (list) => {
      const sorted = [...list].sort((a, b) => a - b);
      return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
    };
    const figures = {
      url: base,
      connections: opts.connections,
      durationSeconds: result.duration,
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      throughputMBps: result.throughput.average / 1048576,
      latencyMs: summary(all),
      searchLatencyMs: summary(latencies.search),
      readerLatencyMs: summary(latencies.reader),
      steadyLatencyMs: summary(latencies.steady),
      firstAnswerLatencyMs: summary(latencies.first),
      statuses: Object.fromEntries(statuses),
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      serverMemory: server ? memoryOf(server.child.pid) : null,
      ingest: ingestOutcome,
    };
    const problems = [];
    if (figures.errors) problems.push(`${figures.errors} errors`);
    if (figures.timeouts) problems.push(`${figures.timeouts} timeouts`);
    if (figures.non2xx) problems.push(`${figures.non2xx} non-2xx answers (${JSON.stringify(figures.statuses)})`);
    if (!figures.requests) problems.push("no request answered");
    if (ingestOutcome && ingestOutcome.exit !== 0) problems.push(`the parallel ingest exited ${ingestOutcome.exit}`);
    if (ingest) {
      const after = await (await fetch(`${base}/api/health`)).json();
      figures.documentsAfter = after.documents;
      const store = checkStore(dbFile(env));
      problems.push(...storeProblems(store));
    }

    const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(0)} ms` : "–");
    const line = (name, s) => `${name.padEnd(7)} ${String(s.count).padStart(7)} req  p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}  max ${ms(s.max)}`;
    if (opts.json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    else {
      process.stdout.write(
        [
          `load: ${figures.requests} requests in ${figures.durationSeconds} s = ${figures.requestsPerSecond.toFixed(1)} requests/s (${opts.connections} connections${ingest ? `, during an ingest of ${opts.docs} documents` : ""})`,
          line("all", figures.latencyMs),
          line("search", figures.searchLatencyMs),
          line("reader", figures.readerLatencyMs),
          line("steady", figures.steadyLatencyMs) + "  (without each connection's first answer)",
          line("first", figures.firstAnswerLatencyMs) + "  (each connection's first answer: includes waiting to be accepted)",
          `errors ${figures.errors}, timeouts ${figures.timeouts}, non-2xx ${figures.non2xx}; statuses ${JSON.stringify(figures.statuses)}`,
          ...(figures.serverMemory ? [`server RSS ${figures.serverMemory.rssMb.toFixed(0)} MB, peak ${figures.serverMemory.peakMb.toFixed(0)} MB`] : []),
          ...(ingestOutcome ? [`parallel ingest: exit ${ingestOutcome.exit}, ${ingestOutcome.documents} documents in ${ingestOutcome.seconds.toFixed(1)} s; the server then reported ${figures.documentsAfter} documents`] : []),
          problems.length ? `FAILED: ${problems.join("; ")}` : "ok: 0 errors, 0 timeouts",
        ].join("\n") + "\n",
      );
    }
    return problems.length ? 1 : 0;
  } finally {
    await stopServer(server);
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    log(`load: ${error.message}`);
    process.exitCode = 1;
  },
);
