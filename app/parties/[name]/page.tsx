import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataTable } from "@/components/DataTable";
import { getPartyLedger } from "@/lib/db/parties";
import { ledgerTable } from "@/lib/export/table";
import { RESPONSIBILITY_LABELS } from "@/lib/site/labels";
import { ledgerQueryOf } from "@/lib/site/ledger";
import { decodeSegment, queryString, type RawSearchParams } from "@/lib/site/params";
import { todayInChina } from "@/lib/status";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ name: string }>;
  searchParams: Promise<RawSearchParams>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `${decodeSegment((await params).name)} 任务台账` };
}

const SORT_LABELS = { deadline: "按时限", document: "按文件", role: "按角色" } as const;
const DUE_LABELS = { overdue: "已逾期", open: "未到期", undated: "无日期" } as const;

export default async function PartyPage({ params, searchParams }: Props) {
  const name = decodeSegment((await params).name);
  const query = ledgerQueryOf(await searchParams, todayInChina());
  const ledger = await getPartyLedger(name, query);
  if (!ledger) notFound();
  const table = ledgerTable(ledger);
  const base = `/parties/${encodeURIComponent(ledger.party.name)}`;
  const filters = { role: query.role, doc: query.doc, due: query.due, sort: query.sort };
  const filtered = Boolean(query.role || query.doc || query.due);
  const overdue = ledger.rows.filter((r) => r.daysLeft !== null && r.daysLeft < 0).length;
  return (
    <>
      <p className="doc-kicker">
        <Link href="/parties">责任单位</Link> ›
      </p>
      <h1>{ledger.party.name} · 任务台账</h1>
      {ledger.party.aliases.length > 0 && <p className="party-aliases">又称：{ledger.party.aliases.join("、")}</p>}
      <p className="ledger-summary">
        <span>共 {ledger.total} 项责任</span>
        <span>涉及 {ledger.documents.length} 个文件</span>
        {overdue > 0 && <span className="days-overdue">{overdue} 项已逾期</span>}
      </p>
      <form className="filters" method="get" action={base} aria-label="筛选和排序台账">
        <label>
          角色
          <select name="role" defaultValue={query.role ?? ""}>
            <option value="">全部</option>
            {ledger.roles.map((r) => (
              <option key={r} value={r}>
                {RESPONSIBILITY_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <label>
          文件
          <select name="doc" defaultValue={query.doc ?? ""}>
            <option value="">全部</option>
            {ledger.documents.map((d) => (
              <option key={d.slug} value={d.slug}>
                {d.title ?? d.slug}
              </option>
            ))}
          </select>
        </label>
        <label>
          时限
          <select name="due" defaultValue={query.due ?? ""}>
            <option value="">全部</option>
            {Object.entries(DUE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          排序
          <select name="sort" defaultValue={query.sort ?? "deadline"}>
            {Object.entries(SORT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <div className="actions">
          <button type="submit">应用</button>
          {filtered && <Link href={base}>清除筛选</Link>}
        </div>
      </form>
      <div className="export-links">
        <span className="muted">导出当前 {table.rows.length} 行：</span>
        <a href={`${base}/export${queryString({ ...filters, format: "csv" })}`} download>
          CSV
        </a>
        <a href={`${base}/export${queryString({ ...filters, format: "xlsx" })}`} download>
          Excel（XLSX）
        </a>
      </div>
      {table.rows.length ? <DataTable table={table} label={`${ledger.party.name} 任务台账`} id="ledger" /> : <p className="empty">没有符合条件的责任。</p>}
    </>
  );
}
