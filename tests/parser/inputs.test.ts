import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { beforeAll, describe, expect, test } from "vitest";
import { InputError, parseDocument, type PolicyDoc } from "../../lib/parser";
import { frontMatter, markdownMarkup } from "../../lib/parser/markdown";
import { docx, zip } from "../helpers/docx";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

const SEED_MD = path.resolve(import.meta.dirname, "..", "..", "content", "qinghai-2016-industry-supply-side-reform.md");
const seedMarkdown = readFileSync(SEED_MD, "utf8");
const seedText = seedMarkdown.replace(/^---\n[\s\S]*?\n---\n/, "");
const enc = new TextEncoder();

/** The labelled structure of a parse: what must not depend on the file format or encoding. */
const structure = (doc: PolicyDoc) => doc.provisions.filter((p) => p.label).map((p) => `${p.id}:${p.heading}`);

async function refused(bytes: Uint8Array, name: string): Promise<InputError> {
  try {
    await parseDocument(bytes, name);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error(`${name} was not refused`);
}

let expected: string[] = [];
beforeAll(async () => {
  expected = structure((await parseDocument(enc.encode(seedText), "seed.txt")).doc);
});

describe("encodings are detected from the bytes", () => {
  const cases: Array<[string, Uint8Array]> = [
    ["UTF-8 with BOM", new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode(seedText)])],
    ["UTF-16 LE with BOM", new Uint8Array(iconv.encode(seedText, "utf-16le", { addBOM: true }))],
    ["UTF-16 BE with BOM", new Uint8Array(iconv.encode(seedText, "utf-16be", { addBOM: true }))],
    ["UTF-16 LE without BOM", new Uint8Array(iconv.encode(seedText, "utf-16le"))],
    ["UTF-16 BE without BOM", new Uint8Array(iconv.encode(seedText, "utf-16be"))],
    ["GB18030", new Uint8Array(iconv.encode(seedText, "gb18030"))],
    ["GBK", new Uint8Array(iconv.encode(seedText, "gbk"))],
  ];
  for (const [name, bytes] of cases) {
    test(name, async () => {
      const result = await parseDocument(bytes, "seed.txt");
      expect(structure(result.doc)).toEqual(expected);
      expect(result.sourceText).toContain("多措并举降成本");
    });
  }
  test("stray invalid bytes in a UTF-8 file are replaced, not read as GB18030 (one on a line, or one on every line)", async () => {
    for (const every of [false, true]) {
      const lines = seedText.split("\n");
      const parts = lines.map((l, i) => (l.length > 8 && (every || i === 5) ? Buffer.concat([Buffer.from(l.slice(0, 4), "utf8"), Buffer.from([0xff]), Buffer.from(l.slice(4), "utf8")]) : Buffer.from(l, "utf8")));
      const bytes = new Uint8Array(Buffer.concat(parts.flatMap((p, i) => (i < parts.length - 1 ? [p, Buffer.from("\n")] : [p]))));
      const result = await parseDocument(bytes, "damaged.txt");
      expect(result.encoding).toBe("utf-8");
      expect(result.sourceText).toContain("\ufffd");
      expect(result.sourceText).not.toMatch(/鍚|鐨|锛/);
      expect(result.messages.map((m) => m.reason).join()).toMatch(/undecodable byte sequence\(s\) replaced/);
      // The same provisions (a heading may hold the replacement character).
      if (!every) expect(structure(result.doc).map((x) => x.split(":")[0])).toEqual(expected.map((x) => x.split(":")[0]));
    }
  });

  test("a file mixing UTF-8 and GBK lines is read line by line, with a message", async () => {
    const lines = seedText.split("\n");
    const parts = lines.map((l, i) => (i % 2 ? Buffer.from(iconv.encode(l, "gbk")) : Buffer.from(l, "utf8")));
    const bytes = new Uint8Array(Buffer.concat(parts.flatMap((p, i) => (i < parts.length - 1 ? [p, Buffer.from("\n")] : [p]))));
    const result = await parseDocument(bytes, "mixed.txt");
    expect(structure(result.doc)).toEqual(expected);
    expect(result.messages.map((m) => m.reason).join()).toMatch(/mixed encodings/);
  });
});

describe("formats", () => {
  test("Markdown: front matter overrides metadata, structure is the plain text's", async () => {
    const md = await parseDocument(enc.encode(seedMarkdown), "seed.md");
    const txt = await parseDocument(enc.encode(seedText), "seed.txt");
    expect(structure(md.doc)).toEqual(structure(txt.doc));
    expect(md.doc.title).toBe("关于实施工业领域供给侧结构性改革的意见");
    expect(md.doc.issuer).toBe("青海省人民政府");
    // Offsets point into the decoded file, front matter included.
    const p = md.doc.provisions.find((x) => x.id === "p2__s4")!;
    expect(md.sourceText.slice(p.start, p.end)).toMatch(/^（四）多措并举降成本。/);
  });

  test("Markdown syntax is not text: headings, emphasis and ordered lists", async () => {
    const text = "# 示范意见\n\n## 一、总体要求\n\n**（一）指导思想。**坚持稳中求进。\n\n1. 建设平台。建设统一平台。\n2. 强化应用。推动应用。\n";
    const { doc } = await parseDocument(enc.encode(text), "x.md");
    expect(doc.provisions.filter((p) => p.label).map((p) => [p.label, p.heading])).toEqual([
      ["一、", "总体要求"],
      ["（一）", "指导思想"],
      ["1.", "建设平台"],
      ["2.", "强化应用"],
    ]);
    expect(doc.provisions.find((p) => p.label === "（一）")!.text).toBe("（一）指导思想。坚持稳中求进。");
  });

  test("HTML: the article body, without navigation and scripts", async () => {
    const html = `<!doctype html><html><head><title>示范意见_中国政府网</title><script>alert(1)</script></head><body>
      <div class="nav"><a href="/">首页</a> <a href="/zc">政策</a></div>
      <div id="UCAP-CONTENT"><p>${seedText.split("\n").filter((l) => l.trim()).join("</p><p>")}</p>
      <table><tr><td>指标</td><td>目标</td></tr><tr><td>研发投入</td><td>3%</td></tr></table></div>
      <footer>版权所有</footer></body></html>`;
    const result = await parseDocument(enc.encode(html), "page.html");
    expect(structure(result.doc)).toEqual(expected);
    expect(result.sourceText).not.toMatch(/首页|版权所有|alert/);
    expect(result.sourceText).toContain("| 研发投入 | 3% |");
  });

  test(".docx through mammoth", async () => {
    const bytes = docx(seedText.split("\n").filter((l) => l.trim()));
    const result = await parseDocument(bytes, "seed.docx");
    expect(structure(result.doc)).toEqual(expected);
  });
});

describe("bad input is refused with one line", () => {
  test("empty and whitespace-only files", async () => {
    expect((await refused(new Uint8Array(), "a.txt")).message).toBe("file is empty");
    expect((await refused(enc.encode(" \n\u3000\n"), "a.txt")).message).toMatch(/only whitespace/);
  });
  test("images, PDFs and binaries renamed .txt", async () => {
    expect((await refused(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), "x.txt")).message).toMatch(/PNG image/);
    expect((await refused(enc.encode("%PDF-1.7\n%âãÏÓ\n"), "x.txt")).message).toMatch(/PDF/);
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    expect((await refused(random, "x.txt")).code).toMatch(/binary|encoding/);
  });
  test("a zip that is not a Word document, a truncated .docx, a zip bomb", async () => {
    expect((await refused(zip([{ name: "a.txt", data: enc.encode("hi") }]), "x.docx")).message).toMatch(/not a Word/);
    const good = docx(["一、总则"]);
    expect((await refused(good.slice(0, good.length - 30), "x.docx")).message).toMatch(/damaged or truncated/);
    const bomb = zip([{ name: "word/document.xml", data: enc.encode("<x/>"), declaredSize: 1024 * 1024 * 1024 }]);
    expect((await refused(bomb, "x.docx")).message).toMatch(/zip bomb/);
  });
  test("unknown extensions and oversized files", async () => {
    expect((await refused(enc.encode("一、总则"), "x.xls")).message).toMatch(/unsupported file type/);
    const big = new Uint8Array(5 * 1024 * 1024).fill(0x41);
    const e = await (async () => {
      try {
        await parseDocument(big, "big.txt", { maxBytes: 1024 * 1024 });
      } catch (error) {
        return error as InputError;
      }
      throw new Error("not refused");
    })();
    expect(e.message).toMatch(/over the 1 MB limit/);
  });
  test("malformed front matter and front matter with wrong types", async () => {
    expect((await refused(enc.encode("---\ntitle: [unclosed\n---\n一、总则\n"), "x.md")).message).toMatch(/not valid YAML/);
    expect((await refused(enc.encode("---\nissuedAt: 12 May\n---\n一、总则\n"), "x.md")).message).toMatch(/issuedAt must be a date/);
    expect((await refused(enc.encode("---\ntitle:\n  - a\n---\n一、总则\n"), "x.md")).message).toMatch(/title must be text/);
  });
});

describe("a document of many thousand items", () => {
  test("parses in seconds, keeps its facts and says which links it did not infer", async () => {
    const items = Array.from({ length: 3000 }, (_, i) => `${i + 1}. 第${i + 1}部分\n（1）省财政厅牵头，2025年底前完成第${i + 1}项任务，覆盖率达到${i % 100}%。\n`).join("");
    const started = performance.now();
    const { doc, messages } = await parseDocument(enc.encode(`关于大量任务的通知\n\n${items}`), "many.txt");
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(doc.responsibilities.length).toBeGreaterThanOrEqual(3000);
    expect(doc.targets.length).toBeGreaterThanOrEqual(2900);
    expect(messages.some((m) => m.ruleId === "links-skipped")).toBe(true);
  });
});

describe("Markdown with only headings and comment blocks", () => {
  // The line-by-line path must mark exactly what remark marks: compared with the same text made to go through remark
  // (an inline code span appended after it, outside the compared part).
  const viaRemark = (text: string, bodyStart: number) => markdownMarkup(`${text}${text.endsWith("\n") ? "" : "\n"}\n\`x\`\n`, bodyStart).slice(0, text.length);
  const samples = [
    ...readdirSync(path.join(ROOT, "content")).filter((f) => f.endsWith(".md")).map((f) => readFileSync(path.join(ROOT, "content", f), "utf8")),
    "# 标题\n正文。\n",
    "## 第一章 总则 ##\n第一条 内容。\n",
    "##\n内容\n",
    "   ### 缩进标题\n内容\n",
    "#\u3000不是标题\n",
    "## 标题   \n",
    "## 标题 #不是结尾\n",
    "<!-- 注释 -->\n# 标题\n正文\n",
    "<!-- 多行\n注释 -->后文\n## 二\n",
    "#\t制表\n",
  ];
  test.each(samples.map((s, i) => [i, s]))("sample %i", (_i, text) => {
    const { bodyStart } = frontMatter(text as string);
    expect([...markdownMarkup(text as string, bodyStart)]).toEqual([...viaRemark(text as string, bodyStart)]);
  });
});
