/**
 * Two versions of a document side by side (stacked on a narrow screen): each
 * changed, moved, added or removed provision in a row, the words deleted from
 * the older text and inserted into the newer one marked; then the facts that
 * came or went.
 */
import Link from "next/link";
import type { ProvisionDiff, VersionDiff as Diff } from "@/lib/site/diff";
import type { TextRun } from "@/lib/site/text-diff";
import { documentPath } from "@/lib/site/citation";
import { CHANGE_LABELS, FACT_KIND_LABELS } from "@/lib/site/labels";

/** One side of a changed provision: the older text with its deletions marked, or the newer with its insertions. */
function MarkedText({ runs, side }: { runs: TextRun[]; side: "from" | "to" }) {
  return (
    <>
      {runs.map((r, i) =>
        r.op === "same" ? (
          <span key={i}>{r.text}</span>
        ) : r.op === "del" && side === "from" ? (
          <del key={i}>{r.text}</del>
        ) : r.op === "ins" && side === "to" ? (
          <ins key={i}>{r.text}</ins>
        ) : null,
      )}
    </>
  );
}

function Side({ p, side, version, slug, isCurrent }: { p: ProvisionDiff; side: "from" | "to"; version: number; slug: string; isCurrent: boolean }) {
  const provision = p[side];
  return (
    <div className={`diff-side diff-${side}`}>
      <p className="diff-side-label">
        第 {version} 版
        {provision && (
          <>
            {" "}
            <Link href={documentPath(slug, { version: isCurrent ? undefined : version, provision: provision.id })}>{provision.citation}</Link>
          </>
        )}
      </p>
      {provision ? <p className="diff-text">{p.runs ? <MarkedText runs={p.runs} side={side} /> : provision.text}</p> : <p className="diff-text muted">{side === "from" ? "（本版没有此条）" : "（本版已删除）"}</p>}
    </div>
  );
}

export function VersionDiff({ slug, diff, current }: { slug: string; diff: Diff; current: number }) {
  const title = (p: ProvisionDiff) =>
    p.change === "moved" || (p.change === "changed" && p.from && p.to && p.from.citation !== p.to.citation) ? `${p.from!.citation} → ${p.to!.citation}` : (p.to ?? p.from)!.citation;
  return (
    <>
      <ol className="diff-list" aria-label={`第 ${diff.from} 版与第 ${diff.to} 版的条款差异`}>
        {diff.provisions.map((p) => (
          <li key={`${p.from?.id ?? ""}|${p.to?.id ?? ""}`} className={`diff-row diff-row-${p.change}`}>
            <h3 className="diff-title">
              <span className={`badge change-${p.change}`}>{CHANGE_LABELS[p.change]}</span> {title(p)}
            </h3>
            <div className="diff-sides">
              <Side p={p} side="from" version={diff.from} slug={slug} isCurrent={diff.from === current} />
              <Side p={p} side="to" version={diff.to} slug={slug} isCurrent={diff.to === current} />
            </div>
          </li>
        ))}
      </ol>
      <h2 id="facts">要素变化</h2>
      {diff.facts.length === 0 ? (
        <p className="muted">责任单位、时限和目标值没有变化。</p>
      ) : (
        <div className="table-scroll" role="region" aria-label="要素变化" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">变化</th>
                <th scope="col">要素</th>
                <th scope="col">内容</th>
                <th scope="col">原文</th>
              </tr>
            </thead>
            <tbody>
              {diff.facts.map((f, i) => (
                <tr key={i} className={`fact-${f.change}`}>
                  <td className="nowrap">{f.change === "added" ? "新增" : "删除"}</td>
                  <td className="nowrap">{FACT_KIND_LABELS[f.kind]}</td>
                  <td>{f.summary}</td>
                  <td>{f.words}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
