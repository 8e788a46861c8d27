/**
 * XLSX of a table (exceljs): one sheet, bold frozen header, filters, and
 * column widths fitted to the text.
 */
import ExcelJS from "exceljs";
import type { Table } from "./table";

/** Display width of a string in a spreadsheet (CJK characters count double). */
function width(value: string): number {
  let w = 0;
  for (const ch of value) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

/** The table as an .xlsx file: the caption (its filters) in the first row, days as dates, numbers as numbers. */
export async function toXlsx(table: Table, sheetName: string): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "PolicyKB";
  const headerRow = table.caption ? 2 : 1;
  const sheet = workbook.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, " ").slice(0, 31) || "Sheet1", { views: [{ state: "frozen", ySplit: headerRow }] });
  if (table.caption) {
    sheet.addRow([table.caption]).font = { italic: true };
    if (table.columns.length > 1) sheet.mergeCells(1, 1, 1, table.columns.length);
  }
  sheet.addRow(table.columns).font = { bold: true };
  for (const row of table.rows) {
    const added = sheet.addRow(row.map((c) => (c.value && "day" in c.value ? new Date(`${c.value.day}T00:00:00Z`) : c.value && "number" in c.value ? c.value.number : c.text)));
    row.forEach((c, i) => {
      if (c.value && "day" in c.value) added.getCell(i + 1).numFmt = "yyyy-mm-dd";
    });
  }
  table.columns.forEach((header, i) => {
    const longest = Math.max(width(header), ...table.rows.map((r) => width(r[i]?.text ?? "")));
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, longest + 2));
    sheet.getColumn(i + 1).alignment = { vertical: "top", wrapText: true };
  });
  if (table.columns.length) sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: table.columns.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
