/**
 * Deadlines, honestly: only a due date or a milestone of a document in force
 * can be overdue. A start (2019年1月1日起) or a term is no date to meet; a
 * recurring deadline (每年1月底前) counts by its next occurrence; a deadline of
 * a document no longer in force lapses with it (随文件失效). Used by the
 * deadline list, the task list and party ledgers alike.
 */
import type { DeadlineKind, ResponsibilityRole } from "../parser";
import { daysBetween, isLapsed, type ValidityStatus } from "../status";
import { ancestorsOf, loadLedgerFacts, type LedgerDeadline, type LedgerFacts, type LedgerProvision } from "./ledger-source";

/** Kinds of deadline that ask for something to be done by a day (not when a document applies). */
export const WORK_DEADLINE_KINDS: DeadlineKind[] = ["due", "milestone", "period"];

export interface DeadlineRef {
  /** The words as written, e.g. 2017年底前. */
  text: string;
  date: string | null;
  kind: DeadlineKind;
}

/** What a deadline means today. */
export type DeadlineStatus = "overdue" | "today" | "open" | "undated" | "start" | "lapsed";
export const DEADLINE_STATUSES: DeadlineStatus[] = ["overdue", "today", "open", "undated", "start", "lapsed"];

export interface DeadlineState {
  status: DeadlineStatus;
  /** The day that counts: the date, or a recurring deadline's next occurrence. */
  day: string | null;
  daysLeft: number | null;
  recurring: boolean;
}

/** 每年1月底前 / 每季度 / 每月: a deadline that comes again. */
const RECURRING = /每年|每季度|每半年|每月/;
/** 2019年1月1日起 / 从2019年开始: when something starts, not a date to meet. */
const START = /(?:起|开始|以来)(?:施行|实施|执行)?$/;

/** The next occurrence on or after `today` of a yearly date (or the date itself when it has not passed). */
function nextYearly(date: string, today: string): string {
  if (date >= today) return date;
  const [, m, d] = date.split("-").map(Number);
  for (let y = Number(today.slice(0, 4)); y <= Number(today.slice(0, 4)) + 1; y++) {
    const last = new Date(Date.UTC(y, m!, 0)).getUTCDate();
    const day = `${y}-${String(m).padStart(2, "0")}-${String(Math.min(d!, last)).padStart(2, "0")}`;
    if (day >= today) return day;
  }
  return date;
}

/** What a deadline means on `today` for a document with the given validity. */
export function deadlineState(d: DeadlineRef, options: { today: string; documentStatus: ValidityStatus }): DeadlineState {
  const recurring = RECURRING.test(d.text);
  const day = d.date && recurring && /每年/.test(d.text) ? nextYearly(d.date, options.today) : d.date;
  const daysLeft = day ? daysBetween(options.today, day) : null;
  if (isLapsed(options.documentStatus)) return { status: "lapsed", day, daysLeft: null, recurring };
  if (d.kind === "effective" || d.kind === "expiry" || d.kind === "period" || START.test(d.text.trim())) return { status: "start", day, daysLeft: null, recurring };
  if (daysLeft === null) return { status: "undated", day, daysLeft, recurring };
  return { status: daysLeft < 0 ? "overdue" : daysLeft === 0 ? "today" : "open", day, daysLeft, recurring };
}

/**
 * The deadline that counts for a provision among its own: the earliest dated
 * work deadline still to come, else the latest passed one, else an undated
 * one; starts and terms only when there is nothing else.
 */
export function pickDeadline<T extends DeadlineRef>(deadlines: T[], today: string): T | null {
  const work = deadlines.filter((d) => WORK_DEADLINE_KINDS.includes(d.kind));
  const due = work.filter((d) => d.kind !== "period" && !START.test(d.text.trim()));
  const pool = due.length ? due : work;
  const dated = pool.filter((d) => d.date).sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""));
  const nextOf = (d: T) => (RECURRING.test(d.text) && /每年/.test(d.text) && d.date ? nextYearly(d.date, today) : (d.date ?? ""));
  const open = dated.filter((d) => nextOf(d) >= today).sort((a, b) => nextOf(a).localeCompare(nextOf(b)))[0];
  return open ?? dated.at(-1) ?? pool[0] ?? null;
}

/** Days from today to a deadline's date (negative: overdue); null without a date. */
export function daysLeft(deadline: DeadlineRef | null, today: string): number | null {
  return deadline?.date ? daysBetween(today, deadline.date) : null;
}

/** Where an inherited fact comes from: a provision above, or the document as a whole. */
export interface FactSource {
  provision: { id: string; citation: string } | null;
}

/**
 * A provision's deadline: its own, else the nearest ancestor's, else a due
 * date the document sets for all its work (以上工作请于2025年6月底前完成 in a
 * closing paragraph); inherited ones say where they come from.
 */
export function deadlineOf(facts: LedgerFacts, p: LedgerProvision, today: string): { deadline: LedgerDeadline; from: FactSource | null } | null {
  const own = pickDeadline(facts.deadlines.get(p.id) ?? [], today);
  if (own) return { deadline: own, from: null };
  for (const up of ancestorsOf(facts, p)) {
    const inherited = pickDeadline(facts.deadlines.get(up.id) ?? [], today);
    if (inherited) return { deadline: inherited, from: { provision: { id: up.eid, citation: up.citation } } };
  }
  const forAll = pickDeadline((facts.documentDeadlines.get(p.documentId) ?? []).filter((d) => d.kind === "due"), today);
  return forAll ? { deadline: forAll, from: documentSource(facts, p.documentId, forAll.text) } : null;
}

/** Where a fact of the whole document is written: the passage (前言, 结尾) holding its words, else the document. */
export function documentSource(facts: LedgerFacts, documentId: number, words: string): FactSource {
  const passage = facts.passages.get(documentId)?.find((q) => q.text.includes(words));
  return { provision: passage ? { id: passage.eid, citation: passage.citation } : null };
}

export interface DeadlineItem extends DeadlineRef, DeadlineState {
  document: { slug: string; title: string | null; docNumber: string | null; issuer: string | null; kind: string | null; status: ValidityStatus };
  provision: { id: string; citation: string; heading: string | null } | null;
  /** Who must meet it: the provision's parties, or its nearest ancestor's. */
  parties: Array<{ name: string; role: ResponsibilityRole }>;
  /** Kept for pages and tests that read it: status === "overdue". */
  overdue: boolean;
  /** Set when an editor corrected it. */
  corrected?: boolean;
}

export interface DeadlineQuery {
  today: string;
  /** The collection as it stood that day (the versions that applied then); pass the same day as `today`. */
  asOf?: string;
  /** One document (slug), and a version of it (else the current one). */
  slug?: string;
  version?: number;
  /** Add the dates a document takes effect and expires. */
  allKinds?: boolean;
  year?: number;
  /** Canonical party names (resolved from any name form by the caller). */
  parties?: string[];
  status?: DeadlineStatus;
}

/**
 * Deadlines of current documents (or of one document), by the day that
 * counts; undated last. Documents no longer in force keep their deadlines,
 * as lapsed.
 */
export async function listDeadlines(query: DeadlineQuery): Promise<DeadlineItem[]> {
  const facts = await loadLedgerFacts({ today: query.today, slug: query.slug, version: query.version, asOf: query.asOf });
  const byId = new Map(facts.provisions.map((p) => [p.id, p]));
  const items: DeadlineItem[] = [];
  const all: LedgerDeadline[] = [...facts.deadlines.values(), ...facts.documentDeadlines.values()].flat();
  for (const d of all) {
    if (!query.allKinds && !WORK_DEADLINE_KINDS.includes(d.kind)) continue;
    const doc = facts.documents.get(d.documentId)!;
    const p = d.provisionId !== null ? byId.get(d.provisionId) : undefined;
    const state = deadlineState(d, { today: query.today, documentStatus: doc.status });
    let parties = p ? (facts.responsibilities.get(p.id) ?? []) : (facts.documentResponsibilities.get(d.documentId) ?? []).filter((r) => r.role !== "interpret");
    if (p && !parties.length) for (const up of ancestorsOf(facts, p)) if ((parties = facts.responsibilities.get(up.id) ?? []).length) break;
    items.push({
      text: d.text,
      date: d.date,
      kind: d.kind,
      ...state,
      document: { slug: doc.slug, title: doc.title, docNumber: doc.docNumber, issuer: doc.issuer, kind: doc.kind, status: doc.status },
      provision: p ? { id: p.eid, citation: p.citation, heading: p.heading } : null,
      parties: [...new Map(parties.filter((r) => r.role !== "subject").map((r) => [r.party, { name: r.party, role: r.role }])).values()],
      overdue: state.status === "overdue",
      ...(d.corrected ? { corrected: true } : {}),
    });
  }
  const shown = items.filter(
    (i) => (!query.year || (i.day ?? i.date)?.startsWith(String(query.year))) && (!query.parties || i.parties.some((p) => query.parties!.includes(p.name))) && (!query.status || i.status === query.status),
  );
  const dayOf = (i: DeadlineItem) => i.day ?? i.date ?? "";
  return [...shown.filter((i) => dayOf(i)).sort((a, b) => dayOf(a).localeCompare(dayOf(b))), ...shown.filter((i) => !dayOf(i))];
}
