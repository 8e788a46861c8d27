import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/DataTable";
import { FilterSelect } from "@/components/FilterSelect";
import { logTable } from "@/lib/export/review";
import { queryString, type RawSearchParams } from "@/lib/site/params";
import { logPage, logQueryOf } from "@/lib/site/review";
import { todayInChina } from "@/lib/status";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "校正记录" };

export default async function LogPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const query = logQueryOf(await searchParams);
  const page = await logPage(query, todayInChina());
  const table = logTable(page);
  const filtered = Boolean(query.editor || query.document);
  return (
    <>
      <p className="doc-kicker">
        <Link href="/review">复核队列</Link> ›
      </p>
      <h1>校正记录</h1>
      <p className="lead">每一次人工校正和撤销：谁、何时、为何，校正前后的内容，以及在文件当前版本中的状态。</p>
      <form className="filters" method="get" action="/review/log" aria-label="筛选校正记录">
        <FilterSelect label="编辑" name="editor" value={query.editor} options={page.editors.map((e) => ({ value: e, label: e }))} />
        <FilterSelect label="文件" name="document" value={query.document} options={page.documents.map((d) => ({ value: d, label: d }))} />
        <div className="actions">
          <button type="submit">应用</button>
          {filtered && <Link href="/review/log">清除筛选</Link>}
        </div>
      </form>
      <div className="export-links">
        <span className="muted">导出当前 {table.rows.length} 行：</span>
        <a href={`/review/log/export${queryString({ editor: query.editor, document: query.document, format: "csv" })}`} download>
          CSV
        </a>
        <a href={`/review/log/export${queryString({ editor: query.editor, document: query.document, format: "xlsx" })}`} download>
          Excel（XLSX）
        </a>
      </div>
      {table.rows.length ? <DataTable table={table} label="校正记录" id="log" /> : <p className="empty">没有校正记录。</p>}
    </>
  );
}
