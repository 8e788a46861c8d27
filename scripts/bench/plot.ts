/**
 * How each benchmark figure grows with the library: reads
 * bench/results-N.json of every size measured and draws one panel per
 * figure against the number of documents (both axes logarithmic) into
 * bench/growth.svg. Run at the end of `npm run bench`, or alone:
 *   node --import tsx scripts/bench/plot.ts
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

interface Point {
  docs: number;
  value: number;
}

interface Series {
  name: string;
  points: Point[];
}

interface Panel {
  title: string;
  unit: string;
  series: Series[];
  /** A goal line, when the issue sets one. */
  goal?: { value: number; label: string };
}

type Results = Record<string, unknown> & { docs: number };

const get = (r: Results, keys: string): number | null => {
  let v: unknown = r;
  for (const k of keys.split(".")) v = v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined;
  return typeof v === "number" && Number.isFinite(v) ? v : null;
};

function series(results: Results[], name: string, pick: (r: Results) => number | null): Series {
  return { name, points: results.flatMap((r) => (pick(r) === null ? [] : [{ docs: r.docs, value: pick(r)! }])) };
}

const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"];

function panelSvg(p: Panel, x0: number, y0: number, w: number, h: number, docs: number[]): string {
  const values = p.series.flatMap((s) => s.points.map((pt) => pt.value)).concat(p.goal ? [p.goal.value] : []).filter((v) => v > 0);
  if (!values.length) return "";
  const lo = Math.pow(10, Math.floor(Math.log10(Math.min(...values))));
  const hi = Math.pow(10, Math.ceil(Math.log10(Math.max(...values)) + 1e-9));
  const dLo = Math.min(...docs);
  const dHi = Math.max(...docs);
  const left = x0 + 52;
  const right = x0 + w - 10;
  const top = y0 + 28;
  const bottom = y0 + h - 34;
  const x = (d: number) => (dHi === dLo ? (left + right) / 2 : left + ((Math.log10(d) - Math.log10(dLo)) / (Math.log10(dHi) - Math.log10(dLo))) * (right - left));
  const y = (v: number) => bottom - ((Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * (bottom - top);
  const out: string[] = [];
  out.push(`<text x="${x0 + w / 2}" y="${y0 + 16}" text-anchor="middle" font-weight="bold">${p.title} (${p.unit})</text>`);
  out.push(`<line x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="#444"/><line x1="${left}" y1="${top}" x2="${left}" y2="${bottom}" stroke="#444"/>`);
  for (let v = lo; v <= hi * 1.0001; v *= 10) {
    out.push(`<line x1="${left}" y1="${y(v)}" x2="${right}" y2="${y(v)}" stroke="#ddd"/><text x="${left - 4}" y="${y(v) + 4}" text-anchor="end" font-size="10">${v >= 1 ? v.toLocaleString("en-US") : v}</text>`);
  }
  for (const d of docs) out.push(`<text x="${x(d)}" y="${bottom + 14}" text-anchor="middle" font-size="10">${d.toLocaleString("en-US")}</text>`);
  out.push(`<text x="${(left + right) / 2}" y="${bottom + 28}" text-anchor="middle" font-size="10">documents</text>`);
  if (p.goal) out.push(`<line x1="${left}" y1="${y(p.goal.value)}" x2="${right}" y2="${y(p.goal.value)}" stroke="#888" stroke-dasharray="5,4"/><text x="${right}" y="${y(p.goal.value) - 3}" text-anchor="end" font-size="10" fill="#555">${p.goal.label}</text>`);
  p.series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length]!;
    const pts = [...s.points].sort((a, b) => a.docs - b.docs);
    if (pts.length > 1) out.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${pts.map((pt) => `${x(pt.docs).toFixed(1)},${y(pt.value).toFixed(1)}`).join(" ")}"/>`);
    for (const pt of pts) out.push(`<circle cx="${x(pt.docs).toFixed(1)}" cy="${y(pt.value).toFixed(1)}" r="3" fill="${color}"><title>${s.name}: ${pt.value.toFixed(2)} at ${pt.docs}</title></circle>`);
    out.push(`<text x="${left + 6}" y="${top + 12 + i * 12}" font-size="10" fill="${color}">${s.name}</text>`);
  });
  return out.join("\n");
}

/** Writes bench/growth.svg from the results of every size; returns its path, or null with fewer than one size. */
export function plotGrowth(root: string): string | null {
  const dir = path.join(root, "bench");
  const results = readdirSync(dir)
    .filter((f) => /^results-\d+\.json$/.test(f))
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Results)
    .filter((r) => r.docs >= 1000)
    .sort((a, b) => a.docs - b.docs);
  if (!results.length) return null;
  const docs = results.map((r) => r.docs);
  const panels: Panel[] = [
    { title: "ingest", unit: "documents/s", series: [series(results, "parse + store + index", (r) => get(r, "ingestDocsPerSec"))], goal: { value: 200, label: "goal ≥ 200" } },
    { title: "index build", unit: "s", series: [series(results, "indexing during the ingest", (r) => (r.ingest as { runs?: Array<{ indexSeconds: number }> })?.runs?.at(-1)?.indexSeconds ?? null)] },
    { title: "cold start", unit: "s", series: [series(results, "next start → first search", (r) => (get(r, "coldStartMs") ?? NaN) / 1000)].map((s) => ({ ...s, points: s.points.filter((p) => Number.isFinite(p.value)) })), goal: { value: 10, label: "goal ≤ 10 s" } },
    {
      title: "search in-process",
      unit: "ms",
      series: [series(results, "p50", (r) => get(r, "search.p50Ms")), series(results, "p95", (r) => get(r, "search.p95Ms")), series(results, "p99", (r) => get(r, "search.p99Ms")), series(results, "FTS5 + jieba p95", (r) => get(r, "peers.fts5Jieba.p95Ms"))],
      goal: { value: 3, label: "goal p95 ≤ 3 ms" },
    },
    { title: "search over HTTP, 32 connections", unit: "ms", series: [series(results, "p95", (r) => get(r, "http.p95Ms")), series(results, "floor p95 (empty 400)", (r) => get(r, "http.floor.p95Ms"))] },
    { title: "server peak RSS after the search load", unit: "MB", series: [series(results, "RSS", (r) => get(r, "rssMB"))], goal: { value: 2048, label: "goal ≤ 2 GB" } },
    { title: "disk", unit: "MB", series: [series(results, "database", (r) => get(r, "ingest.dbMB")), series(results, "search index files", (r) => get(r, "ingest.indexMB"))] },
  ];
  const cols = 2;
  const w = 420;
  const h = 240;
  const rows = Math.ceil(panels.length / cols);
  const body = panels.map((p, i) => panelSvg(p, (i % cols) * w, 30 + Math.floor(i / cols) * h, w, h, docs)).join("\n");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${cols * w}" height="${30 + rows * h}" font-family="sans-serif" font-size="12">\n<rect width="100%" height="100%" fill="white"/>\n<text x="10" y="20" font-size="14">PolicyKB: how the figures grow with the library (npm run bench at ${docs.map((d) => d.toLocaleString("en-US")).join(", ")} documents; log scales)</text>\n${body}\n</svg>\n`;
  const file = path.join(dir, "growth.svg");
  writeFileSync(file, svg);
  return file;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const root = process.cwd();
  if (!existsSync(path.join(root, "bench"))) {
    console.error("plot: run from the project root");
    process.exit(2);
  }
  const file = plotGrowth(root);
  console.log(file ? `wrote ${path.relative(root, file)}` : "plot: no bench/results-N.json to plot");
}
