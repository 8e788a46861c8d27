/**
 * Bitsets over the slots: a bit per provision, 64 KB at 500,000 of them.
 * A query tests candidates against them instead of searching their text.
 * ScratchBitsets lends a query zeroed ones that are valid until the next
 * query starts; TokenBitsets keeps those of common tokens across queries
 * until the index changes.
 */
import type { Slots } from "./slots";

export const hasBit = (bits: Uint32Array, slot: number) => (bits[slot >>> 5]! & (1 << (slot & 31))) !== 0;
export const setBit = (bits: Uint32Array, slot: number) => void (bits[slot >>> 5]! |= 1 << (slot & 31));

/** 32-bit words a bitset over `slots` slots needs. */
export const wordsFor = (slots: number) => (slots >>> 5) + 1;

/** Tokens with this many postings keep their bitset across queries. */
export const SIEVE_FROM = 2000;

/**
 * Memory for token bitsets kept across queries: 512 of them at 500,000
 * provisions, enough for the benchmark's query mix (it needs 222: with too
 * few, every common token's bitset was dropped before it came back; see
 * BENCHMARKS.md). Bitsets are made as queries need them, so a smaller
 * working set takes no more memory.
 */
const CACHED_BITSET_BYTES = 32 << 20;

/**
 * Scratch memory a query reuses instead of allocating: bitsets over all
 * slots. Allocated per query they were garbage outside the heap that a busy
 * server only gave back at its next full collection.
 */
export class ScratchBitsets {
  private readonly pool: Uint32Array[] = [];
  private taken = 0;

  constructor(private readonly slots: Slots) {}

  /** A query starts: every bitset lent before may be lent again. */
  reset(): void {
    this.taken = 0;
  }

  /** A zeroed bitset over all slots, valid until the next reset(). */
  take(): Uint32Array {
    const words = wordsFor(this.slots.slotCount);
    let bits = this.pool[this.taken];
    if (!bits || bits.length < words) {
      bits = new Uint32Array(Math.max(words, 1024));
      this.pool[this.taken] = bits;
    } else bits.fill(0);
    this.taken++;
    return bits;
  }
}

/**
 * Bitsets of tokens, to read only: those with long posting lists are kept
 * across queries (most recently used last) until the index changes — common
 * words (国务院, 企业) come back in query after query, and their bitset costs
 * a pass over tens of thousands of postings — the others are scratch ones.
 */
export class TokenBitsets {
  private readonly cached = new Map<string, Uint32Array>();
  /**
   * Tokens whose kept bitsets the current query holds: a query tests its
   * candidates against them until it ends, so they are not dropped (nor
   * their memory reused) before the next query starts.
   */
  private readonly lent = new Set<string>();
  /** The slots' generation the cached bitsets were made at. */
  private generation = -1;

  constructor(
    private readonly slots: Slots,
    private readonly scratch: ScratchBitsets,
    /** Memory for kept bitsets (at least 16 are kept). */
    private readonly budget = CACHED_BITSET_BYTES,
  ) {}

  /** A query starts: the bitsets lent before may be dropped again. */
  reset(): void {
    this.lent.clear();
  }

  /** Whether a token's bitset is kept (then it costs nothing to use). */
  has(token: string): boolean {
    this.sync();
    return this.cached.has(token);
  }

  /** A token's bitset, valid until the next query: kept when its posting list is long, else a scratch one. */
  get(token: string): Uint32Array {
    this.sync();
    const cached = this.cached.get(token);
    if (cached) {
      this.cached.delete(token);
      this.cached.set(token, cached);
      this.lent.add(token);
      return cached;
    }
    if (this.slots.df(token) < SIEVE_FROM) return this.setPostingBits(token, this.scratch.take());
    // The least recently used bitset not lent to this query is reused (not garbage for the collector to find), else a new one.
    const size = Math.max(wordsFor(this.slots.slotCount), 1024);
    let bits: Uint32Array | undefined;
    if (this.cached.size >= Math.max(16, Math.floor(this.budget / (size * 4)))) {
      for (const [oldest, old] of this.cached) {
        if (this.lent.has(oldest)) continue;
        this.cached.delete(oldest);
        if (old.length >= size) bits = old.fill(0);
        break;
      }
    }
    bits = this.setPostingBits(token, bits ?? new Uint32Array(size));
    this.cached.set(token, bits);
    this.lent.add(token);
    return bits;
  }

  /** The index changed since the bitsets were made: they are stale. */
  private sync(): void {
    if (this.generation === this.slots.generation) return;
    this.cached.clear();
    this.generation = this.slots.generation;
  }

  /** Sets the bits of the slots holding a token. */
  private setPostingBits(token: string, bits: Uint32Array): Uint32Array {
    return this.slots.setTokenBits(token, bits);
  }
}
