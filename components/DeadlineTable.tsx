/** Deadlines as a table: date, words, kind, document and provision, days left or overdue. */
import type { DeadlineItem } from "@/lib/db/deadlines";
import { documentPath } from "@/lib/site/citation";
import { DEADLINE_LABELS, daysLeftLabel } from "@/lib/site/labels";

export function DeadlineTable({ items, showDocument, caption, version }: { items: DeadlineItem[]; showDocument: boolean; caption: string; version?: number }) {
  if (!items.length) return <p className="muted">没有时限。</p>;
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">日期</th>
            <th scope="col">时限</th>
            <th scope="col" className="hide-narrow">
              类型
            </th>
            {showDocument && <th scope="col">文件</th>}
            <th scope="col">条款</th>
            <th scope="col">剩余</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d, i) => (
            <tr key={i} className={d.overdue ? "overdue" : undefined}>
              <td className="nowrap" data-label="日期">{d.date ?? "—"}</td>
              <td data-label="时限">{d.text}</td>
              <td className="hide-narrow nowrap" data-label="类型">{DEADLINE_LABELS[d.kind]}</td>
              {showDocument && (
                <td data-label="文件">
                  <a href={documentPath(d.document.slug)}>{d.document.title ?? d.document.slug}</a>
                </td>
              )}
              <td data-label="条款">{d.provision ? <a href={documentPath(d.document.slug, { version, provision: d.provision.id })}>{d.provision.citation}</a> : "全文"}</td>
              <td data-label="剩余" className={d.daysLeft === null ? undefined : d.daysLeft < 0 ? "days-overdue" : "days-open"}>{daysLeftLabel(d.daysLeft)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
