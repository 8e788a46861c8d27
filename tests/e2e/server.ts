/**
 * End-to-end global setup: a fresh database with content/ loaded, the
 * production build (built when stale), and `next start` on a free port.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildIsStale } from "../../scripts/build-state.mjs";
import { freePort } from "../../scripts/shared.mjs";
import { nextBin, nextStartArgs } from "../../scripts/server-command.mjs";
import { adminQuery, dropDatabases, randomName, testPostgres, withDatabase } from "../helpers/pg";

const root = path.resolve(import.meta.dirname, "..", "..");
export { freePort };

let servers: ChildProcess[] = [];
let dir: string | null = null;
let pgPrefix: string | null = null;


export async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer ${url} within ${ms} ms`);
}

/** The database of the e2e run: a temp SQLite file, or a new PostgreSQL database when POLICYKB_TEST_PG is set. */
async function e2eDatabase(tmp: string): Promise<string> {
  const server = testPostgres();
  if (!server) return `file:${path.join(tmp, "e2e.db")}`;
  pgPrefix = randomName("pkb_e2e");
  await adminQuery(server, `CREATE DATABASE ${pgPrefix}`);
  return withDatabase(server, pgPrefix);
}

async function startServer(env: NodeJS.ProcessEnv): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, nextStartArgs(root, port, "127.0.0.1"), { cwd: root, env: { ...env, ADMIN_TOKEN: "e2e-admin-token", POLICYKB_EDITORS: "张三:e2e-editor-token" }, stdio: "ignore" });
  servers.push(child);
  const baseURL = `http://127.0.0.1:${port}`;
  await waitFor(`${baseURL}/api/health`, 60_000);
  return baseURL;
}

export async function setup(project: TestProject) {
  dir = mkdtempSync(path.join(tmpdir(), "policykb-e2e-"));
  const env = { ...process.env, DATABASE_URL: await e2eDatabase(dir), NEXT_TELEMETRY_DISABLED: "1", POLICYKB_HOME: root, POLICYKB_DATA: path.join(dir, "data") };
  const prep = spawnSync(process.execPath, ["--import", "tsx", "-e", `const { migrate } = await import("./lib/db/migrate.ts"); const { prepareStore } = await import("./lib/ingest/prepare.ts"); await migrate(); await prepareStore("content");`], { cwd: root, env, encoding: "utf8" });
  if (prep.status !== 0) throw new Error(`preparing the e2e database failed: ${prep.stderr}`);
  if (buildIsStale(root)) {
    const build = spawnSync(process.execPath, [nextBin(root), "build"], { cwd: root, env, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
  }
  project.provide("baseURL", await startServer(env));
  // With PostgreSQL, a second app server on the same database (each with its own index directory).
  project.provide("baseURL2", testPostgres() ? await startServer({ ...env, POLICYKB_DATA: path.join(dir, "data2") }) : "");
}

export async function teardown() {
  for (const s of servers) s.kill("SIGTERM");
  servers = [];
  if (dir) rmSync(dir, { recursive: true, force: true });
  const server = testPostgres();
  if (server && pgPrefix) await dropDatabases(server, pgPrefix);
}
