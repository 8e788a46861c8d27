/**
 * Slots and postings: the engine's index proper. Every provision is an
 * entry in a slot (a small integer); posting lists name slots. Besides the
 * postings, a slot is found by its live bit, its deadline dates and its
 * parties' roles.
 *
 * Postings live in three places (postings.ts): the frozen ones (what was
 * loaded or last saved), the recent ones (documents added since, merged
 * when a query comes) and a builder collecting the documents being added.
 * A query reads the first two; freeze() (before persisting) merges all into
 * the frozen ones. A removed provision's postings stay until the next
 * freeze: its slot is dead (its live bit clear) and not reused before then.
 */
import { responsibilityKey } from "../db/index-source";
import { foldForSearch } from "./fold";
import { documentFields, entryOf, Folder, indexedText, type DocumentFields, type Entry } from "./entries";
import { setBit } from "./bitsets";
import { FrozenPostings, MAX_SLOTS, PostingBuilder } from "./postings";
import { assembleRecords, type FoldedDocument, type SearchRecord } from "./records";
import { bigramRuns } from "./tokenize";

export class Slots {
  /** The postings frozen so far (all of them right after loading or persisting). */
  private frozen = FrozenPostings.empty();
  /** Postings of documents added since the last freeze, as far as a query has needed them. */
  private recent = FrozenPostings.empty();
  /** Postings of the documents added since (merged into `recent` when a query comes). */
  private pending = new PostingBuilder();
  /** Whether a provision was removed since the last freeze (its postings are still there). */
  private removedSinceFreeze = false;
  /** Slot → what the engine keeps of its provision (null after removal). */
  readonly entries: Array<Entry | null> = [];
  /**
   * A bit per slot, set when the slot holds a record: tested for every
   * candidate, and at 62 KB for 500,000 slots it stays in the CPU's cache (a
   * byte per slot, 500 KB, cost a cache miss per candidate). Replaced by a
   * larger one as slots are added: read it anew for each query.
   */
  live = new Uint32Array(32);
  /** Document slug → its slots. */
  private readonly slotsOf = new Map<string, number[]>();
  /** Document slug → indexed version. */
  readonly versions = new Map<string, number>();
  /** Deadline date → slots with a deadline on it (a query 2019年底 finds 2019年12月底前). */
  private readonly byDate = new Map<string, Set<number>>();
  /** Role → folded party name (as written and canonical) → the slots that give that party that role. */
  private readonly roleSlots = new Map<string, Map<string, number[]>>();
  private entryCount = 0;
  /** Empty slots no posting names any more, reused last first. */
  private free: number[] = [];
  private readonly folder = new Folder();
  /** Goes up whenever the postings or the slots change: what was worked out from them before is stale. */
  generation = 0;

  constructor(readonly keepText: boolean) {}

  /** How many provisions are held (removed ones are not counted, whether or not their slot is free yet). */
  get size(): number {
    return this.entryCount;
  }

  /** How many slots there are, live or not: bitsets over the slots have this many bits. */
  get slotCount(): number {
    return this.entries.length;
  }

  documents(): string[] {
    return [...this.slotsOf.keys()];
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
    const slots: number[] = [];
    let doc: DocumentFields | null = null;
    for (const r of records) {
      const slot = this.free.pop() ?? this.entries.length;
      if (slot >= MAX_SLOTS) throw new Error(`search index full (${MAX_SLOTS} provisions)`);
      doc = documentFields(r, doc);
      this.place(slot, entryOf(r, doc, this.folder.record(r), this.keepText));
      this.pending.addRuns(slot, bigramRuns(indexedText(r)));
      slots.push(slot);
    }
    this.slotsOf.set(slug, slots);
    this.versions.set(slug, version);
  }

  /** Removes every provision of a document. */
  removeDocument(slug: string): void {
    this.generation++;
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

  // ---- postings ------------------------------------------------------------------

  /**
   * A token's posting lists, each best bucket first: the frozen entries,
   * then the recent ones (slots with a bucket tag: read `entry & SLOT_MASK`).
   */
  postings(token: string): Int32Array[] {
    this.settle();
    const out: Int32Array[] = [];
    const frozen = this.frozen.list(token);
    if (frozen?.length) out.push(frozen);
    const recent = this.recent.list(token);
    if (recent?.length) out.push(recent);
    return out;
  }

  /** How many provisions hold a token (removed ones count until the next freeze). */
  df(token: string): number {
    this.settle();
    return this.frozen.count(token) + this.recent.count(token);
  }

  /** Merges the builder's postings into the recent ones (a query reads frozen and recent postings). */
  private settle(): void {
    if (!this.pending.size) return;
    this.recent = this.recent.merge(this.pending.build());
    this.pending = new PostingBuilder();
  }

  // ---- persistence ---------------------------------------------------------------

  /**
   * Merges every posting into the frozen ones, dropping removed provisions';
   * every empty slot is free again.
   */
  freeze(): FrozenPostings {
    this.generation++;
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
    this.generation++;
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
    // Folded contexts from the persisted folded headings: the fold drops the spaces that join
    // ancestors' headings, so the context folds to the folded headings joined (no fold again).
    const contexts = new Map<number, string>();
    const contextUnder = (parent: number): string => {
      if (parent < 0) return "";
      let known = contexts.get(parent);
      if (known === undefined) {
        const p = document.provisions[parent]!;
        known = contextUnder(p.parent) + (p.heading ? p.foldedHeading ?? foldForSearch(p.heading) : "");
        contexts.set(parent, known);
      }
      return known;
    };
    let doc: DocumentFields | null = null;
    slots.forEach((slot, i) => {
      const r = records[i]!;
      const p = document.provisions[i]!;
      doc = documentFields(r, doc);
      this.place(slot, entryOf(r, doc, this.folder.record(r, { text: p.folded, heading: p.foldedHeading, context: p.foldedHeading === undefined ? undefined : contextUnder(p.parent) }), this.keepText));
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
}
