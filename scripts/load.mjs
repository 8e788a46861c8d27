#!/usr/bin/env node
// `npm run load`: drives the production site with autocannon on loopback — a
// mix of real searches (the queries of tests/search/relevance.json against
// /api/search) and reader pages (/documents/<slug>) — with 50 connections for
// 30 s, then prints requests/s and latency p50/p95/p99. The mix starts once
// every connection is open and has answered one probe (GET /api/health); the
// probes' times are reported apart, as each connection's first answer. Fails
// (exit 1) on any error, timeout (probes included) or non-2xx answer.
//
// Unless --url is given it builds the site when stale (NEXT_DIST_DIR is
// honoured), ingests content/ into a database and starts --servers app
// servers (default 1) on free ports, the connections spread over them. The
// database is a new SQLite file in a temp folder, or --database URL (e.g. a
// PostgreSQL database all the servers share; content/ is ingested into it,
// idempotently). --during-ingest runs `policykb ingest` of --docs generated
// documents into the same database while the load runs: reads must keep
// answering. --url takes running servers instead, comma-separated.
//
//   node scripts/load.mjs [--duration 30] [--connections 50] [--servers 1] [--database URL]
//                         [--url http://127.0.0.1:3000[,http://127.0.0.1:3001]]
//                         [--during-ingest] [--docs 300] [--timeout 10] [--json]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { checkStore, storeProblems } from "./stress/lib/integrity.mjs";
import { cliChild, contentSlugs, copyContent, dbFile, ensureBuild, memoryOf, options, prepareContent, random, relevanceQueries, siteEnv, startServer, stopServer } from "./stress/lib/site.mjs";

const opts = options({ duration: 30, connections: 50, url: "", servers: 1, database: "", "during-ingest": false, docs: 300, timeout: 10, seed: 1, json: false });
const log = (s) => process.stderr.write(`${s}\n`);
/** Each connection's first request; the mix starts when every connection has answered it (see below). */
const PROBE = "/api/health";

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
  const given = opts.url ? String(opts.url).split(",").map((u) => u.trim().replace(/\/$/, "")) : [];
  for (const url of given) if (!loopback(url)) throw new Error(`--url must be a loopback address (127.0.0.1, localhost, ::1), got ${url}`);
  if (opts["during-ingest"] && given.length) throw new Error("--during-ingest needs the script's own servers (leave out --url)");
  const count = Number(opts.servers);
  if (!Number.isInteger(count) || count < 1 || count > 8) throw new Error(`--servers must be 1 to 8, got ${opts.servers}`);
  if (opts.database && !/^(?:file:|postgres(?:ql)?:\/\/)/.test(opts.database)) throw new Error(`--database must be a file: or postgres:// URL, got ${opts.database}`);
  const servers = [];
  let dir = null;
  let env = null;
  let bases = given;
  try {
    if (!bases.length) {
      ensureBuild(log);
      dir = mkdtempSync(path.join(tmpdir(), "policykb-load-"));
      env = siteEnv(dir, opts.database ? { DATABASE_URL: opts.database } : {});
      log(`load: ingesting content/ into ${opts.database ? "the --database" : dbFile(env)}`);
      prepareContent(env);
      for (let i = 0; i < count; i++) {
        // Each server its own index folder, as on separate machines.
        const server = await startServer({ ...env, POLICYKB_DATA: path.join(dir, `data-${i}`) });
        servers.push(server);
        log(`load: server ${i + 1} on ${server.base} (pid ${server.child.pid}, up in ${server.startMs} ms)`);
      }
      bases = servers.map((s) => s.base);
    }
    const base = bases[0];
    const health = await (await fetch(`${base}/api/health`)).json();
    const queries = relevanceQueries();
    const slugs = given.length ? (await (await fetch(`${base}/api/documents`)).json()).map((d) => d.slug) : contentSlugs();
    const rnd = random(opts.seed);
    const pick = (list) => list[Math.floor(rnd() * list.length)];
    /** Two searches to one reader page. */
    const nextPath = () => (rnd() < 2 / 3 ? `/api/search?q=${encodeURIComponent(pick(queries))}&limit=10` : `/documents/${encodeURIComponent(pick(slugs))}`);

    // Warm-up (not measured): every reader page and some searches once, so JIT and caches are warm.
    const warmStart = Date.now();
    for (const b of bases) {
      for (const slug of slugs) await (await fetch(`${b}/documents/${encodeURIComponent(slug)}`)).arrayBuffer();
      for (const q of queries.slice(0, 20)) await (await fetch(`${b}/api/search?q=${encodeURIComponent(q)}`)).arrayBuffer();
    }
    log(`load: warmed up in ${Date.now() - warmStart} ms`);

    let ingest = null;
    if (opts["during-ingest"]) {
      const docs = copyContent(path.join(dir, "docs"), opts.docs);
      let done = 0;
      ingest = { started: Date.now(), run: cliChild(["ingest", docs], env, (line) => (done = Number(line.match(/^\[(\d+)\//)?.[1] ?? done))), done: () => done };
      log(`load: ingesting ${opts.docs} generated documents in parallel (pid ${ingest.run.child.pid})`);
    }

    // Connections first, then the load. autocannon opens all its connections
    // within a few milliseconds and sends a request on each at once, but the
    // server accepts one waiting connection per event-loop turn (libuv in Node
    // 20), and each turn also serves every accepted connection whose request
    // is ready: with k connections busy, a turn lasts about k requests' work
    // (100–800 ms in this mix). When the first requests get in before the
    // burst has been accepted, the last connections wait in the kernel's
    // accept queue for ~10 s and time out, although their requests then take
    // milliseconds. So each connection first sends one probe (GET /api/health)
    // and then waits, idle, until every connection has been answered; then the
    // mix starts on all of them. The figures are those of N connected clients;
    // the burst is reported on its own (first answers, connect time).
    const connections = Number(opts.connections);
    const latencies = { search: [], reader: [], first: [] };
    const seen = new Set();
    const statuses = new Map();
    let probes = 0;
    let loadStarted = null;
    /** Connections answered and holding their next request, with autocannon's own send of each. */
    const holding = new Map();
    /** autocannon's setupClient: wraps the send of a connection (autocannon 8.0.0's Client sends through _doRequest). */
    const holdUntilAllAnswered = (client) => {
      const send = client._doRequest;
      if (typeof send !== "function") throw new Error("autocannon's Client has no _doRequest: load.mjs holds connections through it (written for autocannon 8.0.0)");
      client._doRequest = function () {
        if (loadStarted === null && seen.has(this)) holding.set(this, send);
        else send.call(this);
      };
    };
    log(`load: ${connections} connections for ${opts.duration} s against ${bases.join(", ")} (${queries.length} queries, ${slugs.length} documents; ${health.documents} documents, ${health.provisions} provisions stored)`);
    const started = performance.now();
    const instance = autocannon({
      // Several servers: autocannon spreads the connections over them (as a load balancer would).
      url: bases.length > 1 ? bases : base,
      connections,
      duration: opts.duration,
      timeout: opts.timeout,
      setupClient: holdUntilAllAnswered,
      requests: [
        {
          method: "GET",
          setupRequest: (request) => ({ ...request, path: loadStarted === null ? PROBE : nextPath() }),
        },
      ],
    });
    instance.on("response", (client, statusCode, _bytes, responseTime) => {
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
      // The request just answered is still the client's current one: its buffer starts "GET /path HTTP/1.1".
      const line = client.requestIterator?.currentRequest?.requestBuffer?.toString("latin1", 0, 64) ?? "";
      if (line.startsWith(`GET ${PROBE} `)) {
        probes++;
        // A connection's first answer also waits for the server to accept it.
        if (!seen.has(client)) {
          seen.add(client);
          latencies.first.push(responseTime);
          if (seen.size === connections) {
            loadStarted = performance.now();
            for (const [held, send] of holding) send.call(held);
            holding.clear();
          }
        }
        return;
      }
      latencies[line.startsWith("GET /api/search") ? "search" : "reader"].push(responseTime);
    });
    const result = await instance;
    const loadSeconds = loadStarted === null ? 0 : (performance.now() - loadStarted) / 1000;

    let ingestOutcome = null;
    if (ingest) {
      const exit = await ingest.run.exited;
      ingestOutcome = { exit: exit.code, documents: ingest.done(), seconds: (Date.now() - ingest.started) / 1000 };
      if (exit.code !== 0) log(`load: the parallel ingest exited ${exit.code}${exit.signal ? ` (${exit.signal})` : ""}; its last lines:\n${exit.tail.map((l) => `  ${l}`).join("\n")}`);
    }
    const all = [...latencies.search, ...latencies.reader].sort((a, b) => a - b);
    const summary = (list) => {
      const sorted = [...list].sort((a, b) => a - b);
      return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
    };
    const figures = {
      url: bases.join(","),
      servers: bases.length,
      database: opts.database ? (/^postgres/.test(opts.database) ? "postgresql" : "sqlite") : given.length ? "unknown" : "sqlite",
      connections: opts.connections,
      durationSeconds: result.duration,
      connectMs: loadStarted === null ? null : loadStarted - started,
      loadSeconds,
      probes,
      requests: all.length,
      requestsPerSecond: loadSeconds ? all.length / loadSeconds : 0,
      throughputMBps: result.throughput.average / 1048576,
      latencyMs: summary(all),
      searchLatencyMs: summary(latencies.search),
      readerLatencyMs: summary(latencies.reader),
      firstAnswerLatencyMs: summary(latencies.first),
      statuses: Object.fromEntries(statuses),
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      serverMemory: servers.map((s) => memoryOf(s.child.pid)),
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
      // The integrity check reads an SQLite file; on PostgreSQL the store tests cover it.
      if (env.DATABASE_URL.startsWith("file:")) problems.push(...storeProblems(checkStore(dbFile(env))));
    }

    const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(0)} ms` : "–");
    const line = (name, s) => `${name.padEnd(7)} ${String(s.count).padStart(7)} req  p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}  max ${ms(s.max)}`;
    if (opts.json) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    else {
      process.stdout.write(
        [
          `load: ${figures.requests} requests in ${figures.loadSeconds.toFixed(1)} s = ${figures.requestsPerSecond.toFixed(1)} requests/s (${opts.connections} connections, ${bases.length} server${bases.length > 1 ? "s" : ""}, ${figures.database}${ingest ? `, during an ingest of ${opts.docs} documents` : ""})`,
          line("all", figures.latencyMs),
          line("search", figures.searchLatencyMs),
          line("reader", figures.readerLatencyMs),
          line("first", figures.firstAnswerLatencyMs) + `  (each connection's first answer, a probe of ${PROBE}: includes waiting to be accepted; all answered in ${ms(figures.connectMs ?? NaN)})`,
          `errors ${figures.errors}, timeouts ${figures.timeouts}, non-2xx ${figures.non2xx}; statuses ${JSON.stringify(figures.statuses)}`,
          ...figures.serverMemory.map((m, i) => (m ? `server ${i + 1} RSS ${m.rssMb.toFixed(0)} MB, peak ${m.peakMb.toFixed(0)} MB` : `server ${i + 1}: memory not readable`)),
          ...(ingestOutcome ? [`parallel ingest: exit ${ingestOutcome.exit}, ${ingestOutcome.documents} documents in ${ingestOutcome.seconds.toFixed(1)} s; the server then reported ${figures.documentsAfter} documents`] : []),
          problems.length ? `FAILED: ${problems.join("; ")}` : "ok: 0 errors, 0 timeouts",
        ].join("\n") + "\n",
      );
    }
    return problems.length ? 1 : 0;
  } finally {
    await Promise.all(servers.map((s) => stopServer(s)));
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
