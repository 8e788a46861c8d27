import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { ingestPaths } from "../../lib/ingest/ingest";
import { documentStored } from "../../lib/ingest/hooks";
import { search, resetSearch, searchQueryFromParams, SearchQueryError } from "../../lib/search";
import { indexDir } from "../../lib/search/persist";
import { Snippets } from "../../lib/search/snippets";
import { parseQuery } from "../../lib/search/tokenize";
import { loadRelevanceSet, scoreRelevance } from "../../lib/eval/relevance";
import { databaseUrl, freshDatabase } from "../helpers/db";
import { ROOT, runCli } from "../helpers/cli";

const SEED = "qinghai-2016-industry-supply-side-reform";
let dbFile = "";

beforeAll(async () => {
  dbFile = await freshDatabase();
  resetSearch();
  const summary = await ingestPaths([path.join(ROOT, "content")], { quiet: true });
  await documentStored(...summary.outcomes);
});

const ids = async (q: string, limit = 10) => (await search({ q, limit })).hits.map((h) => `${h.document}#${h.provision}`);

describe("queries", () => {
  test("several words: all must match, in any order and distance", async () => {
    const hits = await search({ q: "电力 直接交易" });
    expect(hits.hits[0]).toMatchObject({ document: SEED, provision: "p2__s4__x2", citation: "第二部分第（四）项第二点", url: `/documents/${SEED}#p2__s4__x2` });
    expect((await search({ q: "直接交易 电力" })).hits[0]!.provision).toBe("p2__s4__x2");
    expect(hits.hits[0]!.missing).toEqual([]);
  });
  test("heading matches first and the most specific provision", async () => {
    const hits = await search({ q: "降成本" });
    expect(hits.hits[0]).toMatchObject({ document: SEED, provision: "p2__s4", heading: "多措并举降成本" });
    expect(hits.hits[0]!.breadcrumb.map((c) => c.label)).toEqual(["二、"]);
  });
  test("quoted phrases, quotes in the text ignored", async () => {
    expect(await ids('"一口价"')).toContain(`${SEED}#p2__s4__x2`);
    expect(await ids("僵尸企业")).toContain(`${SEED}#p2__s2`);
  });
  test("party aliases are expanded", async () => {
    const viaAlias = await ids("人行", 20);
    const viaName = await ids("人民银行", 20);
    expect(viaAlias.filter((x) => viaName.includes(x)).length).toBeGreaterThanOrEqual(5);
    expect(await ids("人行", 20)).toContain(`${SEED}#p3__s2`);
  });
  test("a party with a role: 财政部 牵头 finds where it leads, not only where 牵头 is written", async () => {
    const hits = await search({ q: "人力资源社会保障部 牵头", limit: 20 });
    expect(hits.hits.map((h) => h.provision)).toContain("p1__s1");
  });
  test("numbers with units and dates", async () => {
    expect((await ids("600项"))[0]).toBe(`${SEED}#p1__s3`);
    expect(await ids("2019年底")).toContain("010_gwyb-zhengfu-wangzhan-jiyuehua-shidian-gongzuo-fangan-2018#encl__p1__s3");
  });
  test("filters and facets", async () => {
    const all = await search({ q: "财政部", limit: 50, facets: true });
    expect(all.facets.role.length).toBeGreaterThan(1);
    const tasks = await search({ q: "财政部", limit: 50, filters: { role: ["task"] } });
    expect(tasks.hits.every((h) => h.role === "task")).toBe(true);
    expect(tasks.total).toBe(all.facets.role.find((f) => f.value === "task")!.count);
    const one = await search({ q: "财政部", limit: 50, filters: { doc: ["004_gwy-cujin-jiuye-ruogan-yijian-2018"] } });
    expect(new Set(one.hits.map((h) => h.document))).toEqual(new Set(["004_gwy-cujin-jiuye-ruogan-yijian-2018"]));
    const expired = await search({ q: "降成本", filters: { status: ["已失效"] } });
    expect(expired.hits[0]!.document).toBe(SEED);
    expect((await search({ q: "降成本", filters: { status: ["尚未施行"] } })).total).toBe(0);
  });
  test("snippets mark matches and escape everything else", () => {
    const html = new Snippets().make("<script>alert(1)</script>降成本&“降”成本", parseQuery("降成本"));
    expect(html).toBe("&lt;script&gt;alert(1)&lt;/script&gt;<mark>降成本</mark>&amp;“<mark>降”成本</mark>");
  });
});

describe("bad queries", () => {
  test("empty, too long or a bad filter is a SearchQueryError", async () => {
    await expect(search({ q: "  " })).rejects.toThrow(SearchQueryError);
    await expect(search({ q: "降".repeat(201) })).rejects.toThrow(/too long/);
    await expect(search({ q: "降成本", filters: { role: ["boss" as "task"] } })).rejects.toThrow(/bad role/);
    expect(() => searchQueryFromParams(new URLSearchParams("q=x&limit=abc"))).toThrow(SearchQueryError);
    expect(() => searchQueryFromParams(new URLSearchParams("q=x&year=20x9"))).toThrow(SearchQueryError);
  });
  test("the CLI exits 2 with one line", () => {
    const r = runCli(["search", "x".repeat(201)], { DATABASE_URL: databaseUrl(dbFile) });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/^policykb: query is too long/);
    const role = runCli(["search", "降成本", "--role", "boss"], { DATABASE_URL: databaseUrl(dbFile) });
    expect(role.status).toBe(2);
    expect(role.stderr.trim()).toMatch(/^policykb: bad role "boss"/);
  });
});

// With POLICYKB_SEARCH=postgres the process keeps no index on disk (tests/search/pg-search.test.ts).
describe.skipIf(process.env.POLICYKB_SEARCH === "postgres")("the index on disk", () => {
  test("is persisted and loaded at start without a rebuild; an ingest updates it", async () => {
    expect(existsSync(path.join(indexDir(), "state.json"))).toBe(true);
    resetSearch();
    const loaded = await search({ q: "降成本" });
    expect(loaded.hits[0]!.provision).toBe("p2__s4");
    const dir = mkdtempSync(path.join(tmpdir(), "policykb-search-"));
    writeFileSync(path.join(dir, "new-policy.txt"), "示范意见\n一、重点任务\n（一）推进量子计算示范。建设量子计算平台。\n");
    const summary = await ingestPaths([dir], { quiet: true });
    await documentStored(...summary.outcomes);
    expect((await search({ q: "量子计算" })).hits[0]).toMatchObject({ document: "new-policy", provision: "p1__s1" });
    // Another process (the CLI) sees the persisted, updated index.
    const r = runCli(["search", "量子计算", "--json"], { DATABASE_URL: databaseUrl(dbFile) });
    expect(JSON.parse(r.stdout).hits[0].document).toBe("new-policy");
  });
});

describe("quality", () => {
  test("recall@5 on the relevance set is at least 0.95", async () => {
    const queries = loadRelevanceSet();
    expect(queries.length).toBeGreaterThanOrEqual(60);
    const score = await scoreRelevance(queries, async (q) => (await search({ q, limit: 10 })).hits);
    expect(score.recallAt5).toBeGreaterThanOrEqual(0.95);
  });
});
