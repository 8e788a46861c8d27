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

  const ledger = {
    caption: "筛选条件：责任单位=工信部；导出日期 2026-12-05",
    columns: ["任务内容", "日期", "剩余天数", "状态"],
    rows: [
      [{ text: "清理涉企收费" }, { text: "2025-06-30", value: { day: "2025-06-30" } }, { text: "-523", value: { number: -523 } }, { text: "逾期" }],
      [{ text: "压缩审批时限" }, { text: "—" }, { text: "—" }, { text: "无时限" }],
    ],
  };

  test("XLSX a clerk can file: the filters in the first row, dates as date cells, remaining days as numbers, a filter row on the header", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx(ledger, "任务台账")).buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell(1, 1).value).toBe(ledger.caption);
    expect(sheet.getRow(2).values).toEqual([undefined, "任务内容", "日期", "剩余天数", "状态"]);
    const date = sheet.getCell(3, 2);
    expect(date.value).toBeInstanceOf(Date);
    expect((date.value as Date).toISOString().slice(0, 10)).toBe("2025-06-30");
    expect(date.numFmt).toBe("yyyy-mm-dd");
    expect(sheet.getCell(3, 3).value).toBe(-523);
    expect(typeof sheet.getCell(3, 3).value).toBe("number");
    expect(sheet.getCell(4, 2).value).toBe("—");
    expect(sheet.autoFilter).toBe("A2:D2");
  });

  test("CSV: the filters first, then the header; numbers stay numbers (not neutralised)", () => {
    expect(toCsv(ledger)).toBe("\uFEFF筛选条件：责任单位=工信部；导出日期 2026-12-05\r\n任务内容,日期,剩余天数,状态\r\n清理涉企收费,2025-06-30,-523,逾期\r\n压缩审批时限,—,—,无时限\r\n");
  });
});
