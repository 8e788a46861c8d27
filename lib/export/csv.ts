/**
 * CSV (RFC 4180) of a table, with a UTF-8 byte order mark so that Excel
 * reads Chinese text correctly, and CRLF line ends.
 */
import type { Table } from "./table";

/** Cells that spreadsheet programs would run as formulas get a leading apostrophe. */
function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function field(value: string | number): string {
  // A number cell (剩余天数 -12) is written as a number, never neutralised into text.
  const v = typeof value === "number" ? String(value) : neutralise(value);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The table as CSV text, BOM first. */
export function toCsv(table: Table): string {
  const caption = table.caption ? [[table.caption]] : [];
  const cells = (row: Table["rows"][number]) => row.map((c) => (c.value && "number" in c.value ? c.value.number : c.text));
  const lines = [...caption, table.columns, ...table.rows.map(cells)].map((row) => row.map(field).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
