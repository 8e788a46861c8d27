/**
 * What /review and /review/log show: the queue's entries in words with links
 * to their provisions, the filters' options, and the audit log as a table
 * (the page and its CSV export write the same cells, lib/export/table.ts).
 */
import { correctionLog, type LogQuery } from "../db/correction-rows";
import type { Correction, CorrectionState } from "../db/corrections-apply";
import { getCorrectedDocument } from "../db/documents";
import { NEEDS_REVIEW, reviewQueue, type ReviewEntry, type ReviewQuery } from "../db/review";
import { documentPath } from "./citation";
import { ACTION_LABELS, factSummary, FACT_LABELS, messageLabel, REASON_LABELS, shownTime, STATUS_LABELS } from "./correction-view";
import { filtersCaption } from "./ledger";
import { intParam, param, type RawSearchParams } from "./params";

export { NEEDS_REVIEW };

/** One queue entry as the page lists it. */
export interface ReviewItem {
  key: string;
  type: ReviewEntry["type"];
  kind: string;
  kindLabel: string;
  document: { slug: string; title: string; version: number; href: string };
  /** The provision it points into (current version), with its link. */
  provision: { id: string; citation: string; href: string } | null;
  /** What it says, in words. */
  text: string;
  words: string;
  /** Message: where it is ({ ruleId, start, end } for an accept or dismiss); the name a party-rejected message proposes. */
  message: { ruleId: string; start: number; end: number; candidate: string | null } | null;
  /** Correction needing a look: its id, whether it can be applied to the new text, and where it was made. */
  correction: { id: number; reapply: boolean; madeOn: string; summary: string } | null;
  /** Decided already: how, by whom; the decision's id (an editor may undo it). */
  decided: string | null;
  decision: number | null;
}

/** The name a rejected party candidate had: 「园区」. */
export function candidateOf(reason: string): string | null {
  return /「([^」]+)」/.exec(reason)?.[1] ?? null;
}

function itemOf(e: ReviewEntry): ReviewItem {
  const document = { slug: e.document.slug, title: e.document.title ?? e.document.slug, version: e.document.version, href: documentPath(e.document.slug) };
  const provision = e.provision ? { ...e.provision, href: documentPath(e.document.slug, { provision: e.provision.id }) } : null;
  if (e.type === "correction") {
    const c = e.correction;
    const summary = `${FACT_LABELS[c.fact]}${ACTION_LABELS[c.action]}：${factSummary(c.fact, c.action === "remove" ? c.original : c.value)}`;
    return {
      key: `c${c.id}`,
      type: "correction",
      kind: NEEDS_REVIEW,
      kindLabel: messageLabel(NEEDS_REVIEW),
      document,
      provision,
      text: `校正 #${c.id}（${c.editor}，${shownTime(c.createdAt)}，第 ${c.version} 版）保留但未应用：${REASON_LABELS[e.reason]}。`,
      words: c.provisionText,
      message: null,
      correction: { id: c.id, reapply: e.reason === "provision-changed", madeOn: documentPath(e.document.slug, { version: c.version, provision: c.provision ?? undefined }), summary },
      decided: null,
      decision: null,
    };
  }
  const decision = e.decision;
  return {
    key: `m${e.document.slug}-${e.start}-${e.end}-${e.ruleId}`,
    type: "message",
    kind: e.ruleId,
    kindLabel: messageLabel(e.ruleId),
    document,
    provision,
    text: e.reason,
    words: e.words,
    message: { ruleId: e.ruleId, start: e.start, end: e.end, candidate: e.ruleId === "party-rejected" || e.ruleId === "party-unsure" ? candidateOf(e.reason) : null },
    correction: null,
    decided: decision ? `${decision.action === "dismiss" ? "已忽略" : "已采纳"}（#${decision.id}，${decision.editor}，${shownTime(decision.createdAt)}：${decision.note}）` : null,
    decision: decision?.id ?? null,
  };
}

/** The queue's filters from the URL: document, kind, handled=1, page. */
export function reviewQueryOf(params: RawSearchParams): ReviewQuery {
  const handled = param(params, "handled");
  return { document: param(params, "document"), kind: param(params, "kind"), handled: handled === "1" || handled === "true", page: intParam(params, "page", 1) };
}

export interface ReviewPage {
  items: ReviewItem[];
  /** Entries the filters match, on all pages. */
  matching: number;
  page: number;
  pages: number;
  total: number;
  documents: Array<{ value: string; label: string }>;
  kinds: Array<{ value: string; label: string }>;
}

/** The review queue as the page lists it. */
export async function reviewPage(query: ReviewQuery): Promise<ReviewPage> {
  const queue = await reviewQueue(query);
  return {
    items: queue.entries.map(itemOf),
    matching: queue.matching,
    page: queue.page,
    pages: queue.pages,
    total: queue.total,
    documents: queue.documents.map((d) => ({ value: d.slug, label: `${d.title ?? d.slug}（${d.count}）` })),
    kinds: queue.kinds.map((k) => ({ value: k.value, label: `${messageLabel(k.value)}（${k.count}）` })),
  };
}

/** The log's filters from the URL: editor, document. */
export function logQueryOf(params: RawSearchParams): LogQuery {
  return { editor: param(params, "editor"), document: param(params, "document") };
}

/** One line of the audit log in words (lib/export/review.ts makes the table of it). */
export interface LogLine {
  at: string;
  event: string;
  editor: string;
  id: string;
  document: { text: string; href: string };
  provision: { text: string; href: string | null };
  what: string;
  after: string;
  before: string | null;
  note: string | null;
  status: string;
}

/** The state of each correction in its document's current version. */
async function statesOf(corrections: Correction[]): Promise<Map<number, CorrectionState>> {
  const out = new Map<number, CorrectionState>();
  for (const slug of new Set(corrections.map((c) => c.document))) {
    const found = await getCorrectedDocument(slug);
    for (const [id, state] of found?.corrections.states ?? []) out.set(id, state);
  }
  return out;
}

export interface LogPage {
  lines: LogLine[];
  /** The filters that produced it, in words (above an export's header). */
  caption: string;
  editors: string[];
  documents: string[];
}

const asRow = (value: unknown) => value as Record<string, unknown> | null;

/** Every correction and undo (newest first), filtered, in words. */
export async function logPage(query: LogQuery, today: string): Promise<LogPage> {
  const log = await correctionLog(query);
  const states = await statesOf([...new Map(log.entries.map((e) => [e.correction.id, e.correction])).values()]);
  const lines = log.entries.map((e): LogLine => {
    const c = e.correction;
    const state = states.get(c.id);
    return {
      at: shownTime(e.at),
      event: e.event === "made" ? "校正" : "撤销",
      editor: e.editor,
      id: `#${c.id}`,
      document: { text: c.document, href: documentPath(c.document) },
      provision: { text: `${c.provision ?? "全文"}（第 ${c.version} 版）`, href: c.provision ? documentPath(c.document, { version: c.version, provision: c.provision }) : null },
      what: `${FACT_LABELS[c.fact]}·${ACTION_LABELS[c.action]}`,
      after: c.fact === "message" ? factSummary("message", asRow(c.message)) : c.action === "remove" ? "（删除）" : factSummary(c.fact, c.value),
      before: c.original ? factSummary(c.fact, c.original) : null,
      note: e.note,
      status: c.undoneAt ? STATUS_LABELS.undone : state ? `${STATUS_LABELS[state.status]}${state.reason ? `：${REASON_LABELS[state.reason]}` : ""}` : "—",
    };
  });
  return { lines, caption: filtersCaption({ 编辑: query.editor, 文件: query.document }, today), editors: log.editors, documents: log.documents };
}
