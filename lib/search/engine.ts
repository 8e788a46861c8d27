/**
 * The search engine over provisions: posting lists of each provision's
 * heading and text (character bigrams), the records
 * hits are made of, and query execution — candidates from the posting lists,
 * verified so that every query word (or one of its aliases) is in the
 * provision, ranked with heading matches and exact phrases first, filtered
 * and counted for facets.
 *
 * Postings live in three places (postings.ts): the frozen ones (what was
 * loaded or last saved), the recent ones (documents added since, merged
 * when a query comes) and a builder collecting the documents being added.
 * A query reads the first two; freeze() (before persisting) merges all into
 * the frozen ones. A removed provision's postings stay until the next
 * freeze (its slot is dead and not reused before then).
 */
import type { Role } from "../parser";
import { documentYear, validityStatus, todayInChina } from "../status";
import { responsibilityKey } from "../db/index-source";
import { assembleRecords, type FoldedDocument, type SearchRecord } from "./records";
import { FrozenPostings, MAX_SLOTS, PostingBuilder, SLOT_MASK } from "./postings";
import { bigramRuns, bigramTokens, fold, foldWithMap, isCjk, type QueryWord } from "./tokenize";
import type { Facet, FacetName, SearchFilters, SearchHit } from "./types";

/**
 * Text a record is indexed and matched by: its heading first (early positions
 * rank first), then its text, then its ancestors' headings.
 */
function indexedText(r: SearchRecord): string {
  return `${r.heading ?? ""}\n${r.text}\n${r.context}`;
}

/** The fields of a document every provision of it shares (one object per document). */
type DocumentFields = Pick<SearchRecord, "document" | "documentTitle" | "kind" | "issuer" | "issuedAt" | "effectiveFrom" | "effectiveUntil">;

/** A record's folded strings, for verification and ranking. */
interface Folded {
  /** Folded heading ("" for none), text and ancestors' headings. */
  foldedHeading: string;
  foldedText: string;
  foldedContext: string;
  /** Folded names (as written and canonical) of the parties given work here. */
  partyNames: string[];
  /** Each responsibility: its role and the folded names it goes by. */
  foldedRoles: Array<{ role: string; mention: string; name: string }>;
}

/**
 * What the engine keeps per provision: the record's own fields, its
 * document's (one shared object) and its folded strings — one object with
 * 17 fields, not a record of 19 and a folded one of 5 (40 MB at 500,000
 * provisions). The record's `context` is its breadcrumb's headings joined.
 */
interface Entry extends Folded, Omit<SearchRecord, keyof DocumentFields | "context"> {
  doc: DocumentFields;
  /** The original text; "" in an engine that keeps folded text only. */
  text: string;
}

/** The document fields of a record: `known` when they are the same (the usual case), else a new object. */
function documentFields(r: SearchRecord, known: DocumentFields | null): DocumentFields {
  if (
    known && known.document === r.document && known.documentTitle === r.documentTitle && known.kind === r.kind && known.issuer === r.issuer &&
    known.issuedAt === r.issuedAt && known.effectiveFrom === r.effectiveFrom && known.effectiveUntil === r.effectiveUntil
  ) return known;
  return { document: r.document, documentTitle: r.documentTitle, kind: r.kind, issuer: r.issuer, issuedAt: r.issuedAt, effectiveFrom: r.effectiveFrom, effectiveUntil: r.effectiveUntil };
}

/** An entry of a record (with its folded strings). */
function entryOf(r: SearchRecord, doc: DocumentFields, folded: Folded, keepText: boolean): Entry {
  return {
    id: r.id, doc, provision: r.provision, label: r.label, heading: r.heading, citation: r.citation, role: r.role, text: keepText ? r.text : "",
    breadcrumb: r.breadcrumb, parties: r.parties, partyRoles: r.partyRoles, dates: r.dates,
    foldedHeading: folded.foldedHeading, foldedText: folded.foldedText, foldedContext: folded.foldedContext, partyNames: folded.partyNames, foldedRoles: folded.foldedRoles,
  };
}

/** Folded contexts of the document being added: siblings share one string. */
const foldedContexts = new Map<string, string>();

/** Folded party names: a library names a few thousand parties, in hundreds of thousands of responsibilities. */
const foldedNames = new Map<string, string>();
function foldName(name: string): string {
  let folded = foldedNames.get(name);
  if (folded === undefined) {
    if (foldedNames.size > 50_000) foldedNames.clear();
    folded = fold(name);
    foldedNames.set(name, folded);
  }
  return folded;
}

/** A record's folded strings; `known` gives those a persisted copy already holds. */
function foldRecord(r: SearchRecord, known: { text?: string; heading?: string; context?: string } = {}): Folded {
  const foldedHeading = known.heading ?? (r.heading ? fold(r.heading) : "");
  const foldedText = known.text ?? fold(r.text);
  let context = known.context ?? "";
  if (r.context && known.context === undefined) {
    context = foldedContexts.get(r.context) ?? fold(r.context);
    if (foldedContexts.size > 1000) foldedContexts.clear();
    foldedContexts.set(r.context, context);
  }
  if (!r.partyRoles.length) return { foldedHeading, foldedText, foldedContext: context, partyNames: NONE, foldedRoles: NO_ROLES };
  // Names are mostly their own folded form: the record's objects (and array) are kept then, not copied.
  let partyRoles = r.partyRoles;
  for (let i = 0; i < partyRoles.length; i++) {
    const p = partyRoles[i]!;
    const mention = foldName(p.mention);
    const name = foldName(p.name);
    if (mention === p.mention && name === p.name) continue;
    if (partyRoles === r.partyRoles) partyRoles = [...r.partyRoles];
    partyRoles[i] = { role: p.role, mention, name };
  }
  const names: string[] = [];
  for (const p of partyRoles) {
    if (!names.includes(p.mention)) names.push(p.mention);
    if (!names.includes(p.name)) names.push(p.name);
  }
  // A copy of exactly its length: an array grown by push keeps room for more (half a million of them).
  return { foldedHeading, foldedText, foldedContext: context, partyNames: names.slice(), foldedRoles: partyRoles };
}

const NONE: string[] = [];
const NO_ROLES: Folded["foldedRoles"] = [];

export interface EngineOptions {
  /**
   * Keep each provision's original text (default). Without it the engine
   * holds only the folded text — a tenth of a large index's memory — and a
   * hit's snippet is left for the caller to make from the stored text
   * (EngineResult.textIds).
   */
  keepText?: boolean;
}

/** A word's sieve: the slots that may contain it, and per form the slots that may contain that form. */
interface Sieve {
  word: QueryWord;
  bits: Uint32Array;
  /** Passing the sieve is containing the word (a plain one-bigram word). */
  exact: boolean;
  /** Per form, its bits, and the slots they hold when the form was sieved from a short posting list (else null). */
  forms: Array<{ form: string; bits: Uint32Array; slots: number[] | null }>;
}

const hasBit = (bits: Uint32Array, slot: number) => (bits[slot >>> 5]! & (1 << (slot & 31))) !== 0;
const setBit = (bits: Uint32Array, slot: number) => void (bits[slot >>> 5]! |= 1 << (slot & 31));

/** Whether a folded record contains a folded string (in its heading, text or ancestors' headings). */
const contains = (f: Folded, s: string) => f.foldedText.includes(s) || f.foldedHeading.includes(s) || f.foldedContext.includes(s);

/**
 * How many full matches a query collects (best first: query terms early in
 * heading and text) when no filter or facet needs every match; the total is
 * then a lower bound. Keeps a query over 500,000 provisions in milliseconds.
 */
export const ENOUGH = 300;
/** Of the matches, how many (best first) get the full relevance score. */
const SCORED = 300;
/** Tokens with this many postings keep their bitset across queries. */
const SIEVE_FROM = 2000;
/**
 * Driver scans longer than this check the words against bitsets of their
 * rarest tokens before any substring search. Each candidate's substring
 * search costs cache misses (its entry, its strings); a bitset of a token
 * with fewer postings than SIEVE_FROM is made for the query in tens of
 * microseconds. From 2,000 down to 300: the 300-query mix's p95 at 10,000
 * documents 1.34/1.41 → 1.27/1.23 ms (CPU time, min over passes, alternating
 * runs; scratch/mixmin.ts), answers unchanged.
 */
const SCAN_SIEVED_FROM = 300;
/**
 * Memory for token bitsets kept across queries: 512 of them at 500,000
 * provisions. 128 (8 MB) were too few for the benchmark's 300-query mix,
 * which needs 222: cycling through it, every common token's bitset had been
 * dropped before it came back (in-process p95 2.30 → 1.68 ms at 10,000
 * documents). Bitsets are made as queries need them, so a smaller working
 * set takes no more memory.
 */
const CACHED_BITSET_BYTES = 32 << 20;
/** Per word, how many matches the partial-match tier weighs. */
const PARTIAL = 1000;

/** The forms a hit may contain for a word: as typed, or an alternative (alias). */
const formsOf = (w: QueryWord) => (w.alternatives.length ? [w.text, ...w.alternatives] : [w.text]);

/**
 * The word for matching: an alternative that contains another form adds no
 * match (人力资源社会保障部门 holds 人力资源社会保障部), only work.
 */
function matchingWord(w: QueryWord): QueryWord {
  if (!w.alternatives.length) return w;
  const forms = formsOf(w);
  const alternatives = [...new Set(w.alternatives)].filter((a) => a !== w.text && !forms.some((b) => b !== a && a.includes(b)));
  return alternatives.length === w.alternatives.length ? w : { ...w, alternatives };
}

/** What scoring needs of a query, worked out once for all its candidates. */
interface Scoring {
  words: QueryWord[];
  /** Each word's forms. */
  forms: string[][];
  /** The words written together (an exact phrase). */
  whole: string;
  /** Forms of the words that are not role words (牵头). */
  plainForms: string[];
  /** Per role word, the slots where a party the query names has that role (a query with party and role words). */
  roleHeld: Uint32Array[] | null;
}

function scoring(words: QueryWord[], roleHeld: Uint32Array[] | null): Scoring {
  return { words, forms: words.map(formsOf), whole: words.map((w) => w.text).join(""), plainForms: words.filter((w) => !w.roles).flatMap(formsOf), roleHeld };
}

/** Where `x` is in heading + "\n" + text from `from` on (heading first), without building that string; -1 when not. */
function positionIn(heading: string, text: string, x: string, from: number): number {
  if (from < heading.length) {
    const h = heading.indexOf(x, from);
    if (h >= 0) return h;
  }
  const t = text.indexOf(x, Math.max(0, from - heading.length - 1));
  return t >= 0 ? t + heading.length + 1 : -1;
}

export interface EngineQuery {
  words: QueryWord[];
  filters: SearchFilters;
  limit: number;
  offset: number;
  facets: boolean;
  today?: string;
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


const emptyFacets = (): Record<FacetName, Facet[]> => ({ kind: [], issuer: [], year: [], role: [], party: [], status: [], doc: [] });

export class SearchEngine {
  /** The postings frozen so far (all of them right after loading or persisting). */
  private frozen = FrozenPostings.empty();
  /** Postings of documents added since the last freeze, as far as a query has needed them. */
  private recent = FrozenPostings.empty();
  /** Postings of the documents added since (merged into `recent` when a query comes). */
  private pending = new PostingBuilder();
  /** Whether a provision was removed since the last freeze (its postings are still there). */
  private removedSinceFreeze = false;
  /** Slot → what the engine keeps of its provision (null after removal). */
  private entries: Array<Entry | null> = [];

  readonly keepText: boolean;

  constructor(options: EngineOptions = {}) {
    this.keepText = options.keepText ?? true;
  }
  /** Document slug → its slots. */
  private slotsOf = new Map<string, number[]>();
  /** Document slug → indexed version. */
  readonly versions = new Map<string, number>();

  /** Deadline date → slots with a deadline on it (a query 2019年底 finds 2019年12月底前). */
  private byDate = new Map<string, Set<number>>();

  /**
   * A bit per slot, set when the slot holds a record: tested for every
   * candidate, and at 62 KB for 500,000 slots it stays in the CPU's cache (a
   * byte per slot, 500 KB, cost a cache miss per candidate).
   */
  private live = new Uint32Array(32);
  /** Role → folded party name (as written and canonical) → the slots that give that party that role. */
  private roleSlots = new Map<string, Map<string, number[]>>();

  /** Adds a slot's responsibilities to roleSlots (or, `-1`, takes them out). */
  private indexRoles(slot: number, delta: 1 | -1): void {
    const f = this.entries[slot];
    if (!f) return;
    for (const p of f.foldedRoles) {
      let byName = this.roleSlots.get(p.role);
      if (!byName) this.roleSlots.set(p.role, (byName = new Map()));
      for (let k = 0; k < 2; k++) {
        const name = k === 0 ? p.mention : p.name;
        if (k === 1 && name === p.mention) break;
        let slots = byName.get(name);
        if (delta > 0) {
          if (!slots) byName.set(name, (slots = []));
          // A provision giving one party the role twice is listed once.
          if (slots.at(-1) !== slot) slots.push(slot);
        } else if (slots) {
          const at = slots.indexOf(slot);
          if (at >= 0) slots.splice(at, 1);
          if (!slots.length) byName.delete(name);
        }
      }
    }
  }

  /** A bitset of the slots where a party named by one of `names` (folded query words and aliases) has one of `roles`. */
  private roleBits(names: Set<string>, roles: string[]): Uint32Array {
    const bits = this.scratchBitset();
    for (const role of roles) {
      const byName = this.roleSlots.get(role);
      if (byName) for (const name of names) for (const slot of byName.get(name) ?? []) setBit(bits, slot);
    }
    return bits;
  }

  /**
   * Scratch memory a query reuses instead of allocating: bitsets over all
   * slots (64 KB each at 500,000 provisions). Allocated per query they were
   * garbage outside the heap that a busy server only gave back at its next
   * full collection.
   */
  private bitsetPool: Uint32Array[] = [];
  private bitsetsTaken = 0;

  /** A zeroed bitset over all slots, valid until the next query starts. */
  private scratchBitset(): Uint32Array {
    const words = (this.entries.length >>> 5) + 1;
    let bits = this.bitsetPool[this.bitsetsTaken];
    if (!bits || bits.length < words) {
      bits = new Uint32Array(Math.max(words, 1024));
      this.bitsetPool[this.bitsetsTaken] = bits;
    } else bits.fill(0);
    this.bitsetsTaken++;
    return bits;
  }

  /** A scratch bitset of the slots holding a token. */
  private postingBits(token: string): Uint32Array {
    return this.setPostingBits(token, this.scratchBitset());
  }

  /** Sets the bits of the slots holding a token. */
  private setPostingBits(token: string, bits: Uint32Array): Uint32Array {
    for (const list of this.postings(token)) {
      for (let i = 0; i < list.length; i++) {
        const id = list[i]! & SLOT_MASK;
        setBit(bits, id);
      }
    }
    return bits;
  }

  /**
   * Bitsets of tokens with long posting lists, kept across queries (most
   * recently used last) until the index changes: common words (国务院, 企业)
   * come back in query after query, and their bitset costs a pass over tens of
   * thousands of postings. 64 KB each at 500,000 provisions.
   */
  private cachedBits = new Map<string, Uint32Array>();

  /** A token's bitset, to read only: cached when its posting list is long, else a scratch one. */
  private tokenBits(token: string): Uint32Array {
    const cached = this.cachedBits.get(token);
    if (cached) {
      this.cachedBits.delete(token);
      this.cachedBits.set(token, cached);
      return cached;
    }
    if (this.df(token) < SIEVE_FROM) return this.postingBits(token);
    // The least recently used bitset is reused (not garbage for the collector to find), else a new one.
    const size = Math.max((this.entries.length >>> 5) + 1, 1024);
    let bits: Uint32Array | undefined;
    if (this.cachedBits.size >= Math.max(16, Math.floor(CACHED_BITSET_BYTES / (size * 4)))) {
      const [oldest, old] = this.cachedBits.entries().next().value!;
      this.cachedBits.delete(oldest);
      if (old.length >= size) bits = old.fill(0);
    }
    bits = this.setPostingBits(token, bits ?? new Uint32Array(size));
    this.cachedBits.set(token, bits);
    return bits;
  }

  /** The index changed: cached bitsets are stale. */
  private changed(): void {
    this.cachedBits.clear();
  }

  private setLive(slot: number, value: 0 | 1): void {
    const word = slot >>> 5;
    if (word >= this.live.length) {
      const live = new Uint32Array(Math.max(word + 1, this.live.length * 2));
      live.set(this.live);
      this.live = live;
    }
    if (value) setBit(this.live, slot);
    else this.live[word]! &= ~(1 << (slot & 31));
  }

  /** Puts an entry in a slot with what finds it besides its postings: its dates, its live bit, its parties' roles. */
  private place(slot: number, entry: Entry): void {
    this.entries[slot] = entry;
    this.entryCount++;
    for (const date of entry.dates) {
      let set = this.byDate.get(date);
      if (!set) this.byDate.set(date, (set = new Set()));
      set.add(slot);
    }
    this.setLive(slot, 1);
    this.indexRoles(slot, 1);
  }

  /** How many provisions the engine holds (removed ones are not counted, whether or not their slot is free yet). */
  get size(): number {
    return this.entryCount;
  }

  private entryCount = 0;

  private free: number[] = [];

  /** Adds (or replaces) the provisions of one document version. */
  addDocument(slug: string, version: number, records: SearchRecord[]): void {
    this.changed();
    this.removeDocument(slug);
    const slots: number[] = [];
    let doc: DocumentFields | null = null;
    for (const r of records) {
      const slot = this.free.pop() ?? this.entries.length;
      if (slot >= MAX_SLOTS) throw new Error(`search index full (${MAX_SLOTS} provisions)`);
      doc = documentFields(r, doc);
      this.place(slot, entryOf(r, doc, foldRecord(r), this.keepText));
      this.pending.addRuns(slot, bigramRuns(indexedText(r)));
      slots.push(slot);
    }
    this.slotsOf.set(slug, slots);
    this.versions.set(slug, version);
  }

  /** Removes every provision of a document. */
  removeDocument(slug: string): void {
    this.changed();
    const slots = this.slotsOf.get(slug);
    if (!slots) return;
    for (const slot of slots) {
      for (const date of this.entries[slot]?.dates ?? []) this.byDate.get(date)?.delete(slot);
      this.setLive(slot, 0);
      this.indexRoles(slot, -1);
      if (this.entries[slot]) this.entryCount--;
      // Postings still name the slot: it is reused after the next freeze.
      this.entries[slot] = null;
      this.removedSinceFreeze = true;
    }
    this.slotsOf.delete(slug);
    this.versions.delete(slug);
  }

  /** A document's responsibilities as partySignatures() lists them ("" when it has none or is not indexed). */
  partySignature(slug: string): string {
    const keys: string[] = [];
    for (const slot of this.slotsOf.get(slug) ?? []) {
      const e = this.entries[slot];
      for (const p of e?.partyRoles ?? []) keys.push(responsibilityKey(e!.id, p.mention, p.name, p.role));
    }
    return keys.sort().join("\n");
  }

  documents(): string[] {
    return [...this.slotsOf.keys()];
  }

  // ---- persistence ------------------------------------------------------------

  /** Merges the builder's postings into the recent ones (a query reads frozen and recent postings). */
  private settle(): void {
    if (!this.pending.size) return;
    this.recent = this.recent.merge(this.pending.build());
    this.pending = new PostingBuilder();
  }

  /**
   * Merges every posting into the frozen ones, dropping removed provisions';
   * every empty slot is free again.
   */
  freeze(): FrozenPostings {
    this.changed();
    this.settle();
    if (this.removedSinceFreeze || this.recent.slotLimit > 0) {
      this.frozen = this.frozen.merge(this.recent, this.removedSinceFreeze ? (slot) => this.entries[slot] != null : undefined);
      this.recent = FrozenPostings.empty();
    }
    this.removedSinceFreeze = false;
    this.freeSlots();
    return this.frozen;
  }

  /** Takes persisted postings (before restoreDocument, on an empty engine). */
  restorePostings(postings: FrozenPostings): void {
    this.changed();
    this.frozen = postings;
  }

  /** The indexed documents, each with its slots and its records in the compact form persist.ts writes. */
  *indexedDocuments(): Generator<{ slots: number[]; document: FoldedDocument }> {
    for (const [slug, slots] of this.slotsOf) {
      const entries = slots.map((slot) => this.entries[slot]!);
      const first = entries[0]?.doc;
      const position = new Map(entries.map((r, i) => [r.provision, i]));
      yield {
        slots,
        document: {
          slug, version: this.versions.get(slug)!,
          title: first?.documentTitle ?? null, kind: first?.kind ?? null, issuer: first?.issuer ?? null,
          issuedAt: first?.issuedAt ?? null, effectiveFrom: first?.effectiveFrom ?? null, effectiveUntil: first?.effectiveUntil ?? null,
          provisions: entries.map((r) => ({
            id: r.id, folded: r.foldedText, foldedHeading: r.foldedHeading,
            eid: r.provision, label: r.label, heading: r.heading, citation: r.citation, role: r.role, text: r.text,
            parent: position.get(r.breadcrumb.at(-1)?.id ?? "") ?? -1,
            partyRoles: r.partyRoles, dates: r.dates,
          })),
        },
      };
    }
  }

  /** Puts a persisted document's records back in the slots its postings use (after restorePostings). */
  restoreDocument(slots: number[], document: FoldedDocument): void {
    const records = assembleRecords(document);
    // Folded contexts from the persisted folded headings: fold drops the spaces that join
    // ancestors' headings, so the context folds to the folded headings joined (no fold again).
    const contexts = new Map<number, string>();
    const contextUnder = (parent: number): string => {
      if (parent < 0) return "";
      let known = contexts.get(parent);
      if (known === undefined) {
        const p = document.provisions[parent]!;
        known = contextUnder(p.parent) + (p.heading ? p.foldedHeading ?? fold(p.heading) : "");
        contexts.set(parent, known);
      }
      return known;
    };
    let doc: DocumentFields | null = null;
    slots.forEach((slot, i) => {
      const r = records[i]!;
      const p = document.provisions[i]!;
      doc = documentFields(r, doc);
      this.place(slot, entryOf(r, doc, foldRecord(r, { text: p.folded, heading: p.foldedHeading, context: p.foldedHeading === undefined ? undefined : contextUnder(p.parent) }), this.keepText));
    });
    this.slotsOf.set(document.slug, slots);
    this.versions.set(document.slug, document.version);
  }

  /** After the last restoreDocument: the slots no document uses are free. */
  finishRestore(): void {
    this.freeSlots();
  }

  /** Every empty slot is free (no frozen posting names it: after a freeze or a restore). */
  private freeSlots(): void {
    this.free = [];
    for (let slot = this.entries.length - 1; slot >= 0; slot--) {
      if (!this.entries[slot]) {
        this.entries[slot] = null;
        this.free.push(slot);
      }
    }
  }

  // ---- querying ---------------------------------------------------------------

  /** Tokens of a form that the index can look up (a lone CJK character is indexed only when alone in its run: left out). */
  private tokensOf(form: string): string[] {
    return bigramTokens(form).filter((t) => !(t.length === 1 && isCjk(t.charCodeAt(0))));
  }

  /**
   * A token's posting lists, each best bucket first: the frozen entries,
   * then the recent ones (slots with a bucket tag: read `entry & SLOT_MASK`).
   */
  private postings(token: string): Int32Array[] {
    this.settle();
    const out: Int32Array[] = [];
    const frozen = this.frozen.list(token);
    if (frozen?.length) out.push(frozen);
    const recent = this.recent.list(token);
    if (recent?.length) out.push(recent);
    return out;
  }

  /** How many provisions hold a token (removed ones count until the next freeze). */
  private df(token: string): number {
    this.settle();
    return this.frozen.count(token) + this.recent.count(token);
  }

  /** The token of a form with the shortest posting list; null when the index cannot look the form up. */
  private rarest(form: string): { token: string; df: number } | null {
    let best: { token: string; df: number } | null = null;
    for (const token of this.tokensOf(form)) {
      const df = this.df(token);
      if (!best || df < best.df) best = { token, df };
    }
    return best;
  }

  /** About how many candidates stream(word) yields: what a query driven by this word reads. */
  private estimate(word: QueryWord): number {
    let n = word.date ? this.byDate.get(word.date)?.size ?? 0 : 0;
    for (const form of formsOf(word)) {
      const rare = this.rarest(form);
      n += rare ? rare.df : this.entries.length;
    }
    return n;
  }

  /**
   * Hands `visit` the candidate slots for a word, best first, until it
   * returns false: the posting list of each form's rarest token, in its
   * bucket order (query terms early in the heading and text first). A form
   * the index cannot look up (a lone character) is scanned; a word naming a
   * date also yields provisions
   * with a deadline on it. Candidates still have to be verified (matches()).
   * A callback, not a generator: a generator allocated a result per
   * candidate, thousands for a date.
   */
  private stream(word: QueryWord, visit: (slot: number) => boolean): void {
    // Several forms (aliases, a date): each slot once. A bitset, not a Set: a common alias yields tens of
    // thousands; nor a stamp per slot, whose 2 MB cost a cache miss per candidate.
    const seen = word.alternatives.length || word.date ? this.scratchBitset() : null;
    const fresh = (slot: number) => {
      if (!seen) return true;
      if (hasBit(seen, slot)) return false;
      setBit(seen, slot);
      return true;
    };
    // Forms whose rarest token is the same (人力资源社会保障部, 人力资源和社会保障部: 障部) read it once.
    const read = new Set<string>();
    for (const form of formsOf(word)) {
      const rare = this.rarest(form);
      if (rare && read.has(rare.token)) continue;
      if (rare) read.add(rare.token);
      if (!rare) {
        for (let slot = 0; slot < this.entries.length; slot++) {
          const f = this.entries[slot];
          if (f && contains(f, form) && fresh(slot) && !visit(slot)) return;
        }
        continue;
      }
      if (rare.df === 0) continue;
      for (const list of this.postings(rare.token)) {
        for (let i = 0; i < list.length; i++) {
          const id = list[i]! & SLOT_MASK;
          if (fresh(id) && !visit(id)) return;
        }
      }
    }
    if (word.date) {
      for (const slot of this.byDate.get(word.date) ?? []) if (fresh(slot) && !visit(slot)) return;
    }
  }

  /** Slots that contain `word` (verified), at most `limit`. */
  private candidates(word: QueryWord, limit: number): Set<number> {
    const out = new Set<number>();
    // A long stream is sieved first (a bit test before the substring check); a one-bigram word's stream is its matches.
    const exact = this.plainToken(word) !== null;
    const sieve = !exact && this.estimate(word) > SCAN_SIEVED_FROM ? this.sieve(word)[0] : undefined;
    this.stream(word, (slot) => {
      if (!hasBit(this.live, slot)) return true;
      if (sieve ? !hasBit(sieve.bits, slot) || !this.matchesSieved(slot, sieve) : !exact && !this.matches(slot, word)) return true;
      out.add(slot);
      return out.size < limit;
    });
    return out;
  }

  private matches(slot: number, word: QueryWord): boolean {
    const f = this.entries[slot];
    if (!f) return false;
    if (contains(f, word.text)) return true;
    for (let i = 0; i < word.alternatives.length; i++) if (contains(f, word.alternatives[i]!)) return true;
    return word.date !== null && f.dates.includes(word.date);
  }

  /**
   * Provisions where every word's characters appear in order within a short
   * stretch (a loose match for words written with something in between),
   * best placed first. Candidates come from the postings of each word's
   * first and last bigram.
   */
  private *fuzzyCandidates(words: QueryWord[]): Generator<number> {
    const loose = words.filter((w) => /^[\u4e00-\u9fff]{3,8}$/.test(w.text));
    if (!loose.length || loose.length !== words.length) return;
    // The first two characters stay together; what follows may be interrupted (通行费 ~ 通行收费).
    // From four characters on, the last two stay together too (临港管委会 ~ 临港地区管委会, 政务公开 ~ 政务信息公开).
    // Candidates: the first 5,000 provisions holding the first word's first bigram, tested against bitsets of
    // the other bigrams that must be there, which spares the character-by-character check of most of them.
    const required: Uint32Array[] = [];
    loose.forEach((w, i) => {
      if (i > 0) required.push(this.tokenBits(w.text.slice(0, 2)));
      if (w.text.length >= 4) required.push(this.tokenBits(w.text.slice(-2)));
    });
    const slots: number[] = [];
    let read = 0;
    for (const list of this.postings(loose[0]!.text.slice(0, 2))) {
      for (let i = 0; i < list.length && read < 5000; i++) {
        const slot = list[i]! & SLOT_MASK;
        if (!hasBit(this.live, slot)) continue;
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
    for (const slot of slots) {
      const f = this.entries[slot];
      if (f && loose.every((w) => within(f.foldedHeading, w.text) || within(f.foldedText, w.text) || within(f.foldedContext, w.text))) yield slot;
    }
  }

  private passes(r: Entry, f: SearchFilters, today: string): boolean {
    if (f.doc?.length && !f.doc.includes(r.doc.document)) return false;
    if (f.kind?.length && !f.kind.includes(r.doc.kind ?? "")) return false;
    if (f.issuer?.length && !f.issuer.includes(r.doc.issuer ?? "")) return false;
    if (f.role?.length && !f.role.includes(r.role)) return false;
    if (f.year?.length && !f.year.includes(documentYear(r.doc) ?? -1)) return false;
    if (f.party?.length && !f.party.some((p) => r.parties.includes(p))) return false;
    if (f.status?.length && !f.status.includes(validityStatus(r.doc, today))) return false;
    return true;
  }

  /**
   * Slots that contain every lexical word (and satisfy the role words), best
   * first, stopping after `enough` of them. The rarest word drives: its
   * candidates are read from the index and the other words checked by
   * substring, so a query costs what its rarest word's posting list costs
   * (FlexSearch's own AND counts every posting of every term).
   */
  private fullMatches(lexical: QueryWord[], roleWords: QueryWord[], held: Uint32Array[] | null, enough: number): { matched: number[]; capped: boolean } {
    const structural = held !== null;
    const estimates = lexical.map((w) => this.estimate(w));
    const least = Math.min(...estimates);
    const driver = lexical[estimates.indexOf(least)]!;
    // A long scan checks the other words against bitsets of their rarest token's postings
    // (a bit test instead of a substring search per candidate).
    // The driver too, unless its candidates are matches already: they hold its rarest token, not yet all of them.
    const sieves = least > SCAN_SIEVED_FROM ? lexical.filter((w) => w !== driver || this.plainToken(w) === null).flatMap((w) => this.sieve(w)) : [];
    // A role word (牵头) holds where its text is written or where a party of the query has that role.
    const roleSieves = structural && least > SCAN_SIEVED_FROM ? roleWords.map((rw) => this.sieve(rw)[0] ?? null) : roleWords.map(() => null);
    // The driver's own candidates hold its rarest token: for a one-bigram word that is a match already.
    const driverToken = this.plainToken(driver);
    // Words still to look for by substring: through their sieve when they have one.
    const verify = lexical
      .filter((w) => !(w === driver && driverToken !== null))
      .map((w) => ({ word: w, sieve: sieves.find((s) => s.word === w) }))
      .filter(({ sieve }) => !sieve?.exact);
    const matched: number[] = [];
    // Indexed loops, no closures: this runs for every candidate (tens of thousands), and allocates nothing.
    const accept = (slot: number): boolean => {
      // A typed array, not records[slot]: testing an object costs a cache miss per candidate.
      if (!hasBit(this.live, slot)) return false;
      for (let i = 0; i < sieves.length; i++) if (!hasBit(sieves[i]!.bits, slot)) return false;
      // Bit tests before substring checks: a role word needs its text's bits or a provision with parties.
      if (structural) {
        for (let i = 0; i < roleSieves.length; i++) {
          const sieve = roleSieves[i];
          if (sieve && !hasBit(sieve.bits, slot) && !hasBit(held[i]!, slot)) return false;
        }
      }
      for (let i = 0; i < verify.length; i++) {
        const { word, sieve } = verify[i]!;
        if (!(sieve ? this.matchesSieved(slot, sieve) : this.matches(slot, word))) return false;
      }
      if (!structural) return true;
      for (let i = 0; i < roleWords.length; i++) {
        const sieve = roleSieves[i];
        const written = sieve ? hasBit(sieve.bits, slot) && this.matchesSieved(slot, sieve) : this.matches(slot, roleWords[i]!);
        if (!written && !hasBit(held[i]!, slot)) return false;
      }
      return true;
    };
    // The common case straight over the posting lists; otherwise through stream() (forms, dates, scans).
    const lists = driverToken ? this.postings(driverToken) : null;
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
    this.stream(driver, (slot) => {
      if (!accept(slot)) return true;
      matched.push(slot);
      return matched.length < enough;
    });
    return { matched, capped: matched.length >= enough };
  }

  /** The token a plain two-character Chinese word is (no aliases, no date), else null. */
  private plainToken(w: QueryWord): string | null {
    return !w.alternatives.length && !w.date && /^[\u3400-\u9fff]{2}$/.test(w.text) ? w.text : null;
  }

  /**
   * The slots that may contain a word, as a bitset: for each form, the slots
   * holding its rarest tokens (two, or up to four when the others are common
   * enough to have their bitsets kept); and the slots with a deadline on the
   * word's date. `exact` when that is the same as containing the word (a
   * plain two-character Chinese word is one bigram); otherwise candidates
   * that pass are verified by substring. None when a form has no token the
   * index can look up.
   */
  private sieve(w: QueryWord): Sieve[] {
    const words = (this.entries.length >>> 5) + 1;
    const forms = formsOf(w);
    const exact = this.plainToken(w) !== null;
    const perForm: Sieve["forms"] = [];
    for (const form of forms) {
      // The two rarest tokens of a form narrow it almost as much as all of them, at a fraction of the
      // postings to read (社会, 保障 of 人力资源社会保障部 are in every tenth provision); what passes is
      // verified by substring unless the word is one bigram.
      // Common tokens' bitsets are kept across queries, so the next ones cost a pass over the bitset only:
      // numbers and dates (2019年2月底前: 2, 2019, 月底, 底前) narrow little by two.
      const sorted = [...new Set(this.tokensOf(form))].map((token) => ({ token, df: this.df(token) })).sort((a, b) => a.df - b.df);
      const tokens = sorted.filter((t, i) => i < 2 || (i < 4 && (t.df >= SIEVE_FROM || this.cachedBits.has(t.token))));
      if (!tokens.length) return [];
      // A form no provision holds cannot match.
      if (tokens[0]!.df === 0) continue;
      if (tokens.length === 1) {
        perForm.push({ form, bits: this.tokenBits(tokens[0]!.token), slots: null });
        continue;
      }
      const others = tokens.slice(1).map((t) => this.tokenBits(t.token));
      const bits = this.scratchBitset();
      if (tokens[0]!.df < words) {
        // Fewer postings than the bitset has words: test each against the other tokens' bits
        // (a pass over every word per token costs more; 市发展和改革委员会 and its four other forms).
        // The slots too when the word's bits will be the union of several (forms, a date).
        const slots: number[] | null = forms.length > 1 || w.date ? [] : null;
        for (const list of this.postings(tokens[0]!.token)) {
          next: for (let i = 0; i < list.length; i++) {
            const slot = list[i]! & SLOT_MASK;
            for (let k = 0; k < others.length; k++) if (!hasBit(others[k]!, slot)) continue next;
            setBit(bits, slot);
            slots?.push(slot);
          }
        }
        perForm.push({ form, bits, slots });
        continue;
      }
      bits.set(this.tokenBits(tokens[0]!.token).subarray(0, words));
      for (const other of others) for (let i = 0; i < words; i++) bits[i]! &= other[i]!;
      perForm.push({ form, bits, slots: null });
    }
    // One form, no date: its bitset is the word's.
    if (perForm.length === 1 && !w.date) return [{ word: w, bits: perForm[0]!.bits, exact, forms: perForm }];
    const out = this.scratchBitset();
    for (const { bits, slots } of perForm) {
      if (slots) for (const slot of slots) setBit(out, slot);
      else for (let i = 0; i < words; i++) out[i]! |= bits[i]!;
    }
    if (w.date) for (const slot of this.byDate.get(w.date) ?? []) setBit(out, slot);
    return [{ word: w, bits: out, exact, forms: perForm }];
  }

  /**
   * Whether a slot that passed a word's sieve contains the word: only the
   * forms whose own bits it has are looked for (one substring search, not
   * one per alias).
   */
  private matchesSieved(slot: number, s: Sieve): boolean {
    if (s.exact) return true;
    const f = this.entries[slot];
    if (!f) return false;
    for (let i = 0; i < s.forms.length; i++) {
      const { form, bits } = s.forms[i]!;
      if (hasBit(bits, slot) && contains(f, form)) return true;
    }
    return s.word.date !== null && f.dates.includes(s.word.date);
  }

  /** Runs a query: all words must match, in any order and distance. */
  run(q: EngineQuery): EngineResult {
    this.bitsetsTaken = 0;
    const today = q.today ?? todayInChina();
    if (!q.words.length) return { total: 0, totalIsLowerBound: false, hits: [], textIds: [], facets: emptyFacets() };
    // Role words (牵头) qualify the party words of the query when there are any.
    const roleWords = q.words.filter((w) => w.roles);
    const plainWords = q.words.filter((w) => !w.roles);
    const structural = roleWords.length > 0 && plainWords.length > 0;
    const lexical = (structural ? plainWords : q.words).map(matchingWord);
    // Where a party the query names (by any form of a word that is not a role word) has the role a role word asks for.
    const names = structural ? new Set(plainWords.flatMap(formsOf)) : null;
    const held = names ? roleWords.map((rw) => this.roleBits(names, rw.roles!)) : null;
    const scores = scoring(q.words, held);
    const wanted = q.offset + q.limit;
    // Filters and facets need every match; a plain query takes the best placed candidates (postings' bucket order).
    const everything = q.facets || hasFilters(q.filters);
    const { matched, capped } = this.fullMatches(lexical, roleWords, held, everything ? Infinity : Math.max(ENOUGH, wanted));
    const filtered = hasFilters(q.filters) ? matched.filter((slot) => this.passes(this.entries[slot]!, q.filters, today)) : matched;
    // The best candidates get the full score; the rest keep the postings' order behind them.
    const scored = filtered.map((slot, i) => ({ slot, score: i < Math.max(SCORED, wanted) ? this.score(slot, scores) : 0, missing: NONE }));
    scored.sort((a, b) => b.score - a.score || a.slot - b.slot);
    // Fewer full matches than asked for: the best partial matches follow, each with the words it lacks.
    if (scored.length < wanted && lexical.length > 1) {
      const full = new Set(matched);
      const wordSets = lexical.map((w) => this.candidates(w, Math.max(PARTIAL, wanted)));
      // Missing a common word (应用, 签发) costs less than missing a rare one: weigh words by rarity.
      const live = Math.max(2, this.size);
      const weight = lexical.map((w, i) => Math.log(live / Math.max(1, wordSets[i]!.size < PARTIAL ? wordSets[i]!.size : Math.min(this.estimate(w), live))) + 0.1);
      const totalWeight = weight.reduce((a, b) => a + b, 0);
      const counts = new Map<number, number>();
      wordSets.forEach((set, i) => {
        for (const slot of set) if (!full.has(slot)) counts.set(slot, (counts.get(slot) ?? 0) + weight[i]! / totalWeight);
      });
      const partial = [...counts]
        .filter(([slot]) => {
          const r = this.entries[slot];
          return r !== null && r !== undefined && this.passes(r, q.filters, today);
        })
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, Math.max(SCORED, wanted))
        .map(([slot, n]) => ({ slot, score: n + this.score(slot, scores) / 100, missing: NONE }))
        .sort((a, b) => b.score - a.score || a.slot - b.slot);
      // Which words each shown partial match lacks (looked up for those shown only).
      scored.push(...partial.slice(0, wanted - scored.length).map((x) => ({ ...x, missing: this.missingWords(x.slot, lexical) })));
    }
    // Still short: words written with something in between (通行费 ~ 通行收费, 政务公开 ~ 政务信息公开).
    if (scored.length < wanted) {
      const seen = new Set(scored.map((x) => x.slot));
      const fuzzy: typeof scored = [];
      for (const slot of this.fuzzyCandidates(lexical)) {
        if (seen.has(slot)) continue;
        const r = this.entries[slot];
        if (!r || !this.passes(r, q.filters, today)) continue;
        fuzzy.push({ slot, score: this.score(slot, scores) / 200, missing: NONE });
        // The first (best placed) loose matches are enough to rank, as for full matches.
        if (fuzzy.length >= Math.max(SCORED, wanted)) break;
      }
      fuzzy.sort((a, b) => b.score - a.score || a.slot - b.slot);
      scored.push(...fuzzy.slice(0, wanted - scored.length).map((x) => ({ ...x, missing: this.missingWords(x.slot, lexical) })));
    }
    const top = scored.slice(q.offset, wanted);
    const best = scored.find((x) => !x.missing.length)?.score || 1;
    const hits = top.map(({ slot, score, missing }) => ({ ...this.hit(slot, missing.length ? Math.min(score, 0.99) * 0.5 : score / best, q.words), missing }));
    const facets = q.facets ? this.facets(matched, q.filters, today) : emptyFacets();
    const textIds = top.map(({ slot }) => (this.keepText ? null : this.entries[slot]!.id));
    return { total: filtered.length, totalIsLowerBound: capped, hits, textIds, facets };
  }

  /**
   * Relevance: matches in the heading first, then exact phrases, early and
   * close matches; a match only through an ancestor's heading counts less;
   * specific (labelled, short) provisions rank above long ones.
   */
  private score(slot: number, q: Scoring): number {
    const f = this.entries[slot]!;
    const { words, forms } = q;
    const heading = f.foldedHeading;
    const text = f.foldedText;
    const n = words.length;
    let score = 1;
    let inHeading = 0;
    let inText = 0;
    let firstAt = Infinity;
    let close = n > 1;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      const w = words[i]!;
      const fs = forms[i]!;
      let headed = false;
      let written = false;
      let last = -1;
      let count = 0;
      for (let j = 0; j < fs.length; j++) {
        const x = fs[j]!;
        // Positions are counted in heading + "\n" + text: the first is in the heading when the heading has the form.
        const at = positionIn(heading, text, x, 0);
        if (at < 0) continue;
        if (at < heading.length) {
          headed = true;
          written ||= text.includes(x);
        } else written = true;
        firstAt = Math.min(firstAt, at);
        last = Math.max(last, at);
        // Provisions about the term name it more than once.
        for (let k = at; k >= 0 && count < 4; k = positionIn(heading, text, x, k + x.length)) count++;
      }
      if (headed) inHeading++;
      if (written || (w.date !== null && f.dates.includes(w.date))) inText++;
      score += (0.25 * Math.max(0, count - 1)) / n;
      if (last < 0) close = false;
      else {
        lo = Math.min(lo, last);
        hi = Math.max(hi, last);
      }
    }
    score += (3 * inHeading) / n;
    score += (1.5 * inText) / n;
    if (inHeading === n && heading.length) score += 1 + Math.min(1, 6 / heading.length);
    if (n > 1 && (heading.includes(q.whole) || text.includes(q.whole))) score += 2;
    if (firstAt < Infinity) score += 1 / (1 + firstAt / 40);
    if (close) score += 1 / (1 + (hi - lo) / 20);
    // A party the provision gives work to ranks above a passing mention.
    if (f.partyNames.length) {
      for (let j = 0; j < q.plainForms.length; j++) {
        if (f.partyNames.includes(q.plainForms[j]!)) {
          score += 1.5;
          break;
        }
      }
      if (q.roleHeld) {
        let all = true;
        for (let j = 0; j < q.roleHeld.length && all; j++) all = hasBit(q.roleHeld[j]!, slot);
        if (all) score += 1.5;
      }
    }
    if (f.label) score += 0.3;
    score -= 0.15 * Math.log2(1 + text.length / 200);
    return Math.max(score, 0.01);
  }

  private hit(slot: number, score: number, words: QueryWord[]): SearchHit {
    const r = this.entries[slot]!;
    return {
      document: r.doc.document,
      documentTitle: r.doc.documentTitle,
      provision: r.provision,
      label: r.label,
      heading: r.heading,
      citation: r.citation,
      role: r.role,
      snippet: this.keepText ? snippet(r.text, words) : "",
      url: `/documents/${encodeURIComponent(r.doc.document)}#${r.provision}`,
      score: Math.round(score * 1000) / 1000,
      breadcrumb: r.breadcrumb,
      missing: [],
    };
  }

  /** Counts per filter value, each facet counted with the other filters applied. */
  private facets(matched: number[], filters: SearchFilters, today: string): Record<FacetName, Facet[]> {
    const out = emptyFacets();
    const names: FacetName[] = ["kind", "issuer", "year", "role", "party", "status", "doc"];
    for (const name of names) {
      const key = name as keyof SearchFilters;
      const others: SearchFilters = { ...filters, [key]: undefined };
      const counts = new Map<string, number>();
      for (const slot of matched) {
        const r = this.entries[slot];
        if (!r || !this.passes(r, others, today)) continue;
        for (const v of facetValues(r, name, today)) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      out[name] = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    }
    return out;
  }

  /** The words (as typed) a provision does not contain. */
  private missingWords(slot: number, words: QueryWord[]): string[] {
    return words.filter((w) => !this.matches(slot, w)).map((w) => w.text);
  }
}

function hasFilters(f: SearchFilters): boolean {
  return Object.values(f).some((v) => Array.isArray(v) && v.length > 0);
}

function facetValues(r: Entry, name: FacetName, today: string): string[] {
  switch (name) {
    case "kind":
      return r.doc.kind ? [r.doc.kind] : [];
    case "issuer":
      return r.doc.issuer ? [r.doc.issuer] : [];
    case "year": {
      const y = documentYear(r.doc);
      return y ? [String(y)] : [];
    }
    case "role":
      return [r.role satisfies Role];
    case "party":
      return r.parties;
    case "status":
      return [validityStatus(r.doc, today)];
    case "doc":
      return [r.doc.document];
  }
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
/** HTML-escapes every special character. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** The highlight marks of snippet(), one buffer for every call (a typed array per hit was an ArrayBuffer for the collector to sweep). */
let marksBuffer = new Uint8Array(4096);

/**
 * A window of the text around the first match, every matched term in
 * <mark>, every other character HTML-escaped. Matching runs on the folded
 * text; marks go on the original characters through the fold's map.
 */
export function snippet(text: string, words: QueryWord[], radius = 60): string {
  const { text: folded, map } = foldWithMap(text);
  const forms = words.flatMap((w) => [w.text, ...w.alternatives]).filter(Boolean);
  if (marksBuffer.length < text.length) marksBuffer = new Uint8Array(text.length * 2);
  const marks = marksBuffer;
  marks.fill(0, 0, text.length);
  let first = -1;
  for (const f of forms) {
    for (let i = folded.indexOf(f); i >= 0; i = folded.indexOf(f, i + 1)) {
      const from = map[i]!;
      const to = (map[i + f.length - 1] ?? from) + 1;
      for (let k = from; k < to && k < text.length; k++) marks[k] = 1;
      if (first < 0 || from < first) first = from;
    }
  }
  const start = first < 0 ? 0 : Math.max(0, first - Math.floor(radius / 2));
  const end = Math.min(text.length, start + radius * 2);
  let out = start > 0 ? "…" : "";
  // A run of marked or unmarked characters at a time (not a string per character).
  for (let i = start; i < end; ) {
    const m = marks[i] === 1;
    let j = i + 1;
    while (j < end && (marks[j] === 1) === m) j++;
    const piece = escapeHtml(text.slice(i, j));
    out += m ? `<mark>${piece}</mark>` : piece;
    i = j;
  }
  if (end < text.length) out += "…";
  return out.replace(/\n/g, " ");
}
