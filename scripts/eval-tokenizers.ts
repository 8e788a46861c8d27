/**
 * `npm run eval:tokenizers`: the search engine with each token strategy on the
 * same records and relevance set — recall@5, MRR, build time, index size and
 * query latency — so the choice of tokenizer rests on figures.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrate } from "../lib/db/migrate";
import { ingestPaths } from "../lib/ingest/ingest";
import { closeDb } from "../lib/db/client";
import { SearchEngine } from "../lib/search/engine";
import { loadAliasGroups } from "../lib/db/index-source";
import { loadRecords } from "../lib/search/records";
import { fold, parseQuery, type TokenStrategy } from "../lib/search/tokenize";
import { nameVariants } from "../lib/parties/resolve";
import { findDeadlines } from "../lib/parser/deadlines";
import { loadRelevanceSet, scoreRelevance } from "../lib/eval/relevance";

const dir = mkdtempSync(path.join(tmpdir(), "policykb-tok-"));
process.env.DATABASE_URL = `file:${path.join(dir, "t.db")}`;
try {
  await migrate();
  await ingestPaths([path.join(process.cwd(), "content")], { quiet: true });
  const docs = await loadRecords(null);
  const aliases = await loadAliasGroups();
  const queries = loadRelevanceSet();
  console.log("strategy  build ms  index KB  recall@5  recall@10    MRR   query p50 ms  p95 ms");
  for (const strategy of ["bigram", "words"] as TokenStrategy[]) {
    const t = performance.now();
    const engine = new SearchEngine(strategy);
    for (const d of docs) engine.addDocument(d.slug, d.version, d.records);
    const build = performance.now() - t;
    // The persisted postings' bytes (tokens, offsets, slots).
    const size = engine.freeze().toBuffers().reduce((n, b) => n + b.length, 0) / 1024;
    const times: number[] = [];
    const run = async (q: string) => {
      const words = parseQuery(q);
      for (const w of words) {
        const v = new Set([...(aliases.get(w.text) ?? []), ...nameVariants(w.text)]);
        v.delete(w.text);
        w.alternatives = [...v].map(fold);
        w.date = findDeadlines(w.text, 0, { issuedAt: null, effectiveFrom: null, documentLevel: false }).find((d) => d.date)?.date ?? null;
      }
      const a = performance.now();
      const r = engine.run({ words, filters: {}, limit: 10, offset: 0, facets: false });
      times.push(performance.now() - a);
      return r.hits;
    };
    const s = await scoreRelevance(queries, run);
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))]!.toFixed(3);
    console.log(`${strategy.padEnd(8)}  ${build.toFixed(0).padStart(8)}  ${size.toFixed(0).padStart(8)}  ${s.recallAt5.toFixed(3).padStart(8)}  ${s.recallAt10.toFixed(3).padStart(9)}  ${s.mrr.toFixed(3).padStart(5)}  ${pct(0.5).padStart(13)}  ${pct(0.95).padStart(6)}`);
  }
} finally {
  await closeDb();
  rmSync(dir, { recursive: true, force: true });
}
