import { describe, expect, test } from "vitest";
import { parse as parseYaml } from "yaml";
import { allMatches } from "../../lib/parser/matches";
import { frontMatter } from "../../lib/parser/markdown";

describe("allMatches: what matchAll gives, without copying the expression", () => {
  const TABLE: Array<[RegExp, string]> = [
    [/试点(?:地区|城市)/g, "选择试点地区和试点城市，试点地区先行"],
    [/(\d{4})\s*年/g, "2018年至2020 年，再到2025年"],
    [/[\u4e00-\u9fff]+/g, "一、总体要求（一）指导思想。abc 中文"],
    [/x*/g, "axxb"],
    [/无/g, "没有匹配"],
  ];
  for (const [re, text] of TABLE) {
    test(`${re} on ${text}`, () => {
      const expected = [...text.matchAll(re)].map((m) => [m.index, ...m]);
      expect(allMatches(re, text).map((m) => [m.index, ...m])).toEqual(expected);
      // Twice, with the lastIndex left behind: the same matches.
      expect(allMatches(re, text).map((m) => [m.index, ...m])).toEqual(expected);
    });
  }
  test("a non-global expression is a bug", () => {
    expect(() => allMatches(/年/, "2018年")).toThrow(TypeError);
  });
});

describe("front matter: quoted entries read as the YAML parser reads them", () => {
  const TABLE = [
    'title: "国务院关于加快推进农业机械化的指导意见"\nissuer: "国务院"\nissuedAt: "2018-12-21"',
    'title: "a # b: c"\nkind: ""',
    'title: "  spaced  "\nconstructor: "x"',
    'null: "x"',
    'True: "x"',
    'title: "tab\there"',
    'title: "emoji 😀"',
    'title: "escaped \\"quote\\""',
    "title: plain\nissuer: 国务院",
    'addressees:\n  - "各省人民政府"\n  - "国务院各部委"',
  ];
  for (const yaml of TABLE) {
    test(JSON.stringify(yaml), () => {
      const { data, bodyStart } = frontMatter(`---\n${yaml}\n---\n正文`);
      expect(data).toEqual(parseYaml(yaml, { schema: "core", uniqueKeys: true }));
      expect(bodyStart).toBe(`---\n${yaml}\n---\n`.length);
    });
  }
  test("a repeated key is still an error", () => {
    expect(() => frontMatter('---\ntitle: "a"\ntitle: "b"\n---\n正文')).toThrow(/Map keys must be unique/);
  });
});
