import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { parseDocument, type PolicyDoc } from "../../lib/parser";
import { sharedDir } from "../../lib/paths";

/**
 * Documents as they are published (gov.cn pages, GB/T 9704 layout): what a
 * clerk sees of the masthead, the zones, attachments and tables. One small
 * document per case in tests/fixtures/parser/; the outcomes are checked here
 * in words, the whole parse in fixtures.test.ts.
 */
const fixtures = path.resolve(import.meta.dirname, "..", "fixtures", "parser");

async function parseFixture(name: string) {
  const dir = path.join(fixtures, name);
  const file = path.join(dir, readdirSync(dir).find((f) => f.startsWith("input."))!);
  return parseDocument(new Uint8Array(readFileSync(file)), file);
}

const labelPath = (doc: PolicyDoc, id: string | null): string[] => {
  const byId = new Map(doc.provisions.map((p) => [p.id, p]));
  const out: string[] = [];
  for (let p = id ? byId.get(id) : undefined; p; p = p.parent ? byId.get(p.parent) : undefined) if (p.label) out.unshift(p.label);
  return out;
};

describe("published forms", () => {
  test("a title set over two centred lines is one title; the 文号 and addressees under it are found", async () => {
    const { doc } = await parseFixture("title-block-html");
    expect(doc.title).toBe("国务院办公厅关于全面推行示范服务制度的意见");
    expect(doc.kind).toBe("意见");
    expect(doc.docNumber).toBe("国办发〔2019〕9号");
    expect(doc.addressees).toEqual(["各省、自治区、直辖市人民政府", "国务院各部委、各直属机构"]);
    expect(doc.issuer).toBe("国务院办公厅");
    expect(doc.issuedAt).toBe("2019-01-03");
    expect(doc.references.map((r) => r.docNumber)).not.toContain("国办发〔2019〕9号");
  });

  test("a 转发 notice is issued by the forwarding body; the forwarded text is an enclosed part", async () => {
    const { doc } = await parseFixture("forwarded");
    expect(doc.issuer).toBe("国务院办公厅");
    expect(doc.issuedAt).toBe("2019-02-01");
    const enclosure = doc.provisions.find((p) => p.id === "encl");
    expect(enclosure?.heading).toBe("关于进一步加强示范救助工作的意见");
    expect(doc.provisions.filter((p) => p.parent === "encl").map((p) => p.label)).toEqual(["一、", "二、"]);
    // The forwarded text's own 落款 is no provision.
    expect(doc.provisions.some((p) => p.text.includes("2019年1月20日"))).toBe(false);
  });

  test("joint issuers are split into units", async () => {
    const { doc } = await parseFixture("joint-issuers");
    expect(doc.issuer).toBe("国务院办公厅、中央军委办公厅");
  });

  test("paragraphs after the last item that address everyone close the document, with their facts", async () => {
    const { doc } = await parseFixture("closing-paragraph");
    const last = doc.provisions.filter((p) => p.label).at(-1)!;
    expect(last.text).not.toContain("各地区、各部门");
    // The closing paragraphs are a passage of their own, findable and citable as 结尾.
    const closing = doc.provisions.find((p) => p.id === "closing");
    expect(closing?.citation).toBe("结尾");
    expect(closing?.text).toContain("各地区、各部门要于2019年3月底前制定具体实施方案");
    expect(doc.deadlines.find((d) => d.date === "2019-03-31")?.provision).toBeNull();
    expect(doc.responsibilities.find((r) => r.party === "财政部")?.provision).toBeNull();
  });

  test("a second attached 规定 whose numbering restarts is a part of its own", async () => {
    const { doc } = await parseFixture("second-regulation");
    const part = doc.provisions.find((p) => p.label === "进一步支持示范单位发展的规定");
    expect(part).toBeDefined();
    expect(doc.provisions.filter((p) => p.parent === part!.id).map((p) => p.label)).toEqual(["一、", "二、"]);
    const first = doc.provisions.filter((p) => p.parent === "encl").map((p) => p.label);
    expect(first).toEqual(["一、", "二、"]);
  });

  test("an attachment list is no provision; an attachment with nothing printed under it is none either", async () => {
    const { doc } = await parseFixture("attachment-list");
    expect(doc.provisions.filter((p) => p.label).map((p) => p.label)).toEqual(["一、", "二、", "附件1", "一、", "（一）"]);
    expect(doc.provisions.some((p) => p.text.includes("深圳湾公路大桥口岸改造要求"))).toBe(false);
  });

  for (const name of ["task-table-text", "task-table-html"]) {
    test(`a task-division table gives one task per row with its parties and due date (${name})`, async () => {
      const { doc } = await parseFixture(name);
      const rows = doc.provisions.filter((p) => /__r\d+$/.test(p.id));
      expect(rows.length).toBeGreaterThanOrEqual(2);
      expect(rows.every((r) => r.role === "task" && r.label === null)).toBe(true);
      for (const row of rows) {
        expect(doc.responsibilities.some((r) => r.provision === row.id), row.id).toBe(true);
      }
      if (name === "task-table-text") {
        const r1 = rows[0]!.id;
        expect(doc.responsibilities.filter((r) => r.provision === r1).map((r) => `${r.party}:${r.role}`)).toEqual(["省市场监管局:lead", "省公安厅:support", "省税务局:support"]);
        expect(doc.deadlines.find((d) => d.provision === r1)?.date).toBe("2019-06-30");
        // The row wrapped over two lines is one row.
        expect(rows[1]!.text).toContain("120个工作日以内");
      } else {
        // A party cell merged over two rows names who acts on both.
        expect(doc.responsibilities.filter((r) => r.party === "市交通运输局").map((r) => r.provision)).toEqual([rows[0]!.id, rows[1]!.id]);
      }
    });
  }

  test("a quota table with a merged header gives a target per row and column, not for baselines or totals", async () => {
    const { doc } = await parseFixture("quota-table");
    expect(doc.targets.map((t) => `${t.subject}=${t.value}${t.unit}`)).toEqual([
      "北京市 2019年培训任务/城镇=4万人次",
      "北京市 2019年培训任务/农村=1万人次",
      "河北省 2019年培训任务/城镇=6万人次",
      "河北省 2019年培训任务/农村=5万人次",
    ]);
    expect(doc.responsibilities.map((r) => r.party)).toEqual(["北京市", "河北省"]);
    expect(doc.addressees).toEqual(["各省、自治区、直辖市示范厅（局）"]);
  });

  test("a row-number column is not list numbering: the document's own list goes on after the table", async () => {
    const { doc, messages } = await parseFixture("row-number-table");
    expect(doc.provisions.filter((p) => p.label).map((p) => p.label)).toEqual(["1.", "2.", "3."]);
    expect(messages.some((m) => m.ruleId === "table-columns")).toBe(true);
  });
});

describe("the same page in other markup", () => {
  const page = (body: string) => `<!doctype html><html><head><meta charset="utf-8"></head><body><div id="UCAP-CONTENT">${body}</div></body></html>`;
  const paragraphs = ["国务院办公厅关于推进示范共建工作的通知", "国办发〔2019〕20号", "各省、自治区、直辖市人民政府：", "一、明确工作任务", "（一）健全共建机制。各省级人民政府要于2019年底前建立共建协调机制（共5项）。", "（二）加强督促落实。退役军人事务部牵头，国家发展改革委配合。", "国务院办公厅", "2019年6月1日"];
  const runs = (p: string) => p.replace(/(\d)(项)/, "$1</span>\n<span>$2").replace(/^(.{4})/, "<span>$1</span>\n<span>") + "</span>";
  test("div for p, br between paragraphs, line breaks between inline runs: the same document", async () => {
    const plain = page(paragraphs.map((p) => `<p>${p}</p>`).join(""));
    const variants = [
      page(paragraphs.map((p) => `<div>${p}</div>`).join("")),
      page(`<p>${paragraphs.join("<br>")}</p>`),
      page(paragraphs.map((p) => `<p>\n${runs(p)}\n</p>`).join("\n")),
    ];
    const facts = async (html: string) => {
      const { doc } = await parseDocument(new TextEncoder().encode(html), "page.html");
      return { title: doc.title, docNumber: doc.docNumber, provisions: doc.provisions.map((p) => [p.label, p.text]), parties: doc.responsibilities.map((r) => [r.party, r.role]), deadlines: doc.deadlines.map((d) => d.date) };
    };
    const expected = await facts(plain);
    expect(expected.parties).toEqual([["各省级人民政府", "responsible"], ["退役军人事务部", "lead"], ["国家发展改革委", "support"]]);
    for (const v of variants) expect(await facts(v)).toEqual(expected);
  });
});

describe("a copy broken over short lines", () => {
  test("reads like the original: names, dates and lists cut by a line break are whole", async () => {
    const lines = [
      "某省公共数据管理办法",
      "第一条　为了规范公共数据管理，制定本办法。",
      "第二条　县级以上公共数据主管部门应当会同网信、公安、国家安全、保密、通信管理等主管部门于2022年6月30日前制定公共数据安全工作规范。",
      "第三条　公共管理和服务机构应当提供下列数据：",
      "（一）民办非企业单位、社会团体、基金会等非营利组织登记数据，由社会组织管理部门负责；",
      "（二）事业单位登记数据，由事业单位登记管理机关负责。",
      "第四条　县级以上人民政府要建立工作协调机制，进一步加强和规范事中事后监管。",
      "第五条　市人民政府应当依照《中华人民共和国网络安全法》和《中华人民共和国数据安全法》的规定，于2022年底前制定实施细则。",
      "第六条　本办法自2021年11月25日起施行。",
    ];
    const facts = async (text: string) => {
      const { doc } = await parseDocument(new TextEncoder().encode(text), "rule.txt");
      const label = new Map(doc.provisions.map((p) => [p.id, p.label]));
      return { provisions: doc.provisions.map((p) => p.label), parties: doc.responsibilities.map((r) => [label.get(r.provision!), r.party, r.role]), deadlines: doc.deadlines.map((d) => [d.date, d.text]), references: doc.references.map((r) => r.title) };
    };
    const original = await facts(lines.join("\n"));
    expect(original.parties).toContainEqual(["第二条", "通信管理主管部门", "responsible"]);
    expect(original.references).toEqual(["中华人民共和国网络安全法", "中华人民共和国数据安全法"]);
    const wrapped = lines.map((l, i) => (i === 0 ? l : l.match(/.{1,30}/gu)!.join("\n"))).join("\n");
    expect(await facts(wrapped)).toEqual(original);
  });
});

const shared = sharedDir();
const htmlDir = shared ? path.join(shared, "corpus", "html") : null;
describe.skipIf(!htmlDir || !existsSync(htmlDir))("the gov.cn page and the text of the same document", () => {
  for (const file of htmlDir && existsSync(htmlDir) ? readdirSync(htmlDir).filter((f) => f.endsWith(".html")) : []) {
    test(file, async () => {
      const page = (await parseDocument(new Uint8Array(readFileSync(path.join(htmlDir!, file))), file)).doc;
      const textFile = path.join(htmlDir!, "..", file.replace(/\.html$/, ".txt"));
      const plain = (await parseDocument(new Uint8Array(readFileSync(textFile)), textFile)).doc;
      for (const key of ["title", "kind", "issuer", "docNumber", "addressees", "issuedAt"] as const) expect(page[key], key).toEqual(plain[key]);
      expect(page.provisions.map((p) => labelPath(page, p.id).join("/"))).toEqual(plain.provisions.map((p) => labelPath(plain, p.id).join("/")));
      expect(page.responsibilities.length).toBe(plain.responsibilities.length);
    });
  }
});
