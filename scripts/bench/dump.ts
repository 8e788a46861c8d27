/**
 * `npm run search:dump -- --docs N --out FILE`: the answers of the
 * benchmark's query mix (scripts/bench/queries.ts) on its corpus of N
 * documents, written so that two runs can be compared byte for byte
 * (`npm run search:dump:compare A B`). A refactor that claims "answers
 * unchanged" dumps before and after and shows the two files identical.
 *
 * Each query is asked three ways — as the benchmark asks it (limit 20), as
 * the search page asks it (second page, facets), and with a role filter —
 * and everything of an answer but its time is kept: totals, hits in order
 * with their scores and snippets, facets.
 *
 * The corpus is ingested into a fresh database and the answers are taken
 * from the engine the search module loads from its persisted copy (what a
 * server answers from). They are also taken from the engine the ingest built
 * as it stored, and from one rebuilt from the store; the script exits 3 when
 * those disagree with the loaded one (the file is still written).
 */
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { closeDb } from "../../lib/db/client";
import { resetSearch, search, type SearchQuery, type SearchResult } from "../../lib/search";
import { loadRelevanceSet } from "../../lib/eval/relevance";
import { ensureCorpus, provisionPool, readRealDocuments } from "./corpus";
import { ingestOnce } from "./inprocess";
import { queryMix } from "./queries";
import { progress } from "./util";

const argv = process.argv.slice(2);
const value = (name: string) => {
  const at = argv.indexOf(`--${name}`);
  return at < 0 ? undefined : argv[at + 1];
};
const docs = Number(value("docs") ?? 1000);
const out = value("out");
if (!Number.isInteger(docs) || docs < 1 || !out) {
  console.error("usage: npm run search:dump -- --docs N --out FILE");
  process.exit(2);
}

/** The ways each query is asked. */
const VARIANTS: Array<{ name: string; query: (q: string) => SearchQuery & { facets?: boolean } }> = [
  { name: "plain", query: (q) => ({ q, limit: 20 }) },
  { name: "page2-facets", query: (q) => ({ q, limit: 10, offset: 10, facets: true }) },
  { name: "role-filter", query: (q) => ({ q, limit: 10, filters: { role: ["task", "measure"] } }) },
];

/** One answer as dumped: the result without its time, or the error's message. */
type Answer = { q: string; variant: string } & (Omit<SearchResult, "tookMs" | "query"> | { error: string });

async function answers(queries: string[], label: string): Promise<Answer[]> {
  const out: Answer[] = [];
  const started = performance.now();
  for (const q of queries) {
    for (const v of VARIANTS) {
      try {
        const { tookMs: _took, query: _query, ...rest } = await search(v.query(q));
        out.push({ q, variant: v.name, ...rest });
      } catch (error) {
        out.push({ q, variant: v.name, error: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  progress(`${label}: ${out.length} answers in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return out;
}

/** One line per answer, so that a line diff of two dumps points at the query. */
function serialise(header: object, list: Answer[]): string {
  return `{"header":${JSON.stringify(header)},\n"answers":[\n${list.map((a) => JSON.stringify(a)).join(",\n")}\n]}\n`;
}

/** The first answers in which two lists differ (as serialised). */
function differing(a: Answer[], b: Answer[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length) && out.length < 5; i++) {
    if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) out.push(`${a[i]?.q ?? b[i]?.q} (${a[i]?.variant ?? b[i]?.variant})`);
  }
  return out;
}

async function main(): Promise<number> {
  const root = process.cwd();
  const real = readRealDocuments(root);
  const pool = await provisionPool(real);
  const queries = queryMix(loadRelevanceSet(), pool).map((x) => x.q);
  const corpus = await ensureCorpus(root, docs, real, pool);
  progress(`dump: ${corpus.docs} documents, ${queries.length} queries × ${VARIANTS.length} ways`);
  const run = await ingestOnce([corpus.dir], `ingest ${docs}`);
  if (run.failed.length || run.indexError) throw new Error(`ingest: ${run.failed.length} documents failed${run.indexError ? `, indexing failed: ${run.indexError}` : ""}`);
  progress(`ingest: ${run.docs} documents, ${run.provisions} provisions in ${run.seconds.toFixed(1)} s`);
  try {
    const built = await answers(queries, "engine built by the ingest");
    // Rebuilt from the store (no persisted copy), which persists it; then loaded from that copy.
    resetSearch();
    rmSync(`${run.dbFile}.search`, { recursive: true, force: true });
    const rebuilt = await answers(queries, "engine rebuilt from the store");
    resetSearch();
    const loaded = await answers(queries, "engine loaded from its persisted copy");
    const header = { docs: corpus.docs, provisions: run.provisions, queries: queries.length, variants: VARIANTS.map((v) => v.name) };
    writeFileSync(out!, serialise(header, loaded));
    progress(`wrote ${path.resolve(out!)}`);
    let status = 0;
    for (const [name, other] of [["built by the ingest", built], ["rebuilt from the store", rebuilt]] as const) {
      const diff = differing(loaded, other);
      if (!diff.length) continue;
      console.error(`search:dump: the engine ${name} answers differently from the loaded one: ${diff.join("; ")}`);
      status = 3;
    }
    return status;
  } finally {
    await closeDb();
    resetSearch();
    rmSync(run.dir, { recursive: true, force: true });
  }
}

main()
  .then((status) => process.exit(status))
  .catch((error: unknown) => {
    console.error(`search:dump: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  });
