import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DocumentHeader } from "@/components/DocumentHeader";
import { VersionDiff } from "@/components/VersionDiff";
import { getDocumentHead } from "@/lib/db/documents";
import { DiffError, documentDiff, type DocumentDiff } from "@/lib/site/diff";
import { CHANGE_LABELS } from "@/lib/site/labels";
import { decodeSegment, intParam, type RawSearchParams } from "@/lib/site/params";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<RawSearchParams>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `版本对比 · ${decodeSegment((await params).slug)}` };
}

export default async function DiffPage({ params, searchParams }: Props) {
  const slug = decodeSegment((await params).slug);
  const query = await searchParams;
  const head = await getDocumentHead(slug);
  if (!head) notFound();
  let result: DocumentDiff | null = null;
  let problem: string | null = null;
  try {
    result = await documentDiff(slug, { from: intParam(query, "from", 0) || undefined, to: intParam(query, "to", 0) || undefined });
  } catch (error) {
    if (!(error instanceof DiffError)) throw error;
    problem = error.message;
  }
  const counts = result?.diff.counts;
  return (
    <>
      <DocumentHeader doc={head} tab="versions" />
      <h2>版本对比</h2>
      <form className="filters" method="get" aria-label="选择要对比的版本">
        <label>
          旧版本
          <select name="from" defaultValue={result?.diff.from ?? ""}>
            {head.versions.map((n) => (
              <option key={n} value={n}>
                第 {n} 版
              </option>
            ))}
          </select>
        </label>
        <label>
          新版本
          <select name="to" defaultValue={result?.diff.to ?? ""}>
            {head.versions.map((n) => (
              <option key={n} value={n}>
                第 {n} 版
              </option>
            ))}
          </select>
        </label>
        <div className="actions">
          <button type="submit">对比</button>
          <Link href={`/documents/${encodeURIComponent(slug)}/versions`}>全部版本</Link>
        </div>
      </form>
      {problem && (
        <p className="error" role="alert">
          无法对比：{problem}
        </p>
      )}
      {result && counts && (
        <>
          <p className="result-count" role="status">
            第 {result.diff.from} 版 → 第 {result.diff.to} 版：
            {(["changed", "moved", "added", "removed"] as const).map((k) => `${CHANGE_LABELS[k]} ${counts[k]} 条`).join("，")}，未改动 {counts.unchanged} 条；要素变化 {counts.facts} 项。
          </p>
          <p className="diff-legend muted">
            <del>删去的文字</del> <ins>新增的文字</ins>；条号变动指文字未改、只是条号变了。
          </p>
          <VersionDiff slug={slug} diff={result.diff} current={result.current} />
        </>
      )}
    </>
  );
}
