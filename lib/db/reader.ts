/**
 * What the reader page needs of one document version beyond its policy-doc/1
 * JSON: its source text, its responsibilities with their parties' canonical
 * names, its references with the stored documents they resolve to, and the
 * provisions of its older versions. Plain rows; lib/site/reader.ts makes the
 * page's view of them.
 */
import { dbReady } from "./client";
import type { Relation } from "../parser";
import { getDocument, type StoredDocument } from "./documents";
import { relationOf } from "./relations";

export interface ReaderRows {
  document: StoredDocument;
  sourceText: string;
  /** In store order; `party` is the canonical name, `mention` the name as written. */
  responsibilities: Array<{ provision: string | null; role: string; mention: string; party: string; start: number; end: number }>;
  /** In store order; `resolved` is the stored current document the reference names, if any. */
  references: Array<{ provision: string | null; citedTitle: string | null; citedNumber: string | null; relation: Relation | null; start: number; end: number; resolved: { slug: string; title: string | null } | null }>;
}

/** A document version (current, or `version`; status on `day`, default today) with its source and facts; null when there is none. */
export async function getReaderRows(slug: string, version?: number, day?: string): Promise<ReaderRows | null> {
  const document = await getDocument(slug, version, day);
  if (!document) return null;
  const client = await dbReady();
  const row = await client.document.findFirst({
    where: { slug, version: document.version },
    select: {
      sourceText: true,
      responsibilities: { orderBy: { id: "asc" }, select: { role: true, mention: true, start: true, end: true, party: { select: { name: true } }, provision: { select: { eid: true } } } },
      references: { orderBy: { id: "asc" }, select: { citedTitle: true, citedNumber: true, relation: true, start: true, end: true, provision: { select: { eid: true } }, resolvedDocument: { select: { slug: true, title: true } } } },
    },
  });
  if (!row) return null;
  return {
    document,
    sourceText: row.sourceText,
    responsibilities: row.responsibilities.map((r) => ({ provision: r.provision?.eid ?? null, role: r.role, mention: r.mention, party: r.party.name, start: r.start, end: r.end })),
    references: row.references.map((r) => ({ provision: r.provision?.eid ?? null, citedTitle: r.citedTitle, citedNumber: r.citedNumber, relation: relationOf(r.relation), start: r.start, end: r.end, resolved: r.resolvedDocument })),
  };
}

/** Provisions of a document's older (not current) versions, newest version first. */
export async function olderProvisions(slug: string): Promise<Array<{ eid: string; citation: string; version: number }>> {
  const client = await dbReady();
  const rows = await client.provision.findMany({
    where: { document: { slug, isCurrent: false } },
    select: { eid: true, citation: true, document: { select: { version: true } } },
    orderBy: { document: { version: "desc" } },
  });
  return rows.map((o) => ({ eid: o.eid, citation: o.citation, version: o.document.version }));
}
