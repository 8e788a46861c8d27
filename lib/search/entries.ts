/**
 * What the engine keeps per provision (an entry), as columns of typed
 * arrays indexed by slot rather than an object per provision with its
 * strings, a tenth of the memory (BENCHMARKS.md). Matching and ranking read a provision's folded heading,
 * text and ancestors' headings as slices of its document's run (one string
 * per document, or per run of documents loaded from disk); its parties and
 * deadline dates are ids into interned tables. What only a shown hit needs
 * (id, label, heading, citation, breadcrumb, original text) is kept per
 * document as one JSON string, or where it lies in the persisted copy, and
 * read for the hits shown only (cold.ts).
 */
import { foldForSearch } from "./fold";
import type { SearchRecord } from "./records";
import type { Role } from "../parser";
import type { Crumb } from "./types";

/** The fields of a document every provision of it shares (one object per document). */
export type DocumentFields = Pick<SearchRecord, "document" | "documentTitle" | "kind" | "issuer" | "issuedAt" | "effectiveFrom" | "effectiveUntil">;

/** An empty list shared by every provision without parties (and every hit that misses no word). */
export const NONE: string[] = [];

/**
 * What only a shown hit needs of a provision: [eid, label, heading, citation,
 * original text ("" when not kept), parent's position (-1: none), and its
 * breadcrumb only when its parent is not among the document's provisions
 * given (a search in PostgreSQL ranks a few provisions of a document)].
 */
export type ColdProvision = [string, string | null, string | null, string, string, number, Crumb[]?];

/** Where a document's cold provisions are: a JSON string in memory, or a span of a file (UTF-16LE). */
export type ColdPlace = string | { file: ColdFile; at: number; bytes: number };

/** A file of cold documents, read by offset. */
export interface ColdFile {
  read(at: number, bytes: number): string;
}

/** A document as the table holds it. */
export interface TableDocument {
  fields: DocumentFields;
  version: number;
  /** Its slots, in provision order. */
  slots: number[];
  /** The string its folded headings, texts and contexts are slices of. */
  run: string;
  /** Where its part of `run` starts, and how long it is. */
  runStart: number;
  runLength: number;
  cold: ColdPlace;
}

/** A shown hit's fields of a provision. */
export interface ColdFields {
  eid: string;
  label: string | null;
  heading: string | null;
  citation: string;
  text: string;
  breadcrumb: Crumb[];
}

/** Strings interned to ids (party names, dates, roles): a library names a few thousand of each, in millions of rows. */
export class Interned {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  /** Each name's search fold (computed once). */
  readonly folded: string[] = [];

  constructor(private readonly fold = false) {}

  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      if (this.fold) this.folded.push(foldForSearch(name));
      this.ids.set(name, id);
    }
    return id;
  }

  static of(names: string[], fold = false): Interned {
    const t = new Interned(fold);
    for (const n of names) t.id(n);
    return t;
  }
}

/** Growable Int32 column. */
function grow<T extends Int32Array | Uint8Array | Uint16Array>(a: T, size: number): T {
  if (size <= a.length) return a;
  const wider = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2, 1024));
  wider.set(a);
  return wider;
}

/** The columns of a table, as persist.ts writes and reads them. */
export interface Columns {
  doc: Int32Array;
  id: Int32Array;
  role: Uint8Array;
  labelled: Uint8Array;
  /** Heading's start in the document's run (the text follows it). */
  at: Int32Array;
  headingLength: Int32Array;
  textLength: Int32Array;
  contextAt: Int32Array;
  contextLength: Int32Array;
  /** Position in its document. */
  position: Int32Array;
  /** Start of its facts in `facts`: parties × [mention, name, role], then dates. */
  factsAt: Int32Array;
  parties: Uint16Array;
  dates: Uint16Array;
}

export const COLUMN_NAMES = ["doc", "id", "role", "labelled", "at", "headingLength", "textLength", "contextAt", "contextLength", "position", "factsAt", "parties", "dates"] as const;

/** The per-slot columns and the interned tables they point into. */
export class Entries {
  c: Columns = {
    doc: new Int32Array(1024).fill(-1), id: new Int32Array(1024), role: new Uint8Array(1024), labelled: new Uint8Array(1024),
    at: new Int32Array(1024), headingLength: new Int32Array(1024), textLength: new Int32Array(1024), contextAt: new Int32Array(1024), contextLength: new Int32Array(1024),
    position: new Int32Array(1024), factsAt: new Int32Array(1024), parties: new Uint16Array(1024), dates: new Uint16Array(1024),
  };
  facts = new Int32Array(1024);
  factCount = 0;
  /** Slots handed out so far (live or not). */
  slotCount = 0;
  readonly docs: Array<TableDocument | null> = [];
  readonly names = new Interned(true);
  readonly dateNames = new Interned();
  /** Roles of provisions and of responsibilities. */
  readonly roleNames = new Interned();

  /** Makes room for slot `slot`. */
  ensure(slot: number): void {
    if (slot < this.slotCount) return;
    const size = slot + 1;
    if (size > this.c.doc.length) {
      const from = this.c.doc.length;
      const c = this.c;
      for (const name of COLUMN_NAMES) (c as unknown as Record<string, Int32Array>)[name] = grow(c[name] as Int32Array, size);
      c.doc.fill(-1, from);
    }
    this.slotCount = size;
  }

  /** Appends facts; returns where they start. */
  addFacts(values: number[]): number {
    const at = this.factCount;
    this.facts = grow(this.facts, at + values.length);
    this.facts.set(values, at);
    this.factCount += values.length;
    return at;
  }

  has(slot: number): boolean {
    return slot < this.slotCount && this.c.doc[slot]! >= 0;
  }

  document(slot: number): TableDocument {
    return this.docs[this.c.doc[slot]!]!;
  }

  fields(slot: number): DocumentFields {
    return this.docs[this.c.doc[slot]!]!.fields;
  }

  heading(slot: number): string {
    const n = this.c.headingLength[slot]!;
    if (!n) return "";
    const at = this.c.at[slot]!;
    return this.document(slot).run.slice(at, at + n);
  }

  text(slot: number): string {
    const n = this.c.textLength[slot]!;
    if (!n) return "";
    const at = this.c.at[slot]! + this.c.headingLength[slot]!;
    return this.document(slot).run.slice(at, at + n);
  }

  context(slot: number): string {
    const n = this.c.contextLength[slot]!;
    if (!n) return "";
    const at = this.c.contextAt[slot]!;
    return this.document(slot).run.slice(at, at + n);
  }

  /** Whether a provision contains a folded string (in its heading, text or ancestors' headings). */
  contains(slot: number, s: string): boolean {
    const c = this.c;
    const run = this.docs[c.doc[slot]!]!.run;
    const at = c.at[slot]!;
    const h = c.headingLength[slot]!;
    const t = c.textLength[slot]!;
    if (t >= s.length && run.slice(at + h, at + h + t).includes(s)) return true;
    if (h >= s.length && run.slice(at, at + h).includes(s)) return true;
    const n = c.contextLength[slot]!;
    if (n < s.length) return s.length === 0;
    const ca = c.contextAt[slot]!;
    return run.slice(ca, ca + n).includes(s);
  }

  role(slot: number): Role {
    return this.roleNames.names[this.c.role[slot]!] as Role;
  }

  labelled(slot: number): boolean {
    return this.c.labelled[slot] === 1;
  }

  /** Whether the slot holds a passage (前言, 结尾): the document's own text outside its items. */
  passage(slot: number): boolean {
    return this.c.labelled[slot] === 2;
  }

  id(slot: number): number {
    return this.c.id[slot]!;
  }

  /** ISO dates of its deadlines, in store order. */
  dates(slot: number): string[] {
    const n = this.c.dates[slot]!;
    if (!n) return NONE;
    const from = this.c.factsAt[slot]! + 3 * this.c.parties[slot]!;
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.dateNames.names[this.facts[from + i]!]!);
    return out;
  }

  hasDate(slot: number, date: string): boolean {
    const n = this.c.dates[slot]!;
    if (!n) return false;
    const from = this.c.factsAt[slot]! + 3 * this.c.parties[slot]!;
    for (let i = 0; i < n; i++) if (this.dateNames.names[this.facts[from + i]!] === date) return true;
    return false;
  }

  hasParties(slot: number): boolean {
    return this.c.parties[slot]! > 0;
  }

  /** Its responsibilities as stored: the name as written, the canonical name, the role. */
  partyRoles(slot: number): Array<{ mention: string; name: string; role: string }> {
    const n = this.c.parties[slot]!;
    const out: Array<{ mention: string; name: string; role: string }> = [];
    for (let i = 0, f = this.c.factsAt[slot]!; i < n; i++, f += 3) {
      out.push({ mention: this.names.names[this.facts[f]!]!, name: this.names.names[this.facts[f + 1]!]!, role: this.roleNames.names[this.facts[f + 2]!]! });
    }
    return out;
  }

  /** Canonical names of its parties, each once, in store order. */
  parties(slot: number): string[] {
    const n = this.c.parties[slot]!;
    if (!n) return NONE;
    const out: string[] = [];
    for (let i = 0, f = this.c.factsAt[slot]!; i < n; i++, f += 3) {
      const name = this.names.names[this.facts[f + 1]!]!;
      if (!out.includes(name)) out.push(name);
    }
    return out;
  }

  /** Folded names (as written and canonical) of the parties given work here. */
  partyNames(slot: number): string[] {
    const n = this.c.parties[slot]!;
    if (!n) return NONE;
    const out: string[] = [];
    for (let i = 0, f = this.c.factsAt[slot]!; i < n; i++, f += 3) {
      const mention = this.names.folded[this.facts[f]!]!;
      const name = this.names.folded[this.facts[f + 1]!]!;
      if (!out.includes(mention)) out.push(mention);
      if (!out.includes(name)) out.push(name);
    }
    return out;
  }

  /** Each responsibility: its role and the folded names it goes by. */
  foldedRoles(slot: number): Array<{ role: string; mention: string; name: string }> {
    const n = this.c.parties[slot]!;
    const out: Array<{ role: string; mention: string; name: string }> = [];
    for (let i = 0, f = this.c.factsAt[slot]!; i < n; i++, f += 3) {
      out.push({ role: this.roleNames.names[this.facts[f + 2]!]!, mention: this.names.folded[this.facts[f]!]!, name: this.names.folded[this.facts[f + 1]!]! });
    }
    return out;
  }
}

/**
 * Text a record is indexed by: its heading first (early positions rank
 * first), then its text, then its ancestors' headings.
 */
export function indexedText(r: SearchRecord): string {
  return `${r.heading ?? ""}\n${r.text}\n${r.context}`;
}

/** The document fields of a record: `known` when they are the same (the usual case), else a new object. */
export function documentFields(r: SearchRecord, known: DocumentFields | null): DocumentFields {
  if (
    known && known.document === r.document && known.documentTitle === r.documentTitle && known.kind === r.kind && known.issuer === r.issuer &&
    known.issuedAt === r.issuedAt && known.effectiveFrom === r.effectiveFrom && known.effectiveUntil === r.effectiveUntil
  ) return known;
  return { document: r.document, documentTitle: r.documentTitle, kind: r.kind, issuer: r.issuer, issuedAt: r.issuedAt, effectiveFrom: r.effectiveFrom, effectiveUntil: r.effectiveUntil };
}
