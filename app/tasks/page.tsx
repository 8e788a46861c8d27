import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/DataTable";
import { FilterSelect } from "@/components/FilterSelect";
import { Pagination } from "@/components/Pagination";
import { DEADLINE_STATUSES } from "@/lib/db/deadlines";
import { listTasks } from "@/lib/db/tasks";
import { tasksTable } from "@/lib/export/table";
import { RESPONSIBILITY_ROLES } from "@/lib/parser";
import { taskFiltersCaption, taskFiltersOf, taskQueryOf, taskFilterValues } from "@/lib/site/ledger";
import { DEADLINE_STATUS_LABELS, RESPONSIBILITY_LABELS } from "@/lib/site/labels";
import { intParam, queryString, type RawSearchParams } from "@/lib/site/params";
import { todayInChina } from "@/lib/status";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "任务台账" };

const PAGE_SIZE = 50;

export default async function TasksPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = await searchParams;
  const today = todayInChina();
  const filters = taskFiltersOf(params);
  const tasks = await listTasks(await taskQueryOf(filters, today));
  const table = tasksTable(tasks);
  const pages = Math.max(1, Math.ceil(table.rows.length / PAGE_SIZE));
  const page = Math.min(intParam(params, "page", 1), pages);
  const shown = { columns: table.columns, rows: table.rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) };
  const values = taskFilterValues(filters);
  const filtered = Object.values(values).some((v) => v !== undefined);
  return (
    <>
      <h1>任务台账</h1>
      <p className="lead">
        {filters.all ? "全部文件" : "现行有效文件"}中的任务条款，连同责任单位和完成时限；条款自身未写明的，取其上级条款的（标注“继承自”）。
      </p>
      {filters.asOf && (
        <p className="version-note as-of-note" role="note">
          按 {filters.asOf} 的状态显示：当日有效的文件（各取当日适用的版本）中的任务，时限状态按当日计算。<Link href={`/tasks${queryString({ ...values, asOf: undefined })}`}>回到今天</Link>
        </p>
      )}
      <form className="filters" method="get" action="/tasks" aria-label="筛选任务">
        <label>
          责任单位
          <input name="party" list="task-parties" defaultValue={filters.party ?? ""} placeholder="全称、简称或文中写法" />
          <datalist id="task-parties">
            {tasks.options.parties.map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
        </label>
        <FilterSelect label="角色" name="role" value={filters.role} options={RESPONSIBILITY_ROLES.filter((r) => r !== "interpret" && r !== "subject").map((r) => ({ value: r, label: RESPONSIBILITY_LABELS[r] }))} />
        <FilterSelect label="文件" name="doc" value={filters.doc} options={tasks.options.documents.map((d) => ({ value: d.slug, label: d.title ?? d.slug }))} />
        <FilterSelect label="时限年份" name="year" value={filters.year} options={tasks.options.years.map((y) => ({ value: y, label: String(y) }))} />
        <FilterSelect label="状态" name="status" value={filters.status} options={DEADLINE_STATUSES.map((s) => ({ value: s, label: DEADLINE_STATUS_LABELS[s] }))} />
        <label>
          查看日期
          <input type="date" name="asOf" defaultValue={filters.asOf ?? ""} />
        </label>
        <label className="checkbox">
          <span>
            <input type="checkbox" name="all" value="1" defaultChecked={filters.all} /> 包括已失效文件
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
      <p className="muted">{taskFiltersCaption(filters, today)}</p>
      <div className="export-links">
        <span className="muted">导出全部 {tasks.rows.length} 行：</span>
        <a href={`/tasks/export${queryString({ ...values, format: "csv" })}`} download>
          CSV
        </a>
        <a href={`/tasks/export${queryString({ ...values, format: "xlsx" })}`} download>
          Excel（XLSX）
        </a>
      </div>
      {shown.rows.length ? <DataTable table={shown} label="任务列表" id="tasks" /> : <p className="empty">没有符合条件的任务。</p>}
      <Pagination path="/tasks" values={values} page={page} pages={pages} label="任务分页" />
    </>
  );
}
