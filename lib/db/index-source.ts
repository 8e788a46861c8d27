/**
 * What the search index reads from the store: the fingerprint that says
 * whether the store changed, current document versions, each document as
 * the index keeps it (its fields and provisions with their parties' roles
 * and deadline dates, by plain SQL: a 10,000-document library loads in
 * seconds), the same built from a parse just stored, party signatures,
 * provision texts for snippets and party aliases. Plain data; lib/search
 * makes its records of it.
 */
import { createHash } from "node:crypto";
import type { ParseResult } from "../parser";
import { dbReady } from "./client";
import { marks, sql } from "./sql";
import { correctedSlugs } from "./correction-rows";
import { getCorrectedDocument } from "./documents";
import { partyNamesOf } from "./party-names";
import type { WrittenIds } from "./store";

/**
 * The fingerprint of what should be indexed: current document versions, and
 * in its last 8 characters what changes facts without a new version — the
 * aliases an administrator set (`policykb alias`), the only ones that move
 * names between parties, and editors' corrections — so a change of those
 * alone can be told apart. Ingest adds aliases only for names no alias had
 * yet (changing no stored responsibility's party), and only with documents.
 */
export async function storeFingerprint(): Promise<string> {
  const client = await dbReady();
  // Document ids only grow: a new version or a new document raises the newest id, a removal lowers the count.
  const docs = await client.document.aggregate({ where: { isCurrent: true }, _count: { _all: true }, _max: { id: true }, _sum: { id: true } });
  const admin = await client.partyAlias.findMany({ where: { source: "admin" }, select: { alias: true, partyId: true }, orderBy: { alias: "asc" } });
  // Corrections are never deleted: a new one raises the newest id, an undo the count of undone ones.
  const corrections = await client.correction.aggregate({ _count: { _all: true }, _max: { id: true } });
  const undone = await client.correction.count({ where: { undoneAt: { not: null } } });
  const h = createHash("sha256");
  h.update(`${docs._count._all}/${docs._max.id ?? 0}/${docs._sum.id ?? 0}`);
  const aliasPart = createHash("sha256")
    .update(`admin aliases:${admin.map((a) => `${a.alias}:${a.partyId}`).join(",")}`)
    .update(corrections._count._all ? `corrections:${corrections._count._all}/${corrections._max.id ?? 0}/${undone}` : "")
    .digest("hex")
    .slice(0, 8);
  return h.digest("hex").slice(0, 24) + aliasPart;
}

/**
 * Whether the aliases an administrator set or the corrections differ between
 * two fingerprints (names may have moved to other parties, facts changed):
 * the index then compares each document's partySignatures().
 */
export const adminAliasesChanged = (a: string, b: string) => a.slice(-8) !== b.slice(-8);

/** Current (slug → version) of the store. */
export async function currentVersions(): Promise<Map<string, number>> {
  const client = await dbReady();
  const docs = await client.document.findMany({ where: { isCurrent: true }, select: { slug: true, version: true } });
  return new Map(docs.map((d) => [d.slug, d.version]));
}

/** Slugs of the current documents, in order. */
export async function currentSlugs(): Promise<string[]> {
  const client = await dbReady();
  return (await client.document.findMany({ where: { isCurrent: true }, select: { slug: true }, orderBy: { slug: "asc" } })).map((d) => d.slug);
}

/** A document as the index keeps it: its fields and its provisions in order, each pointing to its parent by position. */
export interface IndexedDocument {
  slug: string;
  version: number;
  title: string | null;
  kind: string | null;
  issuer: string | null;
  issuedAt: string | null;
  effectiveFrom: string | null;
  effectiveUntil: string | null;
  provisions: IndexedProvision[];
}

export interface IndexedProvision {
  id: number;
  eid: string;
  label: string | null;
  heading: string | null;
  citation: string;
  role: string;
  text: string;
  /** Position of the parent in the document's provisions, -1 for none. */
  parent: number;
  partyRoles: Array<{ mention: string; name: string; role: string }>;
  dates: string[];
}

/** Current versions of the given documents as the index keeps them, by plain SQL (a 10,000-document library loads in seconds). */
export async function loadIndexedDocuments(slugs: string[]): Promise<IndexedDocument[]> {
  const q = sql();
  const docs = await q.all<DocumentRow>(
    `SELECT "id", "slug", "version", "title", "kind", "issuer", "issuedAt", "effectiveFrom", "effectiveUntil" FROM "Document" WHERE "isCurrent" = ? AND "slug" IN (${marks(slugs.length)})`,
    [true, ...slugs],
  );
  if (!docs.length) return [];
  const ids = docs.map((d) => d.id);
  const inDocs = `"documentId" IN (${marks(ids.length)})`;
  const provisions = await q.all<ProvisionRow>(`SELECT "id", "documentId", "eid", "parentEid", "label", "heading", "citation", "role", "text" FROM "Provision" WHERE ${inDocs} ORDER BY "documentId", "order"`, ids);
  const responsibilities = await q.all<{ provisionId: number | null; mention: string; role: string; name: string }>(
    `SELECT r."provisionId", r."mention", r."role", p."name" FROM "Responsibility" r JOIN "Party" p ON p."id" = r."partyId" WHERE r.${inDocs} ORDER BY r."id"`,
    ids,
  );
  const deadlines = await q.all<{ provisionId: number | null; date: string | null }>(`SELECT "provisionId", "date" FROM "Deadline" WHERE ${inDocs} AND "date" IS NOT NULL ORDER BY "id"`, ids);
  const facts = provisionFacts(responsibilities, deadlines);
  const provisionsOf = new Map<number, ProvisionRow[]>();
  for (const p of provisions) {
    const list = provisionsOf.get(p.documentId) ?? [];
    list.push(p);
    provisionsOf.set(p.documentId, list);
  }
  const indexed = docs.map((d) => ({
    slug: d.slug, version: Number(d.version), title: d.title, kind: d.kind, issuer: d.issuer, issuedAt: d.issuedAt, effectiveFrom: d.effectiveFrom, effectiveUntil: d.effectiveUntil,
    provisions: indexedProvisions(provisionsOf.get(d.id) ?? [], facts),
  }));
  await correctIndexed(indexed);
  return indexed;
}

/**
 * Editors' corrections in documents as the index keeps them (in place):
 * provisions' roles, parties' roles and deadline dates as every other read
 * has them (documents.ts getCorrectedDocument), so search facets agree.
 */
async function correctIndexed(docs: IndexedDocument[]): Promise<void> {
  const corrected = await correctedSlugs();
  for (const d of docs) {
    if (!corrected.has(d.slug)) continue;
    const found = await getCorrectedDocument(d.slug, d.version);
    if (!found) continue;
    const { document } = found;
    const names = new Map(d.provisions.flatMap((p) => p.partyRoles.map((r) => [r.mention, r.name] as const)));
    for (const [mention, name] of await partyNamesOf(document.responsibilities.map((r) => r.party).filter((m) => !names.has(m)), document.issuer)) names.set(mention, name);
    const roleOf = new Map(document.provisions.map((p) => [p.id, p.role]));
    const partyRoles = new Map<string, IndexedProvision["partyRoles"]>();
    for (const r of document.responsibilities) if (r.provision) partyRoles.set(r.provision, [...(partyRoles.get(r.provision) ?? []), { mention: r.party, name: names.get(r.party) ?? r.party, role: r.role }]);
    const dates = new Map<string, Set<string>>();
    for (const x of document.deadlines) if (x.provision && x.date) dates.set(x.provision, (dates.get(x.provision) ?? new Set()).add(x.date));
    d.provisions = d.provisions.map((p) => ({ ...p, role: roleOf.get(p.eid) ?? p.role, partyRoles: partyRoles.get(p.eid) ?? [], dates: [...(dates.get(p.eid) ?? [])] }));
  }
}

/**
 * A document just stored, as the index keeps it, from its parse and the ids
 * its rows got: the same as loadIndexedDocuments reads back (a test holds
 * them equal), without reading back what was just written (a folder ingest
 * indexes as it stores).
 */
export function indexedDocumentOf(result: ParseResult, stored: { slug: string; version: number; written: WrittenIds }): IndexedDocument {
  const { doc } = result;
  const { provisionIds, partyNames } = stored.written;
  const idOf = (eid: string | null) => (eid ? provisionIds.get(eid) : undefined);
  const facts = provisionFacts(
    doc.responsibilities.map((r) => ({ provisionId: idOf(r.provision), mention: r.party, name: partyNames.get(r.party)!, role: r.role })),
    doc.deadlines.map((d) => ({ provisionId: idOf(d.provision), date: d.date })),
  );
  return {
    slug: stored.slug, version: stored.version, title: doc.title, kind: doc.kind, issuer: doc.issuer, issuedAt: doc.issuedAt, effectiveFrom: doc.effectiveFrom, effectiveUntil: doc.effectiveUntil,
    provisions: indexedProvisions(
      doc.provisions.map((p) => ({ id: provisionIds.get(p.id)!, eid: p.id, parentEid: p.parent, label: p.label, heading: p.heading, citation: p.citation, role: p.role, text: p.text })),
      facts,
    ),
  };
}

/** Responsibilities (with their canonical party names) and deadline dates by provision id, in store order; each date once. */
interface ProvisionFacts {
  rolesOf: Map<number, IndexedProvision["partyRoles"]>;
  datesOf: Map<number, Set<string>>;
}

/** ProvisionFacts of responsibilities and deadlines; those of no stored provision are left out. */
function provisionFacts(
  responsibilities: Array<{ provisionId: number | null | undefined; mention: string; name: string; role: string }>,
  deadlines: Array<{ provisionId: number | null | undefined; date: string | null }>,
): ProvisionFacts {
  const rolesOf: ProvisionFacts["rolesOf"] = new Map();
  for (const r of responsibilities) {
    if (r.provisionId == null) continue;
    const id = Number(r.provisionId);
    const roles = rolesOf.get(id) ?? [];
    roles.push({ mention: r.mention, name: r.name, role: r.role });
    rolesOf.set(id, roles);
  }
  const datesOf: ProvisionFacts["datesOf"] = new Map();
  for (const d of deadlines) {
    if (d.provisionId == null || !d.date) continue;
    const id = Number(d.provisionId);
    const set = datesOf.get(id) ?? new Set<string>();
    set.add(d.date);
    datesOf.set(id, set);
  }
  return { rolesOf, datesOf };
}

/** A document's provisions (in order) as the index keeps them, each pointing to its parent by position. */
function indexedProvisions(provisions: Array<Omit<ProvisionRow, "documentId">>, { rolesOf, datesOf }: ProvisionFacts): IndexedProvision[] {
  const position = new Map(provisions.map((p, i) => [p.eid, i]));
  return provisions.map((p) => {
    const id = Number(p.id);
    return {
      id, eid: p.eid, label: p.label, heading: p.heading, citation: p.citation, role: p.role, text: p.text,
      parent: p.parentEid ? position.get(p.parentEid) ?? -1 : -1,
      partyRoles: rolesOf.get(id) ?? [],
      dates: [...(datesOf.get(id) ?? [])],
    };
  });
}

/** A Document row as loadIndexedDocuments selects it: the indexed document's fields and its id. */
type DocumentRow = Omit<IndexedDocument, "provisions"> & { id: number };

interface ProvisionRow {
  id: number;
  documentId: number;
  eid: string;
  parentEid: string | null;
  label: string | null;
  heading: string | null;
  citation: string;
  role: string;
  text: string;
}

/** One responsibility as partySignature strings list it: provision id, name as written, canonical name, role. */
export const responsibilityKey = (provisionId: number, mention: string, name: string, role: string) => `${provisionId}\u0001${mention}\u0001${name}\u0001${role}`;

/**
 * Per current document (slug), its responsibilities' party names as the
 * store has them now, as one string (sorted keys): an index whose records
 * give another string holds party names an alias has since moved.
 */
export async function partySignatures(): Promise<Map<string, string>> {
  const rows = await sql().all<{ slug: string; provisionId: number; mention: string; role: string; name: string }>(
    `SELECT d."slug", r."provisionId", r."mention", r."role", p."name" FROM "Responsibility" r JOIN "Party" p ON p."id" = r."partyId" JOIN "Document" d ON d."id" = r."documentId" WHERE d."isCurrent" = ? AND r."provisionId" IS NOT NULL`,
    [true],
  );
  const keys = new Map<string, string[]>();
  for (const r of rows) {
    const list = keys.get(r.slug) ?? [];
    list.push(responsibilityKey(Number(r.provisionId), r.mention, r.name, r.role));
    keys.set(r.slug, list);
  }
  // A document with corrections (made or undone) never matches: whenever corrections change, it is read again, corrected.
  for (const { slug } of await sql().all<{ slug: string }>(`SELECT DISTINCT "slug" FROM "Correction"`)) keys.set(slug, [...(keys.get(slug) ?? []), CORRECTED_MARK]);
  return new Map([...keys].map(([slug, list]) => [slug, list.sort().join("\n")]));
}

/** In a signature, a key no index entry gives (see partySignatures). */
const CORRECTED_MARK = "\u0002corrected";

/** Stored texts of provisions by id (snippets of an engine that keeps only folded text). */
export async function provisionTexts(ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await sql().all<{ id: number; text: string }>(`SELECT "id", "text" FROM "Provision" WHERE "id" IN (${marks(ids.length)})`, ids);
  return new Map(rows.map((r) => [Number(r.id), r.text]));
}

/** Party aliases: every name (alias or canonical) → all names of its party. */
export async function loadAliasGroups(): Promise<Map<string, string[]>> {
  const client = await dbReady();
  const parties = await client.party.findMany({ select: { name: true, aliases: { select: { alias: true } } } });
  const groups = new Map<string, string[]>();
  for (const p of parties) {
    const names = [...new Set([p.name, ...p.aliases.map((a) => a.alias)])];
    if (names.length < 2) continue;
    for (const n of names) groups.set(n, names);
  }
  return groups;
}
