import type { Metadata } from "next";
import Link from "next/link";
import { DeadlineTable } from "@/components/DeadlineTable";
import { DeadlineTimeline } from "@/components/DeadlineTimeline";
import { FilterSelect } from "@/components/FilterSelect";
import { DEADLINE_STATUSES, listDeadlines } from "@/lib/db/deadlines";
import { resolveParty } from "@/lib/db/parties";
import { DEADLINE_STATUS_LABELS } from "@/lib/site/labels";
import { dayParam, intParam, oneOf, param, queryString, type RawSearchParams } from "@/lib/site/params";
import { todayInChina } from "@/lib/status";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "时限" };

export default async function DeadlinesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = await searchParams;
  // ?asOf=YYYY-MM-DD: the deadlines as they stood that day (documents in force then, in their version then).
  const asOf = dayParam(params, "asOf");
  const today = asOf ?? todayInChina();
  const year = intParam(params, "year", 0) || undefined;
  const party = param(params, "party");
  const doc = param(params, "doc");
  const status = oneOf(params, "status", DEADLINE_STATUSES);
  const all = await listDeadlines({ today, asOf });
  const parties = party ? await resolveParty(party) : undefined;
  const items = all.filter(
    (d) =>
      (!year || (d.day ?? d.date)?.startsWith(String(year))) &&
      (!parties || d.parties.some((p) => parties.includes(p.name) || p.name === party)) &&
      (!doc || d.document.slug === doc) &&
      (!status || d.status === status),
  );
  const current = items.filter((d) => d.status !== "lapsed");
  const lapsed = items.filter((d) => d.status === "lapsed");
  const years = [...new Set(all.flatMap((d) => ((d.day ?? d.date) ? [Number((d.day ?? d.date)!.slice(0, 4))] : [])))].sort((a, b) => a - b);
  const documents = [...new Map(all.map((d) => [d.document.slug, d.document])).values()];
  const filtered = Boolean(year || party || doc || status || asOf);
  return (
    <>
      <h1>时限</h1>
      <p className="lead">现行文件中的完成时限和阶段节点，按月分布；{asOf ? `按 ${asOf} 计算` : `今天是 ${today}`}。起始日期和期限不算逾期，每年重复的时限按下一次计；已失效文件的时限单列为“随文件失效”。</p>
      {asOf && (
        <p className="version-note as-of-note" role="note">
          按 {asOf} 的状态显示：当日有效的文件（各取当日适用的版本）中的时限，逾期与否按当日计算。<Link href={`/deadlines${queryString({ year, party, doc, status })}`}>回到今天</Link>
        </p>
      )}
      <DeadlineTimeline items={current} today={today} label="时限按月分布" />
      <form className="filters" method="get" action="/deadlines" aria-label="筛选时限">
        <label>
          责任单位
          <input name="party" defaultValue={party ?? ""} placeholder="全称、简称或文中写法" />
        </label>
        <FilterSelect label="文件" name="doc" value={doc} options={documents.map((d) => ({ value: d.slug, label: d.title ?? d.slug }))} />
        <FilterSelect label="年份" name="year" value={year} options={years.map((y) => ({ value: y, label: String(y) }))} />
        <label>
          查看日期
          <input type="date" name="asOf" defaultValue={asOf ?? ""} />
        </label>
        <FilterSelect label="状态" name="status" value={status} options={DEADLINE_STATUSES.map((s) => ({ value: s, label: `${DEADLINE_STATUS_LABELS[s]}（${all.filter((d) => d.status === s).length}）` }))} />
        <div className="actions">
          <button type="submit">筛选</button>
          {filtered && <Link href="/deadlines">清除筛选</Link>}
        </div>
      </form>
      <p className="result-count" role="status">
        {filtered ? `筛选出 ${items.length} / ${all.length} 个时限` : `共 ${all.length} 个时限`}，其中逾期 {items.filter((d) => d.status === "overdue").length} 个
      </p>
      <DeadlineTable items={current} showDocument caption="时限列表" />
      {lapsed.length > 0 && (
        <section id="lapsed" aria-labelledby="lapsed-title">
          <h2 id="lapsed-title">随文件失效</h2>
          <p className="muted">这些时限所在的文件已不再有效，不计逾期。</p>
          <DeadlineTable items={lapsed} showDocument caption="已失效文件的时限" />
        </section>
      )}
    </>
  );
}
