/**
 * Quantitative targets of one document (目标值): subject, value and unit, with
 * the words and the provision they came from.
 */
import { dbReady } from "./client";

export interface TargetItem {
  subject: string;
  value: number;
  unit: string;
  comparator: string | null;
  baseline: string | null;
  deadline: string | null;
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
    select: { subject: true, value: true, unit: true, comparator: true, baseline: true, deadline: true, text: true, provision: { select: { eid: true, citation: true, heading: true } } },
  });
  return rows.map((t) => ({
    subject: t.subject,
    value: t.value,
    unit: t.unit,
    comparator: t.comparator,
    baseline: t.baseline,
    deadline: t.deadline,
    words: t.text,
    provision: t.provision ? { id: t.provision.eid, citation: t.provision.citation, heading: t.provision.heading } : null,
  }));
}
