/**
 * What the engine keeps per provision (an entry): the record's own fields,
 * its document's (one object the document's provisions share) and its
 * folded strings, which matching and ranking read. Each engine folds
 * through a Folder of its own, which remembers the strings that repeat
 * (ancestors' headings, party names).
 */
import { foldForSearch } from "./fold";
import type { SearchRecord } from "./records";

/** The fields of a document every provision of it shares (one object per document). */
export type DocumentFields = Pick<SearchRecord, "document" | "documentTitle" | "kind" | "issuer" | "issuedAt" | "effectiveFrom" | "effectiveUntil">;

/** A record's folded strings, for verification and ranking. */
export interface Folded {
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
export interface Entry extends Folded, Omit<SearchRecord, keyof DocumentFields | "context"> {
  doc: DocumentFields;
  /** The original text; "" in an engine that keeps folded text only. */
  text: string;
}

/** An empty list shared by every entry without parties (and every hit that misses no word). */
export const NONE: string[] = [];
const NO_ROLES: Folded["foldedRoles"] = [];

/**
 * Text a record is indexed by: its heading first (early positions rank
 * first), then its text, then its ancestors' headings.
 */
export function indexedText(r: SearchRecord): string {
  return `${r.heading ?? ""}\n${r.text}\n${r.context}`;
}

/** Whether a folded record contains a folded string (in its heading, text or ancestors' headings). */
export const contains = (f: Folded, s: string) => f.foldedText.includes(s) || f.foldedHeading.includes(s) || f.foldedContext.includes(s);

/** The document fields of a record: `known` when they are the same (the usual case), else a new object. */
export function documentFields(r: SearchRecord, known: DocumentFields | null): DocumentFields {
  if (
    known && known.document === r.document && known.documentTitle === r.documentTitle && known.kind === r.kind && known.issuer === r.issuer &&
    known.issuedAt === r.issuedAt && known.effectiveFrom === r.effectiveFrom && known.effectiveUntil === r.effectiveUntil
  ) return known;
  return { document: r.document, documentTitle: r.documentTitle, kind: r.kind, issuer: r.issuer, issuedAt: r.issuedAt, effectiveFrom: r.effectiveFrom, effectiveUntil: r.effectiveUntil };
}

/** An entry of a record (with its folded strings). */
export function entryOf(r: SearchRecord, doc: DocumentFields, folded: Folded, keepText: boolean): Entry {
  return {
    id: r.id, doc, provision: r.provision, label: r.label, heading: r.heading, citation: r.citation, role: r.role, text: keepText ? r.text : "",
    breadcrumb: r.breadcrumb, parties: r.parties, partyRoles: r.partyRoles, dates: r.dates,
    foldedHeading: folded.foldedHeading, foldedText: folded.foldedText, foldedContext: folded.foldedContext, partyNames: folded.partyNames, foldedRoles: folded.foldedRoles,
  };
}

/** Folds records for one engine, remembering the strings that repeat. */
export class Folder {
  /** Folded contexts of the document being added: siblings share one string. */
  private readonly contexts = new Map<string, string>();
  /** Folded party names: a library names a few thousand parties, in hundreds of thousands of responsibilities. */
  private readonly names = new Map<string, string>();

  private name(name: string): string {
    let folded = this.names.get(name);
    if (folded === undefined) {
      if (this.names.size > 50_000) this.names.clear();
      folded = foldForSearch(name);
      this.names.set(name, folded);
    }
    return folded;
  }

  /** A record's folded strings; `known` gives those a persisted copy already holds. */
  record(r: SearchRecord, known: { text?: string; heading?: string; context?: string } = {}): Folded {
    const foldedHeading = known.heading ?? (r.heading ? foldForSearch(r.heading) : "");
    const foldedText = known.text ?? foldForSearch(r.text);
    let context = known.context ?? "";
    if (r.context && known.context === undefined) {
      context = this.contexts.get(r.context) ?? foldForSearch(r.context);
      if (this.contexts.size > 1000) this.contexts.clear();
      this.contexts.set(r.context, context);
    }
    if (!r.partyRoles.length) return { foldedHeading, foldedText, foldedContext: context, partyNames: NONE, foldedRoles: NO_ROLES };
    // Names are mostly their own folded form: the record's objects (and array) are kept then, not copied.
    let partyRoles = r.partyRoles;
    for (let i = 0; i < partyRoles.length; i++) {
      const p = partyRoles[i]!;
      const mention = this.name(p.mention);
      const name = this.name(p.name);
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
}
