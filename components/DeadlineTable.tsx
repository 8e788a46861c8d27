/** Deadlines as a table: date, words, kind, document and provision, who must meet it, days left and status. */
import type { DeadlineItem } from "@/lib/db/deadlines";
import { documentPath, partyPath } from "@/lib/site/citation";
import { DEADLINE_LABELS, DEADLINE_STATUS_LABELS, RESPONSIBILITY_LABELS, daysLeftLabel } from "@/lib/site/labels";

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
            <th scope="col">责任单位</th>
            <th scope="col">剩余</th>
            <th scope="col">状态</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d, i) => (
            <tr key={i} className={d.status === "overdue" ? "overdue" : undefined}>
              <td className="nowrap" data-label="日期">
                {d.day ?? d.date ?? "—"}
                {d.recurring && d.day !== d.date ? <span className="muted">（每年，首次 {d.date}）</span> : null}
              </td>
              <td data-label="时限">{d.text}</td>
              <td className="hide-narrow nowrap" data-label="类型">{DEADLINE_LABELS[d.kind]}</td>
              {showDocument && (
                <td data-label="文件">
                  <a href={documentPath(d.document.slug)}>{d.document.title ?? d.document.slug}</a>
                </td>
              )}
              <td data-label="条款">{d.provision ? <a href={documentPath(d.document.slug, { version, provision: d.provision.id })}>{d.provision.citation}</a> : "全文"}</td>
              <td data-label="责任单位">
                {d.parties.length
                  ? d.parties.map((p, k) => (
                      <span key={p.name}>
                        {k > 0 ? "、" : ""}
                        <a href={partyPath(p.name)}>{p.name}</a>（{RESPONSIBILITY_LABELS[p.role]}）
                      </span>
                    ))
                  : "—"}
              </td>
              <td data-label="剩余" className={d.status === "overdue" ? "days-overdue" : d.daysLeft !== null ? "days-open" : undefined}>
                {d.status === "overdue" || d.status === "open" || d.status === "today" ? daysLeftLabel(d.daysLeft) : "—"}
              </td>
              <td data-label="状态" className={d.status === "overdue" ? "days-overdue" : undefined}>
                {DEADLINE_STATUS_LABELS[d.status]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
