/**
 * `npm run bench:parse`: parser throughput over the whole corpus in content/,
 * on one core (the parse is synchronous apart from .docx reading). Prints MB/s
 * of source text (UTF-8 bytes) as the median of repeated runs.
 *   npm run bench:parse -- [--runs N] [--big]   (--big also times one 20 MB document)
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "../lib/parser";

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf("--runs") + 1]) || 15;
const dir = path.join(process.cwd(), "content");
const files = readdirSync(dir).filter((f) => f.endsWith(".md")).map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(path.join(dir, f))) }));
const total = files.reduce((n, f) => n + f.bytes.length, 0);

// Warm up (JIT, ICU data): three passes, so the timed runs see optimised code.
for (let w = 0; w < 3; w++) for (const f of files) await parseDocument(f.bytes, f.name);
// The parse runs on one JavaScript thread, so wall time per run is the time of
// one core; process CPU time is shown too (it adds the GC's helper threads).
const cpu: number[] = [];
const wall: number[] = [];
for (let r = 0; r < runs; r++) {
  const c = process.cpuUsage();
  const t = performance.now();
  for (const f of files) await parseDocument(f.bytes, f.name);
  wall.push(performance.now() - t);
  const used = process.cpuUsage(c);
  cpu.push((used.user + used.system) / 1000);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = total / 1048576;
console.log(`parse: ${files.length} documents, ${(total / 1024).toFixed(0)} KB, ${runs} runs: median ${median(wall).toFixed(1)} ms → ${(mb / (median(wall) / 1000)).toFixed(2)} MB/s per core (required ≥ 2); process CPU ${median(cpu).toFixed(1)} ms`);

if (args.includes("--big")) {
  // One large document: the corpus repeated to ~20 MB, as one file.
  const body = files.map((f) => new TextDecoder().decode(f.bytes).replace(/^---\n[\s\S]*?\n---\n/, "")).join("\n");
  const copies = Math.ceil((20 * 1048576) / Buffer.byteLength(body));
  const big = new TextEncoder().encode(Array.from({ length: copies }, () => body).join("\n"));
  const t = performance.now();
  const { doc } = await parseDocument(big, "big.txt", { maxBytes: 64 * 1048576 });
  const ms = performance.now() - t;
  console.log(`parse: one ${(big.length / 1048576).toFixed(1)} MB document in ${(ms / 1000).toFixed(1)} s (${(big.length / 1048576 / (ms / 1000)).toFixed(2)} MB/s), ${doc.provisions.length} provisions`);
}
