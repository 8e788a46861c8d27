/**
 * `npm run bench:ab -- --before DIR --after DIR [--docs N] [--runs R]`: search
 * speed and memory of two checkouts of PolicyKB (e.g. `git worktree add`
 * before and after a refactor), measured in turn on the same machine so that
 * the noise between runs can be told from the difference between commits.
 *
 * Each checkout ingests the corpus of N documents (default 10,000) with its own
 * code into a fresh database (corpus: `bench/out/corpus-N/` of each checkout;
 * copy one into the other to measure both on the same files). Then R times
 * (default 3) before, after, before, after…: a new process per run loads the
 * persisted index through `search()`, answers the 300-query mix once to warm
 * up and five times timed (limit 10). Printed per run: p50/p95/p99 ms, the
 * time to the first answer (loading the index) and the process's peak RSS.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";

const argv = process.argv.slice(2);
const value = (name: string) => {
  const at = argv.indexOf(`--${name}`);
  return at < 0 ? undefined : argv[at + 1];
};

interface RunFigure {
  p50: number;
  p95: number;
  p99: number;
  firstAnswerMs: number;
  rssMB: number;
}

/** What a child does, with the checkout's own code: ingest, or time searches. */
async function child(mode: string, root: string, db: string | undefined, docs: number): Promise<void> {
  const { readRealDocuments, provisionPool, ensureCorpus } = await import(path.join(root, "scripts/bench/corpus.ts"));
  const real = readRealDocuments(root);
  const pool = await provisionPool(real);
  if (mode === "ingest") {
    const { ingestOnce } = await import(path.join(root, "scripts/bench/inprocess.ts"));
    const corpus = await ensureCorpus(root, docs, real, pool);
    const run = await ingestOnce([corpus.dir], `ingest ${path.basename(root)}`);
    if (run.failed.length || run.indexError) throw new Error(`${root}: ${run.failed.length} documents failed ${run.indexError ?? ""}`);
    console.log(JSON.stringify({ db: run.dbFile, dir: run.dir, provisions: run.provisions }));
    return;
  }
  process.env.DATABASE_URL = `file:${db}`;
  const { queryMix } = await import(path.join(root, "scripts/bench/queries.ts"));
  const { loadRelevanceSet } = await import(path.join(root, "lib/eval/relevance.ts"));
  const { latencyOf } = await import(path.join(root, "scripts/bench/util.ts"));
  const { search } = await import(path.join(root, "lib/search/index.ts"));
  const queries: string[] = queryMix(loadRelevanceSet(), pool).map((x: { q: string }) => x.q);
  const t0 = performance.now();
  await search({ q: queries[0], limit: 10 });
  const firstAnswerMs = performance.now() - t0;
  for (const q of queries) await search({ q, limit: 10 });
  const times: number[] = [];
  for (let pass = 0; pass < 5; pass++) {
    for (const q of queries) {
      const t = performance.now();
      await search({ q, limit: 10 });
      times.push(performance.now() - t);
    }
  }
  const l = latencyOf(times);
  const rssMB = Number(/VmHWM:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? 0) / 1024;
  const figure: RunFigure = { p50: l.p50Ms, p95: l.p95Ms, p99: l.p99Ms, firstAnswerMs, rssMB };
  console.log(JSON.stringify(figure));
}

/** Runs this script in `root` as a child in the given mode; its last stdout line, parsed. */
function spawnChild<T>(root: string, args: string[]): T {
  const done = spawnSync(process.execPath, ["--max-old-space-size=12288", "--import", "tsx", path.resolve(import.meta.filename), "--child", ...args], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (done.status !== 0) throw new Error(`${root}: ${args[0]} failed (exit ${done.status})`);
  return JSON.parse(done.stdout.trim().split("\n").at(-1)!) as T;
}

const fixed = (x: number, d = 2) => x.toFixed(d);

async function main(): Promise<void> {
  if (argv[0] === "--child") return child(argv[1]!, process.cwd(), argv[2] === "-" ? undefined : argv[2], Number(argv[3]));
  const before = value("before");
  const after = value("after");
  const docs = Number(value("docs") ?? 10000);
  const runs = Number(value("runs") ?? 3);
  if (!before || !after || !Number.isInteger(docs) || docs < 1 || !Number.isInteger(runs) || runs < 1) {
    console.error("usage: npm run bench:ab -- --before DIR --after DIR [--docs N] [--runs R]");
    process.exit(2);
  }
  const sides = [
    { name: "before", root: path.resolve(before) },
    { name: "after", root: path.resolve(after) },
  ];
  const stores = sides.map((s) => {
    console.error(`bench:ab: ingesting ${docs} documents with ${s.root}`);
    return spawnChild<{ db: string; dir: string; provisions: number }>(s.root, ["ingest", "-", String(docs)]);
  });
  try {
    const figures: RunFigure[][] = [[], []];
    for (let r = 0; r < runs; r++) {
      sides.forEach((s, i) => {
        const f = spawnChild<RunFigure>(s.root, ["time", stores[i]!.db, String(docs)]);
        figures[i]!.push(f);
        console.error(`bench:ab: run ${r + 1} ${s.name}: p50 ${fixed(f.p50)} p95 ${fixed(f.p95)} p99 ${fixed(f.p99)} ms, first answer ${Math.round(f.firstAnswerMs)} ms, RSS ${Math.round(f.rssMB)} MB`);
      });
    }
    console.log(`${docs} documents (${stores.map((s, i) => `${sides[i]!.name} ${s.provisions} provisions`).join(", ")}), ${runs} runs each, in turn`);
    console.log("figure".padEnd(20) + sides.map((s) => s.name.padEnd(28)).join(""));
    const row = (label: string, pick: (f: RunFigure) => string) => console.log(label.padEnd(20) + figures.map((fs) => fs.map(pick).join(" / ").padEnd(28)).join(""));
    row("p50 ms", (f) => fixed(f.p50));
    row("p95 ms", (f) => fixed(f.p95));
    row("p99 ms", (f) => fixed(f.p99));
    row("first answer ms", (f) => String(Math.round(f.firstAnswerMs)));
    row("peak RSS MB", (f) => String(Math.round(f.rssMB)));
  } finally {
    for (const s of stores) rmSync(s.dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench:ab: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
