/**
 * Quantitative targets of one document (目标值): subject, value and unit, with
 * the words and the provision they came from.
 */
import { dbReady } from "./client";
import { servesOf } from "./documents";

export interface TargetItem {
  subject: string;
  value: number;
  unit: string;
  comparator: string | null;
  baseline: string | null;
  deadline: string | null;
  /** 下降, 提高到, 控制在: what happens to the quantity. */
  verb: string | null;
  /** The provisions that deliver it, with the words both name. */
  serves: Array<{ provision: { id: string; citation: string; heading: string | null }; why: string }>;
  /** The words it came from. */
  words: string;
  provision: { id: string; citation: string; heading: string | null } | null;
}

/** Targets of a document's current version (or of version `version`), in text order. */
export async function listTargets(slug: string, version?: number): Promise<TargetItem[]> {
  const client = await dbReady();
  const rows = await client.target.findMany({
    where: { document: version ? { slug, version } : { slug, isCurrent: true } },
    orderBy: { start: "asc" },
    select: { subject: true, value: true, unit: true, comparator: true, baseline: true, deadline: true, verb: true, serves: true, text: true, documentId: true, provision: { select: { eid: true, citation: true, heading: true } } },
  });
  const eids = [...new Set(rows.flatMap((t) => servesOf(t.serves).map((s) => s.provision)))];
  const documentId = rows[0]?.documentId;
  const served = eids.length && documentId !== undefined ? await client.provision.findMany({ where: { documentId, eid: { in: eids } }, select: { eid: true, citation: true, heading: true } }) : [];
  const byEid = new Map(served.map((p) => [p.eid, { id: p.eid, citation: p.citation, heading: p.heading }]));
  return rows.map((t) => ({
    subject: t.subject,
    value: t.value,
    unit: t.unit,
    comparator: t.comparator,
    baseline: t.baseline,
    deadline: t.deadline,
    verb: t.verb,
    serves: servesOf(t.serves).flatMap((s) => {
      const provision = byEid.get(s.provision);
      return provision ? [{ provision, why: s.why }] : [];
    }),
    words: t.text,
    provision: t.provision ? { id: t.provision.eid, citation: t.provision.citation, heading: t.provision.heading } : null,
  }));
}
