/**
 * A document's header on its pages (reader, links, facts): title, metadata,
 * status, version and the tabs between the document's views.
 */
import Link from "next/link";
import { documentPath } from "@/lib/site/citation";
import type { DocumentHead } from "@/lib/db/documents";
import { StatusBadge } from "./Badges";

export type DocumentTab = "text" | "links" | "facts" | "versions";

const TABS: Array<{ tab: DocumentTab; label: string; suffix: string }> = [
  { tab: "text", label: "正文", suffix: "" },
  { tab: "links", label: "目标与措施", suffix: "/links" },
  { tab: "facts", label: "时限与目标值", suffix: "/facts" },
  { tab: "versions", label: "版本与修改", suffix: "/versions" },
];

export function DocumentHeader({ doc, tab }: { doc: DocumentHead; tab: DocumentTab }) {
  const base = `/documents/${encodeURIComponent(doc.slug)}`;
  const v = doc.isCurrent ? "" : `?v=${doc.version}`;
  const latest = doc.versions.at(-1);
  return (
    <header className="doc-header">
      <p className="doc-kicker">
        {doc.kind ?? "文件"} <StatusBadge status={doc.status} />
      </p>
      <h1>{doc.title ?? doc.slug}</h1>
      <dl className="doc-meta">
        <div>
          <dt>发文机关</dt>
          <dd>{doc.issuer ?? "—"}</dd>
        </div>
        <div>
          <dt>文号</dt>
          <dd>{doc.docNumber ?? "—"}</dd>
        </div>
        <div>
          <dt>成文日期</dt>
          <dd>{doc.issuedAt ?? "—"}</dd>
        </div>
        <div>
          <dt>施行日期</dt>
          <dd>{doc.effectiveFrom ?? doc.issuedAt ?? "—"}</dd>
        </div>
        <div>
          <dt>有效期至</dt>
          <dd>{doc.effectiveUntil ?? "—"}</dd>
        </div>
        <div>
          <dt>版本</dt>
          <dd>
            第 {doc.version} 版{doc.isCurrent ? "（现行）" : ""}
          </dd>
        </div>
      </dl>
      {doc.repeal && (
        <p className="repealed" role="note">
          {doc.status === "已废止" ? "已废止" : "将被废止"}
          {doc.repeal.on ? `（自 ${doc.repeal.on} 起）` : ""}：由
          <Link href={documentPath(doc.repeal.by.slug, { provision: doc.repeal.by.provision?.id })}>
            《{doc.repeal.by.title ?? doc.repeal.by.slug}》{doc.repeal.by.provision?.citation ?? ""}
          </Link>
          废止。
        </p>
      )}
      {!doc.isCurrent && latest !== undefined && (
        <p className="old-version" role="note">
          这是第 {doc.version} 版（旧版本）。<Link href={documentPath(doc.slug)}>查看现行第 {latest} 版</Link>
        </p>
      )}
      {doc.versions.length > 1 && (
        <p className="versions">
          全部版本：
          {doc.versions.map((n) => (
            <span key={n}>
              {n === doc.version ? (
                <span aria-current="page">第 {n} 版</span>
              ) : (
                <Link href={n === latest ? documentPath(doc.slug) : documentPath(doc.slug, { version: n })}>第 {n} 版</Link>
              )}{" "}
            </span>
          ))}
        </p>
      )}
      <nav className="doc-tabs" aria-label="文件视图">
        {TABS.map((t) => (
          <Link key={t.tab} href={`${base}${t.suffix}${t.tab === "versions" ? "" : v}`} aria-current={t.tab === tab ? "page" : undefined}>
            {t.label}
          </Link>
        ))}
      </nav>
    </header>
  );
}
