import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { bigramTokens, fold, foldWithMap } from "../../lib/search/tokenize";

const CONTENT = path.resolve(__dirname, "../../content");

describe("folding for the index", () => {
  test("fold() gives the same text as foldWithMap() on every document of content/", () => {
    for (const f of readdirSync(CONTENT)) {
      const text = readFileSync(path.join(CONTENT, f), "utf8");
      expect(fold(text), f).toBe(foldWithMap(text).text);
    }
  });

  test("foldWithMap() maps each folded character back to the character it comes from", () => {
    for (const f of readdirSync(CONTENT)) {
      const text = readFileSync(path.join(CONTENT, f), "utf8");
      const source = text.normalize("NFKC").toLowerCase();
      const { text: folded, map } = foldWithMap(text);
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
      expect(fold(s), s).toBe(foldWithMap(s).text);
    }
    expect(fold("降低百分之三十")).toBe("降低30%");
  });

  test("bigram tokens: CJK runs in pairs, other runs whole, a lone character kept", () => {
    expect(bigramTokens("降成本 GDP增长5.5%")).toEqual(["降成", "成本", "gdp", "增长", "5.5%"]);
    expect(bigramTokens("市 场")).toEqual(["市", "场"]);
  });
});
