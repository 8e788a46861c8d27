/**
 * Tasks across documents: every provision whose role is `task` in a current
 * document, with the parties responsible for it and its deadline.
 */
import { isResponsibilityRole, type DeadlineKind, type ResponsibilityRole } from "../parser";
import { dbReady } from "./client";
import { daysLeft, pickDeadline, type DeadlineRef } from "./deadlines";

export interface TaskQuery {
  today: string;
  /** Party name (canonical). */
  party?: string;
  /** Document slug. */
  doc?: string;
  /** Year of the task's deadline. */
  year?: number;
  overdue?: boolean;
}

export interface TaskRow {
  document: { slug: string; title: string | null };
  provision: { id: string; citation: string; label: string | null; heading: string | null; text: string };
  parties: Array<{ name: string; role: ResponsibilityRole }>;
  deadline: DeadlineRef | null;
  daysLeft: number | null;
}

export interface TaskList {
  rows: TaskRow[];
  /** Tasks before filtering. */
  total: number;
  options: { parties: string[]; documents: Array<{ slug: string; title: string | null }>; years: number[] };
}

/** Every task of the current documents, in document order, filtered. */
export async function listTasks(query: TaskQuery): Promise<TaskList> {
  const client = await dbReady();
  const rows = await client.provision.findMany({
    where: { role: "task", document: { isCurrent: true } },
    orderBy: [{ documentId: "asc" }, { order: "asc" }],
    select: {
      eid: true,
      citation: true,
      label: true,
      heading: true,
      text: true,
      document: { select: { slug: true, title: true } },
      responsibilities: { select: { role: true, party: { select: { name: true } } }, orderBy: { start: "asc" } },
      deadlines: { select: { text: true, date: true, kind: true }, orderBy: { start: "asc" } },
    },
  });
  const all: TaskRow[] = rows.map((p) => {
    const deadline = pickDeadline(p.deadlines.map((d) => ({ text: d.text, date: d.date, kind: d.kind as DeadlineKind })), query.today);
    const parties = [...new Map(p.responsibilities.map((r) => [r.party.name, { name: r.party.name, role: isResponsibilityRole(r.role) ? r.role : ("responsible" as const) }])).values()];
    return {
      document: p.document,
      provision: { id: p.eid, citation: p.citation, label: p.label, heading: p.heading, text: p.text },
      parties,
      deadline,
      daysLeft: daysLeft(deadline, query.today),
    };
  });
  const shown = all.filter(
    (t) =>
      (!query.party || t.parties.some((p) => p.name === query.party)) &&
      (!query.doc || t.document.slug === query.doc) &&
      (!query.year || t.deadline?.date?.startsWith(String(query.year))) &&
      (!query.overdue || (t.daysLeft !== null && t.daysLeft < 0)),
  );
  const years = [...new Set(all.flatMap((t) => (t.deadline?.date ? [Number(t.deadline.date.slice(0, 4))] : [])))].sort((a, b) => a - b);
  return {
    rows: shown,
    total: all.length,
    options: {
      parties: [...new Set(all.flatMap((t) => t.parties.map((p) => p.name)))].sort((a, b) => a.localeCompare(b, "zh-Hans-CN")),
      documents: [...new Map(all.map((t) => [t.document.slug, t.document])).values()],
      years,
    },
  };
}
