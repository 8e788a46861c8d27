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
import { correctedSlugs, loadCorrections, messageDecisions } from "./correction-rows";
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
  /** 1-based page. */
  page?: number;
  /** Entries a page; REVIEW_PAGE_SIZE unless given. */
  pageSize?: number;
}

/** Entries a page of the queue lists. */
export const REVIEW_PAGE_SIZE = 100;

export interface ReviewQueue {
  /** The entries of the page asked for. */
  entries: ReviewEntry[];
  /** Entries the filters match (all pages). */
  matching: number;
  page: number;
  pages: number;
  /** Open entries before filtering. */
  total: number;
  /** What the filters can choose (over open entries, or all with `handled`), with counts. */
  documents: Array<{ slug: string; title: string | null; count: number }>;
  kinds: Array<{ value: string; count: number }>;
}

/** Messages of the same parser rule, reason and words are the same message in another version. */
const messageKey = (slug: string, m: { ruleId: string; reason: string; words: string }) => `${slug}\u0001${m.ruleId}\u0001${m.reason}\u0001${m.words}`;

interface CurrentDocument {
  id: number;
  document: ReviewDocument;
}

/** An entry before the words and provision it points at are read (only a page's are). */
type Pending =
  | { type: "message"; doc: CurrentDocument; message: ParseMessage; decision: Correction | null }
  | { type: "correction"; doc: CurrentDocument; correction: Correction; reason: NotAppliedReason; provision: string | null };

function messagesOf(json: string): ParseMessage[] {
  try {
    return JSON.parse(json) as ParseMessage[];
  } catch {
    return [];
  }
}

/** Source texts of some document versions, by id. */
async function sourcesOf(ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const client = await dbReady();
  return new Map((await client.document.findMany({ where: { id: { in: ids } }, select: { id: true, sourceText: true } })).map((d) => [d.id, d.sourceText]));
}

/**
 * The review queue, filtered and paged; newest documents first, then
 * corrections needing a look, then messages in text order. Source texts and
 * provisions are read only for the documents on the page (and those with
 * decisions, which are matched by the message's words).
 */
export async function reviewQueue(query: ReviewQuery = {}): Promise<ReviewQueue> {
  const client = await dbReady();
  const docs = await client.document.findMany({
    where: { isCurrent: true },
    select: { id: true, slug: true, title: true, version: true, importedAt: true, messages: true },
    orderBy: [{ importedAt: "desc" }, { slug: "asc" }],
  });
  const corrected = await correctedSlugs();
  const decisions = await messageDecisions();
  const decidedSlugs = new Set(decisions.map((c) => c.document));
  const decidedSources = await sourcesOf(docs.filter((d) => decidedSlugs.has(d.slug) && d.messages !== "[]").map((d) => d.id));
  const decided = new Map(decisions.flatMap((c) => (c.message ? [[messageKey(c.document, c.message), c] as const] : [])));

  const all: Pending[] = [];
  for (const d of docs) {
    if (d.messages === "[]" && !corrected.has(d.slug)) continue;
    const doc: CurrentDocument = { id: d.id, document: { slug: d.slug, title: d.title, version: d.version, importedAt: d.importedAt.toISOString() } };
    if (corrected.has(d.slug)) {
      const found = await getCorrectedDocument(d.slug);
      for (const c of found ? await loadCorrections([d.slug]) : []) {
        const state = found!.corrections.states.get(c.id);
        if (state?.status === "needs-review" && state.reason) all.push({ type: "correction", doc, correction: c, reason: state.reason, provision: c.provision });
      }
    }
    const source = decidedSources.get(d.id);
    for (const m of messagesOf(d.messages).sort((a, b) => a.start - b.start)) {
      const decision = source === undefined ? null : (decided.get(messageKey(d.slug, { ...m, words: source.slice(m.start, m.end) })) ?? null);
      all.push({ type: "message", doc, message: m, decision });
    }
  }
  const open = (e: Pending) => e.type === "correction" || !e.decision;
  const kindOf = (e: Pending) => (e.type === "correction" ? NEEDS_REVIEW : e.message.ruleId);
  const pool = all.filter((e) => query.handled || open(e));
  const count = <K>(keys: K[]) => {
    const counts = new Map<K, number>();
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
    return counts;
  };
  const perDocument = count(pool.map((e) => e.doc.document.slug));
  const perKind = count(pool.filter((e) => !query.document || e.doc.document.slug === query.document).map(kindOf));
  const matching = pool.filter((e) => (!query.document || e.doc.document.slug === query.document) && (!query.kind || kindOf(e) === query.kind));
  const size = Math.max(1, query.pageSize ?? REVIEW_PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(matching.length / size));
  const page = Math.min(Math.max(1, query.page ?? 1), pages);
  const shown = matching.slice((page - 1) * size, page * size);
  return {
    entries: await withPlaces(shown),
    matching: matching.length,
    page,
    pages,
    total: all.filter(open).length,
    documents: [...new Map(pool.map((e) => [e.doc.document.slug, { slug: e.doc.document.slug, title: e.doc.document.title, count: perDocument.get(e.doc.document.slug) ?? 0 }])).values()],
    kinds: [...perKind].map(([value, n]) => ({ value, count: n })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
  };
}

/** Entries with the words they point at and their provision in the current version. */
async function withPlaces(entries: Pending[]): Promise<ReviewEntry[]> {
  const ids = [...new Set(entries.map((e) => e.doc.id))];
  const client = await dbReady();
  const sources = await sourcesOf(ids.filter((id) => entries.some((e) => e.type === "message" && e.doc.id === id)));
  const provisions = ids.length ? await client.provision.findMany({ where: { documentId: { in: ids } }, select: { documentId: true, eid: true, citation: true, start: true, end: true } }) : [];
  const provisionsOf = new Map<number, typeof provisions>();
  for (const p of provisions) provisionsOf.set(p.documentId, [...(provisionsOf.get(p.documentId) ?? []), p]);
  return entries.map((e): ReviewEntry => {
    const inDoc = provisionsOf.get(e.doc.id) ?? [];
    if (e.type === "correction") {
      const now = inDoc.find((p) => p.eid === e.provision);
      return { type: "correction", document: e.doc.document, ruleId: NEEDS_REVIEW, correction: e.correction, reason: e.reason, provision: now ? { id: now.eid, citation: now.citation } : null };
    }
    const m = e.message;
    // The deepest provision holding the message's place: the one with the shortest span.
    const holder = inDoc.filter((p) => p.start <= m.start && m.start < Math.max(p.end, p.start + 1)).sort((a, b) => a.end - a.start - (b.end - b.start))[0];
    const words = (sources.get(e.doc.id) ?? "").slice(m.start, m.end);
    return { type: "message", document: e.doc.document, ruleId: m.ruleId, reason: m.reason, start: m.start, end: m.end, words, provision: holder ? { id: holder.eid, citation: holder.citation } : null, decision: e.decision };
  });
}
