/**
 * Search part of `npm run eval`: a fresh database with content/ loaded, every
 * query of tests/search/relevance.json through the real search(), recall@5 and MRR.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrate } from "../lib/db/migrate";
import { ingestPaths } from "../lib/ingest/ingest";
import { closeDb } from "../lib/db/client";
import { search } from "../lib/search";
import { loadRelevanceSet, scoreRelevance } from "../lib/eval/relevance";

export async function evalSearch(options: { verbose: boolean }): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), "policykb-eval-"));
  process.env.DATABASE_URL = `file:${path.join(dir, "eval.db")}`;
  try {
    await migrate();
    await ingestPaths([path.join(process.cwd(), "content")], { quiet: true });
    const score = await scoreRelevance(loadRelevanceSet(), async (q) => (await search({ q, limit: 10 })).hits);
    console.log(`\nsearch: ${score.queries} queries  recall@5 ${score.recallAt5.toFixed(3)}  recall@10 ${score.recallAt10.toFixed(3)}  MRR ${score.mrr.toFixed(3)}  (required recall@5 ≥ 0.95)`);
    for (const [kind, s] of Object.entries(score.byKind)) console.log(`  ${kind.padEnd(8)} ${String(s.queries).padStart(3)} queries  recall@5 ${s.recallAt5.toFixed(3)}  MRR ${s.mrr.toFixed(3)}`);
    if (options.verbose) for (const m of score.misses) console.log(`  miss: ${m.q} → ${m.missing.join(", ")}`);
    return score.recallAt5;
  } finally {
    await closeDb();
    rmSync(dir, { recursive: true, force: true });
  }
}
