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
}

/** sha256 of a file's bytes and the parser version, hex: the same bytes parsed the same way are the same content. */
export function contentHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).update(`\u0000parser:${PARSER_VERSION}`).digest("hex");
}

const compact = (s: string) => s.replace(/\s+/g, "");

/** Finds or creates the party of a mention; relative names (省经信委) are not stored as global aliases. */
async function partyFor(tx: Tx, mention: string, jurisdiction: Jurisdiction, cache: Map<string, number>): Promise<number> {
  const cached = cache.get(mention);
  if (cached !== undefined) return cached;
  const relative = /^(?:省|市|区|县|自治区)/.test(mention);
  if (!relative) {
    const alias = await tx.partyAlias.findUnique({ where: { alias: mention }, select: { partyId: true } });
    if (alias) {
      cache.set(mention, alias.partyId);
      return alias.partyId;
    }
  }
  const canonical = canonicalParty(mention, jurisdiction);
  let party = await tx.party.findUnique({ where: { name: canonical.name }, select: { id: true } });
  if (!party) {
    const viaAlias = await tx.partyAlias.findUnique({ where: { alias: canonical.name }, select: { partyId: true } });
    // An upsert, so that two ingests creating the same party at once both end with the one row.
    party = viaAlias ? { id: viaAlias.partyId } : await tx.party.upsert({ where: { name: canonical.name }, create: { name: canonical.name, kind: canonical.kind }, update: {}, select: { id: true } });
  }
  for (const alias of canonical.aliases) {
    if (/^(?:省|市|区|县|自治区)/.test(alias) && alias !== canonical.name) continue;
    await tx.partyAlias.upsert({ where: { alias }, create: { alias, partyId: party.id, source: alias === mention ? "document" : "table" }, update: {} });
  }
  cache.set(mention, party.id);
  return party.id;
}

/** Stores one parsed document in one transaction. */
export async function storeDocument(client: Db, input: StoreInput): Promise<StoreOutcome> {
  const { result, slug, sourceName } = input;
  const doc = result.doc;
  const postgres = dbTargetProvider() === "postgres";
  return client.$transaction(
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
      const stored = rows.length ? await tx.provision.createManyAndReturn({ data: rows, select: { id: true, eid: true } }) : [];
      const provisionId = new Map(stored.map((p) => [p.eid, p.id]));
      const pid = (eid: string | null) => (eid ? provisionId.get(eid) ?? null : null);

      const jurisdiction = jurisdictionOf(doc.issuer);
      const cache = new Map<string, number>();
      const responsibilities = [];
      for (const r of doc.responsibilities) {
        const partyId = await partyFor(tx, r.party, jurisdiction, cache);
        responsibilities.push({ documentId, provisionId: pid(r.provision), partyId, mention: r.party, role: r.role, text: r.text, start: r.start, end: r.end });
      }
      if (responsibilities.length) await tx.responsibility.createMany({ data: responsibilities });
      if (doc.deadlines.length) {
        await tx.deadline.createMany({ data: doc.deadlines.map((d) => ({ documentId, provisionId: pid(d.provision), text: d.text, date: d.date, kind: d.kind, start: d.start, end: d.end })) });
      }
      if (doc.targets.length) {
        await tx.target.createMany({
          data: doc.targets.map((t) => ({ documentId, provisionId: pid(t.provision), subject: t.subject, value: t.value, unit: t.unit, comparator: t.comparator, baseline: t.baseline, deadline: t.deadline, text: t.text, start: t.start, end: t.end })),
        });
      }
      const links = doc.links.flatMap((l) => {
        const fromId = pid(l.from);
        const toId = pid(l.to);
        return fromId && toId ? [{ documentId, fromId, toId, kind: l.kind, score: l.score, why: l.why, method: l.method }] : [];
      });
      if (links.length) await tx.link.createMany({ data: links });

      // References: resolved only by an exact title or 文号 of a stored current document.
      const references = [];
      for (const ref of doc.references) {
        let resolved: { id: number } | null = null;
        if (ref.docNumber) resolved = await tx.document.findFirst({ where: { docNumber: ref.docNumber, isCurrent: true, NOT: { slug } }, select: { id: true } });
        if (!resolved && ref.title) resolved = await tx.document.findFirst({ where: { title: compact(ref.title), isCurrent: true, NOT: { slug } }, select: { id: true } });
        references.push({ documentId, provisionId: pid(ref.provision), citedTitle: ref.title, citedNumber: ref.docNumber, resolvedDocumentId: resolved?.id ?? null, text: ref.text, start: ref.start, end: ref.end });
      }
      if (references.length) await tx.reference.createMany({ data: references });
      // Earlier references to this document (or its older version) now resolve to it.
      const titleKey = doc.title ? compact(doc.title) : null;
      const or = [...(titleKey ? [{ citedTitle: titleKey }] : []), ...(doc.docNumber ? [{ citedNumber: doc.docNumber }] : [])];
      if (or.length) {
        await tx.reference.updateMany({ where: { documentId: { not: documentId }, OR: or, document: { slug: { not: slug } } }, data: { resolvedDocumentId: documentId } });
      }
      return { status: current ? "updated" : "added", slug, version, documentId, provisions: stored.length, parties: cache.size, links: links.length } satisfies StoreOutcome;
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
}
