/**
 * Corrections in the ledger's facts: for each loaded document that has
 * corrections, its provisions' roles, responsibilities and deadlines are
 * replaced by the corrected ones (documents.ts getCorrectedDocument, the same
 * rules as every other read). Tasks, deadlines and party ledgers all read
 * through loadLedgerFacts, so they all see the corrections.
 */
import { dbReady } from "./client";
import { correctedSlugs } from "./correction-rows";
import { getCorrectedDocument } from "./documents";
import type { LedgerDeadline, LedgerFacts, LedgerResponsibility } from "./ledger-source";
import { partyNamesOf } from "./party-names";
import { isResponsibilityRole } from "../parser";

/** Applies the stored corrections to ledger facts just loaded (in place). */
export async function correctLedgerFacts(facts: LedgerFacts): Promise<void> {
  if (!facts.documents.size) return;
  const corrected = await correctedSlugs();
  const hit = [...facts.documents.values()].filter((d) => corrected.has(d.slug));
  if (!hit.length) return;
  const client = await dbReady();
  const versions = new Map((await client.document.findMany({ where: { id: { in: hit.map((d) => d.id) } }, select: { id: true, version: true } })).map((d) => [d.id, d.version]));
  for (const d of hit) {
    const found = await getCorrectedDocument(d.slug, versions.get(d.id));
    if (!found) continue;
    const doc = found.document;
    const inDoc = facts.byEid.get(d.id) ?? new Map();
    for (const p of doc.provisions) {
      const row = inDoc.get(p.id);
      if (row && row.role !== p.role) row.role = p.role;
    }
    // Canonical names of the mentions the ledger already had, and of any a correction wrote.
    const names = new Map<string, string>();
    const before: LedgerResponsibility[] = [...(facts.documentResponsibilities.get(d.id) ?? [])];
    for (const row of inDoc.values()) before.push(...(facts.responsibilities.get(row.id) ?? []));
    for (const r of before) names.set(r.mention, r.party);
    for (const [mention, name] of await partyNamesOf(doc.responsibilities.map((r) => r.party).filter((m) => !names.has(m)), doc.issuer)) names.set(mention, name);

    for (const row of inDoc.values()) {
      facts.responsibilities.delete(row.id);
      facts.deadlines.delete(row.id);
    }
    facts.documentResponsibilities.delete(d.id);
    facts.documentDeadlines.delete(d.id);
    const provisionId = (eid: string | null) => (eid ? (inDoc.get(eid)?.id ?? null) : null);
    const push = <T>(byProvision: Map<number, T[]>, byDocument: Map<number, T[]>, id: number | null, value: T) => {
      const map = id === null ? byDocument : byProvision;
      const key = id === null ? d.id : id;
      map.set(key, [...(map.get(key) ?? []), value]);
    };
    for (const r of [...doc.responsibilities].sort((a, b) => a.start - b.start)) {
      const id = provisionId(r.provision);
      const row: LedgerResponsibility = { provisionId: id, documentId: d.id, party: names.get(r.party) ?? r.party, mention: r.party, role: isResponsibilityRole(r.role) ? r.role : "responsible", words: r.text, ...("corrected" in r ? { corrected: true } : {}) };
      push(facts.responsibilities, facts.documentResponsibilities, id, row);
    }
    for (const x of [...doc.deadlines].sort((a, b) => a.start - b.start)) {
      const id = provisionId(x.provision);
      const row: LedgerDeadline = { provisionId: id, documentId: d.id, text: x.text, date: x.date, kind: x.kind, ...("corrected" in x ? { corrected: true } : {}) };
      push(facts.deadlines, facts.documentDeadlines, id, row);
    }
  }
}
