/**
 * Quantitative targets of one document (目标值): subject, value and unit, with
 * the words and the provision they came from, as corrected by editors.
 */
import { getDocument } from "./documents";

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
  /** Set when an editor corrected it. */
  corrected?: boolean;
}

/** Targets of a document's current version (or of version `version`), in text order, its corrections applied. */
export async function listTargets(slug: string, version?: number): Promise<TargetItem[]> {
  const doc = await getDocument(slug, version);
  if (!doc) return [];
  const byEid = new Map(doc.provisions.map((p) => [p.id, { id: p.id, citation: p.citation, heading: p.heading }]));
  return [...doc.targets]
    .sort((a, b) => a.start - b.start)
    .map((t) => ({
      subject: t.subject,
      value: t.value,
      unit: t.unit,
      comparator: t.comparator,
      baseline: t.baseline,
      deadline: t.deadline,
      verb: t.verb ?? null,
      serves: (t.serves ?? []).flatMap((s) => {
        const provision = byEid.get(s.provision);
        return provision ? [{ provision, why: s.why }] : [];
      }),
      words: t.text,
      provision: t.provision ? (byEid.get(t.provision) ?? null) : null,
      ...("corrected" in t ? { corrected: true } : {}),
    }));
}
