import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ingestPaths } from "../../lib/ingest/ingest";
import { documentStored } from "../../lib/ingest/hooks";
import { resetSearch, search } from "../../lib/search";
import { loadRelevanceSet, scoreRelevance } from "../../lib/eval/relevance";
import { freshDatabase } from "../helpers/db";
import { testPostgres } from "../helpers/pg";
import { ROOT } from "../helpers/cli";

/**
 * Search inside PostgreSQL (POLICYKB_SEARCH=postgres): the same answers'
 * quality as the embedded engine on the relevance set, and no index of the
 * process's own. Runs with POLICYKB_TEST_PG.
 */
describe.skipIf(!testPostgres())("search in PostgreSQL", () => {
  const before = process.env.POLICYKB_SEARCH;
  const mode = (m: "postgres" | "embedded") => {
    if (m === "postgres") process.env.POLICYKB_SEARCH = "postgres";
    else delete process.env.POLICYKB_SEARCH;
    resetSearch();
  };

  beforeAll(async () => {
    mode("embedded");
    await freshDatabase();
    const summary = await ingestPaths([path.join(ROOT, "content")], { quiet: true });
    mode("postgres");
    await documentStored(...summary.outcomes);
  });

  afterAll(() => {
    if (before === undefined) delete process.env.POLICYKB_SEARCH;
    else process.env.POLICYKB_SEARCH = before;
    resetSearch();
  });

  test("recall@5 and MRR on the relevance set within 0.02 of the embedded engine", async () => {
    const queries = loadRelevanceSet();
    const run = async (q: string) => (await search({ q, limit: 10 })).hits;
    mode("embedded");
    const embedded = await scoreRelevance(queries, run);
    mode("postgres");
    const inPostgres = await scoreRelevance(queries, run);
    expect(Math.abs(inPostgres.recallAt5 - embedded.recallAt5)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(inPostgres.mrr - embedded.mrr)).toBeLessThanOrEqual(0.02);
  });

  test("the same answer format: hits with snippets, citations and breadcrumbs, filters and facets", async () => {
    mode("postgres");
    const r = await search({ q: "电力 直接交易" });
    expect(r.hits[0]).toMatchObject({ document: "qinghai-2016-industry-supply-side-reform", provision: "p2__s4__x2", citation: "第二部分第（四）项第二点", missing: [] });
    expect(r.hits[0]!.snippet).toContain("<mark>");
    expect((await search({ q: "降成本" })).hits[0]!.breadcrumb.map((c) => c.label)).toEqual(["二、"]);
    const all = await search({ q: "财政部", limit: 50, facets: true });
    const tasks = await search({ q: "财政部", limit: 50, filters: { role: ["task"] } });
    expect(tasks.hits.every((h) => h.role === "task")).toBe(true);
    expect(tasks.total).toBe(all.facets.role.find((f) => f.value === "task")!.count);
    // Answers equal the embedded engine's on plain queries.
    for (const q of ["降成本", "人力资源社会保障部 牵头", "2019年底", "人行"]) {
      mode("postgres");
      const pg = await search({ q, limit: 10 });
      mode("embedded");
      const embedded = await search({ q, limit: 10 });
      expect(pg.hits.map((h) => `${h.document}#${h.provision}`), q).toEqual(embedded.hits.map((h) => `${h.document}#${h.provision}`));
    }
  });
});
