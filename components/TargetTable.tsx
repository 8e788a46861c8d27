/**
 * A document's quantitative targets as a table with a bar per target (SVG),
 * bars compared only within the same unit.
 */
import type { TargetItem } from "@/lib/db/targets";
import { documentPath } from "@/lib/site/citation";
import { targetValue } from "@/lib/site/labels";

export function TargetTable({ targets, slug, version }: { targets: TargetItem[]; slug: string; version?: number }) {
  if (!targets.length) return <p className="muted">本文件没有识别出量化目标。</p>;
  const maxByUnit = new Map<string, number>();
  for (const t of targets) maxByUnit.set(t.unit, Math.max(maxByUnit.get(t.unit) ?? 0, Math.abs(t.value)));
  return (
    <div className="table-scroll" role="region" aria-label="目标值表" tabIndex={0}>
      <table className="targets data-table">
        <thead>
          <tr>
            <th scope="col" className="hide-narrow">
              目标
            </th>
            <th scope="col" className="num">
              目标值
            </th>
            <th scope="col" className="hide-narrow">
              同单位比较
            </th>
            <th scope="col">原文</th>
            <th scope="col">条款</th>
            <th scope="col">落实条款</th>
          </tr>
        </thead>
        <tbody>
          {targets.map((t, i) => {
            const max = maxByUnit.get(t.unit) || 1;
            const share = Math.abs(t.value) / max;
            const value = targetValue(t);
            return (
              <tr key={i}>
                <td className="hide-narrow" data-label="目标">{t.subject || "—"}</td>
                <td className="num" data-label="目标值">
                  <strong>{value}</strong>
                </td>
                <td className="hide-narrow">
                  <svg width="160" height="14" viewBox="0 0 160 14" role="img" aria-label={`${value}，为同单位（${t.unit}）最大值的 ${Math.round(share * 100)}%`}>
                    <rect x="0" y="2" width="160" height="10" rx="2" fill="#eef1f4" />
                    <rect x="0" y="2" width={Math.max(2, share * 160)} height="10" rx="2" fill="#2f8f4e" />
                  </svg>
                </td>
                <td data-label="原文">{t.words}</td>
                <td data-label="条款">{t.provision ? <a href={documentPath(slug, { version, provision: t.provision.id })}>{t.provision.citation}</a> : "全文"}</td>
                <td data-label="落实条款">
                  {t.serves.length
                    ? t.serves.map((s, k) => (
                        <span key={s.provision.id}>
                          {k > 0 && "、"}
                          <a href={documentPath(slug, { version, provision: s.provision.id })} title={s.why}>
                            {s.provision.citation}
                            {s.provision.heading ? ` ${s.provision.heading}` : ""}
                          </a>
                        </span>
                      ))
                    : "—"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
