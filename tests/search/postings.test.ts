import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Index } from "flexsearch";
import { describe, expect, test } from "vitest";
import { FilePostings, FrozenPostings, PostingBuilder, BUCKETS, SLOT_MASK, bucketOf, writePostings } from "../../lib/search/postings";
import { bigramRuns, bigramTokens } from "../../lib/search/tokenize";

const CONTENT = path.resolve(__dirname, "../../content");
const slots = (list: Int32Array | undefined) => [...(list ?? [])].map((e) => e & SLOT_MASK);
const buckets = (list: Int32Array | undefined) => [...(list ?? [])].map((e) => e >>> 28);

/** Postings from (slot, tokens) pairs, added in order. */
function built(...provisions: Array<[number, string[]]>): FrozenPostings {
  const b = new PostingBuilder();
  for (const [slot, tokens] of provisions) b.add(slot, tokens);
  return b.build();
}

describe("posting lists", () => {
  test("a provision is posted once per token, in the bucket of the token's first position", () => {
    const p = built([3, ["降成本", "企业", "降成本"]], [1, ["企业"]]);
    expect(slots(p.list("降成本"))).toEqual([3]);
    expect(buckets(p.list("降成本"))).toEqual([0]);
    // Slot 1 has 企业 first (bucket 0), slot 3 second (bucket 1): best bucket first, whatever the order added.
    expect(slots(p.list("企业"))).toEqual([1, 3]);
    expect(p.count("企业")).toBe(2);
    expect(p.list("没有")).toBeUndefined();
    expect(p.slotLimit).toBe(4);
  });

  test("CJK characters and bigrams from both ends of the CJK ranges keep their text", () => {
    const tokens = ["㐀", "鿿", "豈", "﫿", "㐀鿿", "﫿豈", "鿿㐀", "ab", "a㐀", "5%"];
    const p = built([0, tokens]);
    expect(p.tokenCount).toBe(tokens.length);
    for (const t of tokens) expect(slots(p.list(t)), t).toEqual([0]);
  });

  test("positions scale to BUCKETS buckets: early tokens of a long text rank first", () => {
    expect([0, 1, 8].map((i) => bucketOf(i, 9))).toEqual([0, 1, 8]);
    const long = 100;
    expect(bucketOf(0, long)).toBe(0);
    expect(bucketOf(long - 1, long)).toBe(BUCKETS - 1);
    for (let i = 1; i < long; i++) expect(bucketOf(i, long)).toBeGreaterThanOrEqual(bucketOf(i - 1, long));
  });

  test("the builder posts what FlexSearch's index (resolution 9) posts, on every line of content/", () => {
    // FlexSearch's index is the reference the builder was written against: the same postings in the same order.
    const lines = readdirSync(CONTENT).flatMap((f) => readFileSync(path.join(CONTENT, f), "utf8").split("\n")).filter((l) => l.trim());
    const flex = new Index({ tokenize: "strict", encode: bigramTokens, resolution: 9 });
    // Tokens given as strings, and as runs (the engine's way for bigrams).
    const fromTokens = new PostingBuilder();
    const fromRuns = new PostingBuilder();
    lines.forEach((line, slot) => {
      flex.add(slot, line);
      fromTokens.add(slot, bigramTokens(line));
      fromRuns.addRuns(slot, bigramRuns(line));
    });
    const theirs = (flex as unknown as { map: Map<string, Array<number[] | undefined>> }).map;
    expect(lines.length).toBeGreaterThan(1000);
    for (const ours of [fromTokens.build(), fromRuns.build()]) {
      expect(ours.tokenCount).toBe(theirs.size);
      for (const [token, lists] of theirs) {
        const expected = lists.flatMap((list, bucket) => (list ?? []).map((slot) => slot | (bucket << 28)));
        expect([...ours.list(token)!], token).toEqual(expected);
      }
    }
  });

  const first = built([1, ["降成本"]], [2, ["降成本"]], [4, ["x", "企业"]], [3, ["a", "b", "降成本"]]);

  test("merging keeps bucket order (within a bucket, earlier postings first) and drops removed slots", () => {
    expect(slots(first.list("降成本"))).toEqual([1, 2, 3]);
    const second = first.merge(built([7, ["降成本"]], [8, ["x", "降成本"]], [9, ["a", "b", "降成本"]], [6, ["去产能"]]), (slot) => slot !== 2);
    // bucket 0: 1 (2 removed), then new 7; bucket 1: new 8; bucket 2: 3, then new 9.
    expect(slots(second.list("降成本"))).toEqual([1, 7, 8, 3, 9]);
    expect(buckets(second.list("降成本"))).toEqual([0, 0, 1, 2, 2]);
    expect(slots(second.list("去产能"))).toEqual([6]);
    expect(slots(second.list("企业"))).toEqual([4]);
    expect(second.slotLimit).toBe(10);
    // A token whose every slot is removed is gone.
    expect(second.merge(FrozenPostings.empty(), (slot) => slot !== 6).list("去产能")).toBeUndefined();
    // Without a filter nothing is dropped.
    expect(slots(first.merge(FrozenPostings.empty()).list("降成本"))).toEqual([1, 2, 3]);
  });

  test("merging without a filter (bulk copies) gives what merging with a filter that keeps everything gives", () => {
    const later = built([7, ["降成本"]], [8, ["x", "降成本"]], [9, ["a", "b", "降成本"]], [6, ["去产能"]], [10, ["企业", "x", "y"]]);
    const bulk = first.merge(later);
    const filtered = first.merge(later, () => true);
    expect(bulk.tokenCount).toBe(filtered.tokenCount);
    for (const token of ["降成本", "企业", "去产能", "x", "y", "a", "b"]) expect([...(bulk.list(token) ?? [])], token).toEqual([...(filtered.list(token) ?? [])]);
    expect(bulk.slotLimit).toBe(filtered.slotLimit);
    expect(Buffer.concat(bulk.toBuffers()).equals(Buffer.concat(filtered.toBuffers()))).toBe(true);
  });

  test("bytes written are read back the same, and a cut file is refused", () => {
    const bytes = Buffer.concat(first.toBuffers());
    const aligned = new Uint8Array(new ArrayBuffer(bytes.length));
    aligned.set(bytes);
    const back = FrozenPostings.fromBytes(aligned);
    for (const token of ["降成本", "企业", "没有", "x"]) expect([...(back.list(token) ?? [])]).toEqual([...(first.list(token) ?? [])]);
    expect(back.slotLimit).toBe(first.slotLimit);
    expect(back.tokenCount).toBe(first.tokenCount);
    expect(() => FrozenPostings.fromBytes(aligned.subarray(0, aligned.length - 4))).toThrow(/truncated|not a postings file/);
    aligned[aligned.length - 20] = 0;
    expect(() => FrozenPostings.fromBytes(aligned)).toThrow(/not a postings file/);
  });
});

describe("postings written to a file", () => {
  /** Writes `first` with `second` merged in to files in a fresh folder, and opens them. */
  async function written(first: FrozenPostings, second: FrozenPostings, keep?: (slot: number) => boolean): Promise<{ file: FilePostings; dir: string }> {
    const dir = mkdtempSync(path.join(tmpdir(), "postings-"));
    const parts = { postings: [] as Buffer[], bitsets: [] as Buffer[] };
    await writePostings(first, second, keep, {
      postings: async (b) => void parts.postings.push(Buffer.from(b)),
      bitsets: async (b) => void parts.bitsets.push(Buffer.from(b)),
    });
    writeFileSync(path.join(dir, "p.bin"), Buffer.concat(parts.postings));
    writeFileSync(path.join(dir, "b.bin"), Buffer.concat(parts.bitsets));
    return { file: FilePostings.open(path.join(dir, "p.bin"), path.join(dir, "b.bin")), dir };
  }
  const bitsOf = (list: Int32Array, words: number) => {
    const bits = new Uint32Array(words);
    for (const e of list) bits[(e & SLOT_MASK) >>> 5]! |= 1 << (e & 31);
    return bits;
  };

  test("a token in many provisions has its bitset stored, the same as its list's; a rare one has none", async () => {
    // 企业 in 6,000 of 6,000 provisions, 降成本 in every third, 产能 in ten.
    const rows: Array<[number, string[]]> = Array.from({ length: 6000 }, (_, slot) => [slot, ["企业", ...(slot % 3 ? [] : ["降成本"]), ...(slot % 600 ? [] : ["产能"])]]);
    const first = built(...rows.slice(0, 4000));
    const second = built(...rows.slice(4000));
    // Removed provisions are dropped from the stored bitsets as from the lists.
    const { file, dir } = await written(first, second, (slot) => slot % 7 !== 0);
    try {
      for (const token of ["企业", "降成本"]) {
        const list = file.list(token)!;
        expect(list.length).toBeGreaterThan(1000);
        const into = new Uint32Array(400);
        expect(file.storedBits(token, into), token).toBe(list.length >= 4096);
        if (list.length >= 4096) expect([...into]).toEqual([...bitsOf(list, 400)]);
      }
      expect(file.storedBits("产能", new Uint32Array(400))).toBe(false);
      expect(file.storedBits("没有", new Uint32Array(400))).toBe(false);
      expect(file.list("企业")!.length).toBe(6000 - Math.ceil(6000 / 7));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("postings and bitsets of different writes are refused together", async () => {
    const a = await written(built([0, ["企业"]], [1, ["产能"]]), FrozenPostings.empty());
    const b = await written(built([0, ["企业"]]), FrozenPostings.empty());
    try {
      expect(() => FilePostings.open(path.join(a.dir, "p.bin"), path.join(b.dir, "b.bin"))).toThrow(/another postings file/);
      expect(() => FilePostings.open(path.join(a.dir, "p.bin"), path.join(a.dir, "p.bin"))).toThrow(/not a bitsets file|truncated/);
    } finally {
      rmSync(a.dir, { recursive: true, force: true });
      rmSync(b.dir, { recursive: true, force: true });
    }
  });
});
