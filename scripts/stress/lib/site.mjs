// Helpers of the stress and load scripts: the policykb CLI, a fresh SQLite
// database, the production build (NEXT_DIST_DIR honoured), and `next start`
// on a free loopback port. Only processes started here are ever signalled.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { buildIsStale } from "../../build-state.mjs";
import { freePort, mulberry32 } from "../../shared.mjs";
import { nextBin, nextStartArgs } from "../../server-command.mjs";

export { freePort };

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const BIN = path.join(ROOT, "bin", "policykb.mjs");

/** Environment for one database: DATABASE_URL, a private index folder, no telemetry. */
export function siteEnv(dir, extra = {}) {
  return {
    ...process.env,
    DATABASE_URL: `file:${path.join(dir, "site.db")}`,
    POLICYKB_DATA: path.join(dir, "data"),
    POLICYKB_HOME: ROOT,
    NEXT_TELEMETRY_DISABLED: "1",
    ...extra,
  };
}

/** The database file of an environment. */
export const dbFile = (env) => env.DATABASE_URL.replace(/^file:/, "");

/** Runs `policykb ARGS` to completion. */
export function cli(args, env, options = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: options.timeout ?? 600_000 });
  return { status: r.status ?? -1, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Starts `policykb ARGS` without waiting, as the leader of its own process
 * group (so `killGroup` also takes down the `prisma migrate deploy` it may be
 * running); stderr lines go to onLine.
 */
export function cliChild(args, env, onLine = () => {}) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"], detached: true });
  let rest = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (d) => {
    rest += d;
    const lines = rest.split("\n");
    rest = lines.pop() ?? "";
    for (const l of lines) onLine(l);
  });
  // The last lines it wrote, to say why when it fails.
  const tail = [];
  const keep = onLine;
  onLine = (l) => {
    tail.push(l);
    if (tail.length > 20) tail.shift();
    keep(l);
  };
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, tail: [...tail, ...(rest ? [rest] : [])] })));
  return { child, exited };
}

/** SIGKILL to a child started here with `detached: true` and to its own children (its process group). */
export function killGroup(child) {
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    child.kill("SIGKILL");
  }
}


/** Waits until `url` answers 2xx. */
export async function waitFor(url, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.ok) return r;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

/**
 * Builds the site when the build in NEXT_DIST_DIR (default .next) is missing
 * or stale. A build into another folder makes Next add that folder to
 * tsconfig.json; the file is put back as it was.
 */
export function ensureBuild(log = (s) => process.stderr.write(`${s}\n`)) {
  if (!buildIsStale(ROOT)) return;
  const tsconfig = path.join(ROOT, "tsconfig.json");
  const before = readFileSync(tsconfig, "utf8");
  log(`building the site into ${process.env.NEXT_DIST_DIR ?? ".next"} (next build)…`);
  const r = spawnSync(process.execPath, [nextBin(ROOT), "build"], { cwd: ROOT, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (readFileSync(tsconfig, "utf8") !== before) writeFileSync(tsconfig, before);
  if (r.status !== 0) throw new Error(`next build failed:\n${r.stdout}\n${r.stderr}`);
}

/** Migrates the database (a fresh SQLite file, or any DATABASE_URL) and ingests content/ into it. */
export function prepareContent(env) {
  if (env.DATABASE_URL.startsWith("file:")) mkdirSync(path.dirname(dbFile(env)), { recursive: true });
  const r = cli(["ingest", "--quiet", path.join(ROOT, "content")], env);
  if (r.status !== 0) throw new Error(`ingest of content/ failed (${r.status}): ${r.stderr}`);
}

/** Starts `next start` on a free port; resolves when /api/health answers. */
export async function startServer(env, options = {}) {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, nextStartArgs(ROOT, port, "127.0.0.1"), { cwd: ROOT, env, stdio: ["ignore", "ignore", options.stderr ?? "ignore"], detached: true });
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  await Promise.race([waitFor(`${base}/api/health`, 60_000), exited.then((e) => Promise.reject(new Error(`server exited before answering: ${JSON.stringify(e)}`)))]);
  return { child, exited, base, port, startMs: Date.now() - started };
}

/** Stops a server started here (SIGTERM, then SIGKILL after 5 s). */
export async function stopServer(server) {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill("SIGTERM");
  const timer = sleep(5000).then(() => server.child.kill("SIGKILL"));
  await Promise.race([server.exited, timer]);
}

/** The search queries of the relevance set (tests/search/relevance.json). */
export function relevanceQueries() {
  const set = JSON.parse(readFileSync(path.join(ROOT, "tests", "search", "relevance.json"), "utf8"));
  return set.queries.map((q) => q.q);
}

/** Slugs of content/ (file names without .md). */
export function contentSlugs() {
  const files = readdirSync(path.join(ROOT, "content")).filter((f) => f.endsWith(".md"));
  // A file's front matter may name its slug (several versions of one law share it).
  const slugOf = (f) => /^slug:\s*"?([^"\n]+?)"?\s*$/m.exec(readFileSync(path.join(ROOT, "content", f), "utf8").split(/\n---\s*\n/)[0] ?? "")?.[1] ?? f.slice(0, -3);
  return [...new Set(files.map(slugOf))];
}

/**
 * Writes `count` documents made from content/*.md under new file names, each
 * with a small change (its title gets a copy number), so every one is a new
 * document with its own slug. Returns the folder.
 */
export function copyContent(dir, count) {
  mkdirSync(dir, { recursive: true });
  const files = readdirSync(path.join(ROOT, "content")).filter((f) => f.endsWith(".md")).sort();
  for (let n = 0; n < count; n++) {
    const file = files[n % files.length];
    const copy = Math.floor(n / files.length) + 1;
    // A title of its own (versions of one law share theirs) and no slug: every copy is a document of its own.
    const text = readFileSync(path.join(ROOT, "content", file), "utf8")
      .replace(/^slug:.*\n/m, "")
      .replace(/^title: "?(.*?)"?$/m, (_, title) => `title: "${title}（副本${copy}-${(n % files.length) + 1}）"`);
    writeFileSync(path.join(dir, `${file.slice(0, -3)}-copy${copy}.md`), text);
  }
  return dir;
}

/** A seeded PRNG (mulberry32), so a run can be repeated with --seed. */
export const random = mulberry32;

/** Peak and current RSS of a process, in MB, from /proc (null when gone). */
export function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key) => Number(status.match(new RegExp(`${key}:\\s+(\\d+) kB`))?.[1] ?? 0);
    return { peakMb: kb("VmHWM") / 1024, rssMb: kb("VmRSS") / 1024 };
  } catch {
    return null;
  }
}

/** Copies a database with its WAL (a snapshot for a post-mortem). */
export function snapshot(file, to) {
  for (const suffix of ["", "-wal", "-shm"]) if (existsSync(file + suffix)) copyFileSync(file + suffix, to + suffix);
}

/** Parses --name value / --flag arguments. */
export function options(defaults) {
  const out = { ...defaults };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) throw new Error(`unexpected argument ${arg}`);
    const [key, inline] = arg.slice(2).split("=", 2);
    if (!(key in defaults)) throw new Error(`unknown option --${key} (known: ${Object.keys(defaults).map((k) => `--${k}`).join(", ")})`);
    if (typeof defaults[key] === "boolean") out[key] = inline === undefined ? true : inline !== "false";
    else {
      const value = inline ?? argv[++i];
      out[key] = typeof defaults[key] === "number" ? Number(value) : value;
    }
  }
  return out;
}
