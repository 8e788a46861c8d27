/**
 * A document's relations with other documents, both ways (lib/site/relations.ts):
 * what it repeals, revises, forwards, implements and cites, what does so to
 * it, each with the provision that says so, and its versions.
 */
import Link from "next/link";
import type { RelationGroup, RelationsPanel as Panel } from "@/lib/site/relations";

function Groups({ groups, side }: { groups: RelationGroup[]; side: "outgoing" | "incoming" }) {
  return (
    <dl className="relation-groups">
      {groups.map((g) => (
        <div key={g.relation} className={`relation-${g.relation}`}>
          <dt>{g.label}</dt>
          {g.items.map((item) => (
            <dd key={`${item.title}|${item.where?.href ?? ""}`}>
              {item.href ? <Link href={item.href}>《{item.title}》</Link> : <span>《{item.title}》（本库未收录）</span>}
              {item.docNumber ? <span className="muted">（{item.docNumber}）</span> : null}
              {item.where && (
                <>
                  {" "}
                  <Link className="relation-where" href={item.where.href}>
                    {side === "outgoing" ? "见本文件" : "见该文件"}
                    {item.where.citation}
                  </Link>
                </>
              )}
            </dd>
          ))}
        </div>
      ))}
    </dl>
  );
}

export function RelationsPanel({ panel }: { panel: Panel }) {
  const empty = !panel.outgoing.length && !panel.incoming.length && !panel.versions.length;
  return (
    <section className="relations" aria-labelledby="relations-title">
      <h2 id="relations-title">文件关系</h2>
      {empty && <p className="muted">本库中没有与本文件相关的废止、修订、转发、贯彻落实或引用关系。</p>}
      {panel.outgoing.length > 0 && (
        <>
          <h3>本文件</h3>
          <Groups groups={panel.outgoing} side="outgoing" />
        </>
      )}
      {panel.incoming.length > 0 && (
        <>
          <h3>其他文件</h3>
          <Groups groups={panel.incoming} side="incoming" />
        </>
      )}
      {panel.versions.length > 0 && (
        <p className="relation-versions">
          同名修订：
          {panel.versions.map((v) => (
            <span key={v.version}>
              <Link href={v.href}>
                第 {v.version} 版{v.date ? `（${v.date}）` : ""}
                {v.isCurrent ? "现行" : ""}
              </Link>{" "}
            </span>
          ))}
          <Link href={panel.versionsHref}>各版本修改了什么</Link>
        </p>
      )}
    </section>
  );
}
