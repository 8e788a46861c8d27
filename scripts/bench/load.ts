/**
 * The HTTP load generator, run as its own process so the benchmark's heap
 * does not pause it: autocannon with N connections for D seconds, each
 * request the next query of the mix. Every answer's time is kept (non-2xx
 * answers are counted apart), so the percentiles are exact (autocannon's own table has no p95). Prints one JSON
 * line on stdout.
 *   node --import tsx scripts/bench/load.ts '{"url":…,"paths":[…],"connections":32,"duration":10}'
 */
import autocannon from "autocannon";
import { percentile } from "./util";

export interface LoadSpec {
  url: string;
  paths: string[];
  connections: number;
  duration: number;
  /** Whose times count: "2xx" answers only (default), or "all" (the floor run, answered 400 on purpose). */
  count?: "2xx" | "all";
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  distinctPaths: number;
  /** For the floor run: the server's peak RSS after it (MB). */
  serverPeakMB?: number | null;
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? "{}") as LoadSpec;
  let next = 0;
  const used = new Set<string>();
  const times: number[] = [];
  const instance = autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.duration,
    timeout: 60,
    requests: [
      {
        method: "GET",
        setupRequest: (request) => {
          const p = spec.paths[next++ % spec.paths.length]!;
          used.add(p);
          return { ...request, path: p };
        },
      },
    ],
  });
  instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (spec.count === "all" || (status >= 200 && status < 300)) times.push(ms);
  });
  const result = await instance;
  const out: LoadResult = {
    requests: times.length,
    rps: times.length / result.duration,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    p99Ms: percentile(times, 99),
    maxMs: times.length ? times.reduce((a, b) => Math.max(a, b), 0) : NaN,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    distinctPaths: used.size,
  };
  process.stdout.write(JSON.stringify(out) + "\n");
}

main().catch((error: unknown) => {
  process.stderr.write(`load: ${String(error)}\n`);
  process.exit(1);
});
