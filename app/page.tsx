import Link from "next/link";
import { counts, listDocuments } from "@/lib/db/documents";
import { todayInChina } from "@/lib/status";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [documents, totals] = await Promise.all([listDocuments(), counts(todayInChina())]);
  return (
    <>
      <h1>政策知识库</h1>
      <ul className="counts" aria-label="统计">
        <li><strong>{totals.documents}</strong>文件</li>
        <li><strong>{totals.provisions}</strong>条款</li>
        <li><strong>{totals.parties}</strong>责任单位</li>
        <li><strong>{totals.openDeadlines}</strong>未到期时限</li>
      </ul>
      <h2>文件</h2>
      <table>
        <thead>
          <tr><th>标题</th><th>类型</th><th className="hide-narrow">发文机关</th><th className="hide-narrow">文号</th><th>日期</th><th>状态</th></tr>
        </thead>
        <tbody>
          {documents.map((d) => (
            <tr key={d.slug}>
              <td><Link href={`/documents/${encodeURIComponent(d.slug)}`}>{d.title ?? d.slug}</Link></td>
              <td>{d.kind ?? "—"}</td>
              <td className="hide-narrow">{d.issuer ?? "—"}</td>
              <td className="hide-narrow">{d.docNumber ?? "—"}</td>
              <td>{d.issuedAt ?? d.effectiveFrom ?? "—"}</td>
              <td><span className={`badge status-${d.status}`}>{d.status}</span></td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
