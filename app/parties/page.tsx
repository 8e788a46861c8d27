import type { Metadata } from "next";
import Link from "next/link";
import { listParties } from "@/lib/db/parties";
import { param, type RawSearchParams } from "@/lib/site/params";
import { todayInChina } from "@/lib/status";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "责任单位" };

export default async function PartiesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const q = param(await searchParams, "q");
  const parties = await listParties({ q, today: todayInChina() });
  return (
    <>
      <h1>责任单位</h1>
      <p className="lead">现行有效文件中承担任务的部门和单位，按责任数排序；点击单位查看其任务台账。任务数含承接上级条款的任务，与任务台账按该单位筛选的结果一致。</p>
      <form className="filters" method="get" action="/parties" role="search" aria-label="查找责任单位">
        <label>
          单位名称或简称
          <input type="search" name="q" defaultValue={q ?? ""} placeholder="如：发展改革委" />
        </label>
        <div className="actions">
          <button type="submit">查找</button>
          {q && <Link href="/parties">显示全部</Link>}
        </div>
      </form>
      <p className="result-count" role="status">
        {q ? `“${q}”：` : ""}共 {parties.length} 个单位
      </p>
      <div className="table-scroll" role="region" aria-label="责任单位列表" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">单位</th>
              <th scope="col" className="hide-narrow">
                其他名称
              </th>
              <th scope="col" className="num">
                责任数
              </th>
              <th scope="col" className="num">
                任务数
              </th>
            </tr>
          </thead>
          <tbody>
            {parties.map((p) => (
              <tr key={p.name}>
                <td>
                  <Link href={`/parties/${encodeURIComponent(p.name)}`}>{p.name}</Link>
                </td>
                <td className="hide-narrow party-aliases">{p.aliases.slice(0, 4).join("、") || "—"}</td>
                <td className="num">{p.responsibilityCount}</td>
                <td className="num">
                  <Link href={`/tasks?party=${encodeURIComponent(p.name)}`}>{p.taskCount}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
