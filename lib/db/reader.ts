/**
 * What the reader page needs of one document version beyond its policy-doc/1
 * JSON: its source text, its responsibilities with their parties' canonical
 * names, its references with the stored documents they resolve to, and the
 * provisions of its older versions. Plain rows; lib/site/reader.ts makes the
 * page's view of them.
 */
import { dbReady } from "./client";
import type { Relation } from "../parser";
import type { CorrectedFacts } from "./corrections-apply";
import { getCorrectedDocument, type StoredDocument } from "./documents";
import { partyNamesOf } from "./party-names";
import { relationOf } from "./relations";

export interface ReaderRows {
  /** With its corrections applied. */
  document: StoredDocument;
  /** What the corrections did: traces of corrected facts, removed facts, each correction's state. */
  corrections: CorrectedFacts<StoredDocument["provisions"][number]>;
  sourceText: string;
  /** In store order; `party` is the canonical name, `mention` the name as written. */
  responsibilities: Array<{ provision: string | null; role: string; mention: string; party: string; start: number; end: number }>;
  /** In store order; `resolved` is the stored current document the reference names, if any. */
  references: Array<{ provision: string | null; citedTitle: string | null; citedNumber: string | null; relation: Relation | null; start: number; end: number; resolved: { slug: string; title: string | null } | null }>;
}

/** A document version (current, or `version`; status on `day`, default today) with its source and facts; null when there is none. */
export async function getReaderRows(slug: string, version?: number, day?: string): Promise<ReaderRows | null> {
  const corrected = await getCorrectedDocument(slug, version, day);
  if (!corrected) return null;
  const { document } = corrected;
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
  // Canonical names of the stored mentions, and of any a correction wrote.
  const names = new Map(row.responsibilities.map((r) => [r.mention, r.party.name]));
  for (const [mention, name] of await partyNamesOf(document.responsibilities.map((r) => r.party).filter((m) => !names.has(m)), document.issuer)) names.set(mention, name);
  return {
    document,
    corrections: corrected.corrections,
    sourceText: row.sourceText,
    responsibilities: document.responsibilities.map((r) => ({ provision: r.provision, role: r.role, mention: r.party, party: names.get(r.party) ?? r.party, start: r.start, end: r.end })),
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
