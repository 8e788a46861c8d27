import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { toCsv } from "../../lib/export/csv";
import { toXlsx } from "../../lib/export/xlsx";

const table = {
  columns: ["文件", "原文"],
  rows: [
    [{ text: "关于“双随机”的意见", href: "/documents/x" }, { text: '含逗号,与"引号"' }],
    [{ text: "=1+1" }, { text: "两行\n文字" }],
  ],
};

describe("exports", () => {
  test("CSV: UTF-8 BOM, CRLF, quoting, formulas neutralised", () => {
    expect(toCsv(table)).toBe('\uFEFF文件,原文\r\n关于“双随机”的意见,"含逗号,与""引号"""\r\n\'=1+1,"两行\n文字"\r\n');
  });

  test("XLSX: one sheet with the header and the same cells", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(table, "台账")).buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe("台账");
    const rows: unknown[][] = [];
    sheet?.eachRow((r) => rows.push(Array.isArray(r.values) ? r.values.slice(1) : []));
    expect(rows).toEqual([["文件", "原文"], ["关于“双随机”的意见", '含逗号,与"引号"'], ["=1+1", "两行\n文字"]]);
  });
});
