/**
 * The relations panel of a document's page: what it repeals, revises,
 * forwards, implements and cites, and what repeals, revises, forwards,
 * implements and cites it — each with the provision whose words state it —
 * plus, for a document in several versions, its revisions under the same
 * title (the versions page holds the detail).
 */
import type { Relation } from "../parser";
import { documentRelations, type RelationRow } from "../db/relations";
import { listVersions } from "../db/versions";
import { documentPath } from "./citation";

/** What a document does to the one it names, said from its side and from the other's. */
export const RELATION_LABELS: Record<Relation, { outgoing: string; incoming: string }> = {
  repeals: { outgoing: "废止", incoming: "被以下文件废止" },
  revises: { outgoing: "修订、修正", incoming: "被以下文件修订、修正" },
  forwards: { outgoing: "转发", incoming: "被以下文件转发" },
  implements: { outgoing: "贯彻落实、依据", incoming: "被以下文件贯彻落实、依据" },
  cites: { outgoing: "引用", incoming: "被以下文件引用" },
};

const ORDER: Relation[] = ["repeals", "revises", "forwards", "implements", "cites"];

export interface RelationItem {
  /** The other document: its title as stored, else as the reference writes it. */
  title: string;
  /** Its page (null: the library does not hold it). */
  href: string | null;
  docNumber: string | null;
  /** The provision whose words state the relation, in the citing document. */
  where: { citation: string; href: string } | null;
  /** The words of the reference. */
  words: string;
}

export interface RelationGroup {
  relation: Relation;
  label: string;
  items: RelationItem[];
}

export interface RelationsPanel {
  outgoing: RelationGroup[];
  incoming: RelationGroup[];
  /** Versions of this document under the same title (revisions), oldest first; empty for a single version. */
  versions: Array<{ version: number; date: string | null; href: string; isCurrent: boolean }>;
  versionsHref: string;
}

function citingProvision(r: RelationRow): RelationItem["where"] {
  if (!r.from.provision) return null;
  return { citation: r.from.provision.citation, href: documentPath(r.from.slug, { version: r.from.isCurrent ? undefined : r.from.version, provision: r.from.provision.id }) };
}

function groups(rows: RelationRow[], side: "outgoing" | "incoming"): RelationGroup[] {
  return ORDER.flatMap((relation) => {
    const items = rows
      .filter((r) => r.relation === relation)
      .map((r): RelationItem => {
        const other = side === "outgoing" ? r.to : r.from;
        const title = other?.title ?? (side === "outgoing" ? (r.cited.title ?? r.cited.docNumber ?? r.words) : r.from.slug);
        return { title, href: other ? documentPath(other.slug) : null, docNumber: other?.docNumber ?? r.cited.docNumber, where: citingProvision(r), words: r.words };
      });
    // One line per other document and provision (a title named twice in one article is one relation).
    const seen = new Set<string>();
    const unique = items.filter((i) => {
      const key = `${i.title}|${i.where?.href ?? ""}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return unique.length ? [{ relation, label: RELATION_LABELS[relation][side], items: unique }] : [];
  });
}

/** The panel of a document (its version `version`, else the current one). */
export async function relationsPanel(slug: string, version?: number): Promise<RelationsPanel> {
  const [{ outgoing, incoming }, versions] = await Promise.all([documentRelations(slug, version), listVersions(slug)]);
  return {
    outgoing: groups(outgoing, "outgoing"),
    incoming: groups(incoming, "incoming"),
    versions:
      versions.length > 1
        ? versions.map((v) => ({ version: v.version, date: v.issuedAt ?? v.effectiveFrom, href: documentPath(slug, { version: v.isCurrent ? undefined : v.version }), isCurrent: v.isCurrent }))
        : [],
    versionsHref: `/documents/${encodeURIComponent(slug)}/versions`,
  };
}
