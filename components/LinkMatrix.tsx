/**
 * A matrix of links (rows × columns of provisions): each cell shows the
 * link's strength, and its reason on hover or keyboard focus (the cell is
 * focusable and described by its tooltip). Below 640 px the same cells are
 * shown as a list.
 */
import type { ListedLink, Matrix, MatrixCell, MatrixProvision, MatrixRow } from "@/lib/site/links";
import { documentPath } from "@/lib/site/citation";
import { LINK_LABELS, ROLE_LABELS, targetValue } from "@/lib/site/labels";

function name(p: MatrixProvision): string {
  return `${p.citation}${p.heading ? ` ${p.heading}` : ""}`;
}

/** A column's short name: its label and heading (the full citation is in its title). */
function short(p: MatrixProvision): string {
  const label = p.label && p.label !== "---" ? p.label : "";
  return `${label}${p.heading ?? ""}` || p.citation;
}

function strength(score: number): number {
  return score >= 0.75 ? 3 : score >= 0.4 ? 2 : 1;
}

function methodLabel(cell: MatrixCell): string {
  return cell.method === "explicit" ? "明示关联" : cell.method === "inferred" ? "推断关联" : "落实该目标的条款";
}

function rowName(row: MatrixRow): string {
  if (!row.target) return name(row.provision);
  const t = row.target;
  return `${t.subject || t.words}：${targetValue(t)}`;
}

/** Runs of consecutive columns with the same role, for the group header row. */
function groups(columns: MatrixProvision[]): Array<{ role: MatrixProvision["role"]; span: number }> {
  const out: Array<{ role: MatrixProvision["role"]; span: number }> = [];
  for (const c of columns) {
    const last = out.at(-1);
    if (last && last.role === c.role) last.span++;
    else out.push({ role: c.role, span: 1 });
  }
  return out;
}

export function LinkMatrix({ matrix, id, caption, slug, version }: { matrix: Matrix; id: string; caption: string; slug: string; version?: number }) {
  if (!matrix.rows.length || !matrix.columns.length) return <p className="muted">没有可列入此矩阵的关联。</p>;
  const href = (p: MatrixProvision) => documentPath(slug, { version, provision: p.id });
  return (
    <>
      <div className="matrix-wrap matrix-table" role="region" aria-label={`${caption}（可横向滚动）`} tabIndex={0}>
        <table className="matrix" id={id}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <td />
              {groups(matrix.columns).map((g, i) => (
                <th key={i} scope="colgroup" colSpan={g.span} className={`group role-${g.role}`}>
                  {ROLE_LABELS[g.role]}
                </th>
              ))}
            </tr>
            <tr>
              <td />
              {matrix.columns.map((c) => (
                <th key={c.id} scope="col" data-provision={c.id}>
                  <a href={href(c)} title={name(c)}>
                    <span aria-hidden="true">{short(c)}</span>
                    <span className="visually-hidden">{name(c)}</span>
                  </a>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((row) => (
              <tr key={row.key} className={row.target ? "target-row" : "goal-row"} data-row={row.key}>
                <th scope="row">{row.target ? <span>↳ {rowName(row)}</span> : <a href={href(row.provision)}>{rowName(row)}</a>}</th>
                {matrix.columns.map((c) => {
                  const cell = row.cells[c.id];
                  if (!cell) return <td key={c.id} />;
                  const tip = `${id}-${row.key.replace(/[^\w-]/g, "_")}-${c.id}`;
                  return (
                    <td key={c.id}>
                      <span className={`cell strength-${strength(cell.score)} method-${cell.method}`} tabIndex={0} aria-describedby={tip} data-link={row.target ? undefined : `${row.provision.id}|${c.id}`} data-target-link={row.target ? `${row.target.key}|${c.id}` : undefined}>
                        <span className="cell-score">{cell.score.toFixed(2)}</span>
                        <span className="cell-tip" role="tooltip" id={tip}>
                          {LINK_LABELS[cell.kind]} · {methodLabel(cell)}：{cell.why}
                        </span>
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="matrix-list link-list" aria-label={`${caption}（列表）`}>
        {matrix.rows.map((row) => {
          const cells = matrix.columns.flatMap((c) => {
            const cell = row.cells[c.id];
            return cell ? [{ column: c, cell }] : [];
          });
          if (!cells.length) return null;
          return (
            <li key={row.key} className={row.target ? "target-row" : undefined}>
              <strong>{row.target ? `↳ ${rowName(row)}` : rowName(row)}</strong>
              <ul>
                {cells.map(({ column, cell }) => (
                  <li key={column.id}>
                    → <a href={href(column)}>{name(column)}</a>{" "}
                    <span className="muted">
                      强度 {cell.score.toFixed(2)} · {methodLabel(cell)}
                    </span>
                    <span className="why">{cell.why}</span>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
      {matrix.omittedColumns > 0 && <p className="muted">另有 {matrix.omittedColumns} 个任务或保障措施没有关联，未列出。</p>}
    </>
  );
}

export function LinkList({ links, slug, version }: { links: ListedLink[]; slug: string; version?: number }) {
  return (
    <ul className="link-list">
      {links.map((l, i) => (
        <li key={i}>
          <a href={documentPath(slug, { version, provision: l.from.id })}>{name(l.from)}</a>（{ROLE_LABELS[l.from.role]}）↔{" "}
          <a href={documentPath(slug, { version, provision: l.to.id })}>{name(l.to)}</a>（{ROLE_LABELS[l.to.role]}）
          <span className="muted">
            {" "}
            {LINK_LABELS[l.kind]} · 强度 {l.score.toFixed(2)}
          </span>
          <span className="why">{l.why}</span>
        </li>
      ))}
    </ul>
  );
}
