/**
 * The audit log of corrections as a table: the /review/log page renders
 * these cells and its CSV/XLSX export writes the same (table.ts, csv.ts, xlsx.ts).
 */
import type { LogPage } from "../site/review";
import type { Table } from "./table";

const text = (value: string | null) => ({ text: value || "—" });

/** Columns and rows of the correction log. */
export function logTable(page: LogPage): Table {
  return {
    caption: page.caption,
    columns: ["时间", "操作", "编辑", "编号", "文件", "条款", "要素·动作", "校正后", "原解析", "理由", "当前状态"],
    rows: page.lines.map((l) => [
      text(l.at),
      text(l.event),
      text(l.editor),
      text(l.id),
      { text: l.document.text, href: l.document.href },
      l.provision.href ? { text: l.provision.text, href: l.provision.href } : text(l.provision.text),
      text(l.what),
      text(l.after),
      text(l.before),
      text(l.note),
      text(l.status),
    ]),
  };
}
