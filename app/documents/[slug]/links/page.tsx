import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DocumentHeader } from "@/components/DocumentHeader";
import { LinkList, LinkMatrix } from "@/components/LinkMatrix";
import { getDocumentHead } from "@/lib/db/documents";
import { getLinkMatrices } from "@/lib/site/links";
import { decodeSegment, type RawSearchParams } from "@/lib/site/params";
import { versionRequestOf } from "@/lib/site/versions";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<RawSearchParams>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `目标与措施 · ${decodeSegment((await params).slug)}` };
}

export default async function LinksPage({ params, searchParams }: Props) {
  const slug = decodeSegment((await params).slug);
  const version = versionRequestOf(await searchParams).version;
  const [head, matrices] = await Promise.all([getDocumentHead(slug, version), getLinkMatrices(slug, version)]);
  if (!head || !matrices) notFound();
  const v = head.isCurrent ? undefined : head.version;
  return (
    <>
      <DocumentHeader doc={head} tab="links" />
      <p className="lead">
        目标、任务与保障措施之间的关联，共 {matrices.links.length} 条。格中数字为关联强度（0–1），悬停或用 Tab 键聚焦查看关联依据。
      </p>
      <ul className="chart-legend" aria-label="图例">
        <li>
          <i className="strength-1" />
          弱（&lt;0.40）
        </li>
        <li>
          <i className="strength-2" />
          中（0.40–0.75）
        </li>
        <li>
          <i className="strength-3" />
          强（≥0.75）
        </li>
        <li>
          <i className="method-target" />
          目标值行：落实该目标的条款（目标所指见于该条）
        </li>
      </ul>
      <h2>目标 × 任务与保障措施</h2>
      <LinkMatrix matrix={matrices.goals} id="matrix-goals" caption="目标（含量化目标）与任务、保障措施的关联矩阵" slug={slug} version={v} />
      <h2>任务 × 保障措施</h2>
      <LinkMatrix matrix={matrices.tasks} id="matrix-tasks" caption="任务与保障措施的关联矩阵" slug={slug} version={v} />
      {matrices.others.length > 0 && (
        <>
          <h2>其他关联</h2>
          <LinkList links={matrices.others} slug={slug} version={v} />
        </>
      )}
    </>
  );
}
