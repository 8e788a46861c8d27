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
