import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { expandList, judgeName, unknownWords } from "../../lib/parser/names";
import { parseDocument } from "../../lib/parser";
import { findResponsibilities } from "../../lib/parser/parties";
import { fold } from "../../lib/parser/fold";

/**
 * The grammar of party names against real names and real fragments drawn from
 * the corpus (tests/parser/party-names.json: each with the file it came from).
 * A fragment that passed would put a false department in a clerk's ledger.
 */
interface Table {
  pass: Array<{ name: string; source: string }>;
  fail: Array<{ name: string; why: string; source: string }>;
}
const table = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "party-names.json"), "utf8")) as Table;

describe("party name grammar", () => {
  test(`at least 100 real names and 50 real fragments in the table`, () => {
    expect(table.pass.length).toBeGreaterThanOrEqual(100);
    expect(table.fail.length).toBeGreaterThanOrEqual(50);
  });
  test.each(table.pass.map((p) => [p.name, p.source]))("names a body: %s (%s)", (name) => {
    expect(judgeName(name)).toMatchObject({ ok: true });
  });
  test.each(table.fail.map((p) => [p.name, p.why]))("is no name: %s (%s)", (name) => {
    const verdict = judgeName(name);
    // Generic actors (企业, 学校) are names of kinds; the role rules keep them out of running text.
    expect(verdict.ok && verdict.kind !== "generic").toBe(false);
  });
  test("a word kept before a name is named, with the name after it", () => {
    expect(judgeName("经国务院证券监督管理机构")).toMatchObject({ ok: false, why: "lead-in", rest: "国务院证券监督管理机构" });
    expect(judgeName("者人民法院")).toMatchObject({ ok: false });
  });
});

describe("names the lexicon confirms, and names it does not", () => {
  // Made wholly of lexicon and administrative words: nothing to review.
  test.each(["国家发展改革委", "省财政厅", "县级以上地方人民政府市场监督管理部门", "国务院药品监督管理部门", "市人力资源社会保障局", "各市州", "有关部门", "18户省属出资企业", "工业领域结构性改革领导小组"])("%s is confirmed", (name) => {
    expect(unknownWords(name)).toBe("");
  });
  // Accepted by the grammar with words the lexicon does not know: flagged for review.
  test.each(["电动自行车行业协会", "大经济部门", "地区性中小银行", "现代农业装备职业教育集团"])("%s is flagged", (name) => {
    expect(judgeName(name).ok).toBe(true);
    expect(unknownWords(name).length).toBeGreaterThan(2);
  });
  test("the parse flags such a party with its position, and keeps it", async () => {
    const text = "关于推进改革的通知\n一、工作任务\n（一）完善机制。由太湖流域管理机构负责，省财政厅配合。\n";
    const { doc, messages, sourceText } = await parseDocument(new TextEncoder().encode(text), "notice.txt");
    expect(doc.responsibilities.map((r) => r.party)).toEqual(expect.arrayContaining(["太湖流域管理机构", "省财政厅"]));
    const flagged = messages.filter((m) => m.ruleId === "party-unsure");
    expect(flagged.map((m) => sourceText.slice(m.start, m.end))).toEqual(["太湖流域管理机构"]);
    expect(flagged[0]!.reason).toContain("「太湖流域管理机构」");
  });
});

describe("lists sharing a body word expand with it", () => {
  const CASES: Array<[string[], string, string[]]> = [
    [["财政", "教育", "民政"], "部门", ["财政部门", "教育部门", "民政部门"]],
    [["县级以上人民政府财政", "审计"], "部门", ["县级以上人民政府财政部门", "县级以上人民政府审计部门"]],
    [["网信", "公安", "国家安全"], "主管部门", ["网信主管部门", "公安主管部门", "国家安全主管部门"]],
    [["省港航集团", "省机场集团"], "单位", ["省港航集团", "省机场集团"]],
  ];
  test.each(CASES)("%j + %s", (items, shared, expected) => expect(expandList(items, shared)).toEqual(expected));
});

describe("names in running text keep their whole words", () => {
  const parties = (text: string) => findResponsibilities(fold(text), 0, { firstIsLead: false }, { addressees: [] }).map((r) => r.party);
  test("林业和绿化主管部门 is one function, not 绿化主管部门", () => {
    const found = parties("区（市）林业和绿化主管部门负责牵头推进环城绿道建设");
    expect(found.some((p) => p.endsWith("林业和绿化主管部门"))).toBe(true);
    expect(found).not.toContain("绿化主管部门");
  });
  test("或者 separates names: 民政部门或者人民法院 gives 人民法院, not 者人民法院", () => {
    expect(parties("居民委员会、民政部门或者人民法院应当尊重被监护人的真实意愿")).not.toContain("者人民法院");
  });
  test("所在地 and 设区的 belong to the name", () => {
    expect(parties("由广告发布者所在地市场监督管理部门处理")).not.toContain("地市场监督管理部门");
  });
  test("a body word that is part of the next word ends no name (部队, 委员会同意)", () => {
    expect(parties("国家铁路的重要桥梁和隧道，由中国人民武装警察部队负责守卫")).not.toContain("中国人民武装警察部");
    expect(parties("必须经开发区管委会同意，并报市人民政府批准")).not.toContain("开发区管委");
  });
});
