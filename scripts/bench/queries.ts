/**
 * The fixed query mix every engine is timed on: the queries of the relevance
 * set (tests/search/relevance.json) plus generated queries — pairs of common
 * words (Intl.Segmenter content words among the 200 most frequent of the real
 * provisions) that occur together in one real provision, so each has hits at
 * every corpus size. Seeded: the same mix every run.
 */
import { contentWords } from "../../lib/parser/words";
import type { RelevanceQuery } from "../../lib/eval/relevance";
import type { ProvisionPool } from "./corpus";
import { pick, rng } from "./util";

export interface BenchQuery {
  q: string;
  source: "relevance" | "generated";
}

export function queryMix(relevance: RelevanceQuery[], pool: ProvisionPool, generated = 132): BenchQuery[] {
  const df = new Map<string, number>();
  const wordsOf = pool.items.map((text) => [...new Set(contentWords(text))]);
  for (const words of wordsOf) for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
  const common = new Set([...df].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 200).map(([w]) => w));
  const random = rng(7);
  const seen = new Set<string>();
  const out: BenchQuery[] = relevance.map((r) => ({ q: r.q, source: "relevance" }));
  for (let attempts = 0; seen.size < generated && attempts < generated * 50; attempts++) {
    const candidates = pick(random, wordsOf).filter((w) => common.has(w));
    if (candidates.length < 2) continue;
    const a = pick(random, candidates);
    const b = pick(random, candidates.filter((w) => w !== a));
    const q = `${a} ${b}`;
    if (seen.has(q)) continue;
    seen.add(q);
    out.push({ q, source: "generated" });
  }
  return out;
}
