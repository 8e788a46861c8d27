/**
 * Parties (责任单位) and their ledgers (台账): every responsibility a party
 * has in the current documents, with the provision it stands in and the
 * provision's deadline.
 */
import { isResponsibilityRole, type DeadlineKind, type ResponsibilityRole, type Role } from "../parser";
import { dbReady } from "./client";
import { daysLeft, pickDeadline, type DeadlineRef } from "./deadlines";

export interface PartySummary {
  name: string;
  kind: string;
  aliases: string[];
  /** Responsibilities in current documents. */
  responsibilityCount: number;
}

const byChinese = (a: string, b: string) => a.localeCompare(b, "zh-Hans-CN");

/** Every party with responsibilities in current documents, most responsibilities first. */
export async function listParties(options: { q?: string } = {}): Promise<PartySummary[]> {
  const client = await dbReady();
  const rows = await client.party.findMany({
    select: {
      name: true,
      kind: true,
      aliases: { select: { alias: true }, orderBy: { alias: "asc" } },
      _count: { select: { responsibilities: { where: { document: { isCurrent: true } } } } },
    },
  });
  const q = options.q?.trim();
  return rows
    .filter((p) => p._count.responsibilities > 0)
    .map((p) => ({ name: p.name, kind: p.kind, aliases: p.aliases.map((a) => a.alias).filter((a) => a !== p.name), responsibilityCount: p._count.responsibilities }))
    .filter((p) => !q || p.name.includes(q) || p.aliases.some((a) => a.includes(q)))
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
  deadline: DeadlineRef | null;
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
}

const ROLE_ORDER: ResponsibilityRole[] = ["lead", "responsible", "support", "coordinate", "supervise", "interpret", "subject"];

function matchesDue(row: LedgerRow, due: DueFilter | undefined): boolean {
  if (!due) return true;
  if (due === "undated") return row.daysLeft === null;
  if (row.daysLeft === null) return false;
  return due === "overdue" ? row.daysLeft < 0 : row.daysLeft >= 0;
}

function compareRows(sort: LedgerSort): (a: LedgerRow, b: LedgerRow) => number {
  const byDocument = (a: LedgerRow, b: LedgerRow) => byChinese(a.document.title ?? a.document.slug, b.document.title ?? b.document.slug);
  const byDate = (a: LedgerRow, b: LedgerRow) => (a.deadline?.date ?? "9999").localeCompare(b.deadline?.date ?? "9999");
  if (sort === "document") return (a, b) => byDocument(a, b) || byDate(a, b);
  if (sort === "role") return (a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || byDate(a, b);
  return (a, b) => byDate(a, b) || byDocument(a, b);
}

/** Finds a party by its canonical name or any alias. */
async function findParty(name: string) {
  const client = await dbReady();
  const select = { id: true, name: true, kind: true, aliases: { select: { alias: true } } } as const;
  return (await client.party.findUnique({ where: { name }, select })) ?? (await client.partyAlias.findUnique({ where: { alias: name }, select: { party: { select } } }))?.party ?? null;
}

/** A party's ledger, filtered and sorted; null when no party has that name or alias. */
export async function getPartyLedger(name: string, query: LedgerQuery): Promise<PartyLedger | null> {
  const party = await findParty(name);
  if (!party) return null;
  const client = await dbReady();
  const rows = await client.responsibility.findMany({
    where: { partyId: party.id, document: { isCurrent: true } },
    orderBy: [{ documentId: "asc" }, { start: "asc" }],
    select: {
      role: true,
      mention: true,
      text: true,
      document: { select: { slug: true, title: true } },
      provision: { select: { eid: true, citation: true, label: true, heading: true, role: true, deadlines: { select: { text: true, date: true, kind: true }, orderBy: { start: "asc" } } } },
    },
  });
  const all: LedgerRow[] = rows.map((r) => {
    const deadline = r.provision ? pickDeadline(r.provision.deadlines.map((d) => ({ text: d.text, date: d.date, kind: d.kind as DeadlineKind })), query.today) : null;
    return {
      document: r.document,
      provision: r.provision ? { id: r.provision.eid, citation: r.provision.citation, label: r.provision.label, heading: r.provision.heading, role: r.provision.role as Role } : null,
      role: isResponsibilityRole(r.role) ? r.role : "responsible",
      mention: r.mention,
      words: r.text,
      deadline,
      daysLeft: daysLeft(deadline, query.today),
    };
  });
  const documents = [...new Map(all.map((r) => [r.document.slug, r.document])).values()];
  const roles = ROLE_ORDER.filter((role) => all.some((r) => r.role === role));
  const rowsShown = all
    .filter((r) => (!query.role || r.role === query.role) && (!query.doc || r.document.slug === query.doc) && matchesDue(r, query.due))
    .sort(compareRows(query.sort ?? "deadline"));
  return {
    party: { name: party.name, kind: party.kind, aliases: party.aliases.map((a) => a.alias).filter((a) => a !== party.name) },
    rows: rowsShown,
    total: all.length,
    documents,
    roles,
  };
}
