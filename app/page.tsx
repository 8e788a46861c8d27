import Link from "next/link";
import { StatusBadge } from "@/components/Badges";
import { SearchBox } from "@/components/SearchBox";
import { counts, findDocuments, listDocuments, type DocumentFilters } from "@/lib/db/documents";
import { documentPath } from "@/lib/site/citation";
import { dayParam, intParam, oneOf, param, queryString, type RawSearchParams } from "@/lib/site/params";
import { STATUSES, todayInChina } from "@/lib/status";

export const dynamic = "force-dynamic";

function filtersOf(params: RawSearchParams): DocumentFilters {
  return { kind: param(params, "kind"), issuer: param(params, "issuer"), status: oneOf(params, "status", STATUSES), year: intParam(params, "year", 0) || undefined };
}

export default async function HomePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = await searchParams;
  const filters = filtersOf(params);
  // ?asOf=YYYY-MM-DD: the collection as it stood that day (documents in force then, in the version that applied then).
  const asOf = dayParam(params, "asOf");
  const [listing, totals] = await Promise.all([
    findDocuments(filters, { asOf }),
    asOf ? listDocuments({ asOf }).then((docs) => counts(asOf, { documentIds: docs.map((d) => d.id) })) : counts(todayInChina()),
  ]);
  const filtered = Object.values(filters).some((v) => v !== undefined);
  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">政策知识库</h1>
        <p className="lead">政策文件逐条结构化：条款、责任单位、时限、目标值及其关联，可检索、可引用。</p>
        <SearchBox />
      </section>
      {asOf && (
        <p className="version-note as-of-note" role="note">
          按 {asOf} 的状态显示：当日有效的文件，各取当日适用的版本。<Link href={`/${queryString({ ...filters })}`}>回到今天</Link>
        </p>
      )}
      <ul className="counts" aria-label="统计">
        <li>
          <strong>{totals.documents}</strong>文件
        </li>
        <li>
          <strong>{totals.provisions}</strong>条款
        </li>
        <li>
          <Link href="/parties">
            <strong>{totals.parties}</strong>责任单位
          </Link>
        </li>
        <li>
          <Link href="/deadlines">
            <strong>{totals.openDeadlines}</strong>未到期时限
          </Link>
        </li>
      </ul>
      <h2 id="documents">文件</h2>
      <form className="filters" method="get" action="/" aria-label="筛选文件">
        <label>
          类型
          <select name="kind" defaultValue={filters.kind ?? ""}>
            <option value="">全部</option>
            {listing.options.kind.map((o) => (
              <option key={o.value} value={o.value}>
                {o.value}（{o.count}）
              </option>
            ))}
          </select>
        </label>
        <label>
          发文机关
          <select name="issuer" defaultValue={filters.issuer ?? ""}>
            <option value="">全部</option>
            {listing.options.issuer.map((o) => (
              <option key={o.value} value={o.value}>
                {o.value}（{o.count}）
              </option>
            ))}
          </select>
        </label>
        <label>
          年份
          <select name="year" defaultValue={filters.year?.toString() ?? ""}>
            <option value="">全部</option>
            {listing.options.year.map((o) => (
              <option key={o.value} value={o.value}>
                {o.value}（{o.count}）
              </option>
            ))}
          </select>
        </label>
        <label>
          查看日期
          <input type="date" name="asOf" defaultValue={asOf ?? ""} />
        </label>
        <label>
          效力
          <select name="status" defaultValue={filters.status ?? ""}>
            <option value="">全部</option>
            {listing.options.status.map((o) => (
              <option key={o.value} value={o.value}>
                {o.value}（{o.count}）
              </option>
            ))}
          </select>
        </label>
        <div className="actions">
          <button type="submit">筛选</button>
          {filtered && <Link href="/#documents">清除筛选</Link>}
        </div>
      </form>
      <p className="result-count" role="status">
        {filtered ? `筛选出 ${listing.documents.length} / ${listing.total} 个文件` : `共 ${listing.total} 个文件`}
      </p>
      <div className="table-scroll" role="region" aria-label="文件列表" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">标题</th>
              <th scope="col">类型</th>
              <th scope="col" className="hide-narrow">
                发文机关
              </th>
              <th scope="col" className="hide-narrow">
                文号
              </th>
              <th scope="col">日期</th>
              <th scope="col">效力</th>
            </tr>
          </thead>
          <tbody>
            {listing.documents.map((d) => (
              <tr key={d.slug}>
                <td>
                  <Link href={asOf ? `${documentPath(d.slug)}?asOf=${asOf}` : documentPath(d.slug)}>{d.title ?? d.slug}</Link>
                  {asOf && !d.isCurrent ? <span className="muted">（当日为第 {d.version} 版）</span> : null}
                </td>
                <td className="nowrap">{d.kind ? <Link href={`/${queryString({ ...filters, kind: d.kind, asOf })}#documents`}>{d.kind}</Link> : "—"}</td>
                <td className="hide-narrow">{d.issuer ?? "—"}</td>
                <td className="hide-narrow nowrap">{d.docNumber ?? "—"}</td>
                <td className="nowrap">{d.issuedAt ?? d.effectiveFrom ?? "—"}</td>
                <td>
                  <StatusBadge status={d.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {listing.documents.length === 0 && (
        <p className="empty">
          没有符合条件的文件。<Link href="/#documents">清除筛选</Link>
        </p>
      )}
    </>
  );
}
