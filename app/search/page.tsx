import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { documentNamed } from "@/lib/db/documents";
import { RoleBadge } from "@/components/Badges";
import { Pagination } from "@/components/Pagination";
import { SearchBox } from "@/components/SearchBox";
import { search, searchQueryFromParams, SearchQueryError, type Facet, type FacetName, type SearchFilters, type SearchResult } from "@/lib/search";
import { documentPath } from "@/lib/site/citation";
import { isRole } from "@/lib/parser";
import { ROLE_LABELS } from "@/lib/site/labels";
import { param, queryString, toggled, type QueryValues, type RawSearchParams } from "@/lib/site/params";

export const dynamic = "force-dynamic";

const PAGE_SIZE = 20;
const FACETS: Array<{ name: Exclude<FacetName, "doc">; label: string }> = [
  { name: "kind", label: "文件类型" },
  { name: "issuer", label: "发文机关" },
  { name: "year", label: "年份" },
  { name: "role", label: "条款类型" },
  { name: "party", label: "责任单位" },
  { name: "status", label: "效力" },
];
const EXAMPLES = ["降成本", "电力直接交易", "落后产能", "双随机", "农机装备", "消费扶贫"];
const FACET_SHOWN = 8;

export async function generateMetadata({ searchParams }: { searchParams: Promise<RawSearchParams> }): Promise<Metadata> {
  const q = param(await searchParams, "q");
  return { title: q ? `检索：${q}` : "检索" };
}

function facetLabel(name: FacetName, value: string): string {
  return name === "role" && isRole(value) ? ROLE_LABELS[value] : value;
}

function FacetGroup({ name, label, facets, values, idPrefix }: { name: FacetName; label: string; facets: Facet[]; values: QueryValues; idPrefix: string }) {
  if (!facets.length) return null;
  const selected = (v: string) => {
    const current = values[name];
    return Array.isArray(current) ? current.map(String).includes(v) : false;
  };
  const item = (f: Facet) => (
    <li key={f.value}>
      <Link href={`/search${queryString({ ...toggled(values, name, f.value), page: undefined })}`} aria-current={selected(f.value) ? "true" : undefined} rel="nofollow">
        <span>
          {selected(f.value) ? "✓ " : ""}
          {facetLabel(name, f.value)}
        </span>
        <span className="count">{f.count}</span>
      </Link>
    </li>
  );
  return (
    <section aria-labelledby={`${idPrefix}-${name}`}>
      <h2 id={`${idPrefix}-${name}`}>{label}</h2>
      <ul>{facets.slice(0, FACET_SHOWN).map(item)}</ul>
      {facets.length > FACET_SHOWN && (
        <details>
          <summary>更多（{facets.length - FACET_SHOWN}）</summary>
          <ul>{facets.slice(FACET_SHOWN).map(item)}</ul>
        </details>
      )}
    </section>
  );
}

function Suggestions({ q, filtered }: { q: string | undefined; filtered: boolean }) {
  return (
    <div className="empty" role="status">
      {q ? <p>没有找到与“{q}”相关的条款。</p> : <p>输入词语检索全部文件的条款，例如：</p>}
      <ul>
        {filtered && q && (
          <li>
            <Link href={`/search${queryString({ q })}`}>去掉筛选条件，在全部文件中检索“{q}”</Link>
          </li>
        )}
        {q && <li>换用更短或更常见的词语，例如把“降低企业融资成本”改为“融资成本”。</li>}
        <li>
          试试：
          {EXAMPLES.map((e, i) => (
            <span key={e}>
              {i > 0 && "、"}
              <Link href={`/search${queryString({ q: e })}`}>{e}</Link>
            </span>
          ))}
        </li>
        <li>
          或者<Link href="/">浏览全部文件</Link>、<Link href="/tasks">查看任务台账</Link>。
        </li>
      </ul>
    </div>
  );
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = await searchParams;
  const q = param(params, "q");
  // A query that is a document's 文号 or exact title opens that document (unless filters or a page were asked for).
  const plain = Object.keys(params).every((k) => k === "q");
  const named = q && plain ? await documentNamed(q) : null;
  if (named) redirect(documentPath(named.slug));
  let filters: SearchFilters = {};
  let page = 1;
  let result: SearchResult | null = null;
  let problem: string | null = null;
  let asOf: string | undefined;
  if (q) {
    try {
      // The query and its filters are checked as the API checks them (lib/search/query.ts); a bad value is shown, not dropped.
      const query = searchQueryFromParams(params, { limit: PAGE_SIZE, facets: true });
      filters = query.filters;
      asOf = query.asOf;
      page = Math.floor(query.offset / PAGE_SIZE) + 1;
      result = await search(query);
    } catch (error) {
      if (!(error instanceof SearchQueryError)) throw error;
      problem = error.message;
    }
  }
  const values: QueryValues = { q, ...filters, asOf };
  const filtered = Object.values(filters).some((list) => list && list.length > 0);
  const pages = result ? Math.max(1, Math.ceil(result.total / PAGE_SIZE)) : 1;
  const hasFacets = result ? FACETS.some(({ name }) => (result.facets[name] ?? []).length > 0) : false;
  const chips = FACETS.flatMap(({ name, label }) => (filters[name] ?? []).map((v) => ({ name, label, value: String(v) })));

  return (
    <>
      <h1>检索条款</h1>
      <SearchBox defaultValue={q ?? ""} id="search-q" />
      {problem && (
        <p className="error-box" role="alert">
          无法检索：{problem}
        </p>
      )}
      {asOf && (
        <p className="version-note as-of-note" role="note">
          按 {asOf} 的文件状态检索：只含当日有效、且当日适用的正是现行文本的文件。<Link href={`/search${queryString({ ...values, asOf: undefined, page: undefined })}`}>按今天检索</Link>
        </p>
      )}
      {!result && <Suggestions q={problem ? undefined : q} filtered={false} />}
      {result && (
        <div className={hasFacets ? "search-layout" : undefined}>
          {hasFacets && (
            <aside className="facets facets-side" aria-label="按类别筛选">
              {FACETS.map(({ name, label }) => (
                <FacetGroup key={name} name={name} label={label} facets={result.facets[name] ?? []} values={values} idPrefix="facet" />
              ))}
            </aside>
          )}
          <section aria-labelledby="results-title">
            <h2 id="results-title" className="result-count">
              {result.hits.length > 0 || result.total > 0 ? `找到 ${Math.max(result.total, result.hits.length)} 个条款` : "没有结果"}
              {result.total > PAGE_SIZE ? `，第 ${page} / ${pages} 页` : ""}
              <span className="muted">（{result.tookMs.toFixed(1)} 毫秒）</span>
            </h2>
            {hasFacets && (
              <details className="facets facets-inline">
                <summary>按类别筛选{chips.length ? `（已选 ${chips.length}）` : ""}</summary>
                {FACETS.map(({ name, label }) => (
                  <FacetGroup key={name} name={name} label={label} facets={result.facets[name] ?? []} values={values} idPrefix="facet-inline" />
                ))}
              </details>
            )}
            {chips.length > 0 && (
              <div className="active-filters">
                <span className="muted">筛选：</span>
                {chips.map((c) => (
                  <Link key={`${c.name}-${c.value}`} href={`/search${queryString({ ...toggled(values, c.name, c.value), page: undefined })}`} aria-label={`去掉筛选 ${c.label}：${facetLabel(c.name, c.value)}`}>
                    {c.label}：{facetLabel(c.name, c.value)} ×
                  </Link>
                ))}
                <Link href={`/search${queryString({ q, asOf })}`}>清除全部</Link>
              </div>
            )}
            {result.total === 0 && result.hits.length === 0 && <Suggestions q={q} filtered={filtered} />}
            <ol className="hits">
              {result.hits.map((hit) => {
                const href = documentPath(hit.document, { provision: hit.provision });
                return (
                  <li key={`${hit.document}#${hit.provision}`} className="hit">
                    <div className="hit-title">
                      <a href={href}>
                        {hit.documentTitle ? `《${hit.documentTitle}》` : hit.document}
                        {hit.citation}
                      </a>{" "}
                      <RoleBadge role={hit.role} />
                    </div>
                    {/* Where the provision sits under its document (the title is in the line above). */}
                    <nav className="crumbs" aria-label="位置">
                      <ol>
                        {hit.breadcrumb.map((c) => (
                          <li key={c.id}>
                            <a href={documentPath(hit.document, { provision: c.id })}>{[c.label && c.label !== "---" ? c.label : null, c.heading].filter(Boolean).join("") || c.id}</a>
                          </li>
                        ))}
                        <li aria-current="location">{[hit.label && hit.label !== "---" ? hit.label : null, hit.heading].filter(Boolean).join("") || hit.citation}</li>
                      </ol>
                    </nav>
                    {/* The snippet is the only HTML rendered as such: the search module escapes everything but <mark>. */}
                    <p className="snippet" dangerouslySetInnerHTML={{ __html: hit.snippet }} />
                  </li>
                );
              })}
            </ol>
            <Pagination path="/search" values={values} page={page} pages={pages} label="检索结果分页" />
          </section>
        </div>
      )}
    </>
  );
}
