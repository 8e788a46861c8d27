import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/DataTable";
import { Pagination } from "@/components/Pagination";
import { listTasks } from "@/lib/db/tasks";
import { tasksTable } from "@/lib/export/table";
import { taskQueryOf } from "@/lib/site/ledger";
import { intParam, queryString, type RawSearchParams } from "@/lib/site/params";
import { todayInChina } from "@/lib/status";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "任务台账" };

const PAGE_SIZE = 50;

export default async function TasksPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = await searchParams;
  const query = taskQueryOf(params, todayInChina());
  const tasks = await listTasks(query);
  const table = tasksTable(tasks);
  const pages = Math.max(1, Math.ceil(table.rows.length / PAGE_SIZE));
  const page = Math.min(intParam(params, "page", 1), pages);
  const shown = { columns: table.columns, rows: table.rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) };
  const filters = { party: query.party, doc: query.doc, year: query.year, overdue: query.overdue ? "1" : undefined };
  const filtered = Boolean(query.party || query.doc || query.year || query.overdue);
  return (
    <>
      <h1>任务台账</h1>
      <p className="lead">现行文件中的全部任务条款，连同责任单位和完成时限。</p>
      <form className="filters" method="get" action="/tasks" aria-label="筛选任务">
        <label>
          责任单位
          <input name="party" list="task-parties" defaultValue={query.party ?? ""} placeholder="输入或选择单位" />
          <datalist id="task-parties">
            {tasks.options.parties.map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
        </label>
        <label>
          文件
          <select name="doc" defaultValue={query.doc ?? ""}>
            <option value="">全部</option>
            {tasks.options.documents.map((d) => (
              <option key={d.slug} value={d.slug}>
                {d.title ?? d.slug}
              </option>
            ))}
          </select>
        </label>
        <label>
          时限年份
          <select name="year" defaultValue={query.year?.toString() ?? ""}>
            <option value="">全部</option>
            {tasks.options.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <span>
            <input type="checkbox" name="overdue" value="1" defaultChecked={query.overdue} /> 只看已逾期
          </span>
        </label>
        <div className="actions">
          <button type="submit">筛选</button>
          {filtered && <Link href="/tasks">清除筛选</Link>}
        </div>
      </form>
      <p className="result-count" role="status">
        {filtered ? `筛选出 ${tasks.rows.length} / ${tasks.total} 项任务` : `共 ${tasks.total} 项任务`}
        {pages > 1 ? `，第 ${page} / ${pages} 页` : ""}
      </p>
      <div className="export-links">
        <span className="muted">导出全部 {tasks.rows.length} 行：</span>
        <a href={`/tasks/export${queryString({ ...filters, format: "csv" })}`} download>
          CSV
        </a>
        <a href={`/tasks/export${queryString({ ...filters, format: "xlsx" })}`} download>
          Excel（XLSX）
        </a>
      </div>
      {shown.rows.length ? <DataTable table={shown} label="任务列表" id="tasks" /> : <p className="empty">没有符合条件的任务。</p>}
      <Pagination path="/tasks" values={filters} page={page} pages={pages} label="任务分页" />
    </>
  );
}
