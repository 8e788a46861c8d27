/**
 * Posting lists: for each token, the slots (provisions) whose indexed text
 * holds it, best bucket first. A bucket says how early the token first comes
 * in the text (heading first), scaled to BUCKETS buckets: candidates are
 * read in that order, so early mentions rank first.
 *
 * PostingBuilder collects the postings of provisions as they are added;
 * FrozenPostings holds them in typed arrays — every token's entries in one
 * Int32Array, a slot costing 4 bytes, a token's bitset a loop over a typed
 * array, the persisted copy the arrays' bytes, read back without parsing.
 * Frozen postings merge (a builder's into the engine's; the engine's minus
 * removed provisions when it is saved) keeping bucket order.
 *
 * Each entry is a slot with its bucket in the top 4 bits: read slots with
 * `entry & SLOT_MASK`.
 *
 * Longer than ~500 lines because the builder, the frozen lists and the
 * reader by file offset share one entry format and change together.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { setBit, wordsFor } from "./bitsets";
import { isCjk, runTokenCount, type TokenRuns } from "./tokenize";

/** The slot of a posting entry: `entry & SLOT_MASK`. */
export const SLOT_MASK = 0x0fffffff;
const BUCKET_SHIFT = 28;
/** Slots are below this (268 M provisions). */
export const MAX_SLOTS = SLOT_MASK + 1;

/**
 * How many buckets positions are scaled to: the first nine tokens of a text
 * each have their own, later ones share them in proportion (a token first
 * seen halfway through a long text is in bucket 5).
 */
export const BUCKETS = 9;

/** The bucket of a token first found at `position` of a text of `tokenCount` tokens. */
export function bucketOf(position: number, tokenCount: number): number {
  return position && tokenCount > BUCKETS ? (((BUCKETS - 1) / tokenCount) * position + 1) | 0 : position;
}

/**
 * CJK characters numbered from 0 (U+3400–9FFF, then U+F900–FAFF): a
 * character's number is below CJK_SPAN, a bigram's is CJK_SPAN and up, and
 * both fit a small integer.
 */
const CJK_FIRST_BLOCK = 0xa000 - 0x3400;
const CJK_SPAN = CJK_FIRST_BLOCK + 0x200;
const cjkNumber = (c: number) => (c >= 0xf900 ? c - 0xf900 + CJK_FIRST_BLOCK : c - 0x3400);
const cjkCode = (n: number) => (n >= CJK_FIRST_BLOCK ? n - CJK_FIRST_BLOCK + 0xf900 : n + 0x3400);
const bigramNumber = (left: number, right: number) => CJK_SPAN + left * CJK_SPAN + right;
/** The token a CJK token's number stands for (one flat string: a Map key compared at every lookup). */
const cjkToken = (code: number) =>
  code < CJK_SPAN ? String.fromCharCode(cjkCode(code)) : String.fromCharCode(cjkCode(Math.floor((code - CJK_SPAN) / CJK_SPAN)), cjkCode((code - CJK_SPAN) % CJK_SPAN));

/** Where `key` is in an open-addressing table of keys (size a power of two, never full), or the empty place it would go. */
function probe(keys: Int32Array, key: number): number {
  const mask = keys.length - 1;
  let h = Math.imul(key ^ (key >>> 15), 0x2c1b3c6d);
  h = (h ^ (h >>> 12)) & mask;
  while (keys[h] !== key && keys[h] !== 0) h = (h + 1) & mask;
  return h;
}

/** Pairs a chunk of the builder holds. */
const CHUNK = 1 << 16;
/** Tokens per range of build()'s first pass: 1,024 tokens × 16 buckets of counters (64 KB). */
const PART_SHIFT = 10;
const PART_MASK = (1 << PART_SHIFT) - 1;

/**
 * The postings of provisions being added, as (token, entry) pairs in the
 * order added; build() sorts them into FrozenPostings. Each slot is added
 * once (a slot is not reused before the postings naming it are merged away).
 * CJK tokens (a character, a bigram) are looked up by number, never made
 * into strings until build(): most tokens are bigrams.
 */
export class PostingBuilder {
  /**
   * A CJK token's number (a character's, or CJK_SPAN + a bigram's) → token
   * id, in an open-addressing table: keys hold number + 1 (0: empty). Tens of
   * millions of lookups build a large index; a Map's cost ~60 ns each.
   */
  private cjkKeys = new Int32Array(1 << 12);
  private cjkValues = new Int32Array(1 << 12);
  private cjkCount = 0;
  /** Any other token → token id. */
  private readonly wordIds = new Map<string, number>();
  /** Token id → the token, or the CJK token's number. */
  private readonly names: Array<string | number> = [];
  /** Per token id, the slot it was last added for (a token is posted once per provision). */
  private lastSlot = new Int32Array(1024).fill(-1);
  /** The pairs, in chunks (a growing array would be copied again and again): token ids, and entries (slot and bucket). */
  private idChunks: Int32Array[] = [];
  private entryChunks: Int32Array[] = [];
  private tokenIds = new Int32Array(0);
  private entries = new Int32Array(0);
  /** Pairs in the last chunk. */
  private fill = 0;
  private count = 0;
  private slotLimit = 0;
  private built = false;

  /** How many postings have been added. */
  get size(): number {
    return this.count;
  }

  /** Adds a provision's tokens, in text order: each distinct token once, in the bucket of its first position (tests state postings this way; the engine adds runs). */
  add(slot: number, tokens: readonly string[]): void {
    this.begin(slot);
    for (let position = 0; position < tokens.length; position++) {
      const token = tokens[position]!;
      if (!token) continue;
      const a = token.charCodeAt(0);
      const b = token.length === 2 ? token.charCodeAt(1) : 0;
      const cjk = token.length <= 2 && isCjk(a) && (token.length === 1 || isCjk(b));
      this.post(slot, cjk ? this.cjkId(token.length === 1 ? cjkNumber(a) : bigramNumber(cjkNumber(a), cjkNumber(b))) : this.wordId(token), position, tokens.length);
    }
  }

  /** Adds a provision's tokens given as bigramRuns() gives them (the same tokens as bigramTokens(), no strings made for CJK ones). */
  addRuns(slot: number, { folded, runs }: TokenRuns): void {
    this.begin(slot);
    const tokenCount = runTokenCount(runs);
    let position = 0;
    for (let k = 0; k < runs.length; k += 2) {
      const start = runs[k]!;
      const end = runs[k + 1]!;
      if (start >= 0) {
        this.post(slot, this.wordId(folded.slice(start, end)), position++, tokenCount);
        continue;
      }
      const from = -start - 1;
      if (end - from === 1) {
        this.post(slot, this.cjkId(cjkNumber(folded.charCodeAt(from))), position++, tokenCount);
        continue;
      }
      let left = cjkNumber(folded.charCodeAt(from));
      for (let i = from + 1; i < end; i++) {
        const right = cjkNumber(folded.charCodeAt(i));
        this.post(slot, this.cjkId(bigramNumber(left, right)), position++, tokenCount);
        left = right;
      }
    }
  }

  private begin(slot: number): void {
    if (slot < 0 || slot >= MAX_SLOTS) throw new Error(`posting slot out of range: ${slot}`);
    if (slot >= this.slotLimit) this.slotLimit = slot + 1;
  }

  private post(slot: number, id: number, position: number, tokenCount: number): void {
    if (this.lastSlot[id] === slot) return;
    this.lastSlot[id] = slot;
    if (this.fill === this.entries.length) {
      this.tokenIds = new Int32Array(CHUNK);
      this.entries = new Int32Array(CHUNK);
      this.idChunks.push(this.tokenIds);
      this.entryChunks.push(this.entries);
      this.fill = 0;
    }
    this.tokenIds[this.fill] = id;
    this.entries[this.fill++] = slot | (bucketOf(position, tokenCount) << BUCKET_SHIFT);
    this.count++;
  }

  private cjkId(code: number): number {
    const key = code + 1;
    const at = probe(this.cjkKeys, key);
    if (this.cjkKeys[at] === key) return this.cjkValues[at]!;
    const id = this.newId(code);
    this.cjkKeys[at] = key;
    this.cjkValues[at] = id;
    if (++this.cjkCount * 2 > this.cjkKeys.length) {
      // Twice the room.
      const keys = this.cjkKeys;
      const values = this.cjkValues;
      this.cjkKeys = new Int32Array(keys.length * 2);
      this.cjkValues = new Int32Array(keys.length * 2);
      for (let i = 0; i < keys.length; i++) {
        if (keys[i] === 0) continue;
        const to = probe(this.cjkKeys, keys[i]!);
        this.cjkKeys[to] = keys[i]!;
        this.cjkValues[to] = values[i]!;
      }
    }
    return id;
  }

  private wordId(word: string): number {
    let id = this.wordIds.get(word);
    if (id === undefined) this.wordIds.set(word, (id = this.newId(word)));
    return id;
  }

  private newId(name: string | number): number {
    const id = this.names.length;
    this.names.push(name);
    if (id >= this.lastSlot.length) {
      const wider = new Int32Array(this.lastSlot.length * 2).fill(-1);
      wider.set(this.lastSlot);
      this.lastSlot = wider;
    }
    return id;
  }

  /**
   * The postings added, frozen: each token's entries by bucket, in the order
   * added within a bucket. A stable sort on (token, bucket) in two passes:
   * the pairs are first spread into ranges of 1,024 tokens, then each
   * range is counting-sorted with counters that stay in the CPU's cache (one
   * counter per token and bucket over all tokens missed the cache at every
   * entry: 31 s of a 100,000-document save). A builder is built once: its
   * chunks are let go as they are spread.
   */
  build(): FrozenPostings {
    if (this.built) throw new Error("a posting builder is built once");
    this.built = true;
    const tokens = this.names.length;
    const count = this.count;
    const chunks = this.idChunks.length;
    const filled = (c: number) => (c === chunks - 1 ? this.fill : CHUNK);
    const parts = (tokens >>> PART_SHIFT) + 1;
    const partStarts = new Int32Array(parts + 1);
    for (let c = 0; c < chunks; c++) {
      const ids = this.idChunks[c]!;
      for (let i = 0, n = filled(c); i < n; i++) partStarts[(ids[i]! >>> PART_SHIFT) + 1]!++;
    }
    for (let p = 1; p <= parts; p++) partStarts[p]! += partStarts[p - 1]!;
    // Spread: entries into their token range, each with its key within the range (token's low bits, bucket).
    const sorted = new Int32Array(count);
    const keys = new Uint16Array(count);
    const next = partStarts.slice(0, parts);
    for (let c = 0; c < chunks; c++) {
      const ids = this.idChunks[c]!;
      const entries = this.entryChunks[c]!;
      for (let i = 0, n = filled(c); i < n; i++) {
        const id = ids[i]!;
        const e = entries[i]!;
        const k = next[id >>> PART_SHIFT]!++;
        sorted[k] = e;
        keys[k] = ((id & PART_MASK) << 4) | (e >>> BUCKET_SHIFT);
      }
      this.idChunks[c] = this.entryChunks[c] = NO_ENTRIES;
    }
    // Each range sorted on its keys through a buffer the size of the largest range.
    let largest = 0;
    for (let p = 0; p < parts; p++) largest = Math.max(largest, partStarts[p + 1]! - partStarts[p]!);
    const buffer = new Int32Array(largest);
    const counts = new Int32Array((PART_MASK + 1) * 16 + 1);
    const tokenStarts = new Int32Array(tokens + 1);
    for (let p = 0; p < parts; p++) {
      const from = partStarts[p]!;
      const to = partStarts[p + 1]!;
      counts.fill(0);
      for (let k = from; k < to; k++) counts[keys[k]! + 1]!++;
      for (let k = 1; k < counts.length; k++) counts[k]! += counts[k - 1]!;
      const first = p << PART_SHIFT;
      for (let t = first; t < Math.min(tokens, first + PART_MASK + 1); t++) tokenStarts[t] = from + counts[(t - first) * 16]!;
      for (let k = from; k < to; k++) buffer[counts[keys[k]!]!++] = sorted[k]!;
      sorted.set(buffer.subarray(0, to - from), from);
    }
    tokenStarts[tokens] = count;
    const byName = new Map<string, number>();
    this.names.forEach((name, id) => byName.set(typeof name === "string" ? name : cjkToken(name), id));
    return FrozenPostings.of(byName, tokenStarts, sorted, this.slotLimit);
  }
}


/** Where postings come from: in memory (FrozenPostings) or read from the persisted file by offset (FilePostings). */
export interface PostingSource {
  /** One above the highest slot any entry names. */
  readonly slotLimit: number;
  readonly tokenCount: number;
  /** How many entries a token has. */
  count(token: string): number;
  /** A token's entries (bucket-tagged slots, best bucket first), or undefined. */
  list(token: string): Int32Array | undefined;
  /** A token's entries in pieces, best first: a reader that stops early reads less. */
  chunks(token: string): Iterable<Int32Array>;
  /** The tokens, in their order. */
  tokens(): Iterable<string>;
  /** Sets `into` to the bitset of a token's slots when it is stored whole (a dense token of a file), and says whether it was. */
  storedBits(token: string, into: Uint32Array): boolean;
}

/** Where writePostings writes: the postings file's bytes, and the stored bitsets' file's. */
export interface PostingWriters {
  postings: (bytes: Buffer) => Promise<void>;
  bitsets: (bytes: Buffer) => Promise<void>;
}

/**
 * A token with at least this many entries has its bitset stored beside its
 * list (no larger than the list from a 32nd of the slots on): a query reads
 * 720 KB at 5.8 million slots instead of setting a bit per entry of a list
 * of a million, which it did again whenever the kept bitsets had dropped it.
 */
const storedBitsFrom = (slotBound: number) => Math.max(STORED_BITS_MIN, wordsFor(slotBound));
/** Small indexes store none: their bitsets are cheap to make. */
const STORED_BITS_MIN = 4096;

/**
 * Merges two lists of a token into `out` from `at`, in bucket order (within
 * a bucket, `first`'s entries first), leaving out the slots `keep` refuses.
 * Returns where it stopped and the highest slot kept + 1 (with `limit`).
 */
function mergeLists(first: Int32Array, second: Int32Array, keep: ((slot: number) => boolean) | undefined, out: Int32Array, at: number, limit: number): { at: number; limit: number } {
  const copy = (list: Int32Array, from: number, bucket: number): number => {
    let i = from;
    if (!keep) {
      while (i < list.length && list[i]! >>> BUCKET_SHIFT === bucket) i++;
      out.set(list.subarray(from, i), at);
      at += i - from;
      return i;
    }
    for (; i < list.length; i++) {
      const e = list[i]!;
      if (e >>> BUCKET_SHIFT !== bucket) break;
      const slot = e & SLOT_MASK;
      if (!keep(slot)) continue;
      out[at++] = e;
      if (slot >= limit) limit = slot + 1;
    }
    return i;
  };
  if (!keep && (!first.length || !second.length)) {
    // One side only: its entries as they are.
    out.set(first.length ? first : second, at);
    return { at: at + first.length + second.length, limit };
  }
  let i = 0;
  let j = 0;
  while (i < first.length || j < second.length) {
    const bucket = Math.min(i < first.length ? first[i]! >>> BUCKET_SHIFT : 16, j < second.length ? second[j]! >>> BUCKET_SHIFT : 16);
    i = copy(first, i, bucket);
    j = copy(second, j, bucket);
  }
  return { at, limit };
}

const NO_ENTRIES = new Int32Array(0);

export class FrozenPostings implements PostingSource {
  private constructor(
    /** Token → its number (row of `starts`). */
    private readonly tokenRows: Map<string, number>,
    /** Entries of token t are entries[starts[t] .. starts[t + 1]). */
    private readonly starts: Int32Array,
    readonly entries: Int32Array,
    /** One above the highest slot any entry names (slots from here up are not referenced). */
    readonly slotLimit: number,
  ) {}

  static empty(): FrozenPostings {
    return new FrozenPostings(new Map(), new Int32Array(1), new Int32Array(0), 0);
  }

  /** Postings from their arrays (the builder's). */
  static of(tokens: Map<string, number>, starts: Int32Array, entries: Int32Array, slotLimit: number): FrozenPostings {
    return new FrozenPostings(tokens, starts, entries, slotLimit);
  }

  get tokenCount(): number {
    return this.tokenRows.size;
  }

  tokens(): Iterable<string> {
    return this.tokenRows.keys();
  }

  /** A token's entries (bucket-tagged slots, best bucket first), or undefined. */
  list(token: string): Int32Array | undefined {
    const t = this.tokenRows.get(token);
    return t === undefined ? undefined : this.entries.subarray(this.starts[t]!, this.starts[t + 1]!);
  }

  chunks(token: string): Iterable<Int32Array> {
    const list = this.list(token);
    return list ? [list] : [];
  }

  /** In memory no bitset is stored. */
  storedBits(): boolean {
    return false;
  }

  /** How many entries a token has. */
  count(token: string): number {
    const t = this.tokenRows.get(token);
    return t === undefined ? 0 : this.starts[t + 1]! - this.starts[t]!;
  }

  /**
   * These postings with `later` merged in, each token's entries in bucket
   * order (within a bucket, these first), leaving out the slots `keep`
   * refuses (removed provisions) when it is given.
   */
  merge(later: FrozenPostings, keep?: (slot: number) => boolean): FrozenPostings {
    // Nothing to interleave or drop: the other side as it is (postings are never changed in place).
    if (!keep && !later.entries.length) return this;
    if (!keep && !this.entries.length) return later;
    const entries = new Int32Array(this.entries.length + later.entries.length);
    const names: string[] = [];
    const starts: number[] = [0];
    let at = 0;
    // Nothing dropped: every slot of both sides is still named.
    let slotLimit = keep ? 0 : Math.max(this.slotLimit, later.slotLimit);
    const emit = (token: string, first: Int32Array, second: Int32Array) => {
      const from = at;
      ({ at, limit: slotLimit } = mergeLists(first, second, keep, entries, at, slotLimit));
      if (at > from) {
        names.push(token);
        starts.push(at);
      }
    };
    for (const token of this.tokenRows.keys()) emit(token, this.list(token)!, later.list(token) ?? NO_ENTRIES);
    for (const token of later.tokenRows.keys()) if (!this.tokenRows.has(token)) emit(token, NO_ENTRIES, later.list(token)!);
    return new FrozenPostings(new Map(names.map((n, i) => [n, i])), Int32Array.from(starts), entries.subarray(0, at), slotLimit);
  }

  // ---- bytes --------------------------------------------------------------------------

  /** The postings as bytes, in the layout FilePostings reads (see writePostings). */
  toBuffers(): Buffer[] {
    const text = Buffer.from([...this.tokenRows.keys()].map((t) => `${t}\n`).join(""), "utf16le");
    return [bytesOf(this.entries), bytesOf(this.starts), text, footer(this.tokenRows.size, this.entries.length, this.slotLimit, text.length)];
  }

  /** Postings from the bytes toBuffers() wrote (the buffer must start at a 4-byte boundary). */
  static fromBytes(bytes: Uint8Array): FrozenPostings {
    if (bytes.byteOffset % 4 !== 0 || bytes.length < FOOTER_BYTES) throw new Error("postings: truncated file");
    const { tokenCount, entryCount, slotLimit, textBytes } = readFooter(Buffer.from(bytes.buffer, bytes.byteOffset + bytes.length - FOOTER_BYTES, FOOTER_BYTES));
    const startsAt = entryCount * 4;
    const textAt = startsAt + (tokenCount + 1) * 4;
    if (textAt + textBytes + FOOTER_BYTES !== bytes.length) throw new Error("postings: truncated file");
    const entries = new Int32Array(bytes.buffer, bytes.byteOffset, entryCount);
    const starts = new Int32Array(bytes.buffer, bytes.byteOffset + startsAt, tokenCount + 1);
    const tokens = tokenMap(Buffer.from(bytes.buffer, bytes.byteOffset + textAt, textBytes), tokenCount, starts, entryCount);
    return new FrozenPostings(tokens, starts, entries, slotLimit);
  }
}

/** "PKB2" in this machine's byte order. */
const MAGIC = 0x32424b50;
/** magic, token count, entry count, slot limit, token text bytes. */
const FOOTER_BYTES = 20;

function footer(tokenCount: number, entryCount: number, slotLimit: number, textBytes: number): Buffer {
  const b = Buffer.alloc(FOOTER_BYTES);
  new Uint32Array(b.buffer, b.byteOffset, 5).set([MAGIC, tokenCount, entryCount, slotLimit, textBytes]);
  return b;
}

function readFooter(b: Buffer): { tokenCount: number; entryCount: number; slotLimit: number; textBytes: number } {
  const a = new Uint32Array(new Uint8Array(b).buffer, 0, 5);
  if (a[0] !== MAGIC) throw new Error("postings: not a postings file (or another byte order)");
  return { tokenCount: a[1]!, entryCount: a[2]!, slotLimit: a[3]!, textBytes: a[4]! };
}

function tokenMap(text: Buffer, tokenCount: number, starts: Int32Array, entryCount: number): Map<string, number> {
  const names = text.toString("utf16le").split("\n");
  if (names.length !== tokenCount + 1 || starts[tokenCount] !== entryCount) throw new Error("postings: inconsistent file");
  const tokens = new Map<string, number>();
  for (let i = 0; i < tokenCount; i++) tokens.set(names[i]!, i);
  return tokens;
}

/** Closes the files of postings the collector took. */
const closer = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // closed already
  }
});

/** Entries read at first from a list; each further read twice as many, up to the last. */
const FIRST_CHUNK = 2048;
const LAST_CHUNK = 1 << 20;
/** Lists up to this many entries are read whole and kept (most recently used, up to KEPT_BYTES in all). */
const KEPT_LIST = 1 << 18;
/** Memory for lists kept across queries (POLICYKB_POSTINGS_CACHE_MB, default 64): common words come back query after query. */
const KEPT_BYTES = () => Number(process.env.POLICYKB_POSTINGS_CACHE_MB ?? 64) * 1048576;

/**
 * Postings read from their file by offset: only the token directory (tokens
 * and where each one's entries start) is held in memory; a token's entries
 * are read when a query needs them, in pieces that grow, so a reader that
 * stops after the first matches reads little of a long list.
 */
export class FilePostings implements PostingSource {
  private constructor(
    private readonly fd: number,
    private readonly tokenRows: Map<string, number>,
    private readonly starts: Int32Array,
    readonly slotLimit: number,
    readonly bytes: number,
    private readonly stored: StoredBitsets,
  ) {}

  /** Lists read whole, most recently used last, and their bytes in all. */
  private readonly kept = new Map<number, Int32Array>();
  private keptBytes = 0;
  private readonly budget = KEPT_BYTES();

  /** Token t's whole list, from the kept ones or the file (and kept when small enough). */
  private whole(t: number): Int32Array {
    let list = this.kept.get(t);
    if (list) {
      this.kept.delete(t);
      this.kept.set(t, list);
      return list;
    }
    list = this.read(this.starts[t]!, this.starts[t + 1]! - this.starts[t]!);
    if (list.length <= KEPT_LIST && list.byteLength <= this.budget) {
      while (this.keptBytes + list.byteLength > this.budget) {
        const [oldest, old] = this.kept.entries().next().value!;
        this.kept.delete(oldest);
        this.keptBytes -= old.byteLength;
      }
      this.kept.set(t, list);
      this.keptBytes += list.byteLength;
    }
    return list;
  }

  /** The postings of `file` and the stored bitsets of `bitsFile` (written together by writePostings). */
  static open(file: string, bitsFile: string): FilePostings {
    const stored = StoredBitsets.open(bitsFile);
    const fd = openSync(file, "r");
    try {
      const size = fstatSync(fd).size;
      if (size < FOOTER_BYTES) throw new Error("postings: truncated file");
      const foot = Buffer.alloc(FOOTER_BYTES);
      readFully(fd, foot, size - FOOTER_BYTES);
      const { tokenCount, entryCount, slotLimit, textBytes } = readFooter(foot);
      const startsAt = entryCount * 4;
      const textAt = startsAt + (tokenCount + 1) * 4;
      if (textAt + textBytes + FOOTER_BYTES !== size) throw new Error("postings: truncated file");
      const starts = new Int32Array(tokenCount + 1);
      readFully(fd, Buffer.from(starts.buffer), startsAt);
      const text = Buffer.alloc(textBytes);
      readFully(fd, text, textAt);
      if (stored.tokenCount !== tokenCount) throw new Error("postings: stored bitsets of another postings file");
      const postings = new FilePostings(fd, tokenMap(text, tokenCount, starts, entryCount), starts, slotLimit, size, stored);
      closer.register(postings, fd);
      return postings;
    } catch (error) {
      closeSync(fd);
      closeSync(stored.fd);
      throw error;
    }
  }

  storedBits(token: string, into: Uint32Array): boolean {
    const t = this.tokenRows.get(token);
    return t !== undefined && this.stored.read(t, into);
  }

  get tokenCount(): number {
    return this.tokenRows.size;
  }

  tokens(): Iterable<string> {
    return this.tokenRows.keys();
  }

  count(token: string): number {
    const t = this.tokenRows.get(token);
    return t === undefined ? 0 : this.starts[t + 1]! - this.starts[t]!;
  }

  private read(from: number, n: number): Int32Array {
    const out = new Int32Array(n);
    readFully(this.fd, Buffer.from(out.buffer), from * 4);
    return out;
  }

  list(token: string): Int32Array | undefined {
    const t = this.tokenRows.get(token);
    return t === undefined ? undefined : this.whole(t);
  }

  chunks(token: string): Iterable<Int32Array> {
    const t = this.tokenRows.get(token);
    if (t === undefined) return [];
    // A list small enough to keep is read whole once; a longer one in growing pieces (a reader may stop early).
    if (this.starts[t + 1]! - this.starts[t]! <= KEPT_LIST) return [this.whole(t)];
    return this.pieces(t);
  }

  private *pieces(t: number): Generator<Int32Array> {
    const end = this.starts[t + 1]!;
    let size = FIRST_CHUNK;
    for (let at = this.starts[t]!; at < end; at += size, size = Math.min(size * 2, LAST_CHUNK)) yield this.read(at, Math.min(size, end - at));
  }
}

/** "PKB3": the stored bitsets' file, in this machine's byte order. */
const BITS_MAGIC = 0x33424b50;
/** magic, token count of the postings file, stored bitsets, words a bitset. */
const BITS_FOOTER_BYTES = 16;

/**
 * The bitsets of a postings file's dense tokens, read by offset: the
 * bitsets one after the other, each token's row (in the postings file) for
 * each, then the footer.
 */
class StoredBitsets {
  private constructor(
    readonly fd: number,
    /** Token row → its bitset's place. */
    private readonly places: Map<number, number>,
    private readonly words: number,
    readonly tokenCount: number,
  ) {}

  static open(file: string): StoredBitsets {
    const fd = openSync(file, "r");
    try {
      const size = fstatSync(fd).size;
      if (size < BITS_FOOTER_BYTES) throw new Error("postings: truncated bitsets file");
      const foot = new Uint32Array(BITS_FOOTER_BYTES / 4);
      readFully(fd, Buffer.from(foot.buffer), size - BITS_FOOTER_BYTES);
      const [magic, tokenCount, count, words] = foot as unknown as [number, number, number, number];
      if (magic !== BITS_MAGIC) throw new Error("postings: not a bitsets file (or another byte order)");
      if (count * (words + 1) * 4 + BITS_FOOTER_BYTES !== size) throw new Error("postings: truncated bitsets file");
      const rows = new Int32Array(count);
      readFully(fd, Buffer.from(rows.buffer), count * words * 4);
      const places = new Map<number, number>();
      rows.forEach((row, i) => places.set(row, i));
      const stored = new StoredBitsets(fd, places, words, tokenCount);
      closer.register(stored, fd);
      return stored;
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  /** Reads token row t's bitset into `into` (zeroed, at least as long as any slot it names); false when none is stored. */
  read(t: number, into: Uint32Array): boolean {
    const place = this.places.get(t);
    if (place === undefined) return false;
    // Words past `into` name no slot: the bound a bitset was made for may exceed the slots kept.
    const words = Math.min(this.words, into.length);
    readFully(this.fd, Buffer.from(into.buffer, into.byteOffset, words * 4), place * this.words * 4);
    return true;
  }
}

/** Fills `into` from `position` of an open file; `short` is the error when the file ends first. */
export function readFully(fd: number, into: Buffer, position: number, short = "postings: file shorter than its directory"): void {
  for (let done = 0; done < into.length; ) {
    const n = readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) throw new Error(short);
    done += n;
  }
}

/**
 * Writes the postings of `first` with `second` merged in (as FrozenPostings.merge
 * does, without holding the result in memory) to `out.postings`, one token at a
 * time: the entries, each token's start (int32, this machine's byte order),
 * the tokens as UTF-16LE each ended by a newline, then a footer of five
 * uint32 (magic, token count, entry count, slot limit, token text bytes).
 * Dense tokens' bitsets go to `out.bitsets` as they are met (StoredBitsets).
 */
export async function writePostings(first: PostingSource, second: PostingSource, keep: ((slot: number) => boolean) | undefined, out: PostingWriters): Promise<void> {
  const BLOCK = 1 << 20;
  let entries = new Int32Array(BLOCK);
  let fill = 0;
  let written = 0;
  const names: string[] = [];
  const starts: number[] = [0];
  let slotLimit = keep ? 0 : Math.max(first.slotLimit, second.slotLimit);
  // Every slot named is below this bound; the stored bitsets are made that long.
  const bound = Math.max(first.slotLimit, second.slotLimit);
  const words = wordsFor(bound);
  const dense = storedBitsFrom(bound);
  const denseRows: number[] = [];
  const flush = async () => {
    if (!fill) return;
    await out.postings(Buffer.from(entries.buffer, 0, fill * 4));
    written += fill;
    entries = new Int32Array(BLOCK);
    fill = 0;
  };
  const emit = async (token: string, a: Int32Array, b: Int32Array) => {
    if (fill + a.length + b.length > entries.length) {
      await flush();
      if (a.length + b.length > entries.length) entries = new Int32Array(a.length + b.length);
    }
    const from = fill;
    ({ at: fill, limit: slotLimit } = mergeLists(a, b, keep, entries, fill, slotLimit));
    if (fill === from) return;
    names.push(token);
    starts.push(written + fill);
    if (fill - from < dense) return;
    const bits = new Uint32Array(words);
    for (let i = from; i < fill; i++) setBit(bits, entries[i]! & SLOT_MASK);
    denseRows.push(names.length - 1);
    await out.bitsets(Buffer.from(bits.buffer));
  };
  for (const token of first.tokens()) await emit(token, first.list(token)!, second.list(token) ?? NO_ENTRIES);
  const inFirst = (token: string) => first.count(token) > 0;
  for (const token of second.tokens()) if (!inFirst(token)) await emit(token, NO_ENTRIES, second.list(token)!);
  await flush();
  const text = Buffer.from(names.map((t) => `${t}\n`).join(""), "utf16le");
  await out.postings(bytesOf(Int32Array.from(starts)));
  await out.postings(text);
  await out.postings(footer(names.length, written, slotLimit, text.length));
  await out.bitsets(bytesOf(Int32Array.from(denseRows)));
  const bitsFooter = Buffer.alloc(BITS_FOOTER_BYTES);
  new Uint32Array(bitsFooter.buffer, bitsFooter.byteOffset, 4).set([BITS_MAGIC, names.length, denseRows.length, words]);
  await out.bitsets(bitsFooter);
}

const bytesOf = (a: Int32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
