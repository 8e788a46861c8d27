/**
 * Parties (责任单位) and their ledgers (台账): every responsibility a party
 * has in the current documents, with the provision it stands in and the
 * provision's deadline.
 */
import type { ResponsibilityRole, Role } from "../parser";
import { nameVariants } from "../parties/resolve";
import { isLapsed } from "../status";
import { dbReady } from "./client";
import { deadlineOf, deadlineState, type DeadlineRef, type DeadlineState } from "./deadlines";
import { loadLedgerFacts, type LedgerResponsibility } from "./ledger-source";
import { correctedDocumentIds } from "./correction-rows";
import { taskRows } from "./tasks";

export interface PartySummary {
  name: string;
  kind: string;
  aliases: string[];
  /** Responsibilities in documents in force. */
  responsibilityCount: number;
  /** Tasks it carries (own or inherited), as /tasks?party= counts them. */
  taskCount: number;
}

const byChinese = (a: string, b: string) => a.localeCompare(b, "zh-Hans-CN");

/**
 * Every party with responsibilities in documents in force (or in all current
 * documents), most first, with the count of tasks it carries (its own or
 * inherited from above: what /tasks?party= lists).
 */
export async function listParties(options: { q?: string; today: string; all?: boolean }): Promise<PartySummary[]> {
  const client = await dbReady();
  const facts = await loadLedgerFacts({ today: options.today });
  const inScope = (documentId: number) => options.all || !isLapsed(facts.documents.get(documentId)?.status ?? "现行有效");
  const responsibilityCount = new Map<string, number>();
  for (const rows of [...facts.responsibilities.values(), ...facts.documentResponsibilities.values()])
    for (const r of rows) if (inScope(r.documentId)) responsibilityCount.set(r.party, (responsibilityCount.get(r.party) ?? 0) + 1);
  const taskCount = new Map<string, number>();
  for (const t of taskRows(facts, options.today))
    if (options.all || !isLapsed(t.document.status)) for (const name of new Set(t.parties.map((x) => x.name))) taskCount.set(name, (taskCount.get(name) ?? 0) + 1);
  const rows = await client.party.findMany({ where: { name: { in: [...responsibilityCount.keys()] } }, select: { name: true, kind: true, aliases: { select: { alias: true }, orderBy: { alias: "asc" } } } });
  const q = options.q?.trim();
  // Any name form finds its party: part of a name or alias, or a name as a document wrote it (省发展改革委).
  const resolved = new Set(q ? await resolveParty(q) : []);
  return rows
    .map((p) => ({ name: p.name, kind: p.kind, aliases: p.aliases.map((a) => a.alias).filter((a) => a !== p.name), responsibilityCount: responsibilityCount.get(p.name) ?? 0, taskCount: taskCount.get(p.name) ?? 0 }))
    .filter((p) => !q || resolved.has(p.name) || p.name.includes(q) || p.aliases.some((a) => a.includes(q)))
    .sort((a, b) => b.responsibilityCount - a.responsibilityCount || byChinese(a.name, b.name));
}

export type LedgerSort = "deadline" | "document" | "role";
export const LEDGER_SORTS: LedgerSort[] = ["deadline", "document", "role"];
export type DueFilter = "overdue" | "open" | "undated";
export const DUE_FILTERS: DueFilter[] = ["overdue", "open", "undated"];

export interface LedgerQuery {
  today: string;
  role?: ResponsibilityRole;
  /** Document slug. */
  doc?: string;
  due?: DueFilter;
  sort?: LedgerSort;
  /** Include documents no longer in force (现行文件 only by default). */
  all?: boolean;
}

export interface LedgerRow {
  document: { slug: string; title: string | null };
  /** Null when the responsibility belongs to the document as a whole. */
  provision: { id: string; citation: string; label: string | null; heading: string | null; role: Role } | null;
  role: ResponsibilityRole;
  /** The name as written in the document. */
  mention: string;
  /** The words it came from. */
  words: string;
  /** Set when an editor corrected the responsibility. */
  corrected?: boolean;
  deadline: DeadlineRef | null;
  /** What the deadline means today (only due dates and milestones of documents in force can be overdue). */
  state: DeadlineState | null;
  daysLeft: number | null;
}

export interface PartyLedger {
  party: { name: string; kind: string; aliases: string[] };
  rows: LedgerRow[];
  /** Rows before filtering. */
  total: number;
  /** What the filters can choose from (over all rows). */
  documents: Array<{ slug: string; title: string | null }>;
  roles: ResponsibilityRole[];
  /** Tasks the party carries (own or inherited): the rows /tasks?party= lists. */
  tasks: number;
}

const ROLE_ORDER: ResponsibilityRole[] = ["lead", "responsible", "support", "coordinate", "supervise", "interpret", "subject"];

function matchesDue(row: LedgerRow, due: DueFilter | undefined): boolean {
  if (!due) return true;
  if (due === "undated") return !row.state || row.state.status === "undated";
  if (due === "overdue") return row.state?.status === "overdue";
  return row.state?.status === "open" || row.state?.status === "today";
}

function compareRows(sort: LedgerSort): (a: LedgerRow, b: LedgerRow) => number {
  const byDocument = (a: LedgerRow, b: LedgerRow) => byChinese(a.document.title ?? a.document.slug, b.document.title ?? b.document.slug);
  const byDate = (a: LedgerRow, b: LedgerRow) => (a.deadline?.date ?? "9999").localeCompare(b.deadline?.date ?? "9999");
  if (sort === "document") return (a, b) => byDocument(a, b) || byDate(a, b);
  if (sort === "role") return (a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || byDate(a, b);
  return (a, b) => byDate(a, b) || byDocument(a, b);
}

/**
 * The parties a name stands for, whatever form it is written in: a canonical
 * name, an alias (工信部 → 工业和信息化部), a name as a document wrote it
 * (省发展改革委 → the party it was stored under), or another form of any of
 * these (省经信委 finds what a document wrote 省经济和信息化委). Empty when none.
 */
export async function resolveParty(name: string): Promise<string[]> {
  const q = name.trim();
  // No name holds a NUL (PostgreSQL text cannot: the query would fail).
  if (!q || q.includes("\u0000")) return [];
  const forms = [q, ...nameVariants(q)];
  const client = await dbReady();
  const [byName, byAlias, byMention] = await Promise.all([
    client.party.findMany({ where: { name: { in: forms } }, select: { name: true } }),
    client.partyAlias.findMany({ where: { alias: { in: forms } }, select: { party: { select: { name: true } } } }),
    client.responsibility.findMany({ where: { mention: { in: forms } }, select: { party: { select: { name: true } } }, distinct: ["partyId"], take: 20 }),
  ]);
  return [...new Set([...byName.map((p) => p.name), ...byAlias.map((a) => a.party.name), ...byMention.map((r) => r.party.name)])];
}

/** Finds a party by its canonical name or any alias. */
async function findParty(name: string) {
  if (name.includes("\u0000")) return null;
  const client = await dbReady();
  const select = { id: true, name: true, kind: true, aliases: { select: { alias: true } } } as const;
  return (await client.party.findUnique({ where: { name }, select })) ?? (await client.partyAlias.findUnique({ where: { alias: name }, select: { party: { select } } }))?.party ?? null;
}

/** A party's ledger, filtered and sorted; null when no party has that name or alias. */
export async function getPartyLedger(name: string, query: LedgerQuery): Promise<PartyLedger | null> {
  const party = await findParty(name);
  if (!party) return null;
  const client = await dbReady();
  const documentIds = (await client.responsibility.findMany({ where: { partyId: party.id, document: { isCurrent: true } }, select: { documentId: true }, distinct: ["documentId"] })).map((r) => r.documentId);
  // A correction may give the party a responsibility its parse did not.
  for (const id of await correctedDocumentIds()) if (!documentIds.includes(id)) documentIds.push(id);
  const facts = await loadLedgerFacts({ today: query.today, documentIds });
  const inScope = (documentId: number) => query.all || !isLapsed(facts.documents.get(documentId)!.status);
  const all: LedgerRow[] = [];
  const provisionsById = new Map(facts.provisions.map((p) => [p.id, p]));
  const rowsOf = (rows: LedgerResponsibility[]) => rows.filter((r) => r.party === party.name && inScope(r.documentId));
  const responsibilities = [...[...facts.responsibilities.values()].flat(), ...[...facts.documentResponsibilities.values()].flat()];
  for (const r of rowsOf(responsibilities)) {
    const doc = facts.documents.get(r.documentId)!;
    const p = r.provisionId !== null ? provisionsById.get(r.provisionId) : undefined;
    const found = p ? deadlineOf(facts, p, query.today) : null;
    const state = found ? deadlineState(found.deadline, { today: query.today, documentStatus: doc.status }) : null;
    all.push({
      document: { slug: doc.slug, title: doc.title },
      provision: p ? { id: p.eid, citation: p.citation, label: p.label, heading: p.heading, role: p.role as Role } : null,
      role: r.role,
      mention: r.mention,
      words: r.words,
      ...(r.corrected ? { corrected: true } : {}),
      deadline: found ? { text: found.deadline.text, date: found.deadline.date, kind: found.deadline.kind } : null,
      state,
      daysLeft: state?.daysLeft ?? null,
    });
  }
  // Tasks the party carries, its own or inherited from above: the rows /tasks?party= lists.
  const tasks = taskRows(facts, query.today).filter((t) => (query.all || !isLapsed(t.document.status)) && t.parties.some((x) => x.name === party.name)).length;
  const documents = [...new Map(all.map((r) => [r.document.slug, r.document])).values()];
  const roles = ROLE_ORDER.filter((role) => all.some((r) => r.role === role));
  const rowsShown = all
    .filter((r) => (!query.role || r.role === query.role) && (!query.doc || r.document.slug === query.doc) && matchesDue(r, query.due))
    .sort(compareRows(query.sort ?? "deadline"));
  return {
    party: { name: party.name, kind: party.kind, aliases: party.aliases.map((a) => a.alias).filter((a) => a !== party.name) },
    rows: rowsShown,
    total: all.length,
    tasks,
    documents,
    roles,
  };
}
