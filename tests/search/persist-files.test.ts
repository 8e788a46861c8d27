import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { frame, RunFile } from "../../lib/search/persist";

/** The folded texts of a persisted copy are frames read by offset when first needed: each must come back whole. */
describe("persisted copy files", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "policykb-persist-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const MB = 1 << 20;
  const run = (text: string) => frame("\u0000" + text);

  test("runs of Chinese text, long and short, read in any order", () => {
    const texts = ['[1,["seed","降成本"]]', "降".repeat(9 * MB), "市场监管总局牵头", "去产能".repeat(3 * MB), "末", ""];
    const file = path.join(dir, "texts.bin");
    writeFileSync(file, Buffer.concat(texts.map(run)));
    const runs = RunFile.open(file);
    expect(runs.count).toBe(texts.length);
    expect(texts.map((_, i) => runs.length(i))).toEqual(texts.map((t) => t.length));
    for (const i of [3, 0, 5, 1, 4, 2, 3]) expect(runs.text(i)).toBe(texts[i]);
  });

  test("warming decodes every run in the background", async () => {
    const texts = Array.from({ length: 40 }, (_, i) => `${i}:${"供给侧结构性改革".repeat(600 + i)}`);
    const file = path.join(dir, "many.bin");
    writeFileSync(file, Buffer.concat(texts.map(run)));
    const runs = RunFile.open(file);
    runs.warm();
    await new Promise((resolve) => setTimeout(resolve, 50));
    rmSync(file); // an open copy stays readable after a later generation deletes it
    expect(texts.map((_, i) => runs.text(i))).toEqual(texts);
  });

  test("a truncated frame is refused on opening (the copy is then rebuilt)", () => {
    const file = path.join(dir, "cut.bin");
    writeFileSync(file, run("降成本").subarray(0, 7));
    expect(() => RunFile.open(file)).toThrow(/truncated/);
  });

  test("a frame that is not a run of texts is refused on opening", () => {
    const file = path.join(dir, "other.bin");
    writeFileSync(file, Buffer.concat([run("降成本"), frame("降成本")]));
    expect(() => RunFile.open(file)).toThrow(/not a run of texts/);
  });
});
