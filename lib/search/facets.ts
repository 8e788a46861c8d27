/**
 * Filters and facets: whether an entry passes a query's filters, and how
 * many matches have each value of each facet (kind, issuer, year, role,
 * party, status, document), each facet counted with the other filters
 * applied — so choosing a value shows what the others would leave.
 */
import type { Role } from "../parser";
import { documentYear, validityStatus } from "../status";
import type { Entries } from "./entries";
import type { Facet, FacetName, SearchFilters } from "./types";

const FACETS: FacetName[] = ["kind", "issuer", "year", "role", "party", "status", "doc"];

export const emptyFacets = (): Record<FacetName, Facet[]> => ({ kind: [], issuer: [], year: [], role: [], party: [], status: [], doc: [] });

/** Whether any filter has a value. */
export function hasFilters(f: SearchFilters): boolean {
  return Object.values(f).some((v) => Array.isArray(v) && v.length > 0);
}

/** Repealed documents (slug → the day, "" when not known): a status is 已废止 from then (lib/db/relations.ts). */
export type Repeals = ReadonlyMap<string, string>;

const statusOf = (doc: ReturnType<Entries["fields"]>, today: string, repeals?: Repeals) => validityStatus({ ...doc, repealedOn: repeals?.get(doc.document) }, today);

/** Whether an entry passes every filter (`today` and `repeals` decide validity status). */
export function passes(e: Entries, slot: number, f: SearchFilters, today: string, repeals?: Repeals): boolean {
  const doc = e.fields(slot);
  if (f.doc?.length && !f.doc.includes(doc.document)) return false;
  if (f.kind?.length && !f.kind.includes(doc.kind ?? "")) return false;
  if (f.issuer?.length && !f.issuer.includes(doc.issuer ?? "")) return false;
  if (f.role?.length && !f.role.includes(e.role(slot))) return false;
  if (f.year?.length && !f.year.includes(documentYear(doc) ?? -1)) return false;
  if (f.party?.length) {
    const parties = e.parties(slot);
    if (!f.party.some((p) => parties.includes(p))) return false;
  }
  if (f.status?.length && !f.status.includes(statusOf(doc, today, repeals))) return false;
  return true;
}

function facetValues(e: Entries, slot: number, name: FacetName, today: string, repeals?: Repeals): string[] {
  const r = { doc: e.fields(slot) };
  switch (name) {
    case "kind":
      return r.doc.kind ? [r.doc.kind] : [];
    case "issuer":
      return r.doc.issuer ? [r.doc.issuer] : [];
    case "year": {
      const y = documentYear(r.doc);
      return y ? [String(y)] : [];
    }
    case "role":
      return [e.role(slot) satisfies Role];
    case "party":
      return e.parties(slot);
    case "status":
      return [statusOf(r.doc, today, repeals)];
    case "doc":
      return [r.doc.document];
  }
}

/** Counts per value of every facet over the matched slots, most frequent first. */
export function facetCounts(entries: Entries, matched: number[], filters: SearchFilters, today: string, repeals?: Repeals): Record<FacetName, Facet[]> {
  const out = emptyFacets();
  for (const name of FACETS) {
    const key = name as keyof SearchFilters;
    const others: SearchFilters = { ...filters, [key]: undefined };
    const counts = new Map<string, number>();
    for (const slot of matched) {
      if (!entries.has(slot) || !passes(entries, slot, others, today, repeals)) continue;
      for (const v of facetValues(entries, slot, name, today, repeals)) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    out[name] = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
  return out;
}
