/**
 * The search engine over provisions: posting lists of each provision's
 * heading and text, the records hits are made of, and query execution.
 * This file wires the parts and runs a query through them:
 *
 * - slots.ts: the index — a slot per provision, its entry (columns in
 *   entries.ts; a shown hit's fields in cold.ts), the posting lists
 *   (postings.ts), live bits, dates and parties' roles;
 * - bitsets.ts: bitsets over the slots, lent per query or kept per token;
 * - plan.ts: per query word, its candidates, its sieve and its check;
 * - tiers.ts: full, partial and loose matches;
 * - rank.ts: the score, with every weight in one table;
 * - facets.ts: filters and facet counts;
 * - snippets.ts: the marked-up window of a hit's text.
 *
 * An engine shares nothing with another: caches and buffers are its own.
 * Bitsets and buffers lent during a query are valid until the next query.
 */
import { todayInChina } from "../status";
import { NONE } from "./entries";
import { ColdReader } from "./cold";
import { ScratchBitsets, TokenBitsets } from "./bitsets";
import { emptyFacets, facetCounts, hasFilters, passes, type Repeals } from "./facets";
import { formsOf, matchingWord, Planner } from "./plan";
import type { FrozenPostings, PostingSource, PostingWriters } from "./postings";
import { score, scoring, WEIGHTS } from "./rank";
import type { FoldedDocument, SearchRecord } from "./records";
import { Slots } from "./slots";
import { Snippets } from "./snippets";
import { MatchTiers } from "./tiers";
import type { QueryWord } from "./tokenize";
import type { Facet, FacetName, SearchFilters, SearchHit } from "./types";

/**
 * How many full matches a query collects (best first: query terms early in
 * heading and text) when no filter or facet needs every match; the total is
 * then a lower bound. Keeps a query over 500,000 provisions in milliseconds.
 */
export const ENOUGH = 300;
/** Of the matches, how many (best first) get the full relevance score; the rest keep the postings' order behind them. */
const SCORED = 300;

export interface EngineOptions {
  /**
   * Keep each provision's original text (default). Without it the engine
   * holds only the folded text — a tenth of a large index's memory — and a
   * hit's snippet is left for the caller to make from the stored text
   * (EngineResult.textIds).
   */
  keepText?: boolean;
}

export interface EngineQuery {
  words: QueryWord[];
  filters: SearchFilters;
  limit: number;
  offset: number;
  facets: boolean;
  today?: string;
  /** Provisions rare and common words are weighed against (default: the engine's; a search in PostgreSQL gives the library's). */
  population?: number;
  /** Repealed documents, for the status filter and facet (else statuses come from dates alone). */
  repeals?: Repeals;
}

export interface EngineResult {
  /** For each hit, the provision id whose stored text the caller must make the snippet from (engine without original texts); else null. */
  textIds: Array<number | null>;
  total: number;
  /** The query stopped after ENOUGH matches: there are at least `total`. */
  totalIsLowerBound: boolean;
  hits: SearchHit[];
  facets: Record<FacetName, Facet[]>;
}

/** A match on its way to a hit: its slot, its score, the words it lacks (none for a full match). */
interface Scored {
  slot: number;
  score: number;
  missing: string[];
}

const byScore = (a: Scored, b: Scored) => b.score - a.score || a.slot - b.slot;

export class SearchEngine {
  private readonly slots: Slots;
  private readonly scratch: ScratchBitsets;
  private readonly tokens: TokenBitsets;
  private readonly plan: Planner;
  private readonly tiers: MatchTiers;
  private readonly snippets = new Snippets();
  private readonly cold = new ColdReader();
  readonly keepText: boolean;

  constructor(options: EngineOptions = {}) {
    this.keepText = options.keepText ?? true;
    this.slots = new Slots(this.keepText);
    this.scratch = new ScratchBitsets(this.slots);
    this.tokens = new TokenBitsets(this.slots, this.scratch);
    this.plan = new Planner(this.slots, this.scratch, this.tokens);
    this.tiers = new MatchTiers(this.slots, this.plan, this.tokens);
  }

  // ---- documents (slots.ts) ------------------------------------------------------

  /** Document slug → indexed version. */
  get versions(): ReadonlyMap<string, number> {
    return this.slots.versions;
  }

  /** How many provisions the engine holds (removed ones are not counted, whether or not their slot is free yet). */
  get size(): number {
    return this.slots.size;
  }

  documents(): string[] {
    return this.slots.documents();
  }

  /** Adds (or replaces) the provisions of one document version. */
  addDocument(slug: string, version: number, records: SearchRecord[]): void {
    this.slots.addDocument(slug, version, records);
  }

  /** Removes every provision of a document. */
  removeDocument(slug: string): void {
    this.slots.removeDocument(slug);
  }

  /** A document's responsibilities as partySignatures() lists them ("" when it has none or is not indexed). */
  partySignature(slug: string): string {
    return this.slots.partySignature(slug);
  }

  // ---- persistence (persist.ts reads and writes through these) --------------------

  /** Merges every posting into frozen ones in memory, dropping removed provisions'; every empty slot is free again. */
  freeze(): FrozenPostings {
    return this.slots.freeze();
  }

  /** Writes every posting (removed provisions' dropped) as a postings file's and its stored bitsets' bytes through `write`; then reads them from `adopt()`. */
  savePostings(write: (produce: (out: PostingWriters) => Promise<void>) => Promise<void>, adopt: () => PostingSource): Promise<void> {
    return this.slots.savePostings(write, adopt);
  }

  /** The slots and their columns (persist.ts writes them). */
  get table(): Slots {
    return this.slots;
  }

  /** Takes persisted postings (before placing documents, on an empty engine). */
  restorePostings(postings: PostingSource): void {
    this.slots.restorePostings(postings);
  }

  /** After the last document is placed: the slots no document uses are free. */
  finishRestore(): void {
    this.slots.finishRestore();
  }

  /** The indexed documents as the engine holds them, each with its slots (for tests: what a copy holds). */
  *indexedDocuments(): Generator<{ slots: number[]; document: FoldedDocument }> {
    const e = this.slots.entries;
    for (const { slug, document: d } of this.slots.tableDocuments()) {
      const provisions = this.cold.document(d);
      yield {
        slots: d.slots,
        document: {
          slug, version: d.version, title: d.fields.documentTitle, kind: d.fields.kind, issuer: d.fields.issuer,
          issuedAt: d.fields.issuedAt, effectiveFrom: d.fields.effectiveFrom, effectiveUntil: d.fields.effectiveUntil,
          provisions: d.slots.map((slot, i) => {
            const [eid, label, heading, citation, text, parent] = provisions[i]!;
            return {
              id: e.id(slot), folded: e.text(slot), foldedHeading: e.heading(slot), eid, label, heading, citation, role: e.role(slot), text, parent,
              partyRoles: e.partyRoles(slot), dates: e.dates(slot),
            };
          }),
        },
      };
    }
  }

  // ---- queries -------------------------------------------------------------------

  /** Runs a query: all words must match, in any order and distance; then partial and loose matches when too few do. */
  run(q: EngineQuery): EngineResult {
    this.scratch.reset();
    this.tokens.reset();
    const today = q.today ?? todayInChina();
    if (!q.words.length) return { total: 0, totalIsLowerBound: false, hits: [], textIds: [], facets: emptyFacets() };
    const entries = this.slots.entries;
    // Role words (牵头) qualify the party words of the query when there are any.
    const roleWords = q.words.filter((w) => w.roles);
    const plainWords = q.words.filter((w) => !w.roles);
    const structural = roleWords.length > 0 && plainWords.length > 0;
    const lexical = (structural ? plainWords : q.words).map(matchingWord);
    // Where a party the query names (by any form of a word that is not a role word) has the role a role word asks for.
    const names = structural ? new Set(plainWords.flatMap(formsOf)) : null;
    const held = names ? roleWords.map((rw) => this.plan.roleBits(names, rw.roles!)) : null;
    const scores = scoring(q.words, held);
    const rank = (slot: number) => score(entries, slot, scores);
    const wanted = q.offset + q.limit;
    // Filters and facets need every match; a plain query takes the best placed candidates (postings' bucket order).
    const everything = q.facets || hasFilters(q.filters);
    const { matched, capped } = this.tiers.full(lexical, roleWords, held, everything ? Infinity : Math.max(ENOUGH, wanted));
    const filtered = hasFilters(q.filters) ? matched.filter((slot) => passes(entries, slot, q.filters, today, q.repeals)) : matched;
    // The best candidates get the full score; the rest keep the postings' order behind them.
    const scored: Scored[] = filtered.map((slot, i) => ({ slot, score: i < Math.max(SCORED, wanted) ? rank(slot) : 0, missing: NONE }));
    scored.sort(byScore);
    // Fewer full matches than asked for: the best partial matches follow, each with the words it lacks.
    if (scored.length < wanted && lexical.length > 1) {
      const partial = [...this.tiers.partial(lexical, matched, wanted, q.population)]
        .filter(([slot]) => entries.has(slot) && passes(entries, slot, q.filters, today, q.repeals))
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, Math.max(SCORED, wanted))
        .map(([slot, share]) => ({ slot, score: share + rank(slot) / WEIGHTS.partialScore, missing: NONE }))
        .sort(byScore);
      // Which words each shown partial match lacks (looked up for those shown only).
      scored.push(...partial.slice(0, wanted - scored.length).map((x) => ({ ...x, missing: this.tiers.missingWords(x.slot, lexical) })));
    }
    // Still short: words written with something in between (通行费 ~ 通行收费, 政务公开 ~ 政务信息公开).
    if (scored.length < wanted) {
      const seen = new Set(scored.map((x) => x.slot));
      const loose: Scored[] = [];
      for (const slot of this.tiers.loose(lexical)) {
        if (seen.has(slot)) continue;
        if (!entries.has(slot) || !passes(entries, slot, q.filters, today, q.repeals)) continue;
        loose.push({ slot, score: rank(slot) / WEIGHTS.looseScore, missing: NONE });
        // The first (best placed) loose matches are enough to rank, as for full matches.
        if (loose.length >= Math.max(SCORED, wanted)) break;
      }
      loose.sort(byScore);
      scored.push(...loose.slice(0, wanted - scored.length).map((x) => ({ ...x, missing: this.tiers.missingWords(x.slot, lexical) })));
    }
    const top = scored.slice(q.offset, wanted);
    // Scores shown: a full match's relative to the best one's; a partial or loose match's capped and halved below them.
    const best = scored.find((x) => !x.missing.length)?.score || 1;
    const hits = top.map(({ slot, score, missing }) => ({ ...this.hit(slot, missing.length ? Math.min(score, WEIGHTS.partialCap) * WEIGHTS.partialShown : score / best, q.words), missing }));
    const facets = q.facets ? facetCounts(entries, matched, q.filters, today, q.repeals) : emptyFacets();
    const textIds = top.map(({ slot }) => (this.keepText ? null : entries.id(slot)));
    return { total: filtered.length, totalIsLowerBound: capped, hits, textIds, facets };
  }

  /** A snippet of a provision's text for a query's words (the caller's stored text when the engine keeps none). */
  snippet(text: string, words: QueryWord[]): string {
    return this.snippets.make(text, words);
  }

  private hit(slot: number, score: number, words: QueryWord[]): SearchHit {
    const e = this.slots.entries;
    const d = e.document(slot);
    const r = this.cold.fields(d, e.c.position[slot]!);
    return {
      document: d.fields.document,
      documentTitle: d.fields.documentTitle,
      provision: r.eid,
      label: r.label,
      heading: r.heading,
      citation: r.citation,
      role: e.role(slot),
      snippet: this.keepText ? this.snippets.make(r.text, words) : "",
      url: `/documents/${encodeURIComponent(d.fields.document)}#${r.eid}`,
      score: Math.round(score * 1000) / 1000,
      breadcrumb: r.breadcrumb,
      missing: [],
    };
  }
}
