/**
 * Stage 4b: tables. Reads what each table is for from its header row(s) and
 * what each row is: a task-division table (任务 / 牵头单位 / 配合单位 /
 * 完成时限) has one item per row; a quota table (省份 / 扩招计划（万人）)
 * holds targets; an indicator table (一级指标 / 指标说明) and any other table
 * hold text only. A row-number column (序号) numbers rows, it is not list
 * numbering. Rows whose merged cells were lost in a text copy are lined up
 * with the header from the right (merged cells are the leading, grouping ones).
 */
import { BASELINE_COLUMN, INDICATOR_COLUMN, NUMBER_COLUMN, PARTY_COLUMN, TASK_COLUMN, TIME_COLUMN } from "./patterns";
import type { Block, ParseMessage, TableCell, TableKind } from "./types";

const compact = (s: string) => s.replace(/\s+/g, "");

/** Header words: short, no sentence, not a number or a label. */
function isNameCell(text: string, cell: TableCell): boolean {
  const t = compact(text);
  return t.length > 0 && t.length <= 24 && !/[。;；]/.test(t) && !/^[\d.,%]+$/.test(t) && !cell.marker;
}

/** The column names of a table: each grid column's header words, top row first. */
function columnNames(headers: Block[], width: number, text: (c: TableCell) => string): string[] {
  const names: string[] = [];
  for (let col = 0; col < width; col++) {
    const parts: string[] = [];
    for (const h of headers) {
      for (const c of h.cells ?? []) {
        if (col >= c.grid && col < c.grid + c.span) {
          const t = compact(text(c));
          if (t && !parts.includes(t)) parts.push(t);
        }
      }
    }
    names.push(parts.join("/"));
  }
  return names;
}

/** What a table is for, from its column names and cells. */
export function tableKind(names: string[], dataRows: Block[], text: (c: TableCell) => string): TableKind {
  const has = (re: RegExp) => names.some((n) => re.test(n));
  const parties = has(PARTY_COLUMN);
  const time = has(TIME_COLUMN);
  if (has(TASK_COLUMN) && (parties || time)) return "task";
  if (parties && time) return "task";
  if (has(INDICATOR_COLUMN)) return "indicator";
  // A quota table: most rows give a number in a column that is not a row number.
  const numeric = dataRows.filter((r) => (r.cells ?? []).some((c) => !NUMBER_COLUMN.test(names[c.grid] ?? "") && /^\s*\d+(?:\.\d+)?\s*(?:[%‰]|[\u4e00-\u9fa5]{0,3})?\s*$/.test(text(c)) && !BASELINE_COLUMN.test(names[c.grid] ?? "")));
  if (dataRows.length >= 2 && numeric.length * 2 >= dataRows.length) return "quota";
  if (has(TASK_COLUMN) && parties) return "task";
  return "list";
}

/**
 * Stage 4b entry point: sets `table` on every table row and `column` on its
 * cells. Returns messages for tables whose columns were not understood.
 */
export function readTables(blocks: Block[], folded: string, layoutTable: (b: Block) => number | null): ParseMessage[] {
  const messages: ParseMessage[] = [];
  const text = (c: TableCell) => folded.slice(c.start, c.end);
  let id = 0;
  for (let k = 0; k < blocks.length; ) {
    if (blocks[k]!.kind !== "table") {
      k++;
      continue;
    }
    // One table: consecutive rows (of one page table, where the page says).
    const first = k;
    const tableOf = layoutTable(blocks[k]!);
    let end = k + 1;
    while (end < blocks.length && blocks[end]!.kind === "table" && layoutTable(blocks[end]!) === tableOf) end++;
    const rows = blocks.slice(first, end);
    k = end;
    id++;

    // Header rows: name-like cells at the top; a further row while a header cell spans columns above it.
    const headers: Block[] = [];
    for (const row of rows) {
      const cells = (row.cells ?? []).filter((c) => c.end > c.start);
      if (!cells.length || !cells.every((c) => isNameCell(text(c), c)) || cells.length < 2) break;
      const previous = headers.at(-1);
      if (previous && !(previous.cells ?? []).some((c) => c.span > 1)) break;
      headers.push(row);
      if (headers.length >= 3) break;
    }
    const width = Math.max(...rows.map((r) => (r.cells ?? []).reduce((w, c) => Math.max(w, c.grid + c.span), 0)));
    // A text row that lost its merged cells: line it up with the header from the right.
    if (layoutTable(rows[0]!) === null && width > 1) {
      for (const row of rows) {
        const cells = row.cells ?? [];
        if (cells.length > 1 && cells.length < width) cells.forEach((c, i) => (c.grid = width - cells.length + i));
      }
    }
    const names = columnNames(headers, width, text);
    const dataRows = rows.filter((r) => !headers.includes(r));
    const kind = tableKind(names, dataRows, text);
    const numberCol = names.findIndex((n) => NUMBER_COLUMN.test(n));
    const partyCols = names.map((n, i) => (PARTY_COLUMN.test(n) ? i : -1)).filter((i) => i >= 0);
    const timeCols = names.map((n, i) => (TIME_COLUMN.test(n) ? i : -1)).filter((i) => i >= 0);
    let taskCol = names.findIndex((n) => TASK_COLUMN.test(n));
    if (taskCol < 0 && kind === "task") {
      // The task is the column with the longest text that names no party or time.
      const lengths = names.map((_, i) => (i === numberCol || partyCols.includes(i) || timeCols.includes(i) ? -1 : dataRows.reduce((n, r) => n + (r.cells ?? []).filter((c) => c.grid === i).reduce((m, c) => m + c.end - c.start, 0), 0)));
      taskCol = lengths.indexOf(Math.max(...lengths));
    }
    for (const row of rows) {
      for (const c of row.cells ?? []) c.column = names[c.grid] || null;
      const filled = (row.cells ?? []).filter((c) => c.end > c.start);
      const numberCell = numberCol >= 0 ? (row.cells ?? []).find((c) => c.grid === numberCol && c.end > c.start) : undefined;
      const number = numberCell && /^\d{1,4}$/.test(compact(text(numberCell))) ? Number(compact(text(numberCell))) : null;
      let rowKind: NonNullable<Block["table"]>["row"] = "data";
      if (headers.includes(row)) rowKind = "header";
      else if (filled.length === 1 && width >= 2 && (filled[0]!.span >= width - 1 || (row.cells ?? []).length === 1)) rowKind = "category";
      else if (kind === "task") {
        // A row without its own number or task cell (merged from above) goes on with the item above.
        const ownsStart = (row.cells ?? []).some((c) => c.end > c.start && (c.grid === numberCol || c.grid === taskCol));
        rowKind = ownsStart ? "item" : "continuation";
      }
      row.table = { id, kind, row: rowKind, number };
      // A row number is not a list label; labels written in cells count only for items and categories of task tables.
      for (const c of row.cells ?? []) {
        if (c.grid === numberCol && c.marker && /^\d+$/.test(compact(text(c)))) c.marker = null;
      }
      if (kind !== "task") {
        for (const c of row.cells ?? []) {
          c.marker = null;
          c.inline = [];
        }
      }
    }
    if (kind === "list" && width >= 3 && dataRows.length >= 3) {
      const head = names.filter(Boolean).join(" | ") || "no header row";
      messages.push({ reason: `table of ${dataRows.length} rows with columns not understood (${head}): its text is kept with the provision that holds it`, ruleId: "table-columns", start: rows[0]!.start, end: rows.at(-1)!.end });
    }
  }
  return messages;
}
