/**
 * Search quality on the relevance set (tests/search/relevance.json): each
 * query with the provisions a reader expects. Recall@k = expected provisions
 * in the top k divided by min(k, number expected) — capped recall, so a
 * query with twelve right answers is not marked down for showing only five of
 * them in five places; MRR = mean of 1/rank of the first expected hit.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../db/url";

export interface RelevanceQuery {
  q: string;
  kind: string;
  expected: Array<{ document: string; provision: string }>;
  note?: string;
}

export function loadRelevanceSet(file = path.join(projectRoot(), "tests", "search", "relevance.json")): RelevanceQuery[] {
  return (JSON.parse(readFileSync(file, "utf8")) as { queries: RelevanceQuery[] }).queries;
}

export interface RankedHit {
  document: string;
  provision: string;
}

export interface RelevanceScore {
  queries: number;
  recallAt5: number;
  recallAt10: number;
  mrr: number;
  byKind: Record<string, { queries: number; recallAt5: number; mrr: number }>;
  misses: Array<{ q: string; missing: string[] }>;
}

/** Scores a search function on the relevance set. */
export async function scoreRelevance(queries: RelevanceQuery[], run: (q: string) => Promise<RankedHit[]>): Promise<RelevanceScore> {
  let r5 = 0;
  let r10 = 0;
  let rr = 0;
  const byKind: Record<string, { queries: number; r5: number; rr: number }> = {};
  const misses: RelevanceScore["misses"] = [];
  for (const query of queries) {
    const hits = await run(query.q);
    const key = (h: RankedHit) => `${h.document}#${h.provision}`;
    const ranked = hits.map(key);
    const expected = query.expected.map(key);
    const found5 = expected.filter((e) => ranked.slice(0, 5).includes(e)).length / Math.min(5, expected.length);
    const found10 = expected.filter((e) => ranked.slice(0, 10).includes(e)).length / Math.min(10, expected.length);
    const first = ranked.findIndex((h) => expected.includes(h));
    const reciprocal = first >= 0 ? 1 / (first + 1) : 0;
    r5 += found5;
    r10 += found10;
    rr += reciprocal;
    const k = (byKind[query.kind] ??= { queries: 0, r5: 0, rr: 0 });
    k.queries++;
    k.r5 += found5;
    k.rr += reciprocal;
    const missing = expected.filter((e) => !ranked.slice(0, 5).includes(e));
    if (found5 < 1) misses.push({ q: query.q, missing });
  }
  const n = Math.max(1, queries.length);
  return {
    queries: queries.length,
    recallAt5: r5 / n,
    recallAt10: r10 / n,
    mrr: rr / n,
    byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, { queries: v.queries, recallAt5: v.r5 / v.queries, mrr: v.rr / v.queries }])),
    misses,
  };
}
