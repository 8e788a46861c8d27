/**
 * Tables shared by a page and its exports: the page renders these cells and
 * the CSV/XLSX files write the same text, so a download matches the screen.
 */
import type { PartyLedger } from "../db/parties";
import type { TaskList } from "../db/tasks";
import { documentPath } from "../site/citation";
import { DEADLINE_LABELS, RESPONSIBILITY_LABELS, daysLeftLabel } from "../site/labels";

export interface Cell {
  text: string;
  /** A link on the page (site path). */
  href?: string;
}

export interface Table {
  columns: string[];
  rows: Cell[][];
}

const text = (value: string | null | undefined): Cell => ({ text: value ?? "—" });

/** Columns and rows of a party's ledger. */
export function ledgerTable(ledger: PartyLedger): Table {
  return {
    // 文中名称: which name (alias) the document used for the party.
    columns: ["文件", "条款", "角色", "文中名称", "原文", "时限", "日期", "剩余天数"],
    rows: ledger.rows.map((r) => [
      { text: r.document.title ?? r.document.slug, href: documentPath(r.document.slug) },
      r.provision ? { text: [r.provision.citation, r.provision.heading].filter(Boolean).join(" "), href: documentPath(r.document.slug, { provision: r.provision.id }) } : text("全文"),
      text(RESPONSIBILITY_LABELS[r.role]),
      text(r.mention),
      text(r.words),
      text(r.deadline ? `${r.deadline.text}（${DEADLINE_LABELS[r.deadline.kind]}）` : null),
      text(r.deadline?.date),
      text(daysLeftLabel(r.daysLeft)),
    ]),
  };
}

/** A provision's heading, or the start of its text when it has none. */
function gist(p: { heading: string | null; text: string }): string {
  if (p.heading) return p.heading;
  const first = p.text.replace(/\s+/g, " ");
  return first.length > 60 ? `${first.slice(0, 60)}…` : first;
}

/** Columns and rows of the task list. */
export function tasksTable(tasks: TaskList): Table {
  return {
    columns: ["文件", "条款", "任务", "责任单位", "时限", "日期", "剩余天数"],
    rows: tasks.rows.map((t) => [
      { text: t.document.title ?? t.document.slug, href: documentPath(t.document.slug) },
      { text: t.provision.citation, href: documentPath(t.document.slug, { provision: t.provision.id }) },
      text(gist(t.provision)),
      text(t.parties.length ? t.parties.map((p) => `${p.name}（${RESPONSIBILITY_LABELS[p.role]}）`).join("、") : null),
      text(t.deadline ? t.deadline.text : null),
      text(t.deadline?.date),
      text(daysLeftLabel(t.daysLeft)),
    ]),
  };
}
