import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { frame, readFrames } from "../../lib/search/persist";

/** The persisted index is read in 16 MB blocks: pieces longer than a block, and pieces across block edges, must come back whole. */
describe("persisted copy files", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "policykb-persist-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const MB = 1 << 20;

  test("UTF-16 frames with Chinese text, across block edges", async () => {
    const texts = ['[1,["seed","降成本"]]', "降".repeat(9 * MB), "市场监管总局牵头", "去产能".repeat(3 * MB), "末"];
    const file = path.join(dir, "records.bin");
    writeFileSync(file, Buffer.concat(texts.map(frame)));
    const read: string[] = [];
    for await (const text of readFrames(file)) read.push(text);
    expect(read).toEqual(texts);
  });

  test("many small frames, some cut by a block edge", async () => {
    const texts = Array.from({ length: 400 }, (_, i) => `${i}:${"供给侧结构性改革".repeat(6000 + i)}`);
    const file = path.join(dir, "many.bin");
    writeFileSync(file, Buffer.concat(texts.map(frame)));
    const read: string[] = [];
    for await (const text of readFrames(file)) read.push(text);
    expect(read.length).toBe(texts.length);
    expect(read).toEqual(texts);
  });

  test("a truncated frame is refused (the copy is then rebuilt)", async () => {
    const file = path.join(dir, "cut.bin");
    writeFileSync(file, frame("降成本").subarray(0, 7));
    await expect(async () => {
      for await (const text of readFrames(file)) void text;
    }).rejects.toThrow(/truncated/);
  });
});
