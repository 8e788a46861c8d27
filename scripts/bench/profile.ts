/**
 * CPU profiles: capturing one around a phase of this process (the V8
 * profiler that `node --cpu-prof` uses, through node:inspector, so only the
 * phase is in it), and summarising a .cpuprofile file — where the time goes by
 * function (self time) and by source file.
 *   node --import tsx scripts/bench/profile.ts FILE.cpuprofile [--top 25]
 */
import { Session } from "node:inspector";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

/** Runs `fn` under the CPU profiler and writes the profile to `file`. */
export async function profiled<T>(file: string, fn: () => Promise<T>, intervalUs = 200): Promise<T> {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: Record<string, unknown>) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
  await post("Profiler.enable");
  await post("Profiler.setSamplingInterval", { interval: intervalUs });
  await post("Profiler.start");
  try {
    return await fn();
  } finally {
    const { profile } = (await post("Profiler.stop")) as { profile: CpuProfile };
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

export interface ProfileSummary {
  totalMs: number;
  functions: Array<{ name: string; where: string; selfMs: number; share: number; callers: Array<{ name: string; share: number }> }>;
  /** Self time by area (the innermost frame of a sample that belongs to a known area). */
  areas: Array<{ area: string; ms: number; share: number }>;
  /** Time in a function and everything it calls (project code and Next.js only). */
  inclusive: Array<{ name: string; where: string; ms: number; share: number }>;
  files: Array<{ file: string; selfMs: number; share: number }>;
}

function shortUrl(url: string): string {
  if (!url) return "(native)";
  const clean = url.replace(/^file:\/\//, "");
  const nm = clean.lastIndexOf("node_modules/");
  if (nm >= 0) return clean.slice(nm + "node_modules/".length);
  const root = clean.indexOf("/lib/") >= 0 ? clean.slice(clean.indexOf("/lib/") + 1) : clean.indexOf("/.next") >= 0 ? clean.slice(clean.indexOf("/.next") + 1) : clean;
  return root;
}

const maps = new Map<string, SourceMap | null>();

/**
 * Where a frame is in the sources: through the bundle's source map when there
 * is one (the Next.js build's minified chunks → lib/search/engine.ts:232 run),
 * else as given.
 */
function locate(frame: ProfileNode["callFrame"]): { name: string; where: string; file: string } {
  const name = frame.functionName || "(anonymous)";
  const file = shortUrl(frame.url);
  if (frame.url.startsWith("file://") && frame.url.endsWith(".js")) {
    const js = fileURLToPath(frame.url);
    if (!maps.has(js)) {
      let map: SourceMap | null = null;
      try {
        if (existsSync(`${js}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${js}.map`, "utf8")));
      } catch {
        map = null;
      }
      maps.set(js, map);
    }
    const map = maps.get(js);
    const entry = map && frame.lineNumber >= 0 ? (map.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string; originalLine?: number; name?: string }) : null;
    if (entry?.originalSource) {
      const source = decodeURIComponent(entry.originalSource).replace(/^(\.\.\/)+/, "").replace(/^.*turbopack:\/+(\[project\]\/)?/, "");
      const original = source.includes("node_modules/") ? source.slice(source.lastIndexOf("node_modules/") + "node_modules/".length) : source;
      return { name: entry.name ?? name, where: `${original}:${(entry.originalLine ?? 0) + 1}`, file: original };
    }
  }
  // Line numbers of TypeScript run through tsx are of the generated code: show them for JavaScript only.
  return { name, where: `${file}${/\.m?js$/.test(frame.url) ? `:${frame.lineNumber + 1}` : ""}`, file };
}

/** The area of the code a frame is in, or null for a native frame that counts for its caller. */
function areaOf(frame: ProfileNode["callFrame"], file: string): string | null {
  const fn = frame.functionName;
  if (fn === "(garbage collector)") return "garbage collector";
  if (fn === "(idle)") return "idle";
  if (fn === "(program)") return "V8 / program";
  const url = frame.url;
  if (!url) return null;
  if (url.startsWith("wasm://") || /@prisma\/client|client-engine-runtime|^src\/runtime\//.test(`${url} ${file}`) || file.startsWith("src/runtime/")) return "Prisma client (query compiler + interpreter)";
  if (url.includes("adapter-better-sqlite3") || url.includes("better-sqlite3")) return "SQLite driver";
  if (file.startsWith("lib/parser/")) return "parser (lib/parser)";
  if (file.startsWith("lib/search/")) return "search (lib/search)";
  if (file.startsWith("lib/db/")) return "store (lib/db)";
  if (file.startsWith("lib/") || file.startsWith("app/")) return "other project code";
  if (url.includes("/next/") || url.includes("/.next") || /next\/|webpack:\/\/next/.test(file) || file.startsWith("src/server/")) return "Next.js";
  if (url.startsWith("node:")) return "Node.js internals";
  return "other";
}

/** Now on the clock a profile's timestamps use (V8's and libuv's monotonic clock, in µs). */
export const profileClockUs = (): number => Number(process.hrtime.bigint() / 1000n);

/**
 * Self time per function and per file of a profile; with `window` (µs on
 * profileClockUs, possibly of another process on this machine) only the
 * samples taken inside it, e.g. a server's steady state under load.
 */
export function summarise(profile: CpuProfile, top = 25, window?: { fromUs: number; toUs: number }): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let at = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    at += deltas[i] ?? 0;
    if (window && (at < window.fromUs || at > window.toUs)) continue;
    self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + (deltas[i] ?? 0) / 1000);
  }
  const fn = new Map<string, { name: string; where: string; selfMs: number; callers: Map<string, number> }>();
  const files = new Map<string, number>();
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  // The profiler's own start/stop messages (node:inspector) are not the program's time.
  const isProfiler = (n: ProfileNode) => n.callFrame.url.startsWith("node:inspector") || byId.get(parentOf.get(n.id) ?? -1)?.callFrame.url.startsWith("node:inspector") === true;
  for (const [id, ms] of self) {
    const n = byId.get(id);
    if (!n || isProfiler(n)) continue;
    const { name, where, file } = locate(n.callFrame);
    const key = `${name}@${where}`;
    const e = fn.get(key) ?? { name, where, selfMs: 0, callers: new Map<string, number>() };
    e.selfMs += ms;
    const up = byId.get(parentOf.get(id) ?? -1);
    const caller = up ? locate(up.callFrame).name : "(root)";
    e.callers.set(caller, (e.callers.get(caller) ?? 0) + ms);
    fn.set(key, e);
    files.set(file, (files.get(file) ?? 0) + ms);
  }
  const totalMs = [...files.values()].reduce((a, b) => a + b, 0);
  const areas = new Map<string, number>();
  for (const [id, ms] of self) {
    const leaf = byId.get(id);
    if (!leaf || isProfiler(leaf)) continue;
    let area: string | null = null;
    for (let n: ProfileNode | undefined = leaf; n && !area; n = byId.get(parentOf.get(n.id) ?? -1)) {
      // Natives without a URL (better-sqlite3's run/all, string built-ins) count for their caller.
      area = n.callFrame.url === "" && n === leaf && ["all", "run", "get", "Statement", "prepare", "exec"].includes(n.callFrame.functionName) ? "SQLite driver" : areaOf(n.callFrame, locate(n.callFrame).file);
    }
    const a = area ?? "other";
    areas.set(a, (areas.get(a) ?? 0) + ms);
  }
  // Inclusive time: each sample counts once for every distinct function on its stack.
  const inclusive = new Map<string, { name: string; where: string; ms: number }>();
  for (const [id, ms] of self) {
    const seen = new Set<string>();
    for (let n = byId.get(id); n; n = byId.get(parentOf.get(n.id) ?? -1)) {
      if (isProfiler(n)) break;
      const { name, where, file } = locate(n.callFrame);
      if (!/^(lib|app|components)\//.test(file)) continue;
      const key = `${name}@${file}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const e = inclusive.get(key) ?? { name, where: /\.next/.test(n.callFrame.url) ? file : where, ms: 0 };
      e.ms += ms;
      inclusive.set(key, e);
    }
  }
  return {
    totalMs,
    functions: [...fn.values()]
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, top)
      .map((f) => ({ name: f.name, where: f.where, selfMs: f.selfMs, share: f.selfMs / totalMs, callers: [...f.callers].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([name, ms]) => ({ name, share: ms / f.selfMs })) })),
    areas: [...areas].sort((a, b) => b[1] - a[1]).map(([area, ms]) => ({ area, ms, share: ms / totalMs })),
    inclusive: [...inclusive.values()].filter((f) => f.name !== "(anonymous)").sort((a, b) => b.ms - a.ms).slice(0, top).map((f) => ({ ...f, share: f.ms / totalMs })),
    files: [...files].sort((a, b) => b[1] - a[1]).slice(0, top).map(([file, selfMs]) => ({ file, selfMs, share: selfMs / totalMs })),
  };
}

export function printSummary(title: string, s: ProfileSummary): string {
  const lines = [`${title}: ${(s.totalMs / 1000).toFixed(1)} s sampled`, "  by area:"];
  for (const a of s.areas) lines.push(`    ${(100 * a.share).toFixed(1).padStart(5)}%  ${a.ms.toFixed(0).padStart(7)} ms  ${a.area}`);
  lines.push("  self time by function:");
  for (const f of s.functions) lines.push(`    ${(100 * f.share).toFixed(1).padStart(5)}%  ${f.selfMs.toFixed(0).padStart(7)} ms  ${f.name}  ${f.where}  ← ${f.callers.map((c) => `${c.name} ${(100 * c.share).toFixed(0)}%`).join(", ")}`);
  lines.push("  inclusive time by function (project code):");
  for (const f of s.inclusive.slice(0, 15)) lines.push(`    ${(100 * f.share).toFixed(1).padStart(5)}%  ${f.ms.toFixed(0).padStart(7)} ms  ${f.name}  ${f.where}`);
  lines.push("  self time by file:");
  for (const f of s.files.slice(0, 12)) lines.push(`    ${(100 * f.share).toFixed(1).padStart(5)}%  ${f.selfMs.toFixed(0).padStart(7)} ms  ${f.file}`);
  return lines.join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) {
    console.error("usage: node --import tsx scripts/bench/profile.ts FILE.cpuprofile [--top N]");
    process.exit(2);
  }
  const topAt = process.argv.indexOf("--top");
  const top = topAt > 0 ? Number(process.argv[topAt + 1]) || 25 : 25;
  console.log(printSummary(path.basename(file), summarise(JSON.parse(readFileSync(file, "utf8")) as CpuProfile, top)));
}
