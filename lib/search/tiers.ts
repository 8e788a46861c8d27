/**
 * The three match tiers, best first:
 *
 * 1. full matches: every word (or one of its aliases) in the provision;
 * 2. partial matches, when there are too few full ones: provisions with
 *    some of the words, rare words weighing more;
 * 3. loose matches, when there are still too few: each word's characters in
 *    order within a short stretch (通行费 ~ 通行收费).
 *
 * Each tier returns slots; the engine ranks them (rank.ts).
 */
import { hasBit, type TokenBitsets } from "./bitsets";
import { passesSieve, plainToken, SCAN_SIEVED_FROM, type Planner, type Sieve } from "./plan";
import { SLOT_MASK } from "./postings";
import { WEIGHTS } from "./rank";
import type { Slots } from "./slots";
import type { QueryWord } from "./tokenize";

/** Per word, how many matches the partial-match tier weighs. */
const PARTIAL = 1000;
/** The loose-match tier reads this many provisions holding the first word's first two characters. */
const LOOSE_READ = 5000;

export class MatchTiers {
  constructor(
    private readonly slots: Slots,
    private readonly plan: Planner,
    private readonly tokens: TokenBitsets,
  ) {}

  /**
   * Slots that contain every lexical word (and satisfy the role words), best
   * first, stopping after `enough` of them. The rarest word drives: its
   * candidates are read from the index and the other words checked (bitsets
   * first, then substrings), so a query costs what its rarest word's posting
   * list costs, not what every posting of every word costs.
   */
  full(lexical: QueryWord[], roleWords: QueryWord[], held: Uint32Array[] | null, enough: number): { matched: number[]; capped: boolean } {
    const plan = this.plan;
    const live = this.slots.live;
    const structural = held !== null;
    const estimates = lexical.map((w) => plan.estimate(w));
    const least = Math.min(...estimates);
    const driver = lexical[estimates.indexOf(least)]!;
    // A long scan checks the other words against bitsets of their rarest token's postings
    // (a bit test instead of a substring search per candidate).
    // The driver too, unless its candidates are matches already: they hold its rarest token, not yet all of them.
    const sieves = least > SCAN_SIEVED_FROM ? lexical.filter((w) => w !== driver || plainToken(w) === null).flatMap((w) => plan.sieve(w)) : [];
    // A role word (牵头) holds where its text is written or where a party of the query has that role.
    const roleSieves: Array<Sieve | null> = structural && least > SCAN_SIEVED_FROM ? roleWords.map((rw) => plan.sieve(rw)[0] ?? null) : roleWords.map(() => null);
    // The driver's own candidates hold its rarest token: for a one-bigram word that is a match already.
    const driverToken = plainToken(driver);
    // Words still to look for by substring: through their sieve when they have one.
    const verify = lexical
      .filter((w) => !(w === driver && driverToken !== null))
      .map((w) => ({ word: w, sieve: sieves.find((s) => s.word === w) }))
      .filter(({ sieve }) => !sieve?.exact);
    const matched: number[] = [];
    // Indexed loops, no closures: this runs for every candidate (tens of thousands), and allocates nothing.
    const accept = (slot: number): boolean => {
      // A bitset first: testing the columns costs a cache miss per candidate.
      if (!hasBit(live, slot)) return false;
      for (let i = 0; i < sieves.length; i++) if (!passesSieve(sieves[i]!, slot)) return false;
      // Bit tests before substring checks: a role word needs its text's bits or a provision with parties.
      if (structural) {
        for (let i = 0; i < roleSieves.length; i++) {
          const sieve = roleSieves[i];
          if (sieve && !passesSieve(sieve, slot) && !hasBit(held[i]!, slot)) return false;
        }
      }
      for (let i = 0; i < verify.length; i++) {
        const { word, sieve } = verify[i]!;
        if (!(sieve ? plan.matchesSieved(slot, sieve) : plan.matches(slot, word))) return false;
      }
      if (!structural) return true;
      for (let i = 0; i < roleWords.length; i++) {
        const sieve = roleSieves[i];
        const written = sieve ? passesSieve(sieve, slot) && plan.matchesSieved(slot, sieve) : plan.matches(slot, roleWords[i]!);
        if (!written && !hasBit(held[i]!, slot)) return false;
      }
      return true;
    };
    // The common case straight over the posting lists; otherwise through stream() (forms, dates, scans).
    const lists = driverToken ? this.slots.postings(driverToken) : null;
    if (lists) {
      for (const list of lists) {
        for (let i = 0; i < list.length; i++) {
          const slot = list[i]! & SLOT_MASK;
          if (!accept(slot)) continue;
          matched.push(slot);
          if (matched.length >= enough) return { matched, capped: true };
        }
      }
      return { matched, capped: false };
    }
    plan.stream(driver, (slot) => {
      if (!accept(slot)) return true;
      matched.push(slot);
      return matched.length < enough;
    });
    return { matched, capped: matched.length >= enough };
  }

  /**
   * Partial matches: the slots (not among the full matches) holding some of
   * the words, each with the share of the words' weight it holds. Missing a
   * common word (应用, 签发) costs less than missing a rare one: a word
   * weighs log(provisions / its matches) + WEIGHTS.rarity.
   */
  partial(lexical: QueryWord[], full: number[], wanted: number, population?: number): Map<number, number> {
    const fullSet = new Set(full);
    const wordSets = lexical.map((w) => this.candidates(w, Math.max(PARTIAL, wanted)));
    const live = Math.max(2, population ?? this.slots.size);
    const weight = lexical.map((w, i) => Math.log(live / Math.max(1, wordSets[i]!.size < PARTIAL ? wordSets[i]!.size : Math.min(this.plan.estimate(w), live))) + WEIGHTS.rarity);
    const totalWeight = weight.reduce((a, b) => a + b, 0);
    const shares = new Map<number, number>();
    wordSets.forEach((set, i) => {
      for (const slot of set) if (!fullSet.has(slot)) shares.set(slot, (shares.get(slot) ?? 0) + weight[i]! / totalWeight);
    });
    return shares;
  }

  /** Slots that contain `word` (verified), at most `limit`. */
  private candidates(word: QueryWord, limit: number): Set<number> {
    const plan = this.plan;
    const live = this.slots.live;
    const out = new Set<number>();
    // A long stream is sieved first (a bit test before the substring check); a one-bigram word's stream is its matches.
    const exact = plainToken(word) !== null;
    const sieve = !exact && plan.estimate(word) > SCAN_SIEVED_FROM ? plan.sieve(word)[0] : undefined;
    plan.stream(word, (slot) => {
      if (!hasBit(live, slot)) return true;
      if (sieve ? !passesSieve(sieve, slot) || !plan.matchesSieved(slot, sieve) : !exact && !plan.matches(slot, word)) return true;
      out.add(slot);
      return out.size < limit;
    });
    return out;
  }

  /**
   * Loose matches: provisions where every word's characters appear in order
   * within a short stretch (words written with something in between), best
   * placed first. Candidates come from the postings of each word's first
   * and last bigram.
   */
  *loose(words: QueryWord[]): Generator<number> {
    const loose = words.filter((w) => /^[\u4e00-\u9fff]{3,8}$/.test(w.text));
    if (!loose.length || loose.length !== words.length) return;
    // The first two characters stay together; what follows may be interrupted (通行费 ~ 通行收费).
    // From four characters on, the last two stay together too (临港管委会 ~ 临港地区管委会, 政务公开 ~ 政务信息公开).
    // Candidates: the first LOOSE_READ provisions holding the first word's first bigram, tested against bitsets of
    // the other bigrams that must be there, which spares the character-by-character check of most of them.
    const required: Uint32Array[] = [];
    loose.forEach((w, i) => {
      if (i > 0) required.push(this.tokens.get(w.text.slice(0, 2)));
      if (w.text.length >= 4) required.push(this.tokens.get(w.text.slice(-2)));
    });
    const live = this.slots.live;
    const slots: number[] = [];
    let read = 0;
    for (const list of this.slots.postings(loose[0]!.text.slice(0, 2))) {
      for (let i = 0; i < list.length && read < LOOSE_READ; i++) {
        const slot = list[i]! & SLOT_MASK;
        if (!hasBit(live, slot)) continue;
        read++;
        if (required.every((bits) => hasBit(bits, slot))) slots.push(slot);
      }
    }
    const within = (hay: string, w: string) => {
      const limit = w.length * 2 + 2;
      for (let start = hay.indexOf(w[0]!); start >= 0; start = hay.indexOf(w[0]!, start + 1)) {
        let at = start;
        let ok = true;
        for (let k = 1; k < w.length && ok; k++) {
          at = hay.indexOf(w[k]!, at + 1);
          ok = at >= 0 && at - start < limit;
        }
        if (ok) return true;
      }
      return false;
    };
    const e = this.slots.entries;
    for (const slot of slots) {
      if (!e.has(slot)) continue;
      const heading = e.heading(slot);
      const text = e.text(slot);
      const context = e.context(slot);
      if (loose.every((w) => within(heading, w.text) || within(text, w.text) || within(context, w.text))) yield slot;
    }
  }

  /** The words (as typed) a provision does not contain. */
  missingWords(slot: number, words: QueryWord[]): string[] {
    return words.filter((w) => !this.plan.matches(slot, w)).map((w) => w.text);
  }
}
