/**
 * CSV (RFC 4180) of a table, with a UTF-8 byte order mark so that Excel
 * reads Chinese text correctly, and CRLF line ends.
 */
import type { Table } from "./table";

/** Cells that spreadsheet programs would run as formulas get a leading apostrophe. */
function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function field(value: string): string {
  const v = neutralise(value);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The table as CSV text, BOM first. */
export function toCsv(table: Table): string {
  const lines = [table.columns, ...table.rows.map((row) => row.map((c) => c.text))].map((cells) => cells.map(field).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
