import { describe, expect, test } from "vitest";
import { SearchEngine, ENOUGH } from "../../lib/search/engine";
import { hasBit, ScratchBitsets, SIEVE_FROM, TokenBitsets } from "../../lib/search/bitsets";
import { parseQuery } from "../../lib/search/tokenize";
import type { SearchRecord } from "../../lib/search/records";

let nextId = 1;
function record(provision: string, text: string, extra: Partial<SearchRecord> = {}): SearchRecord {
  return {
    id: nextId++,
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

  test("words whose postings are long (bitset sieves) match exactly what a substring check would", () => {
    const big = new SearchEngine();
    const texts = ["市政府负责落实考核指标", "市政府统筹", "完成考核指标", "市政府要完善指标体系", "市人民政府牵头制定指标"];
    const rows = Array.from({ length: 3000 }, (_, i) => record(`b${i}`, `第${i}条 ${texts[i % texts.length]}。`));
    big.addDocument("big", 1, rows);
    const expected = (words: string[]) => rows.filter((r) => words.every((w) => r.text.includes(w))).length;
    for (const q of ["市政府 指标", "考核指标 市政府", "指标体系", "考核 指标 落实"]) {
      // Facets count every match: the whole candidate list goes through the sieves.
      expect(query(big, q, true).total, q).toBe(expected(q.split(" ")));
    }
  });

  test("a word written several ways, one of them rare, is sieved per form and matches what a substring check would", () => {
    const big = new SearchEngine();
    const texts = ["市政府负责落实考核指标", "市政府统筹", "完成考核指标", "市政府要完善指标体系", "市人民政府牵头制定指标"];
    // 市级人民政府 in 31 of 3,000 provisions: fewer postings than a bitset over 3,000 slots has words (94).
    const rows = Array.from({ length: 3000 }, (_, i) => record(`b${i}`, i % 97 === 0 ? `第${i}条 市级人民政府统筹考核${i % 2 ? "指标" : "工作"}。` : `第${i}条 ${texts[i % texts.length]}。`));
    big.addDocument("big", 1, rows);
    const words = [...parseQuery("市政府 指标")];
    words[0] = { ...words[0]!, alternatives: ["市级人民政府"] };
    const r = big.run({ words, filters: {}, limit: 10, offset: 0, facets: true });
    const expected = rows.filter((row) => (row.text.includes("市政府") || row.text.includes("市级人民政府")) && row.text.includes("指标")).length;
    expect(rows.filter((row) => row.text.includes("市级人民政府") && row.text.includes("指标")).length).toBe(15);
    expect(r.total).toBe(expected);
  });

  test("a party's role counts for a role word, and stops counting when its document is removed", () => {
    const roles = new SearchEngine();
    const led = (slug: string) => record(`${slug}1`, "财政厅负责资金保障。", { document: slug, parties: ["省财政厅"], partyRoles: [{ mention: "财政厅", name: "省财政厅", role: "lead" }] });
    roles.addDocument("a", 1, [led("a"), record("a2", "财政厅配合。", { document: "a" })]);
    // 牵头 is not written: the responsibility gives the role (by the name as written or canonical).
    expect(query(roles, "财政厅 牵头").hits.map((h) => h.provision)[0]).toBe("a1");
    expect(query(roles, "财政厅 牵头", true).total).toBe(1);
    expect(query(roles, "省财政厅 牵头", true).total).toBe(0);
    roles.removeDocument("a");
    // The freed slot is reused by a document without responsibilities.
    roles.addDocument("b", 1, [record("b1", "财政厅负责资金保障。", { document: "b" })]);
    expect(query(roles, "财政厅 牵头", true).total).toBe(0);
    roles.addDocument("c", 1, [led("c")]);
    expect(query(roles, "财政厅 牵头", true).total).toBe(1);
  });

  test("removing a document removes its provisions and dates", () => {
    const other = new SearchEngine();
    other.addDocument("d", 1, [record("a", "降成本", { dates: ["2020-06-30"] })]);
    other.removeDocument("d");
    expect(query(other, "降成本").total).toBe(0);
    expect(query(other, "2020年6月底", false, {}, "2020-06-30").total).toBe(0);
  });
});

describe("frozen postings", () => {
  test("an engine frozen part-way answers like one that never froze, through removals and slot reuse", () => {
    const texts = ["市政府负责落实考核指标", "市政府统筹通行收费", "完成考核指标", "市政府要完善指标体系", "市人民政府牵头制定指标"];
    const doc = (slug: string, n: number, from: number) =>
      Array.from({ length: n }, (_, i) => record(`${slug}${i}`, `第${from + i}条 ${texts[(from + i) % texts.length]}。`, { document: slug, dates: i === 0 ? ["2020-06-30"] : [] }));
    const plain = new SearchEngine();
    const frozen = new SearchEngine();
    const steps: Array<(e: SearchEngine) => void> = [
      (e) => e.addDocument("a", 1, doc("a", 1500, 0)),
      (e) => e.addDocument("b", 1, doc("b", 1200, 1500)),
      (e) => e.removeDocument("a"),
      (e) => e.addDocument("c", 1, doc("c", 900, 2700)),
      (e) => e.addDocument("b", 2, doc("b", 300, 3600)),
    ];
    const queries = ["市政府 指标", "考核指标 市政府", "指标体系", "通行费", "牵头 市人民政府"];
    // Equal answers up to ties (slots are handed out in another order): totals, counts per document, scores.
    const answers = (e: SearchEngine) =>
      queries.map((q) => {
        const r = query(e, q, true);
        return { q, total: r.total, perDocument: r.facets.doc, scores: r.hits.map((h) => h.score) };
      });
    steps.forEach((step, i) => {
      step(plain);
      step(frozen);
      // Removed provisions are not counted even while their slots wait for the next freeze.
      expect(frozen.size, `after step ${i}`).toBe(plain.size);
      if (i % 2 === 0) frozen.freeze();
      expect(answers(frozen), `after step ${i}`).toEqual(answers(plain));
      expect(query(frozen, "2020年6月底", false, {}, "2020-06-30").total).toBe(query(plain, "2020年6月底", false, {}, "2020-06-30").total);
    });
    expect(frozen.size).toBe(plain.size);
    // Removed slots are reused only after a freeze: the slot space does not grow without bound.
    frozen.freeze();
    frozen.removeDocument("c");
    frozen.freeze();
    frozen.addDocument("d", 1, doc("d", 900, 0));
    expect(query(frozen, "指标体系", true).total).toBe(180 + 60);
  });
});

describe("an engine that keeps folded text only", () => {
  test("matches the same, and leaves each snippet to be made from the stored text", () => {
    const full = new SearchEngine();
    const lean = new SearchEngine({ keepText: false });
    const records = [record("a", "推进“僵尸”企业出清，降低企业用电成本。"), record("b", "首台（套）重大技术装备保险补偿。")];
    full.addDocument("d", 1, records.map((r) => ({ ...r })));
    lean.addDocument("d", 1, records.map((r) => ({ ...r })));
    for (const q of ["僵尸企业", "首台套", "用电 成本"]) {
      const a = query(full, q);
      const b = query(lean, q);
      expect(b.hits.map((h) => h.provision)).toEqual(a.hits.map((h) => h.provision));
      expect(b.hits.every((h) => h.snippet === "")).toBe(true);
      expect(b.textIds).toEqual(a.hits.map((h) => records.find((r) => r.provision === h.provision)!.id));
      expect(a.textIds.every((id) => id === null)).toBe(true);
    }
    // It holds no original text: what it would persist has none.
    expect([...lean.indexedDocuments()][0]!.document.provisions.map((p) => p.text)).toEqual(["", ""]);
  });
});

describe("a shown hit's fields", () => {
  test("come from its own provision and its ancestors, whatever their text holds", () => {
    const engine = new SearchEngine();
    const crumb = (id: string, label: string, heading: string) => ({ id, label, heading });
    engine.addDocument("d", 1, [
      record("p1", "", { heading: "主要任务\n（第一部分）", label: "一、" }),
      record("p1__s1", "多措并举降成本。", { heading: "多措并举", label: "（一）", breadcrumb: [crumb("p1", "一、", "主要任务\n（第一部分）")] }),
      record("p1__s1__i1", "降低企业用电成本，\"能降尽降\"。", { label: "1.", breadcrumb: [crumb("p1", "一、", "主要任务\n（第一部分）"), crumb("p1__s1", "（一）", "多措并举")] }),
      record("p2", "降低物流成本。", { label: "二、" }),
    ]);
    const hit = query(engine, "用电成本").hits[0]!;
    expect(hit).toMatchObject({ provision: "p1__s1__i1", label: "1.", breadcrumb: [crumb("p1", "一、", "主要任务\n（第一部分）"), crumb("p1__s1", "（一）", "多措并举")] });
    expect(query(engine, "物流成本").hits[0]).toMatchObject({ provision: "p2", label: "二、", breadcrumb: [] });
    expect(query(engine, "第一部分").hits[0]).toMatchObject({ provision: "p1", heading: "主要任务\n（第一部分）" });
  });
});

describe("the copy on disk", () => {
  test("a persisted engine loads back with the same records, breadcrumbs, parties, dates and answers", async () => {
    const { mkdtempSync, mkdirSync, existsSync, writeFileSync, readdirSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const dir = mkdtempSync(path.join(tmpdir(), "policykb-persist-"));
    const before = process.env.DATABASE_URL;
    process.env.DATABASE_URL = `file:${path.join(dir, "x.db")}`;
    try {
      const { persist, loadPersisted, indexDir } = await import("../../lib/search/persist");
      const engine = new SearchEngine();
      const part = record("p1", "", { heading: "主要任务", label: "一、" });
      const section = record("p1__s1", "多措并举降成本。", { heading: "多措并举降成本", label: "（一）", breadcrumb: [{ id: "p1", label: "一、", heading: "主要任务" }], context: "主要任务" });
      const item = record("p1__s1__i1", "省财政厅牵头，2019年底前完成降低企业用电成本。", {
        breadcrumb: [{ id: "p1", label: "一、", heading: "主要任务" }, { id: "p1__s1", label: "（一）", heading: "多措并举降成本" }],
        context: "主要任务 多措并举降成本",
        parties: ["某省财政厅"], partyRoles: [{ mention: "省财政厅", name: "某省财政厅", role: "lead" }], dates: ["2019-12-31"],
      });
      engine.addDocument("d", 3, [part, section, item]);
      engine.addDocument("gone", 1, [record("g", "临时文件", { document: "gone" })]);
      engine.removeDocument("gone");
      mkdirSync(indexDir(), { recursive: true });
      writeFileSync(path.join(indexDir(), "index.json"), "{}");
      await persist(engine, "fp-1");
      expect(existsSync(path.join(indexDir(), "index.json"))).toBe(false);
      expect(readdirSync(indexDir()).sort()).toEqual(expect.arrayContaining(["state.json"]));
      const loaded = (await loadPersisted())!;
      expect(loaded.fingerprint).toBe("fp-1");
      // The same documents come back (what persisting again would write), and hits show the same record.
      expect([...loaded.engine.indexedDocuments()]).toEqual([...engine.indexedDocuments()]);
      expect(query(loaded.engine, "用电成本").hits[0]).toMatchObject({ provision: item.provision, heading: null, citation: item.citation, role: item.role, breadcrumb: item.breadcrumb });
      expect(query(loaded.engine, "多措并举").hits.map((h) => h.provision)).toEqual([section.provision, item.provision]);
      expect(loaded.engine.versions.get("d")).toBe(3);
      expect(loaded.engine.size).toBe(3);
      for (const q of ["降成本", "用电成本 主要任务", "省财政厅"]) expect(query(loaded.engine, q)).toEqual(query(engine, q));
      expect(query(loaded.engine, "2019年底", false, {}, "2019-12-31").hits.map((h) => h.provision)).toEqual(["p1__s1__i1"]);
      // A slot freed before persisting is reused after loading.
      loaded.engine.addDocument("new", 1, [record("n", "量子计算", { document: "new" })]);
      expect(loaded.engine.size).toBe(4);
      expect(query(loaded.engine, "量子计算").hits[0]!.document).toBe("new");

      // A library whose folded texts fill several runs (half a million characters each), removed documents left out.
      const large = new SearchEngine({ keepText: false });
      const filler = "推进供给侧结构性改革，降低实体经济企业成本。".repeat(40);
      for (let d = 0; d < 6; d++) {
        large.addDocument(`doc${d}`, 1, Array.from({ length: 150 }, (_, i) => record(`p${i}`, `${filler}第${d}号文件第${i}条：编号${d}x${i}。`, { document: `doc${d}` })));
      }
      large.removeDocument("doc2");
      await persist(large, "fp-2");
      const back = (await loadPersisted())!.engine;
      expect(back.size).toBe(5 * 150);
      for (const q of ["编号4x149", "第0号文件第0条", "编号2x3", "实体经济 编号5x77"]) expect(query(back, q, true), q).toEqual(query(large, q, true));
      expect(query(back, "编号4x149").hits.map((h) => h.provision)).toEqual(["p149"]);
    } finally {
      if (before === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = before;
    }
  });
});


describe("token bitsets kept across queries", () => {
  test("a bitset lent to a query is not dropped or reused for another token before the next query", () => {
    const engine = new SearchEngine();
    // 24 characters in every provision: 23 bigrams, each with more postings than SIEVE_FROM.
    const line = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地";
    engine.addDocument("d", 1, Array.from({ length: SIEVE_FROM + 10 }, (_, i) => record(`t${i}`, i % 2 ? line : `${line}。${i}`)));
    const slots = engine.table;
    const scratch = new ScratchBitsets(slots);
    // No memory budget: 16 bitsets kept, fewer than the 23 one query holds.
    const tokens = new TokenBitsets(slots, scratch, 0);
    const bigrams = Array.from({ length: line.length - 1 }, (_, i) => line.slice(i, i + 2));
    const expected = (bits: Uint32Array) => Array.from({ length: slots.slotCount }, (_, slot) => hasBit(bits, slot)).filter(Boolean).length;
    for (let round = 0; round < 2; round++) {
      scratch.reset();
      tokens.reset();
      const lent = bigrams.map((t) => tokens.get(t));
      expect(new Set(lent).size).toBe(bigrams.length);
      for (const bits of lent) expect(expected(bits)).toBe(SIEVE_FROM + 10);
    }
  });
});
