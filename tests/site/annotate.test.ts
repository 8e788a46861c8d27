import { describe, expect, test } from "vitest";
import { markFacts, splitLines, splitRunsAt } from "../../lib/site/annotate";

describe("markFacts", () => {
  // The source indents lines with ideographic spaces; the provision text does not.
  const source = "前言\n　　（一）省财政厅牵头，2017年底前完成。\n　　省财政厅配合。";
  const start = source.indexOf("（一）");
  const text = "（一）省财政厅牵头，2017年底前完成。\n省财政厅配合。";
  const at = (words: string, from = 0) => source.indexOf(words, from);

  test("marks each fact's words where its offsets put them, also when the words repeat", () => {
    const second = at("省财政厅", at("省财政厅") + 1);
    const marked = markFacts(text, source, { start, end: source.length }, [
      { key: "d0", start: at("2017年底前"), end: at("2017年底前") + 7 },
      { key: "r1", start: second, end: second + 4 },
    ]);
    expect(marked.runs).toEqual([
      { text: "（一）省财政厅牵头，", facts: [] },
      { text: "2017年底前", facts: ["d0"] },
      { text: "完成。\n", facts: [] },
      { text: "省财政厅", facts: ["r1"] },
      { text: "配合。", facts: [] },
    ]);
    expect(marked.placed).toEqual(["d0", "r1"]);
  });

  test("overlapping facts share a run; words not in the text are left unplaced", () => {
    const marked = markFacts("西矿集团、盐湖集团等", "西矿集团、盐湖集团等", { start: 0, end: 10 }, [
      { key: "a", start: 0, end: 9 },
      { key: "b", start: 5, end: 9 },
      { key: "c", start: 20, end: 24 },
    ]);
    expect(marked.runs).toEqual([
      { text: "西矿集团、", facts: ["a"] },
      { text: "盐湖集团", facts: ["a", "b"] },
      { text: "等", facts: [] },
    ]);
    expect(marked.placed).toEqual(["a", "b"]);
  });
});

describe("runs", () => {
  test("split into lines and at an index", () => {
    const runs = [
      { text: "一、总体", facts: [] },
      { text: "要求\n第二", facts: ["x"] },
      { text: "行", facts: [] },
    ];
    expect(splitLines(runs)).toEqual([
      [
        { text: "一、总体", facts: [] },
        { text: "要求", facts: ["x"] },
      ],
      [
        { text: "第二", facts: ["x"] },
        { text: "行", facts: [] },
      ],
    ]);
    expect(splitRunsAt(runs, 3)).toEqual([[{ text: "一、总", facts: [] }], [{ text: "体", facts: [] }, ...runs.slice(1)]]);
  });
});
