import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { parseDocument, type PolicyDoc } from "../../lib/parser";
import { relationOfList } from "../../lib/parser/relations";
import { fold } from "../../lib/parser/fold";

/**
 * One case per form a relation between documents is written in
 * (tests/fixtures/relations/<case>/input.txt), each with the references a
 * reader checked by eye: relation (none: a title only quoted), title, 文号, provision.
 */
const root = path.resolve(import.meta.dirname, "..", "fixtures", "relations");

export function relationLines(doc: PolicyDoc): string[] {
  return doc.references.map((r) => `${r.relation ?? "none"} | ${r.title ?? "-"} | ${r.docNumber ?? "-"} | ${r.provision ?? "-"}`);
}

describe("relation fixtures", () => {
  for (const name of readdirSync(root).sort()) {
    test(name, async () => {
      const file = path.join(root, name, "input.txt");
      const { doc } = await parseDocument(new Uint8Array(readFileSync(file)), file);
      const expected = JSON.parse(readFileSync(path.join(root, name, "expected.json"), "utf8"));
      expect(relationLines(doc)).toEqual(expected);
    });
  }
});

describe("the words around a reference", () => {
  const cases: Array<[string, string, string | null]> = [
    ["本办法自2020年1月1日起施行，原", "（示政〔2015〕3号）同时废止", "repeals"],
    ["", "等文件同时废止", "repeals"],
    ["自本意见施行之日起，", "停止执行", "repeals"],
    ["国务院决定废止", "", "repeals"],
    ["", "废止后，相关工作按照本办法执行", "cites"],
    ["决定对", "作如下修改", "revises"],
    ["会议", "第二次修正", "cites"],
    ["现转发", "，请认真贯彻执行", "forwards"],
    ["民政部", "已经国务院同意，现转发给你们", "forwards"],
    ["为深入贯彻落实党中央、国务院", "精神", "implements"],
    ["为了规范管理，根据", "，制定本办法", "implements"],
    ["违法的，依照", "的规定处罚", "cites"],
    ["根据", "（以下简称", "cites"],
    ["（以下简称", "）", null],
    ["现将", "印发给你们", null],
    ["提出对", "的修订建议", null],
  ];
  for (const [before, after, relation] of cases) {
    test(`${before}《…》${after} → ${relation ?? "none"}`, () => {
      expect(relationOfList(fold(before), fold(after))).toBe(relation);
    });
  }
});
