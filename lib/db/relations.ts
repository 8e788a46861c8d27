/**
 * Relations between documents as the store holds them: the references whose
 * relation the parser read (repeals, revises, forwards, implements, cites),
 * seen from either end, and the repeals that make a document 已废止 — computed
 * from the repealing document's dates, never stored as a status. Plain rows.
 */
import { isRelation, type Relation } from "../parser";
import { appliesFrom } from "../status";
import { dbReady } from "./client";

/** A stored relation (null: a title only quoted, or a reference stored before relations were read). */
export const relationOf = (value: string | null): Relation | null => (value && isRelation(value) ? value : null);

export interface RelatedDocument {
  slug: string;
  title: string | null;
  docNumber: string | null;
  /** The version the row belongs to (the citing side) or resolves to (the cited side). */
  version: number;
  isCurrent: boolean;
  /** The first day that version applies (lib/status.ts appliesFrom). */
  appliesFrom: string | null;
}

export interface RelationRow {
  relation: Relation;
  /** The citing document and the provision whose words state the relation (null: the document's own lines). */
  from: RelatedDocument & { provision: { id: string; citation: string } | null };
  /** The stored document the reference names; null when the library does not have it. */
  to: RelatedDocument | null;
  /** How the reference names it. */
  cited: { title: string | null; docNumber: string | null };
  words: string;
}

const documentSelect = { slug: true, title: true, docNumber: true, version: true, isCurrent: true, issuedAt: true, effectiveFrom: true } as const;
type DocumentPick = { slug: string; title: string | null; docNumber: string | null; version: number; isCurrent: boolean; issuedAt: string | null; effectiveFrom: string | null };
const related = (d: DocumentPick): RelatedDocument => ({ slug: d.slug, title: d.title, docNumber: d.docNumber, version: d.version, isCurrent: d.isCurrent, appliesFrom: appliesFrom(d) });

/**
 * A document's relations both ways: what its version `version` (else the
 * current one) states about other documents, and what the current versions of
 * other documents state about any version of it.
 */
export async function documentRelations(slug: string, version?: number): Promise<{ outgoing: RelationRow[]; incoming: RelationRow[] }> {
  const client = await dbReady();
  const select = {
    relation: true,
    citedTitle: true,
    citedNumber: true,
    text: true,
    provision: { select: { eid: true, citation: true } },
    document: { select: documentSelect },
    resolvedDocument: { select: documentSelect },
  } as const;
  const [outgoing, incoming] = await Promise.all([
    client.reference.findMany({ where: { relation: { not: null }, document: version ? { slug, version } : { slug, isCurrent: true } }, select, orderBy: { start: "asc" } }),
    client.reference.findMany({ where: { relation: { not: null }, resolvedDocument: { slug }, document: { isCurrent: true, slug: { not: slug } } }, select, orderBy: [{ documentId: "asc" }, { start: "asc" }] }),
  ]);
  const row = (r: (typeof outgoing)[number]): RelationRow[] => {
    const relation = relationOf(r.relation);
    if (!relation) return [];
    return [{
      relation,
      from: { ...related(r.document), provision: r.provision ? { id: r.provision.eid, citation: r.provision.citation } : null },
      to: r.resolvedDocument ? related(r.resolvedDocument) : null,
      cited: { title: r.citedTitle, docNumber: r.citedNumber },
      words: r.text,
    }];
  };
  return { outgoing: outgoing.flatMap(row), incoming: incoming.flatMap(row) };
}

export interface Repeal {
  /** The day it stops applying: the first day the repealing version applies (its 施行 date); null when that document has no date. */
  on: string | null;
  by: { slug: string; title: string | null; version: number; provision: { id: string; citation: string } | null; words: string };
}

/**
 * The repeal of each repealed document (by slug): the earliest among the
 * versions of other documents whose words repeal it (…同时废止). Of the given
 * slugs only, when given.
 */
export async function repealsOf(slugs?: string[]): Promise<Map<string, Repeal>> {
  const client = await dbReady();
  const rows = await client.reference.findMany({
    where: { relation: "repeals", resolvedDocumentId: { not: null }, ...(slugs ? { resolvedDocument: { slug: { in: slugs } } } : {}) },
    select: { text: true, provision: { select: { eid: true, citation: true } }, document: { select: { slug: true, title: true, version: true, issuedAt: true, effectiveFrom: true } }, resolvedDocument: { select: { slug: true } } },
  });
  const out = new Map<string, Repeal>();
  for (const r of rows) {
    const repealed = r.resolvedDocument?.slug;
    if (!repealed || repealed === r.document.slug) continue;
    const repeal: Repeal = { on: appliesFrom(r.document), by: { slug: r.document.slug, title: r.document.title, version: r.document.version, provision: r.provision ? { id: r.provision.eid, citation: r.provision.citation } : null, words: r.text } };
    const known = out.get(repealed);
    // The earliest dated repeal wins; an undated one only when there is no dated one.
    if (!known || (repeal.on !== null && (known.on === null || repeal.on < known.on))) out.set(repealed, repeal);
  }
  return out;
}

/** The value validityStatus() takes for a repeal: its day, "" for a repeal on a day not known (repealed whatever the day), undefined for none. */
export function repealedOn(repeal: Repeal | undefined): string | undefined {
  return repeal ? (repeal.on ?? "") : undefined;
}

/** Every repealed document (slug → the day it is repealed from, "" when not known): what search's status filter needs. */
export async function repealDays(): Promise<Map<string, string>> {
  return new Map([...(await repealsOf())].map(([slug, repeal]) => [slug, repealedOn(repeal)!]));
}
