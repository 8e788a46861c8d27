import { describe, expect, test } from "vitest";
import { parseDocument } from "../../lib/parser";

const enc = new TextEncoder();

describe("messages with a position", () => {
  test("numbering that skips or repeats is pointed at, nothing is dropped", async () => {
    const text = "一、总体要求\n（一）指导思想。坚持。\n（三）主要目标。实现。\n（三）工作要求。落实。\n";
    const { doc, messages, sourceText } = await parseDocument(enc.encode(text), "x.txt");
    expect(messages.map((m) => [m.ruleId, sourceText.slice(m.start, m.end)])).toEqual([
      ["numbering-gap", "（三）"],
      ["numbering-repeat", "（三）"],
    ]);
    expect(doc.provisions.map((p) => p.id)).toEqual(["p1", "p1__s1", "p1__s3", "p1__s3_2"]);
  });
  test("the CLI prints them on stderr with their offsets", async () => {
    const { runCli } = await import("../helpers/cli");
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const file = path.join(mkdtempSync(path.join(tmpdir(), "pkb-")), "gap.txt");
    writeFileSync(file, "（一）甲。\n（三）乙。\n");
    const r = runCli(["parse", file]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/gap\.txt:\d+-\d+: numbering goes from （一） to （三） \[numbering-gap\]/);
  });
});
