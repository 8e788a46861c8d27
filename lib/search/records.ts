/**
 * What the search index holds per provision (of current document versions):
 * its words, and what hits and filters need — document fields, citation,
 * breadcrumb, role, parties. Made from the documents lib/db/index-source.ts
 * reads (or builds from a parse just stored).
 */
import { RESPONSIBILITY_ROLES, ROLES, type Role } from "../parser";
import { loadIndexedDocuments, currentSlugs, type IndexedDocument, type IndexedProvision } from "../db/index-source";
import type { Crumb } from "./types";

export interface SearchRecord {
  /** The provision's row id in the store (where its text is read for snippets when the engine keeps only folded text). */
  id: number;
  document: string;
  documentTitle: string | null;
  kind: string | null;
  issuer: string | null;
  issuedAt: string | null;
  effectiveFrom: string | null;
  effectiveUntil: string | null;
  provision: string;
  label: string | null;
  heading: string | null;
  citation: string;
  role: Role;
  text: string;
  breadcrumb: Crumb[];
  /** Canonical names of the parties of this provision. */
  parties: string[];
  /** Each responsibility: the name as written, its canonical party, its role. */
  partyRoles: Array<{ mention: string; name: string; role: string }>;
  /** Headings of its ancestors: a provision under （四）多措并举降成本 is about 降成本 too. */
  context: string;
  /** ISO dates of its deadlines (a query 2019年底 finds 2019年12月底前). */
  dates: string[];
}

/** A provision as the engine keeps and persists it: as stored, with its folded text and heading when the engine keeps only those. */
export interface FoldedProvision extends IndexedProvision {
  folded?: string;
  /** The folded heading ("" for none). */
  foldedHeading?: string;
}

export type FoldedDocument = Omit<IndexedDocument, "provisions"> & { provisions: FoldedProvision[] };

/** Search records of the current version of the given documents (all when `slugs` is null), loaded in batches. */
export async function loadRecords(slugs: string[] | null): Promise<Array<{ slug: string; version: number; records: SearchRecord[] }>> {
  const wanted = slugs ?? (await currentSlugs());
  const out: Array<{ slug: string; version: number; records: SearchRecord[] }> = [];
  for (let i = 0; i < wanted.length; i += 100) {
    for (const d of await loadIndexedDocuments(wanted.slice(i, i + 100))) out.push({ slug: d.slug, version: d.version, records: assembleRecords(d) });
  }
  return out;
}

const NO_CRUMBS: Crumb[] = [];

/**
 * Search records of a document. Strings and breadcrumbs are shared, not
 * copied: every record of a document points to the same title, and siblings
 * to the same breadcrumb (an index of 500,000 provisions fits in memory).
 */
export function assembleRecords(d: IndexedDocument): SearchRecord[] {
  const crumbsUnder = new Map<number, { breadcrumb: Crumb[]; context: string }>();
  const under = (parent: number): { breadcrumb: Crumb[]; context: string } => {
    if (parent < 0) return { breadcrumb: NO_CRUMBS, context: "" };
    let known = crumbsUnder.get(parent);
    if (!known) {
      const p = d.provisions[parent]!;
      const above = under(p.parent);
      known = { breadcrumb: [...above.breadcrumb, { id: p.eid, label: p.label, heading: p.heading }], context: p.heading ? (above.context ? `${above.context} ${p.heading}` : p.heading) : above.context };
      crumbsUnder.set(parent, known);
    }
    return known;
  };
  return d.provisions.map((p) => {
    const { breadcrumb, context } = under(p.parent);
    return {
      document: d.slug, documentTitle: d.title, kind: d.kind, issuer: d.issuer, issuedAt: d.issuedAt, effectiveFrom: d.effectiveFrom, effectiveUntil: d.effectiveUntil,
      id: p.id, provision: p.eid, label: p.label, heading: p.heading, citation: p.citation, role: sharedRoleName(p.role) as Role, text: p.text, breadcrumb,
      parties: p.partyRoles.length ? [...new Set(p.partyRoles.map((r) => r.name))] : NO_NAMES,
      partyRoles: p.partyRoles.length ? p.partyRoles : NO_ROLES,
      context,
      dates: p.dates.length ? p.dates : NO_NAMES,
    };
  });
}

const NO_NAMES: string[] = [];
const NO_ROLES: SearchRecord["partyRoles"] = [];

/** Each role name (of a provision or a responsibility) → the one string of the role lists. */
const ROLE_NAMES = new Map<string, string>([...ROLES, ...RESPONSIBILITY_ROLES].map((r) => [r, r]));

/** A role name as the role lists' string: a loaded copy would otherwise hold one string per provision or responsibility. */
export function sharedRoleName(role: string): string {
  return ROLE_NAMES.get(role) ?? role;
}
