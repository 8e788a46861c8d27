import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DocumentHeader } from "@/components/DocumentHeader";
import { getDocumentHead } from "@/lib/db/documents";
import { documentPath } from "@/lib/site/citation";
import { CHANGE_LABELS } from "@/lib/site/labels";
import { decodeSegment, type RawSearchParams } from "@/lib/site/params";
import { versionHistory, type VersionRow } from "@/lib/site/versions";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<RawSearchParams>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `版本与修改 · ${decodeSegment((await params).slug)}` };
}

function Changes({ row }: { row: VersionRow }) {
  if (!row.changes) return <>{row.sameTextAsPrevious ? "文本未变（重新解析）" : "—"}</>;
  const c = row.changes;
  const parts = (["changed", "moved", "added", "removed"] as const).filter((k) => c[k] > 0).map((k) => `${CHANGE_LABELS[k]} ${c[k]}`);
  return (
    <>
      {parts.length ? parts.join(" · ") : "条款无变化"}
      {c.facts > 0 ? ` · 要素变化 ${c.facts}` : ""}
    </>
  );
}

export default async function VersionsPage({ params }: Props) {
  const slug = decodeSegment((await params).slug);
  const [head, history] = await Promise.all([getDocumentHead(slug), versionHistory(slug)]);
  if (!head || !history) notFound();
  const base = `/documents/${encodeURIComponent(slug)}`;
  return (
    <>
      <DocumentHeader doc={head} tab="versions" />
      <p className="lead">
        本文件共 {history.versions.length} 个版本，现行为第 {history.current} 版。每一版自其成文（修订）日期与施行日期中较晚者起适用，至下一版适用时止。
      </p>
      <div className="table-scroll" role="region" aria-label="版本列表" tabIndex={0}>
        <table className="versions-table">
          <thead>
            <tr>
              <th scope="col">版本</th>
              <th scope="col">成文（修订）日期</th>
              <th scope="col" className="hide-narrow">
                施行日期
              </th>
              <th scope="col">适用自</th>
              <th scope="col" className="hide-narrow">
                条款数
              </th>
              <th scope="col">与上一版相比</th>
            </tr>
          </thead>
          <tbody>
            {history.versions.map((v, i) => {
              const before = history.versions[i - 1];
              return (
                <tr key={v.version}>
                  <td className="nowrap">
                    <Link href={v.isCurrent ? documentPath(slug) : documentPath(slug, { version: v.version })}>第 {v.version} 版</Link>
                    {v.isCurrent ? "（现行）" : ""}
                  </td>
                  <td className="nowrap">{v.issuedAt ?? "—"}</td>
                  <td className="nowrap hide-narrow">{v.effectiveFrom ?? "—"}</td>
                  <td className="nowrap">{v.appliesFrom ?? "—"}</td>
                  <td className="hide-narrow">{v.provisionCount}</td>
                  <td>
                    <Changes row={v} />
                    {before && v.changes && (
                      <>
                        {" "}
                        <Link href={`${base}/diff?from=${before.version}&to=${v.version}`}>
                          对比第 {before.version} 版与第 {v.version} 版
                        </Link>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
