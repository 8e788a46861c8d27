/** A compact, readable view of a parse for fixture files: what a reader checks by eye. */
import type { PolicyDoc } from "../../lib/parser";

export function summarize(doc: PolicyDoc) {
  const byId = new Map(doc.provisions.map((p) => [p.id, p]));
  const path = (id: string | null): string[] => {
    if (!id) return [];
    const p = byId.get(id);
    if (!p) return [];
    return [...path(p.parent), p.label ?? `[${p.heading ?? ""}]`];
  };
  return {
    meta: { title: doc.title, kind: doc.kind, issuer: doc.issuer, docNumber: doc.docNumber, addressees: doc.addressees, issuedAt: doc.issuedAt, effectiveFrom: doc.effectiveFrom, effectiveUntil: doc.effectiveUntil, interpreter: doc.interpreter },
    provisions: doc.provisions.map((p) => `${path(p.id).join(" › ")} | ${p.id} | ${p.heading ?? "-"} | ${p.role} | ${p.citation}`),
    responsibilities: doc.responsibilities.map((r) => `${r.provision ?? "-"} | ${r.party} | ${r.role}`),
    deadlines: doc.deadlines.map((d) => `${d.provision ?? "-"} | ${d.text} | ${d.date} | ${d.kind}`),
    targets: doc.targets.map((t) => `${t.provision ?? "-"} | ${t.value} ${t.unit} | ${t.comparator ?? "-"} | ${t.subject}`),
  };
}
