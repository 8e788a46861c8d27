import { describe, expect, test } from "vitest";
import { FrozenPostings, SLOT_MASK, type BucketMap } from "../../lib/search/postings";

const slots = (list: Int32Array | undefined) => [...(list ?? [])].map((e) => e & SLOT_MASK);
const bucketMap = (entries: Record<string, Array<number[] | undefined>>): BucketMap => new Map(Object.entries(entries));

describe("frozen posting lists", () => {
  const first = FrozenPostings.empty().merge(bucketMap({ 降成本: [[1, 2], undefined, [3]], 企业: [undefined, [4]] }), () => true);

  test("freezing FlexSearch's map keeps each token's slots in bucket order", () => {
    expect(slots(first.list("降成本"))).toEqual([1, 2, 3]);
    expect(slots(first.list("企业"))).toEqual([4]);
    expect(first.count("降成本")).toBe(3);
    expect(first.list("没有")).toBeUndefined();
    expect(first.slotLimit).toBe(5);
  });

  test("a second freeze merges new postings into bucket order and drops removed slots", () => {
    const second = first.merge(bucketMap({ 降成本: [[7], [8], [9]], 去产能: [[6]] }), (slot) => slot !== 2);
    // bucket 0: frozen 1 (2 removed), then new 7; bucket 1: new 8; bucket 2: frozen 3, then new 9.
    expect(slots(second.list("降成本"))).toEqual([1, 7, 8, 3, 9]);
    expect(slots(second.list("去产能"))).toEqual([6]);
    expect(slots(second.list("企业"))).toEqual([4]);
    // A token whose every slot is removed is gone.
    expect(second.merge(new Map(), (slot) => slot !== 6).list("去产能")).toBeUndefined();
  });

  test("bytes written are read back the same, and a cut file is refused", () => {
    const bytes = Buffer.concat(first.toBuffers());
    const aligned = new Uint8Array(new ArrayBuffer(bytes.length));
    aligned.set(bytes);
    const back = FrozenPostings.fromBytes(aligned);
    for (const token of ["降成本", "企业", "没有"]) expect(slots(back.list(token))).toEqual(slots(first.list(token)));
    expect(back.slotLimit).toBe(first.slotLimit);
    expect(back.tokenCount).toBe(2);
    expect(() => FrozenPostings.fromBytes(aligned.subarray(0, aligned.length - 4))).toThrow(/truncated/);
    aligned[0] = 0;
    expect(() => FrozenPostings.fromBytes(aligned)).toThrow(/not a postings file/);
  });
});
