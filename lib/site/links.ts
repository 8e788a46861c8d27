/**
 * Links between a document's goals, tasks and measures as matrices: goals
 * (down to each quantitative target) × tasks and measures, and tasks ×
 * measures; plus the same links as a list. Stored links come from the
 * parser, and so do a target's cells: the tasks it found delivering the
 * target, each with the words both name. A view of the document
 * lib/db/documents.ts returns.
 */
import type { LinkKind, Role } from "../parser";
import { getDocument } from "../db/documents";

export interface MatrixProvision {
  id: string;
  label: string | null;
  heading: string | null;
  citation: string;
  role: Role;
}

export interface MatrixTarget {
  key: string;
  subject: string;
  words: string;
  value: number;
  unit: string;
  comparator: string | null;
  /** 下降, 提高到, 控制在: what happens to the quantity. */
  verb: string | null;
}

export interface MatrixCell {
  /** 0–1. */
  score: number;
  why: string;
  kind: LinkKind;
  /** explicit / inferred: a stored link; target: a task the parser found delivering the row's target. */
  method: "explicit" | "inferred" | "target";
}

export interface MatrixRow {
  key: string;
  provision: MatrixProvision;
  /** Set on a target's row (nested under its goal). */
  target: MatrixTarget | null;
  /** Cells by column provision id. */
  cells: Record<string, MatrixCell>;
}

export interface Matrix {
  rows: MatrixRow[];
  columns: MatrixProvision[];
  /** Columns left out because no row links to them. */
  omittedColumns: number;
}

export interface ListedLink {
  from: MatrixProvision;
  to: MatrixProvision;
  kind: LinkKind;
  score: number;
  why: string;
  method: "explicit" | "inferred";
}

export interface LinkMatrices {
  document: { slug: string; title: string | null; version: number; isCurrent: boolean };
  goals: Matrix;
  tasks: Matrix;
  /** Every stored link, in document order. */
  links: ListedLink[];
  /** Stored links that neither matrix shows (their ends are not goal, task or measure provisions). */
  others: ListedLink[];
}

/** Both matrices and the list of a document's links; null when there is no such document. */
export async function getLinkMatrices(slug: string, version?: number): Promise<LinkMatrices | null> {
  const doc = await getDocument(slug, version);
  if (!doc) return null;
  const ref = new Map<string, MatrixProvision>(doc.provisions.map((p) => [p.id, { id: p.id, label: p.label, heading: p.heading, citation: p.citation, role: p.role }]));
  const order = new Map(doc.provisions.map((p, i) => [p.id, i]));
  const byOrder = (a: MatrixProvision, b: MatrixProvision) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0);

  const listed: ListedLink[] = [];
  const goalCells = new Map<string, Record<string, MatrixCell>>();
  const taskCells = new Map<string, Record<string, MatrixCell>>();
  const put = (table: Map<string, Record<string, MatrixCell>>, row: string, column: string, cell: MatrixCell) => {
    const cells = table.get(row) ?? {};
    const old = cells[column];
    if (!old || old.score < cell.score) cells[column] = cell;
    table.set(row, cells);
  };
  for (const l of doc.links) {
    const from = ref.get(l.from);
    const to = ref.get(l.to);
    if (!from || !to) continue;
    const method = l.method === "explicit" ? "explicit" : "inferred";
    listed.push({ from, to, kind: l.kind, score: l.score, why: l.why, method });
    const cell: MatrixCell = { score: l.score, why: l.why, kind: l.kind, method };
    if (l.kind === "goal-task" || l.kind === "goal-measure") {
      const [row, column] = from.role === "goal" || to.role !== "goal" ? [from, to] : [to, from];
      put(goalCells, row.id, column.id, cell);
    } else if (l.kind === "task-measure") {
      const [row, column] = from.role === "task" || to.role !== "task" ? [from, to] : [to, from];
      put(taskCells, row.id, column.id, cell);
    }
  }

  // Goals: every goal provision, then a row for each of its targets.
  const goals = doc.provisions.filter((p) => p.role === "goal").map((p) => ref.get(p.id)).filter((p): p is MatrixProvision => Boolean(p));
  const candidates = doc.provisions.filter((p) => p.role === "task" || p.role === "measure").map((p) => ref.get(p.id)).filter((p): p is MatrixProvision => Boolean(p));
  const goalRows: MatrixRow[] = [];
  const goalIds = new Set(goals.map((g) => g.id));
  // A target's cells: the tasks the parser found delivering it (its subject or key phrase in the task), with why.
  const candidateIds = new Set(candidates.map((c) => c.id));
  doc.targets.forEach((t, i) => {
    if (!t.provision || !goalIds.has(t.provision)) return;
    for (const s of t.serves ?? []) {
      const c = ref.get(s.provision);
      if (!c || !candidateIds.has(c.id)) continue;
      put(goalCells, `target:${i}`, c.id, { score: 1, why: `目标所指见于该条：${s.why}`, kind: c.role === "measure" ? "goal-measure" : "goal-task", method: "target" });
    }
  });
  for (const g of goals) {
    goalRows.push({ key: g.id, provision: g, target: null, cells: goalCells.get(g.id) ?? {} });
    doc.targets.forEach((t, i) => {
      if (t.provision !== g.id) return;
      goalRows.push({
        key: `target:${i}`,
        provision: g,
        target: { key: `t${i}`, subject: t.subject, words: t.text, value: t.value, unit: t.unit, comparator: t.comparator, verb: t.verb ?? null },
        cells: goalCells.get(`target:${i}`) ?? {},
      });
    });
  }
  const columnsOf = (rows: MatrixRow[], pool: MatrixProvision[]): Matrix => {
    const used = new Set(rows.flatMap((r) => Object.keys(r.cells)));
    const columns = pool.filter((p) => used.has(p.id)).sort(byOrder);
    return { rows, columns, omittedColumns: pool.length - columns.length };
  };

  const tasks = candidates.filter((p) => p.role === "task" && taskCells.has(p.id));
  const taskRows: MatrixRow[] = tasks.map((t) => ({ key: t.id, provision: t, target: null, cells: taskCells.get(t.id) ?? {} }));

  const goalMatrix = columnsOf(goalRows, candidates);
  const taskMatrix = columnsOf(taskRows, candidates.filter((p) => p.role === "measure"));
  const shown = (m: Matrix, a: MatrixProvision, b: MatrixProvision) => {
    const inColumns = (p: MatrixProvision) => m.columns.some((c) => c.id === p.id);
    return m.rows.some((r) => !r.target && ((r.provision.id === a.id && r.cells[b.id] && inColumns(b)) || (r.provision.id === b.id && r.cells[a.id] && inColumns(a))));
  };
  const links = listed.sort((a, b) => byOrder(a.from, b.from) || b.score - a.score);
  return {
    document: { slug: doc.slug, title: doc.title, version: doc.version, isCurrent: doc.isCurrent },
    goals: goalMatrix,
    tasks: taskMatrix,
    links,
    others: links.filter((l) => !shown(goalMatrix, l.from, l.to) && !shown(taskMatrix, l.from, l.to)),
  };
}
