import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DocumentHeader } from "@/components/DocumentHeader";
import { EditorBar } from "@/components/EditorBar";
import { signedInEditor } from "@/components/editor-session";
import { Passage } from "@/components/Passage";
import { ProvisionTarget } from "@/components/ProvisionTarget";
import { ProvisionView, type CiteContext } from "@/components/ProvisionView";
import { RelationsPanel } from "@/components/RelationsPanel";
import { getDocumentHead } from "@/lib/db/documents";
import { editingEnabled } from "@/lib/site/editors";
import { getReaderDocument, type TocEntry } from "@/lib/site/reader";
import { requestOrigin } from "@/lib/site/origin";
import { decodeSegment, queryString, type RawSearchParams } from "@/lib/site/params";
import { relationsPanel } from "@/lib/site/relations";
import { resolveVersion, versionRequestOf, type ResolvedVersion } from "@/lib/site/versions";
import { todayInChina } from "@/lib/status";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<RawSearchParams>;
}

/** The slug, and the version asked for by ?version=N (or ?v=N) or by ?asOf=YYYY-MM-DD. */
async function target({ params, searchParams }: Props): Promise<{ slug: string } & ResolvedVersion> {
  const slug = decodeSegment((await params).slug);
  return { slug, ...(await resolveVersion(slug, versionRequestOf(await searchParams))) };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { slug, version } = await target(props);
  const head = await getDocumentHead(slug, version);
  return { title: head ? (head.title ?? head.slug) : "未找到文件" };
}

function Toc({ entries }: { entries: TocEntry[] }) {
  return (
    <ol>
      {entries.map((e) => (
        <li key={e.id} className={`toc-depth-${e.depth}`}>
          <a href={`#${e.id}`}>
            {e.label && e.label !== "---" ? `${e.label}` : ""}
            {e.heading ?? ""}
          </a>
        </li>
      ))}
    </ol>
  );
}

export default async function ReaderPage(props: Props) {
  const { slug, version: requested, asOf, notYet } = await target(props);
  const [doc, relations] = await Promise.all([getReaderDocument(slug, requested, asOf), relationsPanel(slug, requested)]);
  if (!doc) notFound();
  const cite: CiteContext = {
    doc: { slug: doc.slug, title: doc.title, issuer: doc.issuer, docNumber: doc.docNumber, date: doc.issuedAt ?? doc.effectiveFrom, dateKind: doc.issuedAt ? "成文" : doc.effectiveFrom ? "施行" : undefined, version: doc.isCurrent ? undefined : doc.version },
    origin: await requestOrigin(),
    accessed: todayInChina(),
  };
  const version = doc.isCurrent ? undefined : doc.version;
  const unplaced = doc.documentFacts.filter((f) => !f.placed);
  // Corrections are made on the current version only.
  const editor = doc.isCurrent ? await signedInEditor() : null;
  return (
    <article className="reader">
      <DocumentHeader doc={doc} tab="text" />
      {editor && <EditorBar editor={editor} items={doc.items} path={`/documents/${encodeURIComponent(doc.slug)}`} />}
      {!editor && doc.isCurrent && editingEnabled() && (
        <p className="muted editor-invite">
          解析有误？<a href={`/editor${queryString({ next: `/documents/${encodeURIComponent(doc.slug)}` })}`}>编辑登录</a>后可在各条旁校正。
        </p>
      )}
      {asOf && (
        <p className="version-note as-of-note" role="note">
          {notYet ? `${asOf} 本文件尚未施行；以下为现行第 ${doc.version} 版。` : `${asOf} 适用的是第 ${doc.version} 版${doc.isCurrent ? "（即现行版本）" : ""}；效力状态按当日计算。`}
        </p>
      )}
      <p className="doc-counts muted">
        {doc.counts.provisions} 个条款 · {doc.counts.responsibilities} 项责任 · {doc.counts.deadlines} 个时限 · {doc.counts.targets} 个目标值 · {doc.counts.links} 条关联
      </p>
      <div className="reader-layout">
        {doc.toc.length > 0 && (
          <nav className="toc toc-side" aria-label="目录">
            <h2 className="toc-title">目录</h2>
            <Toc entries={doc.toc} />
          </nav>
        )}
        <div className="reader-text">
          {doc.toc.length > 0 && (
            <details className="toc toc-inline" id="contents">
              <summary>目录</summary>
              <nav aria-label="目录（折叠）">
                <Toc entries={doc.toc} />
              </nav>
            </details>
          )}
          {doc.preamble && <Passage passage={doc.preamble} />}
          {doc.provisions.map((p) => (
            <ProvisionView key={p.id} p={p} cite={cite} slug={doc.slug} version={version} editing={Boolean(editor)} />
          ))}
          {doc.closings.map((c) => (
            <Passage key={c.id} passage={c} />
          ))}
          {unplaced.length > 0 && (
            <section className="doc-facts" aria-label="全文适用的要素">
              <h2>全文适用的要素</h2>
              <ul>
                {unplaced.map((f) => (
                  <li key={f.key}>
                    “{f.words}”：{f.href ? <a href={f.href}>{f.summary}</a> : f.summary}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <RelationsPanel panel={relations} />
          <p className="print-only print-source">
            来源：{cite.origin}/documents/{encodeURIComponent(doc.slug)}（{cite.accessed} 打印）
          </p>
        </div>
      </div>
      {doc.toc.length > 0 && (
        <a className="to-contents" href="#contents" aria-label="回到目录">
          ↑ 目录
        </a>
      )}
      <ProvisionTarget slug={doc.slug} former={doc.formerProvisions} />
    </article>
  );
}
