import { describe, expect, test } from "vitest";
import { SearchEngine, ENOUGH } from "../../lib/search/engine";
import { parseQuery } from "../../lib/search/tokenize";
import type { SearchRecord } from "../../lib/search/records";

function record(provision: string, text: string, extra: Partial<SearchRecord> = {}): SearchRecord {
  return {
    document: "d", documentTitle: "测试文件", kind: "意见", issuer: "某省人民政府", issuedAt: "2020-01-01", effectiveFrom: null, effectiveUntil: null,
    provision, label: null, heading: null, citation: provision, role: "task", text, breadcrumb: [], parties: [], partyRoles: [], context: "", dates: [],
    ...extra,
  };
}

const query = (engine: SearchEngine, q: string, facets = false, filters = {}, date: string | null = null) =>
  engine.run({ words: parseQuery(q).map((w) => ({ ...w, date })), filters, limit: 10, offset: 0, facets });

describe("search engine at scale", () => {
  const engine = new SearchEngine();
  const many = Array.from({ length: ENOUGH + 150 }, (_, i) => record(`x${i}`, `第${i}项：支持企业开展技术改造，降低企业成本。`));
  engine.addDocument("d", 1, [...many, record("rare", "推进电力用户与发电企业直接交易"), record("date", "抓紧落实", { dates: ["2019-12-31"] })]);

  test("a very common query stops after ENOUGH matches and says its total is a lower bound", () => {
    const r = query(engine, "企业 成本");
    expect(r.total).toBe(ENOUGH);
    expect(r.totalIsLowerBound).toBe(true);
    expect(r.hits).toHaveLength(10);
  });

  test("facets or filters count every match", () => {
    const r = query(engine, "企业 成本", true);
    expect(r.total).toBe(ENOUGH + 150);
    expect(r.totalIsLowerBound).toBe(false);
    expect(r.facets.role).toEqual([{ value: "task", count: ENOUGH + 150 }]);
    expect(query(engine, "企业", false, { role: ["task"] }).total).toBe(ENOUGH + 152 - 1);
  });

  test("the rarest word drives: a rare word next to a common one finds its provision, exact totals", () => {
    const r = query(engine, "企业 直接交易");
    expect(r.hits[0]!.provision).toBe("rare");
    // Then partial matches, each saying which word it lacks.
    expect(r.hits[1]!.missing).toEqual(["直接交易"]);
    expect(r.total).toBe(1);
    expect(r.totalIsLowerBound).toBe(false);
  });

  test("a date finds the provision whose deadline falls on it", () => {
    // search() resolves the date of a word (2019年底 → 2019-12-31) before the engine runs.
    expect(query(engine, "2019年底", false, {}, "2019-12-31").hits.map((h) => h.provision)).toEqual(["date"]);
  });

  test("removing a document removes its provisions and dates", () => {
    const other = new SearchEngine();
    other.addDocument("d", 1, [record("a", "降成本", { dates: ["2020-06-30"] })]);
    other.removeDocument("d");
    expect(query(other, "降成本").total).toBe(0);
    expect(query(other, "2020年6月底", false, {}, "2020-06-30").total).toBe(0);
  });
});
