/**
 * Frozen posting lists: every token's slots in one Int32Array, the form the
 * engine keeps a loaded or persisted index in. FlexSearch indexes each added
 * document (its map: token → one array of slots per resolution bucket, best
 * bucket first); freezing moves those arrays here, where a slot costs 4 bytes
 * instead of 8 plus an array per bucket, a bitset of a token is a loop over
 * a typed array, and the persisted copy is the arrays' bytes, read back
 * without parsing.
 *
 * Each entry is a slot with its FlexSearch bucket in the top 4 bits, so a
 * later freeze can merge new postings into bucket order: read slots with
 * `entry & SLOT_MASK`.
 */

/** The slot of a posting entry: `entry & SLOT_MASK`. */
export const SLOT_MASK = 0x0fffffff;
const BUCKET_SHIFT = 28;
/** Slots are below this (268 M provisions). */
export const MAX_SLOTS = SLOT_MASK + 1;

/** FlexSearch's map: token → per bucket (resolution), the slots holding it there. */
export type BucketMap = Map<string, Array<number[] | undefined>>;

export class FrozenPostings {
  private constructor(
    /** Token → its number (row of `starts`). */
    private readonly tokens: Map<string, number>,
    /** Entries of token t are entries[starts[t] .. starts[t + 1]). */
    private readonly starts: Int32Array,
    readonly entries: Int32Array,
    /** One above the highest slot any entry names (slots from here up are not referenced). */
    readonly slotLimit: number,
  ) {}

  static empty(): FrozenPostings {
    return new FrozenPostings(new Map(), new Int32Array(1), new Int32Array(0), 0);
  }

  get tokenCount(): number {
    return this.tokens.size;
  }

  /** A token's entries (bucket-tagged slots, best bucket first), or undefined. */
  list(token: string): Int32Array | undefined {
    const t = this.tokens.get(token);
    return t === undefined ? undefined : this.entries.subarray(this.starts[t]!, this.starts[t + 1]!);
  }

  /** How many entries a token has. */
  count(token: string): number {
    const t = this.tokens.get(token);
    return t === undefined ? 0 : this.starts[t + 1]! - this.starts[t]!;
  }

  /**
   * These postings with FlexSearch's `added` merged in, each token's entries
   * in bucket order (within a bucket, frozen ones first), leaving out slots
   * `keep` refuses (removed provisions).
   */
  merge(added: BucketMap, keep: (slot: number) => boolean): FrozenPostings {
    let upper = this.entries.length;
    for (const buckets of added.values()) for (const list of buckets) if (list) upper += list.length;
    const entries = new Int32Array(upper);
    const names: string[] = [];
    const starts: number[] = [0];
    let at = 0;
    let slotLimit = 0;
    const put = (slot: number, bucket: number) => {
      entries[at++] = slot | (bucket << BUCKET_SHIFT);
      if (slot >= slotLimit) slotLimit = slot + 1;
    };
    const emit = (token: string, frozen: Int32Array | undefined, buckets: Array<number[] | undefined> | undefined) => {
      const from = at;
      let i = 0;
      for (let bucket = 0; bucket < 16; bucket++) {
        if (frozen) {
          for (; i < frozen.length && frozen[i]! >>> BUCKET_SHIFT === bucket; i++) {
            const slot = frozen[i]! & SLOT_MASK;
            if (keep(slot)) put(slot, bucket);
          }
        }
        const list = buckets?.[bucket];
        if (list) for (const slot of list) if (keep(slot)) put(slot, bucket);
      }
      if (at > from) {
        names.push(token);
        starts.push(at);
      }
    };
    for (const [token] of this.tokens) emit(token, this.list(token), added.get(token));
    for (const [token, buckets] of added) if (!this.tokens.has(token)) emit(token, undefined, buckets);
    return new FrozenPostings(new Map(names.map((n, i) => [n, i])), Int32Array.from(starts), entries.subarray(0, at), slotLimit);
  }

  // ---- bytes --------------------------------------------------------------------------

  /**
   * The postings as bytes: a header of five uint32 (magic, token count,
   * entry count, slot limit, token text bytes), the starts and the entries
   * (int32, this machine's byte order, which the magic checks), then the
   * tokens as UTF-16LE, each ended by a newline.
   */
  toBuffers(): Buffer[] {
    const text = Buffer.from([...this.tokens.keys()].map((t) => `${t}\n`).join(""), "utf16le");
    const header = Buffer.alloc(HEADER_BYTES);
    const h = new Uint32Array(header.buffer, header.byteOffset, 5);
    h.set([MAGIC, this.tokens.size, this.entries.length, this.slotLimit, text.length]);
    return [header, bytesOf(this.starts), bytesOf(this.entries), text];
  }

  /** Postings from the bytes toBuffers() wrote (the buffer must start at a 4-byte boundary). */
  static fromBytes(bytes: Uint8Array): FrozenPostings {
    if (bytes.byteOffset % 4 !== 0 || bytes.length < HEADER_BYTES) throw new Error("postings: bad buffer");
    const [magic, tokenCount, entryCount, slotLimit, textBytes] = new Uint32Array(bytes.buffer, bytes.byteOffset, 5);
    if (magic !== MAGIC) throw new Error("postings: not a postings file (or another byte order)");
    const startsAt = bytes.byteOffset + HEADER_BYTES;
    const entriesAt = startsAt + (tokenCount! + 1) * 4;
    const textAt = entriesAt + entryCount! * 4;
    if (textAt + textBytes! !== bytes.byteOffset + bytes.length) throw new Error("postings: truncated file");
    const starts = new Int32Array(bytes.buffer, startsAt, tokenCount! + 1);
    const entries = new Int32Array(bytes.buffer, entriesAt, entryCount!);
    const names = Buffer.from(bytes.buffer, textAt, textBytes!).toString("utf16le").split("\n");
    if (names.length !== tokenCount! + 1 || starts[tokenCount!] !== entryCount) throw new Error("postings: inconsistent file");
    const tokens = new Map<string, number>();
    for (let i = 0; i < tokenCount!; i++) tokens.set(names[i]!, i);
    return new FrozenPostings(tokens, starts, entries, slotLimit!);
  }
}

/** "PKB1" in this machine's byte order. */
const MAGIC = 0x31424b50;
const HEADER_BYTES = 20;

const bytesOf = (a: Int32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
