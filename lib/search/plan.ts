/**
 * Query planning: for each query word, how rare it is (estimate), where its
 * candidates come from (stream: the posting list of each form's rarest
 * token, a scan, a date), which bitset narrows it before any substring
 * search (sieve), and whether a slot contains it (matches). The match tiers
 * (tiers.ts) choose the driving word and run the plan.
 */
import { hasBit, setBit, SIEVE_FROM, type ScratchBitsets, type TokenBitsets } from "./bitsets";
import { SLOT_MASK } from "./postings";
import type { Slots } from "./slots";
import { bigramTokens, isCjk, type QueryWord } from "./tokenize";

/**
 * Driver scans longer than this check the words against bitsets of their
 * rarest tokens before any substring search. Each candidate's substring
 * search costs cache misses (its entry, its strings); a bitset of a token
 * with fewer postings than SIEVE_FROM is made for the query in tens of
 * microseconds (2,000 → 300: see BENCHMARKS.md).
 */
export const SCAN_SIEVED_FROM = 300;

/** A form's part of a sieve: the bitsets of its rarest tokens; a slot that may hold the form has its bit in each. */
export interface SieveForm {
  form: string;
  tokens: Uint32Array[];
}

/**
 * A word's sieve: the slots that may contain it are those passing one of its
 * forms (every token's bit set) or, for a word naming a date, holding a
 * deadline on it. Tested per candidate (passesSieve), never merged into a
 * bitset of the word: at 5.8 million slots each pass over a bitset costs
 * more than the few thousand candidates a query reads.
 */
export interface Sieve {
  word: QueryWord;
  /** Passing the sieve is containing the word (a plain one-bigram word). */
  exact: boolean;
  forms: SieveForm[];
  /** The slots with a deadline on the word's date, or null. */
  dated: ReadonlySet<number> | null;
}

/** Whether a slot may hold a sieve's form: its bit is set in each of the form's token bitsets. */
export function passesForm(f: SieveForm, slot: number): boolean {
  const tokens = f.tokens;
  for (let k = 0; k < tokens.length; k++) if (!hasBit(tokens[k]!, slot)) return false;
  return true;
}

/** Whether a slot passes a word's sieve (may contain the word). */
export function passesSieve(s: Sieve, slot: number): boolean {
  const forms = s.forms;
  for (let i = 0; i < forms.length; i++) if (passesForm(forms[i]!, slot)) return true;
  return s.dated !== null && s.dated.has(slot);
}

/** The forms a hit may contain for a word: as typed, or an alternative (alias). */
export const formsOf = (w: QueryWord) => (w.alternatives.length ? [w.text, ...w.alternatives] : [w.text]);

/**
 * The word for matching: an alternative that contains another form adds no
 * match (人力资源社会保障部门 holds 人力资源社会保障部), only work.
 */
export function matchingWord(w: QueryWord): QueryWord {
  if (!w.alternatives.length) return w;
  const forms = formsOf(w);
  const alternatives = [...new Set(w.alternatives)].filter((a) => a !== w.text && !forms.some((b) => b !== a && a.includes(b)));
  return alternatives.length === w.alternatives.length ? w : { ...w, alternatives };
}

/** The token a plain two-character Chinese word is (no aliases, no date), else null: its postings are its matches. */
export function plainToken(w: QueryWord): string | null {
  return !w.alternatives.length && !w.date && /^[\u3400-\u9fff]{2}$/.test(w.text) ? w.text : null;
}

/** Tokens of a form that the index can look up (a lone CJK character is indexed only when alone in its run: left out). */
function tokensOf(form: string): string[] {
  return bigramTokens(form).filter((t) => !(t.length === 1 && isCjk(t.charCodeAt(0))));
}

export class Planner {
  constructor(
    private readonly slots: Slots,
    private readonly scratch: ScratchBitsets,
    private readonly tokens: TokenBitsets,
  ) {}

  /** The token of a form with the shortest posting list; null when the index cannot look the form up. */
  private rarest(form: string): { token: string; df: number } | null {
    let best: { token: string; df: number } | null = null;
    for (const token of tokensOf(form)) {
      const df = this.slots.df(token);
      if (!best || df < best.df) best = { token, df };
    }
    return best;
  }

  /** About how many candidates stream(word) yields: what a query driven by this word reads. */
  estimate(word: QueryWord): number {
    let n = word.date ? this.slots.withDate(word.date)?.size ?? 0 : 0;
    for (const form of formsOf(word)) {
      const rare = this.rarest(form);
      n += rare ? rare.df : this.slots.slotCount;
    }
    return n;
  }

  /**
   * Hands `visit` the candidate slots for a word, best first, until it
   * returns false: the posting list of each form's rarest token, in its
   * bucket order (query terms early in the heading and text first). A form
   * the index cannot look up (a lone character) is scanned; a word naming a
   * date also yields provisions with a deadline on it. Candidates still
   * have to be verified (matches()). A callback, not a generator: a
   * generator allocated a result per candidate, thousands for a date.
   */
  stream(word: QueryWord, visit: (slot: number) => boolean): void {
    // Several forms (aliases, a date): each slot once. A bitset, not a Set: a common alias yields tens of
    // thousands; nor a stamp per slot, whose 2 MB cost a cache miss per candidate.
    const seen = word.alternatives.length || word.date ? this.scratch.take() : null;
    const fresh = (slot: number) => {
      if (!seen) return true;
      if (hasBit(seen, slot)) return false;
      setBit(seen, slot);
      return true;
    };
    const entries = this.slots.entries;
    // Forms whose rarest token is the same (人力资源社会保障部, 人力资源和社会保障部: 障部) read it once.
    const read = new Set<string>();
    for (const form of formsOf(word)) {
      const rare = this.rarest(form);
      if (rare && read.has(rare.token)) continue;
      if (rare) read.add(rare.token);
      if (!rare) {
        for (let slot = 0; slot < entries.slotCount; slot++) {
          if (entries.has(slot) && entries.contains(slot, form) && fresh(slot) && !visit(slot)) return;
        }
        continue;
      }
      if (rare.df === 0) continue;
      for (const list of this.slots.postings(rare.token)) {
        for (let i = 0; i < list.length; i++) {
          const id = list[i]! & SLOT_MASK;
          if (fresh(id) && !visit(id)) return;
        }
      }
    }
    if (word.date) {
      for (const slot of this.slots.withDate(word.date) ?? []) if (fresh(slot) && !visit(slot)) return;
    }
  }

  /** Whether a slot contains a word (one of its forms, or a deadline on its date). */
  matches(slot: number, word: QueryWord): boolean {
    const e = this.slots.entries;
    if (!e.has(slot)) return false;
    if (e.contains(slot, word.text)) return true;
    for (let i = 0; i < word.alternatives.length; i++) if (e.contains(slot, word.alternatives[i]!)) return true;
    return word.date !== null && e.hasDate(slot, word.date);
  }

  /**
   * The sieve of a word: for each form, the bitsets of its rarest tokens
   * (two, or up to four when the others are common enough to have their
   * bitsets kept); and the slots with a deadline on the word's date.
   * `exact` when passing is the same as containing the word (a plain
   * two-character Chinese word is one bigram); otherwise candidates that
   * pass are verified by substring. None when a form has no token the index
   * can look up.
   */
  sieve(w: QueryWord): Sieve[] {
    const exact = plainToken(w) !== null;
    const forms: SieveForm[] = [];
    for (const form of formsOf(w)) {
      // The two rarest tokens of a form narrow it almost as much as all of them, at a fraction of the
      // postings to read (社会, 保障 of 人力资源社会保障部 are in every tenth provision); what passes is
      // verified by substring unless the word is one bigram.
      // Common tokens' bitsets are kept across queries, so the next ones cost a bit test only:
      // numbers and dates (2019年2月底前: 2, 2019, 月底, 底前) narrow little by two.
      const sorted = [...new Set(tokensOf(form))].map((token) => ({ token, df: this.slots.df(token) })).sort((a, b) => a.df - b.df);
      const tokens = sorted.filter((t, i) => i < 2 || (i < 4 && (t.df >= SIEVE_FROM || this.tokens.has(t.token))));
      if (!tokens.length) return [];
      // A form no provision holds cannot match.
      if (tokens[0]!.df === 0) continue;
      // Rarest first: most candidates fail at the first bit test.
      forms.push({ form, tokens: tokens.map((t) => this.tokens.get(t.token)) });
    }
    return [{ word: w, exact, forms, dated: w.date ? this.slots.withDate(w.date) ?? null : null }];
  }

  /**
   * Whether a slot that passed a word's sieve contains the word: only the
   * forms it passes are looked for (one substring search, not one per alias).
   */
  matchesSieved(slot: number, s: Sieve): boolean {
    if (s.exact) return true;
    const e = this.slots.entries;
    if (!e.has(slot)) return false;
    for (let i = 0; i < s.forms.length; i++) {
      const f = s.forms[i]!;
      if (passesForm(f, slot) && e.contains(slot, f.form)) return true;
    }
    return s.word.date !== null && e.hasDate(slot, s.word.date);
  }

  /** A bitset of the slots where a party named by one of `names` (folded query words and aliases) has one of `roles`. */
  roleBits(names: Set<string>, roles: string[]): Uint32Array {
    const bits = this.scratch.take();
    for (const role of roles) {
      const byName = this.slots.givingRole(role);
      if (byName) for (const name of names) for (const slot of byName.get(name) ?? []) setBit(bits, slot);
    }
    return bits;
  }
}
