/**
 * Tables shared by a page and its exports: the page renders these cells and
 * the CSV/XLSX files write the same text, so a download matches the screen.
 * A cell may carry a typed value (a day, a number) that a spreadsheet keeps
 * as such; the filters that produced a table travel with it as a caption.
 */
import type { DeadlineItem, DeadlineState, FactSource } from "../db/deadlines";
import type { LinkRow, TargetRow } from "../db/facts";
import type { PartyLedger } from "../db/parties";
import type { TaskList, TaskParty } from "../db/tasks";
import { documentPath } from "../site/citation";
import { DEADLINE_LABELS, DEADLINE_STATUS_LABELS, LINK_LABELS, RESPONSIBILITY_LABELS, targetValue } from "../site/labels";

export interface Cell {
  text: string;
  /** A link on the page (site path). */
  href?: string;
  /** The value a spreadsheet keeps: a calendar day (YYYY-MM-DD) or a number. */
  value?: { day: string } | { number: number };
}

export interface Table {
  columns: string[];
  rows: Cell[][];
  /** What produced the table (its filters), written above the header in exports. */
  caption?: string;
}

const text = (value: string | null | undefined): Cell => ({ text: value ?? "—" });
const day = (value: string | null | undefined): Cell => (value ? { text: value, value: { day: value } } : text(null));
const number = (value: number | null | undefined): Cell => (value === null || value === undefined ? text(null) : { text: String(value), value: { number: value } });

/** 状态 of a deadline state: 逾期 / 今天到期 / 未到期 / 无时限 / 起始日期 / 随文件失效. */
export function statusCell(state: DeadlineState | null): Cell {
  return text(DEADLINE_STATUS_LABELS[state?.status ?? "undated"]);
}

/** Parties as written in a ledger cell: 工业和信息化部（牵头）、财政部（配合）, inherited ones saying from where. */
function partiesCell(parties: TaskParty[]): Cell {
  if (!parties.length) return text(null);
  const names = parties.map((p) => `${p.name}（${RESPONSIBILITY_LABELS[p.role]}）${correctedNote(p.corrected)}`).join("、");
  return text(`${names}${inheritedNote(parties[0]?.inherited ?? null)}`);
}

/** 〔人工校正〕 after a fact an editor corrected, so a filed copy says which facts a person set. */
export function correctedNote(corrected: boolean | undefined): string {
  return corrected ? "〔人工校正〕" : "";
}

/** 〔继承自（二）〕 / 〔继承自全文〕 after a fact a task takes from above; nothing for its own. */
function inheritedNote(from: FactSource | null): string {
  return from ? `〔继承自${from.provision?.citation ?? "全文"}〕` : "";
}

/** Columns and rows of a party's ledger. */
export function ledgerTable(ledger: PartyLedger, caption?: string): Table {
  return {
    caption,
    // 文中名称: which name (alias) the document used for the party.
    columns: ["文件", "条款", "角色", "文中名称", "原文", "时限（原文）", "日期", "剩余天数", "状态"],
    rows: ledger.rows.map((r) => [
      { text: r.document.title ?? r.document.slug, href: documentPath(r.document.slug) },
      r.provision ? { text: [r.provision.citation, r.provision.heading].filter(Boolean).join(" "), href: documentPath(r.document.slug, { provision: r.provision.id }) } : text("全文"),
      text(`${RESPONSIBILITY_LABELS[r.role]}${correctedNote(r.corrected)}`),
      text(r.mention),
      text(r.words),
      text(r.deadline ? `${r.deadline.text}（${DEADLINE_LABELS[r.deadline.kind]}）` : null),
      day(r.state?.day ?? r.deadline?.date),
      number(r.state?.daysLeft ?? null),
      statusCell(r.state),
    ]),
  };
}

/** A provision's words as one line: heading and text. */
function taskText(p: { heading: string | null; text: string }): string {
  return p.text.replace(/\s*\n\s*/g, " ").trim() || p.heading || "";
}

const documentCell = (d: { slug: string; title: string | null }): Cell => ({ text: d.title ?? d.slug, href: documentPath(d.slug) });
const provisionCell = (slug: string, p: { id: string; citation: string; heading?: string | null } | null): Cell =>
  p ? { text: [p.citation, p.heading].filter(Boolean).join(" "), href: documentPath(slug, { provision: p.id }) } : text("全文");

/** Columns and rows of deadlines across documents. */
export function deadlinesTable(items: DeadlineItem[], caption?: string): Table {
  return {
    caption,
    columns: ["文件", "文号", "条款", "时限（原文）", "类型", "日期", "剩余天数", "状态", "责任单位（角色）"],
    rows: items.map((d) => [
      documentCell(d.document),
      text(d.document.docNumber),
      provisionCell(d.document.slug, d.provision),
      text(d.text),
      text(DEADLINE_LABELS[d.kind]),
      day(d.day ?? d.date),
      number(d.daysLeft),
      statusCell(d),
      text(d.parties.length ? d.parties.map((p) => `${p.name}（${RESPONSIBILITY_LABELS[p.role]}）`).join("、") : null),
    ]),
  };
}

/** Columns and rows of targets across documents. */
export function targetsTable(rows: TargetRow[], caption?: string): Table {
  return {
    caption,
    columns: ["文件", "文号", "条款", "目标", "目标值", "原文", "时限", "落实条款"],
    rows: rows.map((t) => [
      documentCell(t.document),
      text(t.document.docNumber),
      provisionCell(t.document.slug, t.provision),
      text(t.subject || null),
      text(targetValue(t)),
      text(t.text),
      day(t.deadline),
      text(t.serves.length ? t.serves.map((s) => s.provision.citation).join("、") : null),
    ]),
  };
}

/** Columns and rows of links across documents. */
export function linksTable(rows: LinkRow[], caption?: string): Table {
  return {
    caption,
    columns: ["文件", "条款", "关联条款", "关联类型", "方式", "强度", "依据"],
    rows: rows.map((l) => [
      documentCell(l.document),
      provisionCell(l.document.slug, l.from),
      provisionCell(l.document.slug, l.to),
      text(LINK_LABELS[l.kind]),
      text(l.method === "explicit" ? "明示" : "推断"),
      number(l.strength),
      text(l.why),
    ]),
  };
}

/** Columns and rows of the task list: what a clerk files (文件, 文号, 发文机关, 条款, 任务内容, 责任单位, 时限, 日期, 剩余天数, 状态). */
export function tasksTable(tasks: TaskList, caption?: string): Table {
  return {
    caption,
    columns: ["文件", "文号", "发文机关", "条款", "任务内容", "责任单位（角色）", "时限（原文）", "日期", "剩余天数", "状态"],
    rows: tasks.rows.map((t) => [
      { text: t.document.title ?? t.document.slug, href: documentPath(t.document.slug) },
      text(t.document.docNumber),
      text(t.document.issuer),
      { text: t.provision.citation, href: documentPath(t.document.slug, { provision: t.provision.id }) },
      text(taskText(t.provision)),
      partiesCell(t.parties),
      text(t.deadline ? `${t.deadline.text}${inheritedNote(t.deadline.inherited)}${correctedNote(t.deadline.corrected)}` : null),
      day(t.state?.day ?? t.deadline?.date),
      number(t.state?.daysLeft ?? null),
      statusCell(t.state),
    ]),
  };
}

