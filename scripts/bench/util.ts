/**
 * Small helpers of the benchmark: statistics, a seeded random generator,
 * progress lines on stderr, free ports and formatting.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** A full garbage collection (for heap sizes, and to free memory between phases), through V8's gc() exposed at run time. */
export function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

/** Median of a list (the upper middle one for an even count). */
export function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The p-th percentile (0–100) of a list, nearest-rank. */
export function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = Float64Array.from(xs).sort();
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))]!;
}

export interface Latency {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export function latencyOf(xs: number[]): Latency {
  return { p50Ms: percentile(xs, 50), p95Ms: percentile(xs, 95), p99Ms: percentile(xs, 99), maxMs: xs.reduce((a, b) => Math.max(a, b), -Infinity) };
}

/** Each field the median over rounds. */
export function medianLatency(rounds: Latency[]): Latency {
  return {
    p50Ms: median(rounds.map((r) => r.p50Ms)),
    p95Ms: median(rounds.map((r) => r.p95Ms)),
    p99Ms: median(rounds.map((r) => r.p99Ms)),
    maxMs: median(rounds.map((r) => r.maxMs)),
  };
}

/** A seeded generator of numbers in [0, 1) (mulberry32). */
export { mulberry32 as rng, freePort } from "../shared.mjs";

export function pick<T>(random: () => number, xs: readonly T[]): T {
  return xs[Math.floor(random() * xs.length)]!;
}

export function between(random: () => number, lo: number, hi: number): number {
  return lo + Math.floor(random() * (hi - lo + 1));
}

const started = Date.now();

/** A progress line on stderr, with the time since the benchmark started. */
export function progress(message: string): void {
  const s = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[bench ${s}s] ${message}\n`);
}


export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A number with a sensible count of digits for a table. */
export function fmt(x: number | null | undefined, digits?: number): string {
  if (x === null || x === undefined || Number.isNaN(x)) return "–";
  if (digits !== undefined) return x.toFixed(digits);
  const a = Math.abs(x);
  if (a >= 1000) return Math.round(x).toLocaleString("en-US");
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1);
  if (a >= 1) return x.toFixed(2);
  return x.toFixed(3);
}

/** A plain-text table; `align` has one letter per column (l or r; default: first left, others right). */
export function table(header: string[], rows: string[][], align?: string): string {
  const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ""))));
  const left = (i: number) => (align ? align[i] === "l" : i === 0);
  const line = (cells: string[]) => cells.map((c, i) => (left(i) ? c + " ".repeat(widths[i]! - width(c)) : " ".repeat(widths[i]! - width(c)) + c)).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
