import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataTable } from "@/components/DataTable";
import { FilterSelect } from "@/components/FilterSelect";
import { getPartyLedger } from "@/lib/db/parties";
import { ledgerTable } from "@/lib/export/table";
import { DUE_FILTER_LABELS, RESPONSIBILITY_LABELS } from "@/lib/site/labels";
import { ledgerFiltersCaption, ledgerQueryOf } from "@/lib/site/ledger";
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

export default async function PartyPage({ params, searchParams }: Props) {
  const name = decodeSegment((await params).name);
  const query = ledgerQueryOf(await searchParams, todayInChina());
  const ledger = await getPartyLedger(name, query);
  if (!ledger) notFound();
  const table = ledgerTable(ledger, ledgerFiltersCaption(ledger.party.name, query));
  const base = `/parties/${encodeURIComponent(ledger.party.name)}`;
  const filters = { role: query.role, doc: query.doc, due: query.due, sort: query.sort, all: query.all ? "1" : undefined };
  const filtered = Boolean(query.role || query.doc || query.due || query.all);
  const overdue = ledger.rows.filter((r) => r.state?.status === "overdue").length;
  return (
    <>
      <p className="doc-kicker">
        <Link href="/parties">责任单位</Link> ›
      </p>
      <h1>{ledger.party.name} · 任务台账</h1>
      {ledger.party.aliases.length > 0 && <p className="party-aliases">又称：{ledger.party.aliases.join("、")}</p>}
      <p className="ledger-summary">
        <span>共 {ledger.total} 项责任</span>
        <span>
          承担 <Link href={`/tasks${queryString({ party: ledger.party.name, all: query.all ? "1" : undefined })}`}>{ledger.tasks} 项任务</Link>（含承接上级条款的任务）
        </span>
        <span>涉及 {ledger.documents.length} 个文件</span>
        {overdue > 0 && <span className="days-overdue">{overdue} 项已逾期</span>}
      </p>
      <form className="filters" method="get" action={base} aria-label="筛选和排序台账">
        <FilterSelect label="角色" name="role" value={query.role} options={ledger.roles.map((r) => ({ value: r, label: RESPONSIBILITY_LABELS[r] }))} />
        <FilterSelect label="文件" name="doc" value={query.doc} options={ledger.documents.map((d) => ({ value: d.slug, label: d.title ?? d.slug }))} />
        <FilterSelect label="时限" name="due" value={query.due} options={Object.entries(DUE_FILTER_LABELS).map(([value, label]) => ({ value, label }))} />
        <FilterSelect label="排序" name="sort" value={query.sort ?? "deadline"} options={Object.entries(SORT_LABELS).map(([value, label]) => ({ value, label }))} all={null} />
        <label className="checkbox">
          <span>
            <input type="checkbox" name="all" value="1" defaultChecked={Boolean(query.all)} /> 包括已失效文件
          </span>
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
