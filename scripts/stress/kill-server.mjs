#!/usr/bin/env node
// Crash and restart of the site under load: the production server (its own
// temp database, content/ ingested) answers autocannon on /api/search (the
// queries of tests/search/relevance.json) while documents are uploaded
// through POST /api/documents; it is killed with SIGKILL at a random moment,
// then restarted. After every kill the database must pass PRAGMA
// integrity_check and hold only whole documents; after every restart
// /api/health must answer with at least the documents stored before, a
// search must find hits, and a short load must see 0 errors.
//
//   node scripts/stress/kill-server.mjs [--rounds 3] [--duration 8] [--connections 20] [--seed N] [--keep]
import { Blob } from "node:buffer";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import autocannon from "autocannon";
import { checkStore, storeProblems } from "./lib/integrity.mjs";
import { copyContent, dbFile, ensureBuild, killGroup, options, prepareContent, random, relevanceQueries, siteEnv, startServer, stopServer } from "./lib/site.mjs";

const opts = options({ rounds: 3, duration: 8, connections: 20, seed: Date.now() % 100000, keep: false });
const rnd = random(opts.seed);
const log = (s) => process.stdout.write(`${s}\n`);
const failures = [];

ensureBuild((s) => log(s));
const dir = mkdtempSync(path.join(tmpdir(), "policykb-kill-server-"));
const token = randomBytes(16).toString("hex");
const env = siteEnv(dir, { ADMIN_TOKEN: token });
const db = dbFile(env);
log(`kill-server: ${opts.rounds} rounds, ${opts.connections} connections, seed ${opts.seed}, database ${db}`);
prepareContent(env);
const uploads = copyContent(path.join(dir, "uploads"), 200);
const uploadFiles = readdirSync(uploads).sort();
let nextUpload = 0;
const queries = relevanceQueries();
const searchPath = () => `/api/search?q=${encodeURIComponent(queries[Math.floor(rnd() * queries.length)])}`;

/** Uploads documents one after another until `stop()`; counts the stored ones. */
function uploader(base) {
  let stopped = false;
  const state = { stored: 0, failed: 0 };
  const done = (async () => {
    while (!stopped && nextUpload < uploadFiles.length) {
      const name = uploadFiles[nextUpload++];
      const form = new globalThis.FormData();
      form.append("file", new Blob([readFileSync(path.join(uploads, name))]), name);
      try {
        const r = await fetch(`${base}/api/documents`, { method: "POST", body: form, headers: { authorization: `Bearer ${token}` } });
        if (r.status < 300) state.stored++;
        else state.failed++;
        await r.arrayBuffer();
      } catch {
        state.failed++; // the server was killed mid-request
      }
    }
  })();
  return { state, stop: () => ((stopped = true), done) };
}

/** autocannon on /api/search for `seconds`. */
function searchLoad(base, seconds, connections) {
  return autocannon({ url: base, connections, duration: seconds, timeout: 10, requests: [{ method: "GET", setupRequest: (r) => ({ ...r, path: searchPath() }) }] });
}

let survived = 0;
let server = await startServer(env);
const port = server.port;
try {
  for (let round = 1; round <= opts.rounds; round++) {
    const before = checkStore(db).documents;
    const load = searchLoad(server.base, opts.duration, opts.connections);
    const up = uploader(server.base);
    const killAfter = 1000 + Math.floor(rnd() * (opts.duration - 2) * 1000);
    await sleep(killAfter);
    killGroup(server.child);
    const exit = await server.exited;
    await up.stop();
    const result = await load;
    log(`round ${round}: SIGKILL after ${(killAfter / 1000).toFixed(1)} s of load (${result.requests.total} searches answered, ${up.state.stored} uploads stored, ${up.state.failed} cut off; server exit ${exit.signal ?? exit.code})`);
    if (exit.signal === "SIGKILL") survived++;

    const report = checkStore(db);
    const problems = storeProblems(report);
    if (report.documents < before + up.state.stored) problems.push(`${report.documents} documents stored, expected at least ${before + up.state.stored}`);
    log(`  store: integrity ${report.integrity}, ${report.documents} documents, ${report.provisions} provisions, ${report.empty.length} without provisions, orphans ${JSON.stringify(report.orphans)}`);

    const started = Date.now();
    server = await startServer(env, { port });
    const health = await (await fetch(`${server.base}/api/health`)).json();
    const search = await (await fetch(`${server.base}/api/search?q=${encodeURIComponent("降成本")}`)).json();
    if (!health.ok) problems.push(`/api/health: ${JSON.stringify(health)}`);
    if (health.documents < report.docs.filter((d) => d.isCurrent).length) problems.push(`/api/health reports ${health.documents} documents, the store has ${report.documents}`);
    if (!(search.total > 0)) problems.push(`a search for 降成本 found nothing: ${JSON.stringify(search).slice(0, 200)}`);
    const after = await searchLoad(server.base, 3, opts.connections);
    if (after.errors || after.timeouts || after.non2xx) problems.push(`load after the restart: ${after.errors} errors, ${after.timeouts} timeouts, ${after.non2xx} non-2xx`);
    log(`  restart: /api/health answered ${server.startMs} ms after the start (checks done ${Date.now() - started} ms after it); health ${JSON.stringify(health)}; 降成本 → ${search.total} hits; 3 s of load after: ${after.requests.average.toFixed(0)} req/s, ${after.errors} errors, ${after.timeouts} timeouts${problems.length ? ` — PROBLEMS: ${problems.join("; ")}` : ""}`);
    if (problems.length) failures.push(`round ${round}: ${problems.join("; ")}`);
  }
} finally {
  await stopServer(server);
}
log(`kill-server: ${survived} of ${opts.rounds} kills survived, ${failures.length} failure(s)${failures.length ? `:\n  ${failures.join("\n  ")}` : ""}`);
if (!opts.keep) rmSync(dir, { recursive: true, force: true });
else log(`kept ${dir}`);
process.exitCode = failures.length || survived < opts.rounds ? 1 : 0;
