/**
 * End-to-end global setup: a fresh database with content/ loaded, the
 * production build (built when stale), and `next start` on a free port.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildIsStale } from "../../scripts/build-state.mjs";

const root = path.resolve(import.meta.dirname, "..", "..");
let server: ChildProcess | null = null;
let dir: string | null = null;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      const port = typeof address === "object" && address ? address.port : 0;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

async function waitFor(url: string, ms: number): Promise<void> {
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

export async function setup(project: TestProject) {
  dir = mkdtempSync(path.join(tmpdir(), "policykb-e2e-"));
  const env = { ...process.env, DATABASE_URL: `file:${path.join(dir, "e2e.db")}`, NEXT_TELEMETRY_DISABLED: "1", POLICYKB_HOME: root, POLICYKB_DATA: path.join(dir, "data") };
  const prep = spawnSync(process.execPath, ["--import", "tsx", "-e", `const { migrate } = await import("./lib/db/migrate.ts"); const { prepareStore } = await import("./lib/ingest/prepare.ts"); await migrate(); await prepareStore("content");`], { cwd: root, env, encoding: "utf8" });
  if (prep.status !== 0) throw new Error(`preparing the e2e database failed: ${prep.stderr}`);
  if (buildIsStale(root)) {
    const build = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], { cwd: root, env, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
  }
  const port = await freePort();
  server = spawn(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: root, env: { ...env, ADMIN_TOKEN: "e2e-admin-token" }, stdio: "ignore" });
  const baseURL = `http://127.0.0.1:${port}`;
  await waitFor(`${baseURL}/api/health`, 60_000);
  project.provide("baseURL", baseURL);
}

export async function teardown() {
  server?.kill("SIGTERM");
  if (dir) rmSync(dir, { recursive: true, force: true });
}
