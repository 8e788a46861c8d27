/**
 * Storing one parsed document, all or nothing, in one transaction: the
 * document, its provisions, parties (canonical, with aliases),
 * responsibilities, deadlines, targets, references and links. The same
 * content twice changes nothing; changed content for a slug becomes a new
 * version and the old one stays, so its provision ids still resolve.
 */
import { createHash } from "node:crypto";
import type { ParseResult } from "../parser";
import { PARSER_VERSION } from "../parser/version";
import { canonicalParty, jurisdictionOf, type Jurisdiction } from "../parties/resolve";
import { dbTarget, type Db } from "./client";
import { insertRows, insertRowsReturning } from "./bulk";

const dbTargetProvider = () => dbTarget().provider;

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export type StoreStatus = "added" | "unchanged" | "updated";

export interface StoreOutcome {
  status: StoreStatus;
  slug: string;
  version: number;
  documentId: number;
  provisions: number;
  parties: number;
  links: number;
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
}

/** sha256 of a file's bytes and the parser version, hex: the same bytes parsed the same way are the same content. */
export function contentHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).update(`\u0000parser:${PARSER_VERSION}`).digest("hex");
}

const compact = (s: string) => s.replace(/\s+/g, "");

const RELATIVE = /^(?:省|市|区|县|自治区)/;

/** Splits a list for `IN (…)` queries (SQLite allows a limited number of parameters). */
export function chunks<T>(items: T[], size = 400): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Party ids for the mentions of one document, in a handful of queries: known
 * aliases first, then canonical names (created when new), then the aliases of
 * the shipped table. Relative names (省经信委) are never stored as global
 * aliases: their party depends on the issuing jurisdiction.
 */
async function resolveParties(tx: Tx, mentions: string[], jurisdiction: Jurisdiction, postgres: boolean): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const absolute = mentions.filter((m) => !RELATIVE.test(m));
  for (const part of chunks(absolute)) {
    for (const a of await tx.partyAlias.findMany({ where: { alias: { in: part } }, select: { alias: true, partyId: true } })) out.set(a.alias, a.partyId);
  }
  const pending = mentions.filter((m) => !out.has(m));
  if (!pending.length) return out;
  const canonical = new Map(pending.map((m) => [m, canonicalParty(m, jurisdiction)]));
  const names = [...new Set([...canonical.values()].map((c) => c.name))];
  const byName = new Map<string, number>();
  for (const part of chunks(names)) {
    for (const p of await tx.party.findMany({ where: { name: { in: part } }, select: { id: true, name: true } })) byName.set(p.name, p.id);
    for (const a of await tx.partyAlias.findMany({ where: { alias: { in: part } }, select: { alias: true, partyId: true } })) if (!byName.has(a.alias)) byName.set(a.alias, a.partyId);
  }
  let missing = [...new Map([...canonical.values()].filter((c) => !byName.has(c.name)).map((c) => [c.name, c])).values()];
  if (missing.length && postgres) {
    // Another server may be creating the same parties right now: take turns, then look again.
    await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(hashtext('policykb:parties'))");
    for (const part of chunks(missing.map((c) => c.name))) {
      for (const p of await tx.party.findMany({ where: { name: { in: part } }, select: { id: true, name: true } })) byName.set(p.name, p.id);
    }
    missing = missing.filter((c) => !byName.has(c.name));
  }
  if (missing.length) {
    await tx.party.createMany({ data: missing.map((c) => ({ name: c.name, kind: c.kind })) });
    for (const part of chunks(missing.map((c) => c.name))) {
      for (const p of await tx.party.findMany({ where: { name: { in: part } }, select: { id: true, name: true } })) byName.set(p.name, p.id);
    }
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
  if (postgres && wanted.length) await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(hashtext('policykb:parties'))");
  const known = new Set<string>();
  for (const part of chunks(wanted.map((a) => a.alias))) {
    for (const a of await tx.partyAlias.findMany({ where: { alias: { in: part } }, select: { alias: true } })) known.add(a.alias);
  }
  const fresh = wanted.filter((a) => !known.has(a.alias));
  if (fresh.length) await tx.partyAlias.createMany({ data: fresh });
  return out;
}

/** Stored current documents a reference names, by exact 文号 or title (never a substring). */
async function resolveReferences(tx: Tx, refs: ParseResult["doc"]["references"], slug: string): Promise<Map<string, number>> {
  const numbers = [...new Set(refs.flatMap((r) => (r.docNumber ? [r.docNumber] : [])))];
  const titles = [...new Set(refs.flatMap((r) => (r.title ? [compact(r.title)] : [])))];
  const found = new Map<string, number>();
  for (const part of chunks(numbers)) {
    for (const d of await tx.document.findMany({ where: { docNumber: { in: part }, isCurrent: true, NOT: { slug } }, select: { id: true, docNumber: true } })) found.set(`n:${d.docNumber}`, d.id);
  }
  for (const part of chunks(titles)) {
    for (const d of await tx.document.findMany({ where: { title: { in: part }, isCurrent: true, NOT: { slug } }, select: { id: true, title: true } })) found.set(`t:${d.title}`, d.id);
  }
  return found;
}

/** Stores one parsed document in one transaction. */
export async function storeDocument(client: Db, input: StoreInput): Promise<StoreOutcome> {
  const { result, slug, sourceName } = input;
  const doc = result.doc;
  const postgres = dbTargetProvider() === "postgres";
  const newlyResolved = new Map<string, number>();
  const outcome = await client.$transaction(
    async (tx) => {
      // Two servers ingesting the same slug at once take turns (PostgreSQL; SQLite writes one at a time anyway).
      if (postgres) await tx.$executeRawUnsafe("SELECT pg_advisory_xact_lock(hashtext($1))", `policykb:document:${slug}`);
      if (input.restore) {
        const same = await tx.document.findUnique({ where: { slug_version: { slug, version: input.restore.version } }, select: { id: true, contentHash: true } });
        if (same) {
          if (same.contentHash !== input.contentHash) throw new Error(`${slug} version ${input.restore.version} is already stored with other content`);
          const provisions = await tx.provision.count({ where: { documentId: same.id } });
          return { status: "unchanged", slug, version: input.restore.version, documentId: same.id, provisions, parties: 0, links: 0 } satisfies StoreOutcome;
        }
        if (input.restore.isCurrent) await tx.document.updateMany({ where: { slug, isCurrent: true }, data: { isCurrent: false } });
      }
      const current = input.restore ? null : await tx.document.findFirst({ where: { slug, isCurrent: true }, select: { id: true, version: true, contentHash: true } });
      if (current && current.contentHash === input.contentHash) {
        const provisions = await tx.provision.count({ where: { documentId: current.id } });
        return { status: "unchanged", slug, version: current.version, documentId: current.id, provisions, parties: 0, links: 0 } satisfies StoreOutcome;
      }
      let version = input.restore?.version ?? 1;
      if (current) {
        await tx.document.update({ where: { id: current.id }, data: { isCurrent: false } });
        const newest = await tx.document.aggregate({ where: { slug }, _max: { version: true } });
        version = (newest._max.version ?? current.version) + 1;
      }
      const created = await tx.document.create({
        data: {
          slug,
          version,
          isCurrent: input.restore?.isCurrent ?? true,
          ...(input.restore ? { importedAt: input.restore.importedAt } : {}),
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
        },
        select: { id: true },
      });
      const documentId = created.id;
      const depthOf = new Map<string, number>();
      const rows = doc.provisions.map((p, order) => {
        const depth = p.parent ? (depthOf.get(p.parent) ?? 0) + 1 : 0;
        depthOf.set(p.id, depth);
        return { documentId, eid: p.id, parentEid: p.parent, order, depth, label: p.label, heading: p.heading, role: p.role, citation: p.citation, text: p.text, start: p.start, end: p.end };
      });
      const provider = postgres ? "postgres" : "sqlite";
      const stored = rows.length
        ? await insertRowsReturning<{ id: number | bigint; eid: string }>(tx, provider, "Provision", ["documentId", "eid", "parentEid", "order", "depth", "label", "heading", "role", "citation", "text", "start", "end"], rows, ["id", "eid"])
        : [];
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
      for (const [m, id] of await resolveParties(tx, mentions.filter((m) => !partyOf.has(m)), jurisdiction, postgres)) {
        partyOf.set(m, id);
        newlyResolved.set(cacheKey(m), id);
      }
      const responsibilities = doc.responsibilities.map((r) => ({ documentId, provisionId: pid(r.provision), partyId: partyOf.get(r.party)!, mention: r.party, role: r.role, text: r.text, start: r.start, end: r.end }));
      await insertRows(tx, provider, "Responsibility", ["documentId", "provisionId", "partyId", "mention", "role", "text", "start", "end"], responsibilities);
      await insertRows(tx, provider, "Deadline", ["documentId", "provisionId", "text", "date", "kind", "start", "end"], doc.deadlines.map((d) => ({ documentId, provisionId: pid(d.provision), text: d.text, date: d.date, kind: d.kind, start: d.start, end: d.end })));
      await insertRows(
        tx, provider, "Target", ["documentId", "provisionId", "subject", "value", "unit", "comparator", "baseline", "deadline", "text", "start", "end"],
        doc.targets.map((t) => ({ documentId, provisionId: pid(t.provision), subject: t.subject, value: t.value, unit: t.unit, comparator: t.comparator, baseline: t.baseline, deadline: t.deadline, text: t.text, start: t.start, end: t.end })),
      );
      const links = doc.links.flatMap((l) => {
        const fromId = pid(l.from);
        const toId = pid(l.to);
        return fromId && toId ? [{ documentId, fromId, toId, kind: l.kind, score: l.score, why: l.why, method: l.method }] : [];
      });
      await insertRows(tx, provider, "Link", ["documentId", "fromId", "toId", "kind", "score", "why", "method"], links);

      // References: resolved only by an exact title or 文号 of a stored current document.
      const resolved = await resolveReferences(tx, doc.references, slug);
      const references = doc.references.map((ref) => ({
        documentId,
        provisionId: pid(ref.provision),
        citedTitle: ref.title,
        citedNumber: ref.docNumber,
        resolvedDocumentId: (ref.docNumber ? resolved.get(`n:${ref.docNumber}`) : undefined) ?? (ref.title ? resolved.get(`t:${compact(ref.title)}`) : undefined) ?? null,
        text: ref.text,
        start: ref.start,
        end: ref.end,
      }));
      await insertRows(tx, provider, "Reference", ["documentId", "provisionId", "citedTitle", "citedNumber", "resolvedDocumentId", "text", "start", "end"], references);
      // Earlier references to this document (or its older version) now resolve to it.
      const titleKey = doc.title ? compact(doc.title) : null;
      const or = [...(titleKey ? [{ citedTitle: titleKey }] : []), ...(doc.docNumber ? [{ citedNumber: doc.docNumber }] : [])];
      if (or.length) {
        await tx.reference.updateMany({ where: { documentId: { not: documentId }, OR: or, document: { slug: { not: slug } } }, data: { resolvedDocumentId: documentId } });
      }
      return { status: current ? "updated" : "added", slug, version, documentId, provisions: stored.length, parties: partyOf.size, links: links.length } satisfies StoreOutcome;
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
  for (const [key, id] of newlyResolved) input.partyCache?.set(key, id);
  return outcome;
}
