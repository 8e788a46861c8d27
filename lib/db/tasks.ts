/**
 * Tasks across documents (任务台账): every provision whose role is `task` in
 * a current document in force, with the parties responsible for it and the
 * deadline that counts. A task without parties or a deadline of its own
 * carries those of the provision above it that has them, marked as
 * inherited with where they come from.
 */
import type { ResponsibilityRole } from "../parser";
import { isLapsed, type ValidityStatus } from "../status";
import { deadlineOf, deadlineState, documentSource, type DeadlineRef, type DeadlineState, type DeadlineStatus, type FactSource } from "./deadlines";
import { ancestorsOf, loadLedgerFacts, type LedgerFacts, type LedgerProvision, type LedgerResponsibility } from "./ledger-source";

export interface TaskQuery {
  today: string;
  /** The collection as it stood that day (the versions that applied then); pass the same day as `today`. */
  asOf?: string;
  /** Canonical party names (resolved from any name form by the caller). */
  parties?: string[];
  /** The name as typed, also matched against names as written (省发展改革委). */
  partyAsWritten?: string;
  role?: ResponsibilityRole;
  /** Document slug. */
  doc?: string;
  issuer?: string;
  kind?: string;
  /** Year of the task's deadline. */
  year?: number;
  dueBefore?: string;
  dueAfter?: string;
  overdue?: boolean;
  status?: DeadlineStatus;
  /** Include documents no longer in force (现行文件 only by default). */
  all?: boolean;
}

export interface TaskParty {
  name: string;
  /** The name as written in the document. */
  mention: string;
  role: ResponsibilityRole;
  /** Set when the party is the duty of a provision above (or of the document), not of the task itself. */
  inherited: FactSource | null;
  /** Set when an editor corrected it. */
  corrected?: boolean;
}

export interface TaskRow {
  document: { slug: string; title: string | null; docNumber: string | null; issuer: string | null; kind: string | null; status: ValidityStatus };
  provision: { id: string; citation: string; label: string | null; heading: string | null; text: string };
  parties: TaskParty[];
  deadline: (DeadlineRef & { inherited: FactSource | null; corrected?: boolean }) | null;
  /** What the deadline means today (overdue only for due dates and milestones of documents in force). */
  state: DeadlineState | null;
  daysLeft: number | null;
}

export interface TaskList {
  rows: TaskRow[];
  /** Tasks before filtering. */
  total: number;
  options: { parties: string[]; documents: Array<{ slug: string; title: string | null }>; years: number[]; issuers: string[]; kinds: string[] };
}

const WORKING_ROLES: ResponsibilityRole[] = ["lead", "support", "responsible", "coordinate", "supervise"];

/**
 * A provision's parties: its own, else the nearest ancestor's, else those the
 * document charges with all its work (a closing paragraph's 各市人民政府要抓好落实);
 * inherited ones say where they come from.
 */
export function partiesOf(facts: LedgerFacts, p: LedgerProvision): TaskParty[] {
  const working = (rows: LedgerResponsibility[]) => rows.filter((r) => WORKING_ROLES.includes(r.role));
  const toParties = (rows: LedgerResponsibility[], from: FactSource | null) => [...new Map(rows.map((r) => [r.party, { name: r.party, mention: r.mention, role: r.role, inherited: from, ...(r.corrected ? { corrected: true } : {}) }])).values()];
  const own = working(facts.responsibilities.get(p.id) ?? []);
  if (own.length) return toParties(own, null);
  for (const up of ancestorsOf(facts, p)) {
    const above = working(facts.responsibilities.get(up.id) ?? []);
    if (above.length) return toParties(above, { provision: { id: up.eid, citation: up.citation } });
  }
  const forAll = (facts.documentResponsibilities.get(p.documentId) ?? []).filter((r) => r.role === "lead" || r.role === "responsible" || r.role === "support");
  return forAll.length ? toParties(forAll, documentSource(facts, p.documentId, forAll[0]!.words)) : [];
}

/** Whether a provision's text is its label and heading only (一、重点任务). */
function headingOnly(p: LedgerProvision): boolean {
  let rest = p.text.trim();
  if (p.label && rest.startsWith(p.label)) rest = rest.slice(p.label.length);
  if (p.heading) rest = rest.replace(p.heading, "");
  return !/[\u4e00-\u9fa5]/.test(rest);
}

/** Every task of the documents in `facts`, in document order, with its own or inherited parties and deadline. */
export function taskRows(facts: LedgerFacts, today: string): TaskRow[] {
  const all: TaskRow[] = [];
  // A part that only heads its tasks (一、重点任务) is not a task of its own.
  const heads = new Set(facts.provisions.filter((p) => p.role === "task" && p.parentEid).map((p) => `${p.documentId}|${p.parentEid}`));
  for (const p of facts.provisions) {
    if (p.role !== "task") continue;
    if (heads.has(`${p.documentId}|${p.eid}`) && headingOnly(p)) continue;
    const doc = facts.documents.get(p.documentId)!;
    const found = deadlineOf(facts, p, today);
    const state = found ? deadlineState(found.deadline, { today, documentStatus: doc.status }) : null;
    all.push({
      document: { slug: doc.slug, title: doc.title, docNumber: doc.docNumber, issuer: doc.issuer, kind: doc.kind, status: doc.status },
      provision: { id: p.eid, citation: p.citation, label: p.label, heading: p.heading, text: p.text },
      parties: partiesOf(facts, p),
      deadline: found ? { text: found.deadline.text, date: found.deadline.date, kind: found.deadline.kind, inherited: found.from, ...(found.deadline.corrected ? { corrected: true } : {}) } : null,
      state,
      daysLeft: state?.daysLeft ?? null,
    });
  }
  return all;
}

/** Every task of the current documents, in document order, filtered. */
export async function listTasks(query: TaskQuery): Promise<TaskList> {
  const all = taskRows(await loadLedgerFacts({ today: query.today, asOf: query.asOf }), query.today);
  const inScope = all.filter((t) => query.all || !isLapsed(t.document.status));
  const partyMatch = (t: TaskRow) =>
    (!query.parties && !query.partyAsWritten) || t.parties.some((p) => (query.parties?.includes(p.name) ?? false) || p.mention === query.partyAsWritten || p.name === query.partyAsWritten);
  const shown = inScope.filter(
    (t) =>
      partyMatch(t) &&
      (!query.role || t.parties.some((p) => p.role === query.role && ((!query.parties && !query.partyAsWritten) || query.parties?.includes(p.name) || p.mention === query.partyAsWritten))) &&
      (!query.doc || t.document.slug === query.doc) &&
      (!query.issuer || (t.document.issuer ?? "").includes(query.issuer)) &&
      (!query.kind || t.document.kind === query.kind) &&
      (!query.year || (t.state?.day ?? t.deadline?.date)?.startsWith(String(query.year))) &&
      (!query.dueBefore || ((t.state?.day ?? t.deadline?.date ?? "9999") <= query.dueBefore)) &&
      (!query.dueAfter || ((t.state?.day ?? t.deadline?.date ?? "") >= query.dueAfter)) &&
      (!query.overdue || t.state?.status === "overdue") &&
      (!query.status || t.state?.status === query.status || (query.status === "undated" && !t.state)),
  );
  const years = [...new Set(inScope.flatMap((t) => (t.state?.day ? [Number(t.state.day.slice(0, 4))] : [])))].sort((a, b) => a - b);
  const byChinese = (a: string, b: string) => a.localeCompare(b, "zh-Hans-CN");
  return {
    rows: shown,
    total: inScope.length,
    options: {
      parties: [...new Set(inScope.flatMap((t) => t.parties.map((p) => p.name)))].sort(byChinese),
      documents: [...new Map(inScope.map((t) => [t.document.slug, { slug: t.document.slug, title: t.document.title }])).values()],
      years,
      issuers: [...new Set(inScope.flatMap((t) => (t.document.issuer ? [t.document.issuer] : [])))].sort(byChinese),
      kinds: [...new Set(inScope.flatMap((t) => (t.document.kind ? [t.document.kind] : [])))].sort(byChinese),
    },
  };
}
