#!/usr/bin/env node
// Crash and restart of an ingest: `policykb ingest` of ~300 documents (copies
// of content/*.md under new names, titles changed) is killed with SIGKILL (the
// CLI and its children) at random points — mid-document, between documents,
// during the search-index refresh — several times. After every kill the
// database must pass PRAGMA integrity_check and hold only whole documents,
// and a search must answer; then an unkilled re-run must complete and store
// every document, and a second re-run must change nothing.
//
// --migration also kills the first run while `prisma migrate deploy` creates
// the fresh database: each migration runs in one transaction and the next
// command applies an interrupted one again (lib/db/migrate.ts), so this must
// not leave the database refusing later commands (P3009).
//
//   node scripts/stress/kill-ingest.mjs [--docs 300] [--kills 6] [--seed N] [--migration] [--keep]
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { checkStore, storeProblems } from "./lib/integrity.mjs";
import { cli, cliChild, copyContent, dbFile, killGroup, options, random, siteEnv } from "./lib/site.mjs";

const opts = options({ docs: 300, kills: 6, seed: Date.now() % 100000, migration: false, keep: false });
const rnd = random(opts.seed);
const dir = mkdtempSync(path.join(tmpdir(), "policykb-kill-ingest-"));
const env = siteEnv(dir);
const db = dbFile(env);
const docs = copyContent(path.join(dir, "docs"), opts.docs);
const log = (s) => process.stdout.write(`${s}\n`);
const failures = [];

log(`kill-ingest: ${opts.docs} documents, ${opts.kills} kills, seed ${opts.seed}, database ${db}`);
if (!opts.migration) {
  // Migrate first (an ingest of an empty folder), so every kill lands in the ingest itself.
  mkdirSync(path.join(dir, "empty"));
  const r = cli(["ingest", "--quiet", path.join(dir, "empty")], env);
  if (r.status !== 0) throw new Error(`migrating the database failed: ${r.stderr}`);
}

/** Checks the store after a run; records problems. */
function verify(label) {
  if (!existsSync(db)) {
    log(`  ${label}: no database file yet (killed before it was created)`);
    return { documents: 0, docs: [] };
  }
  const report = checkStore(db);
  const problems = storeProblems(report);
  const search = cli(["search", "产能", "--json", "--limit", "3"], env);
  if (search.status !== 0) problems.push(`search exited ${search.status}: ${search.stderr.trim().split("\n").pop()}`);
  else if (report.documents > 0 && !(JSON.parse(search.stdout).total >= 0)) problems.push("search printed no result JSON");
  const leftovers = readdirSync(path.dirname(db)).filter((f) => f.endsWith(".tmp"));
  const indexDir = `${db}.search`;
  let tmpFiles = 0;
  try {
    tmpFiles = readdirSync(indexDir).filter((f) => f.endsWith(".tmp")).length;
  } catch {
    // no index yet
  }
  log(`  ${label}: integrity ${report.integrity}, ${report.documents} documents, ${report.provisions} provisions, ${report.empty.length} without provisions, orphans ${JSON.stringify(report.orphans)}, index temp files ${tmpFiles + leftovers.length}${problems.length ? ` — PROBLEMS: ${problems.join("; ")}` : ""}`);
  if (problems.length) failures.push(`${label}: ${problems.join("; ")}`);
  return report;
}

let survived = 0;
for (let k = 0; k < opts.kills; k++) {
  // Where to kill: after a random number of documents (plus a random part of
  // the next one; all of them: during the index refresh); with --migration
  // the first run while it migrates the fresh database.
  const first = k === 0 && opts.migration;
  const target = first ? 0 : Math.floor(rnd() * (opts.docs + 1));
  const extraMs = Math.floor(rnd() * (first ? 800 : 400));
  let done = 0;
  let killedAt = "";
  const started = Date.now();
  const run = cliChild(["ingest", docs], env, (line) => {
    const m = line.match(/^\[(\d+)\/(\d+)\]/);
    if (m) done = Number(m[1]);
  });
  const killer = (async () => {
    if (first) {
      // Once the migration has created the file, somewhere inside `prisma migrate deploy`.
      while (!existsSync(db) && run.child.exitCode === null) await sleep(5);
      await sleep(extraMs);
    }
    else {
      while (done < target && run.child.exitCode === null) await sleep(5);
      await sleep(extraMs);
    }
    if (run.child.exitCode === null && run.child.signalCode === null) {
      killedAt = `${done} documents done + ${extraMs} ms (${((Date.now() - started) / 1000).toFixed(1)} s)`;
      killGroup(run.child);
    }
  })();
  const exit = await run.exited;
  await killer;
  if (exit.signal === "SIGKILL") {
    survived++;
    log(`kill ${k + 1}: SIGKILL after ${killedAt}${first ? " (during migration or the first documents)" : target >= opts.docs ? " (after the last document: index refresh)" : ""}`);
  } else {
    log(`kill ${k + 1}: the run ended (exit ${exit.code}) before the kill point ${target}+${extraMs} ms`);
    if (exit.code !== 0) failures.push(`run ${k + 1} exited ${exit.code} without being killed`);
  }
  verify(`after kill ${k + 1}`);
}

const rerun = cli(["ingest", "--quiet", docs], env);
const summary = rerun.stderr.trim().split("\n").pop();
log(`re-run: exit ${rerun.status}: ${summary}`);
if (rerun.status !== 0) failures.push(`re-run exited ${rerun.status}: ${rerun.stderr.trim()}`);
const final = verify("after the re-run");
const current = final.docs.filter((d) => d.isCurrent).length;
if (current !== opts.docs) failures.push(`expected ${opts.docs} current documents, found ${current}`);
const again = cli(["ingest", "--quiet", docs], env);
const againSummary = again.stderr.trim().split("\n").pop() ?? "";
log(`second re-run: exit ${again.status}: ${againSummary}`);
if (again.status !== 0 || !new RegExp(`^ingest: 0 added, ${opts.docs} unchanged, 0 updated, 0 failed`).test(againSummary)) failures.push(`second re-run changed something: ${againSummary}`);

const bricked = failures.some((f) => /P3009/.test(f));
log(`kill-ingest: ${survived} kill(s) survived, ${failures.length} failure(s)${failures.length ? `:\n  ${failures.join("\n  ")}` : ""}`);
if (bricked) log("kill-ingest: FAILED — a kill inside `prisma migrate deploy` left a migration that later commands refuse (P3009): lib/db/migrate.ts should have applied it again");
if (!opts.keep) rmSync(dir, { recursive: true, force: true });
else log(`kept ${dir}`);
process.exitCode = failures.length ? 1 : 0;
