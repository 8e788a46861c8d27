/**
 * Slots and postings: the engine's index proper. Every provision is an
 * entry in a slot (a small integer; its columns in entries.ts); posting
 * lists name slots. Besides the postings, a slot is found by its live bit,
 * its deadline dates and its parties' roles.
 *
 * Postings live in three places (postings.ts): the frozen ones (what was
 * loaded or last saved: read from the persisted file by offset after a
 * load or save), the recent ones (documents added since, merged when a query
 * comes) and a builder collecting the documents being added. A query reads
 * the first two; saving merges all into a new file. A removed provision's
 * postings stay until the next save: its slot is dead (its live bit clear)
 * and not reused before then.
 */
import { responsibilityKey } from "../db/index-source";
import { foldForSearch } from "./fold";
import { coldText } from "./cold";
import { documentFields, Entries, indexedText, type ColdPlace, type ColdProvision, type DocumentFields, type TableDocument } from "./entries";
import { setBit } from "./bitsets";
import { FrozenPostings, MAX_SLOTS, PostingBuilder, SLOT_MASK, writePostings, type PostingSource, type PostingWriters } from "./postings";
import type { SearchRecord } from "./records";
import { sharedRoleName } from "./records";
import { bigramRuns } from "./tokenize";

/** Ids the parser gives the document's passages outside its items (lib/parser/parse.ts: preamble, closing, closing2…). */
const PASSAGE_ID = /^(?:preamble|closing)\d*$/;

/** Postings being written by save(): what they hold, and which slots were live then. */
interface Saving {
  recent: FrozenPostings;
  live: Uint32Array;
}

export class Slots {
  /** The postings frozen so far (all of them right after loading or saving). */
  private frozen: PostingSource = FrozenPostings.empty();
  /** Postings of documents added since the last freeze, as far as a query has needed them. */
  private recent = FrozenPostings.empty();
  /** Postings of the documents added since (merged into `recent` when a query comes). */
  private pending = new PostingBuilder();
  /** Recent postings being written by a save, still read by queries until it ends. */
  private saving: Saving | null = null;
  /** Whether a provision was removed since the last freeze (its postings are still there). */
  private removedSinceFreeze = false;
  /** Slot → what the engine keeps of its provision. */
  readonly entries = new Entries();
  /**
   * A bit per slot, set when the slot holds a record: tested for every
   * candidate, and at 62 KB for 500,000 slots it stays in the CPU's cache.
   * Replaced by a larger one as slots are added: read it anew for each query.
   */
  live = new Uint32Array(32);
  /** Document slug → its index in entries.docs. */
  private readonly docIndex = new Map<string, number>();
  /** Document slug → indexed version. */
  readonly versions = new Map<string, number>();
  /** Deadline date → slots with a deadline on it (a query 2019年底 finds 2019年12月底前). */
  private readonly byDate = new Map<string, Set<number>>();
  /** Role → folded party name (as written and canonical) → the slots that give that party that role. */
  private readonly roleSlots = new Map<string, Map<string, number[]>>();
  private entryCount = 0;
  /** Empty slots no posting names any more, reused last first. */
  private free: number[] = [];
  /** Document indexes no document uses. */
  private freeDocs: number[] = [];
  /** Goes up whenever the postings or the slots change: what was worked out from them before is stale. */
  generation = 0;

  constructor(readonly keepText: boolean) {}

  /** How many provisions are held (removed ones are not counted, whether or not their slot is free yet). */
  get size(): number {
    return this.entryCount;
  }

  /** How many slots there are, live or not: bitsets over the slots have this many bits. */
  get slotCount(): number {
    return this.entries.slotCount;
  }

  documents(): string[] {
    return [...this.docIndex.keys()];
  }

  /** The slots with a deadline on a day. */
  withDate(date: string): Set<number> | undefined {
    return this.byDate.get(date);
  }

  /** Folded party name → the slots that give that party a role. */
  givingRole(role: string): Map<string, number[]> | undefined {
    return this.roleSlots.get(role);
  }

  // ---- documents in and out ------------------------------------------------------

  /** Adds (or replaces) the provisions of one document version. */
  addDocument(slug: string, version: number, records: SearchRecord[]): void {
    this.generation++;
    this.removeDocument(slug);
    const e = this.entries;
    const slots: number[] = [];
    const pieces: string[] = [];
    let length = 0;
    // Folded contexts of the document: siblings share one string (and one place in the run).
    const contexts = new Map<string, { folded: string; at: number }>();
    const contextPieces: Array<{ slot: number; context: { folded: string; at: number } }> = [];
    const position = new Map(records.map((r, i) => [r.provision, i]));
    let doc: DocumentFields | null = null;
    const cold: ColdProvision[] = [];
    for (const [i, r] of records.entries()) {
      const slot = this.free.pop() ?? e.slotCount;
      if (slot >= MAX_SLOTS) throw new Error(`search index full (${MAX_SLOTS} provisions)`);
      e.ensure(slot);
      doc = documentFields(r, doc);
      const heading = r.heading ? foldForSearch(r.heading) : "";
      const text = foldForSearch(r.text);
      e.c.at[slot] = length;
      e.c.headingLength[slot] = heading.length;
      e.c.textLength[slot] = text.length;
      pieces.push(heading, text);
      length += heading.length + text.length;
      if (r.context) {
        let context = contexts.get(r.context);
        if (!context) contexts.set(r.context, (context = { folded: foldForSearch(r.context), at: -1 }));
        contextPieces.push({ slot, context });
      } else {
        e.c.contextAt[slot] = 0;
        e.c.contextLength[slot] = 0;
      }
      e.c.id[slot] = r.id;
      e.c.role[slot] = e.roleNames.id(sharedRoleName(r.role));
      // 1 labelled, 2 a passage of the document's own text outside its items (前言, 结尾), 0 other.
      e.c.labelled[slot] = r.label ? 1 : PASSAGE_ID.test(r.provision) ? 2 : 0;
      e.c.position[slot] = i;
      const facts: number[] = [];
      for (const p of r.partyRoles) facts.push(e.names.id(p.mention), e.names.id(p.name), e.roleNames.id(sharedRoleName(p.role)));
      for (const d of r.dates) facts.push(e.dateNames.id(d));
      e.c.factsAt[slot] = facts.length ? e.addFacts(facts) : 0;
      e.c.parties[slot] = r.partyRoles.length;
      e.c.dates[slot] = r.dates.length;
      const parent = position.get(r.breadcrumb.at(-1)?.id ?? "") ?? -1;
      cold.push(parent < 0 && r.breadcrumb.length ? [r.provision, r.label, r.heading, r.citation, this.keepText ? r.text : "", -1, r.breadcrumb] : [r.provision, r.label, r.heading, r.citation, this.keepText ? r.text : "", parent]);
      this.pending.addRuns(slot, bigramRuns(indexedText(r)));
      slots.push(slot);
    }
    for (const context of contexts.values()) {
      context.at = length;
      pieces.push(context.folded);
      length += context.folded.length;
    }
    for (const { slot, context } of contextPieces) {
      e.c.contextAt[slot] = context.at;
      e.c.contextLength[slot] = context.folded.length;
    }
    const fields = doc ?? { document: slug, documentTitle: null, kind: null, issuer: null, issuedAt: null, effectiveFrom: null, effectiveUntil: null };
    this.placeDocument(slug, { fields, version, slots, run: pieces.join(""), runStart: 0, runLength: length, cold: coldText(cold) });
  }

  /** Puts a document in the table and its slots in the indexes besides postings. */
  placeDocument(slug: string, d: TableDocument): number {
    const index = this.freeDocs.pop() ?? this.entries.docs.length;
    this.entries.docs[index] = d;
    for (const slot of d.slots) {
      this.entries.c.doc[slot] = index;
      this.place(slot);
    }
    this.docIndex.set(slug, index);
    this.versions.set(slug, d.version);
    return index;
  }

  /** Removes every provision of a document. */
  removeDocument(slug: string): void {
    this.generation++;
    const index = this.docIndex.get(slug);
    if (index === undefined) return;
    const e = this.entries;
    for (const slot of e.docs[index]!.slots) {
      for (const date of e.dates(slot)) this.byDate.get(date)?.delete(slot);
      this.setLive(slot, 0);
      this.indexRoles(slot, -1);
      this.entryCount--;
      // Postings still name the slot: it is reused after the next freeze.
      e.c.doc[slot] = -1;
      this.removedSinceFreeze = true;
    }
    e.docs[index] = null;
    this.freeDocs.push(index);
    this.docIndex.delete(slug);
    this.versions.delete(slug);
  }

  /** A document's responsibilities as partySignatures() lists them ("" when it has none or is not indexed). */
  partySignature(slug: string): string {
    const index = this.docIndex.get(slug);
    if (index === undefined) return "";
    const keys: string[] = [];
    for (const slot of this.entries.docs[index]!.slots) {
      for (const p of this.entries.partyRoles(slot)) keys.push(responsibilityKey(this.entries.id(slot), p.mention, p.name, p.role));
    }
    return keys.sort().join("\n");
  }

  /** Indexes a slot by what finds it besides its postings: its dates, its live bit, its parties' roles. */
  private place(slot: number): void {
    this.entryCount++;
    for (const date of this.entries.dates(slot)) {
      let set = this.byDate.get(date);
      if (!set) this.byDate.set(date, (set = new Set()));
      set.add(slot);
    }
    this.setLive(slot, 1);
    this.indexRoles(slot, 1);
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

  /** Adds a slot's responsibilities to roleSlots (or, `-1`, takes them out). */
  private indexRoles(slot: number, delta: 1 | -1): void {
    if (!this.entries.hasParties(slot)) return;
    for (const p of this.entries.foldedRoles(slot)) {
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

  // ---- postings ------------------------------------------------------------------

  /**
   * A token's posting lists, each best bucket first: the frozen entries (in
   * pieces when read from the file), then the recent ones (slots with a
   * bucket tag: read `entry & SLOT_MASK`).
   */
  postings(token: string): Iterable<Int32Array> {
    this.settle();
    const recent = this.recent.list(token);
    const saving = this.saving?.recent.list(token);
    if (!this.frozen.count(token)) return saving?.length ? (recent?.length ? [saving, recent] : [saving]) : recent?.length ? [recent] : [];
    if (!recent?.length && !saving?.length) return this.frozen.chunks(token);
    return this.withRecent(this.frozen.chunks(token), saving, recent);
  }

  /**
   * Sets the bits of the slots holding a token in `bits` (zeroed): the
   * frozen postings' stored bitset when their file has one, else a bit per
   * entry; then the recent entries.
   */
  setTokenBits(token: string, bits: Uint32Array): Uint32Array {
    this.settle();
    const stored = this.frozen.count(token) > 0 && this.frozen.storedBits(token, bits);
    const lists = stored ? [this.saving?.recent.list(token), this.recent.list(token)] : this.postings(token);
    for (const list of lists) {
      if (!list) continue;
      for (let i = 0; i < list.length; i++) setBit(bits, list[i]! & SLOT_MASK);
    }
    return bits;
  }

  private *withRecent(frozen: Iterable<Int32Array>, saving: Int32Array | undefined, recent: Int32Array | undefined): Generator<Int32Array> {
    yield* frozen;
    if (saving?.length) yield saving;
    if (recent?.length) yield recent;
  }

  /** How many provisions hold a token (removed ones count until the next freeze). */
  df(token: string): number {
    this.settle();
    return this.frozen.count(token) + this.recent.count(token) + (this.saving?.recent.count(token) ?? 0);
  }

  /** Merges the builder's postings into the recent ones (a query reads frozen and recent postings). */
  private settle(): void {
    if (!this.pending.size) return;
    this.recent = this.recent.merge(this.pending.build());
    this.pending = new PostingBuilder();
  }

  // ---- persistence ---------------------------------------------------------------

  /**
   * Merges every posting into frozen ones in memory, dropping removed
   * provisions'; every empty slot is free again (a small engine, tests;
   * saving writes the merge to a file instead).
   */
  freeze(): FrozenPostings {
    if (this.saving) throw new Error("search index: freeze during a save");
    this.generation++;
    this.settle();
    const frozen = this.frozen instanceof FrozenPostings ? this.frozen : null;
    if (!frozen) throw new Error("search index: postings are on disk; save them instead");
    this.frozen = frozen.merge(this.recent, this.removedSinceFreeze ? (slot) => this.entries.has(slot) : undefined);
    this.recent = FrozenPostings.empty();
    this.removedSinceFreeze = false;
    this.freeSlots(null);
    return this.frozen as FrozenPostings;
  }

  /**
   * Writes every posting, removed provisions' dropped, through `write` (the
   * bytes of a postings file); `adopt` then reads the written file. Queries and
   * changes may go on while it writes: they see the postings as before, and
   * what changes meanwhile stays for the next save.
   */
  async savePostings(write: (produce: (out: PostingWriters) => Promise<void>) => Promise<void>, adopt: () => PostingSource): Promise<void> {
    if (this.saving) throw new Error("search index: two saves at once");
    this.settle();
    const saving: Saving = { recent: this.recent, live: this.live.slice() };
    const dropping = this.removedSinceFreeze;
    this.saving = saving;
    this.recent = FrozenPostings.empty();
    this.removedSinceFreeze = false;
    try {
      const frozen = this.frozen;
      await write((out) => writePostings(frozen, saving.recent, dropping ? (slot) => slot < saving.live.length * 32 && (saving.live[slot >>> 5]! & (1 << (slot & 31))) !== 0 : undefined, out));
      this.frozen = adopt();
    } catch (error) {
      // Not written: what was being saved is recent again.
      this.recent = saving.recent.merge(this.recent);
      this.removedSinceFreeze ||= dropping;
      throw error;
    } finally {
      this.saving = null;
    }
    this.generation++;
    this.freeSlots(saving.live);
  }

  /** Takes persisted postings (before restoring documents, on an empty engine). */
  restorePostings(postings: PostingSource): void {
    this.generation++;
    this.frozen = postings;
  }

  /** After the documents are restored: the slots no document uses are free. */
  finishRestore(): void {
    this.freeSlots(null);
  }

  /**
   * Every empty slot no posting names is free: after a freeze or a restore
   * all of them; after a save, those that were empty when it began (the
   * others, removed while it wrote, are still named by the file).
   */
  private freeSlots(liveAtSave: Uint32Array | null): void {
    this.free = [];
    const e = this.entries;
    for (let slot = e.slotCount - 1; slot >= 0; slot--) {
      if (e.has(slot)) continue;
      if (liveAtSave && slot < liveAtSave.length * 32 && (liveAtSave[slot >>> 5]! & (1 << (slot & 31))) !== 0) {
        this.removedSinceFreeze = true;
        continue;
      }
      this.free.push(slot);
    }
  }

  /** The documents: slug and where the table keeps it. */
  *tableDocuments(): Generator<{ slug: string; document: TableDocument }> {
    for (const [slug, index] of this.docIndex) yield { slug, document: this.entries.docs[index]! };
  }

  /** A document's cold place (for tests and persist.ts). */
  coldOf(slug: string): ColdPlace | undefined {
    const index = this.docIndex.get(slug);
    return index === undefined ? undefined : this.entries.docs[index]!.cold;
  }
}
