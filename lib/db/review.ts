/**
 * The review queue's data: the parser's messages of current documents
 * (newest documents first), each with the provision it points into and the
 * decision an editor took on it (accepted as a fact, dismissed), and the
 * corrections kept but not applied to the current version (their provision
 * changed or is gone), which need a look. Plain data; lib/site/review.ts
 * makes the page of it.
 */
import type { ParseMessage } from "../parser";
import { dbReady } from "./client";
import { correctedSlugs, loadCorrections } from "./correction-rows";
import type { Correction, NotAppliedReason } from "./corrections-apply";
import { getCorrectedDocument } from "./documents";

/** The kind of entry of a correction that needs a look (beside the parser's ruleIds). */
export const NEEDS_REVIEW = "correction-needs-review";

export interface ReviewDocument {
  slug: string;
  title: string | null;
  version: number;
  importedAt: string;
}

export interface ReviewProvision {
  id: string;
  citation: string;
}

export type ReviewEntry =
  | {
      type: "message";
      document: ReviewDocument;
      ruleId: string;
      reason: string;
      start: number;
      end: number;
      /** The words of the source it points at. */
      words: string;
      provision: ReviewProvision | null;
      /** The editor's decision on it, if any (accepted as a fact, or dismissed). */
      decision: Correction | null;
    }
  | {
      type: "correction";
      document: ReviewDocument;
      ruleId: typeof NEEDS_REVIEW;
      correction: Correction;
      reason: NotAppliedReason;
      /** The provision in the current version (null when it is gone). */
      provision: ReviewProvision | null;
    };

export interface ReviewQuery {
  /** Document slug. */
  document?: string;
  /** A parser ruleId, or NEEDS_REVIEW. */
  kind?: string;
  /** Also list messages already decided on. */
  handled?: boolean;
}

export interface ReviewQueue {
  entries: ReviewEntry[];
  /** Open entries before filtering. */
  total: number;
  /** What the filters can choose (over open entries, or all with `handled`), with counts. */
  documents: Array<{ slug: string; title: string | null; count: number }>;
  kinds: Array<{ value: string; count: number }>;
}

/** Messages of the same parser rule, reason and words are the same message in another version. */
const messageKey = (slug: string, m: { ruleId: string; reason: string; words: string }) => `${slug}\u0001${m.ruleId}\u0001${m.reason}\u0001${m.words}`;

/** The review queue, filtered; newest documents first, then corrections needing a look, then messages in text order. */
export async function reviewQueue(query: ReviewQuery = {}): Promise<ReviewQueue> {
  const client = await dbReady();
  const docs = await client.document.findMany({
    where: { isCurrent: true },
    select: { id: true, slug: true, title: true, version: true, importedAt: true, messages: true },
    orderBy: [{ importedAt: "desc" }, { slug: "asc" }],
  });
  const withMessages = docs.filter((d) => d.messages !== "[]");
  const corrected = await correctedSlugs();
  const decided = new Map<string, Correction>();
  const decisions = (await loadCorrections([...new Set([...withMessages.map((d) => d.slug)])])).filter((c) => c.message && !c.undoneAt);
  for (const c of decisions) decided.set(messageKey(c.document, c.message!), c);
  const interesting = docs.filter((d) => d.messages !== "[]" || corrected.has(d.slug));
  const ids = interesting.map((d) => d.id);
  const sources = new Map((await client.document.findMany({ where: { id: { in: ids } }, select: { id: true, sourceText: true } })).map((d) => [d.id, d.sourceText]));
  const provisions = await client.provision.findMany({ where: { documentId: { in: ids } }, select: { documentId: true, eid: true, citation: true, start: true, end: true } });
  const provisionsOf = new Map<number, typeof provisions>();
  for (const p of provisions) provisionsOf.set(p.documentId, [...(provisionsOf.get(p.documentId) ?? []), p]);

  const all: ReviewEntry[] = [];
  for (const d of interesting) {
    const document: ReviewDocument = { slug: d.slug, title: d.title, version: d.version, importedAt: d.importedAt.toISOString() };
    const inDoc = provisionsOf.get(d.id) ?? [];
    if (corrected.has(d.slug)) {
      const found = await getCorrectedDocument(d.slug);
      for (const c of found ? await loadCorrections([d.slug]) : []) {
        const state = found!.corrections.states.get(c.id);
        if (state?.status !== "needs-review" || !state.reason) continue;
        const now = inDoc.find((p) => p.eid === c.provision);
        all.push({ type: "correction", document, ruleId: NEEDS_REVIEW, correction: c, reason: state.reason, provision: now ? { id: now.eid, citation: now.citation } : null });
      }
    }
    const source = sources.get(d.id) ?? "";
    let messages: ParseMessage[] = [];
    try {
      messages = JSON.parse(d.messages) as ParseMessage[];
    } catch {
      messages = [];
    }
    for (const m of [...messages].sort((a, b) => a.start - b.start)) {
      const words = source.slice(m.start, m.end);
      // The deepest provision holding the message's place: the one with the shortest span.
      const holder = inDoc.filter((p) => p.start <= m.start && m.start < Math.max(p.end, p.start + 1)).sort((a, b) => a.end - a.start - (b.end - b.start))[0];
      all.push({ type: "message", document, ruleId: m.ruleId, reason: m.reason, start: m.start, end: m.end, words, provision: holder ? { id: holder.eid, citation: holder.citation } : null, decision: decided.get(messageKey(d.slug, { ...m, words })) ?? null });
    }
  }
  const open = (e: ReviewEntry) => e.type === "correction" || !e.decision;
  const pool = all.filter((e) => query.handled || open(e));
  const count = <K>(keys: K[]) => {
    const counts = new Map<K, number>();
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
    return counts;
  };
  const perDocument = count(pool.map((e) => e.document.slug));
  const perKind = count(pool.filter((e) => !query.document || e.document.slug === query.document).map((e) => e.ruleId));
  return {
    entries: pool.filter((e) => (!query.document || e.document.slug === query.document) && (!query.kind || e.ruleId === query.kind)),
    total: all.filter(open).length,
    documents: [...new Map(pool.map((e) => [e.document.slug, { slug: e.document.slug, title: e.document.title, count: perDocument.get(e.document.slug) ?? 0 }])).values()],
    kinds: [...perKind].map(([value, n]) => ({ value, count: n })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
  };
}
