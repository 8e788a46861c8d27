import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { foldForSearch, foldForSearchWithMap } from "../../lib/search/fold";
import { bigramTokens } from "../../lib/search/tokenize";

const CONTENT = path.resolve(__dirname, "../../content");

describe("folding for the index", () => {
  test("foldForSearch() gives the same text as foldForSearchWithMap() on every document of content/", () => {
    for (const f of readdirSync(CONTENT)) {
      const text = readFileSync(path.join(CONTENT, f), "utf8");
      expect(foldForSearch(text), f).toBe(foldForSearchWithMap(text).text);
    }
  });

  test("foldForSearchWithMap() maps each folded character back to the character it comes from", () => {
    for (const f of readdirSync(CONTENT)) {
      const text = readFileSync(path.join(CONTENT, f), "utf8");
      const source = text.normalize("NFKC").toLowerCase();
      const { text: folded, map } = foldForSearchWithMap(text);
      expect(map.length, f).toBe(folded.length);
      // Where NFKC changes the length, positions are approximate (all 0).
      if (source.length !== text.length) continue;
      for (let i = 0; i < folded.length; i++) {
        const from = source[map[i]!]!;
        // Percent words map every character of "30%" to the 百 they come from; dashes fold to "-".
        if (from !== folded[i] && from !== "百" && folded[i] !== "-") throw new Error(`${f}: folded ${i} "${folded[i]}" maps to "${from}"`);
        if (i > 0 && map[i]! < map[i - 1]!) throw new Error(`${f}: map goes back at ${i}`);
      }
    }
  });

  test("special cases: percent words, full-width forms, quotes and brackets, dashes", () => {
    for (const s of ["百分之三十", "百分之百", "增长百分之二点五", "（一）全角ＡＢＣ１２３", "“僵尸”企业 首台（套）", "２０１９年 5.5%", "a-b—c～d"]) {
      expect(foldForSearch(s), s).toBe(foldForSearchWithMap(s).text);
    }
    expect(foldForSearch("降低百分之三十")).toBe("降低30%");
    // Percent words replaced where foldForSearch() replaces them, also next to one that is not a number.
    for (const s of ["百分之三十五百分之二", "百分之百分之三", "百分之零零百分之十"]) expect(foldForSearchWithMap(s).text, s).toBe(foldForSearch(s));
  });

  test("a map is written in the buffer given: one caller's map stays valid while another's buffer is used", () => {
    const a = { map: new Int32Array(4) };
    const b = { map: new Int32Array(4) };
    const first = foldForSearchWithMap("（一）降成本", a);
    const before = [...first.map];
    foldForSearchWithMap("“僵尸”企业出清", b);
    foldForSearchWithMap("其他文字", b);
    expect([...first.map]).toEqual(before);
    expect(before).toEqual([1, 3, 4, 5]);
  });

  test("bigram tokens: CJK runs in pairs, other runs whole, a lone character kept", () => {
    expect(bigramTokens("降成本 GDP增长5.5%")).toEqual(["降成", "成本", "gdp", "增长", "5.5%"]);
    expect(bigramTokens("市 场")).toEqual(["市", "场"]);
  });
});
