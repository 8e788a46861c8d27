/**
 * Storing one parsed document, all or nothing, in one transaction: the
 * document, its provisions, parties (canonical, with aliases),
 * responsibilities, deadlines, targets, references and links. The same
 * content twice changes nothing; changed content for a slug becomes a new
 * version and the old one stays, so its provision ids still resolve.
 * Plain SQL on both providers (see sql.ts for why not the model API).
 */
import type { ParseResult } from "../parser";
import { canonicalParty, jurisdictionOf, type Jurisdiction } from "../parties/resolve";
import { dbReady } from "./client";
import { placeVersion, type StoredVersion } from "./placement";
import { chunks, marks, writeTransaction, type Sql } from "./sql";

export type StoreStatus = "added" | "unchanged" | "updated";

export interface StoreOutcome {
  status: StoreStatus;
  slug: string;
  version: number;
  documentId: number;
  provisions: number;
  parties: number;
  links: number;
  /** Added or updated: the row ids and party names it was stored with (what the search index needs besides the parse). */
  written?: WrittenIds;
  /** A stored parse: whether it became the newest version or an older one (by its date), and whether it joined another file's document by title (placement.ts). */
  placed?: { as: "newest" | "older"; byTitle: boolean };
}

/** Ids a stored document's rows got: provision id by eid; canonical party name by mention as written. */
export interface WrittenIds {
  provisionIds: Map<string, number>;
  partyNames: Map<string, string>;
  /** The slug has corrections: what a read gives is not the parse alone (the index reads it back). */
  corrected: boolean;
}

export interface StoreInput {
  result: ParseResult;
  slug: string;
  sourceName: string;
  /** Hash of the file's bytes (content identity). */
  contentHash: string;
  /** Restoring an export: the stored version as it was, instead of the next version. */
  restore?: { version: number; isCurrent: boolean; importedAt: Date };
  /**
   * Parties already resolved in this ingest run (jurisdiction|mention → id),
   * filled only after a document's transaction commits, so a rolled-back
   * party never leaks into the next document.
   */
  partyCache?: Map<string, number>;
  /** The slug came from the file name: the file may be a version of a stored document with its title and issuer (placement.ts). */
  matchTitle?: boolean;
}

export { contentHash } from "./content-hash";

const compact = (s: string) => s.replace(/\s+/g, "");

const RELATIVE = /^(?:省|市|区|县|自治区)/;

/** Rows of `SELECT … WHERE column IN (values)`, chunked; `query` has one `(?)` list marker `IN_LIST`. */
async function selectIn<T>(tx: Sql, query: string, values: string[], extra: Array<string | number | boolean> = []): Promise<T[]> {
  const out: T[] = [];
  for (const part of chunks(values)) out.push(...(await tx.all<T>(query.replace("IN_LIST", `IN (${marks(part.length)})`), [...part, ...extra])));
  return out;
}

const PARTY_LOCK = "SELECT pg_advisory_xact_lock(hashtext('policykb:parties'))";

/**
 * Party ids for the mentions of one document, in a handful of queries: known
 * aliases first, then canonical names (created when new), then the aliases of
 * the shipped table. Relative names (省经信委) are never stored as global
 * aliases: their party depends on the issuing jurisdiction.
 */
export async function resolveParties(tx: Sql, mentions: string[], jurisdiction: Jurisdiction): Promise<Map<string, number>> {
  const postgres = tx.provider === "postgres";
  const out = new Map<string, number>();
  const aliasesOf = (names: string[]) => selectIn<{ alias: string; partyId: number }>(tx, `SELECT "alias", "partyId" FROM "PartyAlias" WHERE "alias" IN_LIST`, names);
  const partiesNamed = (names: string[]) => selectIn<{ id: number; name: string }>(tx, `SELECT "id", "name" FROM "Party" WHERE "name" IN_LIST`, names);
  for (const a of await aliasesOf(mentions.filter((m) => !RELATIVE.test(m)))) out.set(a.alias, a.partyId);
  const pending = mentions.filter((m) => !out.has(m));
  if (!pending.length) return out;
  const canonical = new Map(pending.map((m) => [m, canonicalParty(m, jurisdiction)]));
  const names = [...new Set([...canonical.values()].map((c) => c.name))];
  const byName = new Map<string, number>();
  for (const p of await partiesNamed(names)) byName.set(p.name, p.id);
  for (const a of await aliasesOf(names)) if (!byName.has(a.alias)) byName.set(a.alias, a.partyId);
  let missing = [...new Map([...canonical.values()].filter((c) => !byName.has(c.name)).map((c) => [c.name, c])).values()];
  if (missing.length && postgres) {
    // Another server may be creating the same parties right now: take turns, then look again.
    await tx.run(PARTY_LOCK);
    for (const p of await partiesNamed(missing.map((c) => c.name))) byName.set(p.name, p.id);
    missing = missing.filter((c) => !byName.has(c.name));
  }
  for (const p of await tx.insert<{ id: number; name: string }>("Party", ["name", "kind"], missing.map((c) => ({ name: c.name, kind: c.kind })), ["id", "name"])) {
    byName.set(p.name, Number(p.id));
  }
  const created = new Set(missing.map((c) => c.name));
  const aliasRows: Array<{ alias: string; partyId: number; source: string }> = [];
  for (const [mention, c] of canonical) {
    const partyId = byName.get(c.name)!;
    out.set(mention, partyId);
    // A party found by name already has its table aliases; a mention that is not one yet becomes one.
    for (const alias of created.has(c.name) ? c.aliases : [mention]) {
      if (RELATIVE.test(alias) && alias !== c.name) continue;
      aliasRows.push({ alias, partyId, source: alias === mention ? "document" : "table" });
    }
  }
  const wanted = [...new Map(aliasRows.map((a) => [a.alias, a])).values()];
  if (postgres && wanted.length) await tx.run(PARTY_LOCK);
  const known = new Set((await aliasesOf(wanted.map((a) => a.alias))).map((a) => a.alias));
  await tx.insert("PartyAlias", ["alias", "partyId", "source"], wanted.filter((a) => !known.has(a.alias)));
  return out;
}

/** Stored current documents a reference names, by exact 文号 or title (never a substring). */
async function resolveReferences(tx: Sql, refs: ParseResult["doc"]["references"], slug: string): Promise<Map<string, number>> {
  const numbers = [...new Set(refs.flatMap((r) => (r.docNumber ? [r.docNumber] : [])))];
  const titles = [...new Set(refs.flatMap((r) => (r.title ? [compact(r.title)] : [])))];
  const found = new Map<string, number>();
  // Current and other-slug rows are picked here, not in SQL: given those conditions, SQLite's planner
  // (no statistics) scans the isCurrent index instead of looking the titles up, which grows with the library.
  type Row = { id: number; key: string; isCurrent: boolean | number; slug: string };
  const pick = (rows: Row[], prefix: string) => {
    for (const d of rows) if (d.isCurrent && d.slug !== slug) found.set(prefix + d.key, d.id);
  };
  pick(await selectIn<Row>(tx, `SELECT "id", "docNumber" AS "key", "isCurrent", "slug" FROM "Document" WHERE "docNumber" IN_LIST`, numbers), "n:");
  pick(await selectIn<Row>(tx, `SELECT "id", "title" AS "key", "isCurrent", "slug" FROM "Document" WHERE "title" IN_LIST`, titles), "t:");
  return found;
}

async function provisionCount(tx: Sql, documentId: number): Promise<number> {
  const [row] = await tx.all<{ n: number | bigint }>(`SELECT COUNT(*) AS "n" FROM "Provision" WHERE "documentId" = ?`, [documentId]);
  return Number(row?.n ?? 0);
}

/** Stores one parsed document in one transaction. */
export async function storeDocument(input: StoreInput): Promise<StoreOutcome> {
  await dbReady();
  const { result, sourceName } = input;
  const doc = result.doc;
  const newlyResolved = new Map<string, number>();
  const outcome = await writeTransaction(async (tx) => {
    const postgres = tx.provider === "postgres";
    // Two servers ingesting the same slug at once take turns (PostgreSQL; SQLite writes one at a time anyway).
    if (postgres) await tx.run("SELECT pg_advisory_xact_lock(hashtext(?))", [`policykb:document:${input.slug}`]);
    let slug = input.slug;
    const unchanged = async (found: StoredVersion): Promise<StoreOutcome> => ({ status: "unchanged", slug, version: found.version, documentId: found.id, provisions: await provisionCount(tx, found.id), parties: 0, links: 0 });
    if (input.restore) {
      const [same] = await tx.all<StoredVersion>(`SELECT "id", "version", "contentHash" FROM "Document" WHERE "slug" = ? AND "version" = ?`, [slug, input.restore.version]);
      if (same) {
        if (same.contentHash !== input.contentHash) throw new Error(`${slug} version ${input.restore.version} is already stored with other content`);
        return unchanged(same);
      }
      if (input.restore.isCurrent) await tx.run(`UPDATE "Document" SET "isCurrent" = ? WHERE "slug" = ? AND "isCurrent" = ?`, [false, slug, true]);
    }
    let version = input.restore?.version ?? 1;
    let isCurrent = input.restore?.isCurrent ?? true;
    let placed: StoreOutcome["placed"];
    let existed = false;
    if (!input.restore) {
      const place = await placeVersion(tx, { slug, doc, sourceText: result.sourceText, contentHash: input.contentHash, matchTitle: input.matchTitle ?? false });
      slug = place.slug;
      if (place.unchanged) return unchanged(place.unchanged);
      ({ version, isCurrent, existed } = place);
      placed = { as: place.as, byTitle: place.byTitle };
    }
    const [created] = await tx.insert<{ id: number }>(
      "Document",
      ["slug", "version", "isCurrent", "title", "kind", "issuer", "docNumber", "addressees", "issuedAt", "effectiveFrom", "effectiveUntil", "interpreter", "sourceName", "contentHash", "sourceText", "messages", "importedAt"],
      [{
        slug,
        version,
        isCurrent,
        title: doc.title,
        kind: doc.kind,
        issuer: doc.issuer,
        docNumber: doc.docNumber,
        addressees: JSON.stringify(doc.addressees),
        issuedAt: doc.issuedAt,
        effectiveFrom: doc.effectiveFrom,
        effectiveUntil: doc.effectiveUntil,
        interpreter: doc.interpreter,
        sourceName,
        contentHash: input.contentHash,
        sourceText: result.sourceText,
        messages: JSON.stringify(result.messages),
        importedAt: input.restore?.importedAt ?? new Date(),
      }],
      ["id"],
    );
    const documentId = Number(created!.id);
    const depthOf = new Map<string, number>();
    const rows = doc.provisions.map((p, order) => {
      const depth = p.parent ? (depthOf.get(p.parent) ?? 0) + 1 : 0;
      depthOf.set(p.id, depth);
      return { documentId, eid: p.id, parentEid: p.parent, order, depth, label: p.label, heading: p.heading, role: p.role, citation: p.citation, text: p.text, start: p.start, end: p.end };
    });
    const stored = await tx.insert<{ id: number | bigint; eid: string }>("Provision", ["documentId", "eid", "parentEid", "order", "depth", "label", "heading", "role", "citation", "text", "start", "end"], rows, ["id", "eid"]);
    const provisionId = new Map(stored.map((p) => [p.eid, Number(p.id)]));
    const pid = (eid: string | null) => (eid ? provisionId.get(eid) ?? null : null);

    const jurisdiction = jurisdictionOf(doc.issuer);
    const mentions = [...new Set(doc.responsibilities.map((r) => r.party))];
    const cacheKey = (m: string) => `${jurisdiction.name ?? ""}|${m}`;
    const cache = input.partyCache;
    const partyOf = new Map<string, number>();
    for (const m of mentions) {
      const id = cache?.get(cacheKey(m));
      if (id !== undefined) partyOf.set(m, id);
    }
    for (const [m, id] of await resolveParties(tx, mentions.filter((m) => !partyOf.has(m)), jurisdiction)) {
      partyOf.set(m, id);
      newlyResolved.set(cacheKey(m), id);
    }
    const partyNames = new Map<string, string>();
    const nameOf = new Map<number, string>();
    for (const part of chunks([...new Set(partyOf.values())])) {
      for (const p of await tx.all<{ id: number; name: string }>(`SELECT "id", "name" FROM "Party" WHERE "id" IN (${marks(part.length)})`, part)) nameOf.set(Number(p.id), p.name);
    }
    for (const [m, id] of partyOf) partyNames.set(m, nameOf.get(id)!);
    await tx.insert("Responsibility", ["documentId", "provisionId", "partyId", "mention", "role", "text", "start", "end"],
      doc.responsibilities.map((r) => ({ documentId, provisionId: pid(r.provision), partyId: partyOf.get(r.party)!, mention: r.party, role: r.role, text: r.text, start: r.start, end: r.end })));
    await tx.insert("Deadline", ["documentId", "provisionId", "text", "date", "kind", "start", "end"],
      doc.deadlines.map((d) => ({ documentId, provisionId: pid(d.provision), text: d.text, date: d.date, kind: d.kind, start: d.start, end: d.end })));
    await tx.insert("Target", ["documentId", "provisionId", "subject", "value", "unit", "comparator", "baseline", "deadline", "verb", "serves", "text", "start", "end"],
      doc.targets.map((t) => ({ documentId, provisionId: pid(t.provision), subject: t.subject, value: t.value, unit: t.unit, comparator: t.comparator, baseline: t.baseline, deadline: t.deadline, verb: t.verb ?? null, serves: JSON.stringify(t.serves ?? []), text: t.text, start: t.start, end: t.end })));
    const links = doc.links.flatMap((l) => {
      const fromId = pid(l.from);
      const toId = pid(l.to);
      return fromId && toId ? [{ documentId, fromId, toId, kind: l.kind, score: l.score, why: l.why, method: l.method }] : [];
    });
    await tx.insert("Link", ["documentId", "fromId", "toId", "kind", "score", "why", "method"], links);

    // References: resolved only by an exact title or 文号 of a stored current document.
    const resolved = await resolveReferences(tx, doc.references, slug);
    await tx.insert("Reference", ["documentId", "provisionId", "citedTitle", "citedNumber", "resolvedDocumentId", "relation", "text", "start", "end"],
      doc.references.map((ref) => ({
        documentId,
        provisionId: pid(ref.provision),
        citedTitle: ref.title,
        citedNumber: ref.docNumber,
        resolvedDocumentId: (ref.docNumber ? resolved.get(`n:${ref.docNumber}`) : undefined) ?? (ref.title ? resolved.get(`t:${compact(ref.title)}`) : undefined) ?? null,
        relation: ref.relation ?? null,
        text: ref.text,
        start: ref.start,
        end: ref.end,
      })));
    // Earlier references to this document (or its older version) now resolve to it, when it is the current version.
    const titleKey = doc.title ? compact(doc.title) : null;
    const cited = [...(titleKey ? [`"citedTitle" = ?`] : []), ...(doc.docNumber ? [`"citedNumber" = ?`] : [])];
    if (cited.length && isCurrent) {
      await tx.run(
        `UPDATE "Reference" SET "resolvedDocumentId" = ? WHERE "documentId" <> ? AND (${cited.join(" OR ")}) AND "documentId" IN (SELECT "id" FROM "Document" WHERE "slug" <> ?)`,
        [documentId, documentId, ...(titleKey ? [titleKey] : []), ...(doc.docNumber ? [doc.docNumber] : []), slug],
      );
    }
    const corrected = (await tx.all(`SELECT 1 AS "one" FROM "Correction" WHERE "slug" = ? LIMIT 1`, [slug])).length > 0;
    return { status: existed ? "updated" : "added", slug, version, documentId, provisions: stored.length, parties: partyOf.size, links: links.length, written: { provisionIds: provisionId, partyNames, corrected }, ...(placed ? { placed } : {}) } satisfies StoreOutcome;
  });
  for (const [key, id] of newlyResolved) input.partyCache?.set(key, id);
  return outcome;
}
