/**
 * The production server under test: built into .next-bench (NEXT_DIST_DIR)
 * when that build is missing or older than the sources, started with
 * `next start` on a free port against the benchmark's database; cold start to
 * the first answered search, memory (VmHWM / VmRSS from /proc) and HTTP load
 * through scripts/bench/load.ts.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import path from "node:path";
import { buildIsStale } from "../build-state.mjs";
import { nextBin, nextStartArgs } from "../server-command.mjs";
import type { LoadResult, LoadSpec } from "./load";
import { freePort, progress, sleep } from "./util";

export const DIST_DIR = ".next-bench";

/** The environment of the build and the server: no inherited NODE_OPTIONS, telemetry off. */
function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...extra };
  delete env.NODE_OPTIONS;
  return env;
}

/**
 * `next build` rewrites tsconfig.json (adds .next-bench/types to "include",
 * reformatting the file) and next-env.d.ts (imports from .next-bench). Neither
 * file belongs to the benchmark: each is put back byte for byte when the only
 * change is the one the build made.
 */
function restoreAfterBuild(root: string, before: Map<string, string | null>): void {
  const tsconfig = path.join(root, "tsconfig.json");
  const original = before.get(tsconfig);
  if (original && existsSync(tsconfig)) {
    const now = readFileSync(tsconfig, "utf8");
    if (now !== original) {
      try {
        const after = JSON.parse(now) as { include?: string[] };
        after.include = after.include?.filter((p) => !p.startsWith(`${DIST_DIR}/`));
        if (isDeepStrictEqual(after, JSON.parse(original))) writeFileSync(tsconfig, original);
        else progress("build: tsconfig.json was changed by someone else during the build; left as it is");
      } catch {
        progress("build: tsconfig.json is not plain JSON after the build; left as it is");
      }
    }
  }
  const env = path.join(root, "next-env.d.ts");
  const envBefore = before.get(env);
  if (envBefore && existsSync(env)) {
    const now = readFileSync(env, "utf8");
    const norm = (s: string) => s.replace(/\.\/\.next[\w-]*\//g, "./DIST/");
    if (now !== envBefore && norm(now) === norm(envBefore)) writeFileSync(env, envBefore);
  }
}

export interface BuildOutcome {
  ok: boolean;
  built: boolean;
  seconds: number;
}

/** Builds the site into .next-bench when missing or stale. */
export function ensureBuild(root: string): BuildOutcome {
  const previous = process.env.NEXT_DIST_DIR;
  process.env.NEXT_DIST_DIR = DIST_DIR;
  const stale = buildIsStale(root);
  if (previous === undefined) delete process.env.NEXT_DIST_DIR;
  else process.env.NEXT_DIST_DIR = previous;
  if (!stale) return { ok: true, built: false, seconds: 0 };
  progress(`build: ${DIST_DIR} is missing or older than the sources; running next build (log: bench/out/next-build.log)`);
  const files = [path.join(root, "tsconfig.json"), path.join(root, "next-env.d.ts")];
  const before = new Map(files.map((f) => [f, existsSync(f) ? readFileSync(f, "utf8") : null]));
  mkdirSync(path.join(root, "bench", "out"), { recursive: true });
  const log = openSync(path.join(root, "bench", "out", "next-build.log"), "w");
  const t = performance.now();
  let status: number | null = null;
  try {
    status = spawnSync(process.execPath, [nextBin(root), "build"], { cwd: root, env: serverEnv({}), stdio: ["ignore", log, log], timeout: 15 * 60_000 }).status;
  } finally {
    closeSync(log);
    restoreAfterBuild(root, before);
  }
  const seconds = (performance.now() - t) / 1000;
  if (status !== 0) progress(`build: next build failed (exit ${status}); see bench/out/next-build.log`);
  else progress(`build: done in ${seconds.toFixed(1)} s`);
  return { ok: status === 0, built: true, seconds };
}

export interface Server {
  proc: ChildProcess;
  base: string;
  /** ms from spawning `next start` to the first search answered with 200. */
  coldStartMs: number;
}

const PROBE = `/api/search?q=${encodeURIComponent("降成本")}&limit=10`;

/** The last lines of a server's log, on one line. */
function logTail(root: string, label: string): string {
  try {
    const lines = readFileSync(path.join(root, "bench", "out", `server-${label}.log`), "utf8").split("\n").map((l) => l.trim()).filter(Boolean);
    return lines.slice(-3).join(" | ").slice(0, 400);
  } catch {
    return "no log";
  }
}

/** Starts `next start` (with `nodeArgs` for node, e.g. --cpu-prof) and waits for the first answered search (cold start). */
export async function startServer(root: string, dbFile: string, label: string, nodeArgs: string[] = [], timeoutMs = 600_000): Promise<Server> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  mkdirSync(path.join(root, "bench", "out"), { recursive: true });
  const log = openSync(path.join(root, "bench", "out", `server-${label}.log`), "a");
  const t0 = performance.now();
  const proc = spawn(process.execPath, [...nodeArgs, ...nextStartArgs(root, port, "127.0.0.1")], { cwd: root, env: serverEnv({ DATABASE_URL: `file:${dbFile}` }), stdio: ["ignore", log, log] });
  closeSync(log);
  let exited = false;
  proc.on("exit", () => {
    exited = true;
  });
  while (performance.now() - t0 < timeoutMs) {
    if (exited) throw new Error(`next start exited before answering a search: ${logTail(root, label)} (bench/out/server-${label}.log)`);
    try {
      const r = await fetch(base + PROBE, { signal: AbortSignal.timeout(timeoutMs) });
      await r.arrayBuffer();
      if (r.status === 200) return { proc, base, coldStartMs: performance.now() - t0 };
    } catch {
      // not listening yet
    }
    await sleep(20);
  }
  await stopServer({ proc, base, coldStartMs: NaN });
  throw new Error(`next start did not answer a search within ${timeoutMs / 1000} s`);
}

/** The process and its descendants (next start may run the server in a child). */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    out.push(p);
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return out;
}

export interface ProcessMemory {
  pid: number;
  name: string;
  hwmMB: number;
  rssMB: number;
}

/** VmHWM (peak resident set) and VmRSS of each process of the tree. */
export function memoryOf(pid: number): ProcessMemory[] {
  const out: ProcessMemory[] = [];
  for (const p of processTree(pid)) {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
      out.push({ pid: p, name: /^Name:\s+(.*)$/m.exec(status)?.[1] ?? "?", hwmMB: kb("VmHWM") / 1024, rssMB: kb("VmRSS") / 1024 });
    } catch {
      // gone
    }
  }
  return out;
}

/** Stops a server this benchmark started: SIGTERM to it and its descendants, SIGKILL after 10 s. */
export async function stopServer(server: Server): Promise<void> {
  const pid = server.proc.pid;
  if (pid === undefined || server.proc.exitCode !== null) return;
  const tree = processTree(pid);
  const done = new Promise<void>((resolve) => server.proc.once("exit", () => resolve()));
  server.proc.kill("SIGTERM");
  const timer = setTimeout(() => server.proc.kill("SIGKILL"), 10_000);
  await done;
  clearTimeout(timer);
  for (const p of tree.slice(1)) {
    try {
      process.kill(p, 0);
      process.kill(p, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

/** One autocannon run in a separate process. */
export async function runLoad(root: string, spec: LoadSpec): Promise<LoadResult> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "bench", "load.ts"), JSON.stringify(spec)], { cwd: root, stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, NODE_OPTIONS: "" } });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`load generator exited with ${code}`);
  return JSON.parse(out.trim().split("\n").at(-1)!) as LoadResult;
}
