import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "./browser";

const PARTY = "人力资源社会保障部";
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** RFC 4180 CSV → rows of fields (quotes, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

async function pageTable(page: Page): Promise<string[][]> {
  const header = await page.locator("#ledger thead th").allInnerTexts();
  const rows = await page.locator("#ledger tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => (td as HTMLElement).innerText.trim())));
  return [header.map((h) => h.trim()), ...rows];
}

async function download(page: Page, label: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.locator(".export-links a", { hasText: label }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

describe("party ledger", () => {
  test("lists parties with their counts and opens a ledger", async () => {
    const page = await browser.newPage();
    await page.goto(`${inject("baseURL")}/parties`);
    const row = page.locator("tbody tr", { has: page.locator(`a:text-is("${PARTY}")`) });
    const count = Number(await row.locator("td.num").first().innerText());
    expect(count).toBeGreaterThan(0);
    await row.locator(`a:text-is("${PARTY}")`).click();
    await page.waitForURL(/\/parties\/.+/);
    expect(await page.locator("h1").innerText()).toContain(PARTY);
    expect(await page.locator("#ledger tbody tr").count()).toBe(count);
    await page.close();
  });

  for (const filters of ["", "?sort=document&due=overdue"]) {
    test(`CSV and XLSX downloads have the page's rows${filters ? " (filtered and sorted)" : ""}`, async () => {
      const context = await browser.newContext({ acceptDownloads: true });
      const page = await context.newPage();
      await page.goto(`${inject("baseURL")}/parties/${encodeURIComponent(PARTY)}${filters}`);
      const onPage = await pageTable(page);
      expect(onPage.length).toBeGreaterThan(1);
      expect(onPage[0]).toEqual(["文件", "条款", "角色", "文中名称", "原文", "时限（原文）", "日期", "剩余天数", "状态"]);
      // Deadlines from the provisions, with the days left as a number and what that means.
      expect(onPage.some((r) => /^\d{4}-\d{2}-\d{2}$/.test(r[6] ?? "") && /^-?\d+$|^—$/.test(r[7] ?? "") && /^(逾期|今天到期|未到期|起始日期|随文件失效|无时限)$/.test(r[8] ?? ""))).toBe(true);

      const csv = await download(page, "CSV");
      expect(csv.name).toMatch(/\.csv$/);
      expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const csvRows = parseCsv(csv.bytes.toString("utf8").slice(1));
      // The filters that produced the file come first, then the page's table.
      expect(csvRows[0]![0]).toMatch(new RegExp(`^筛选条件：责任单位=${PARTY}.*导出日期 \\d{4}-\\d{2}-\\d{2}$`));
      expect(csvRows.slice(1)).toEqual(onPage);

      const xlsx = await download(page, "XLSX");
      expect(xlsx.name).toMatch(/\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      const data = new Uint8Array(xlsx.bytes.byteLength);
      data.set(xlsx.bytes);
      await workbook.xlsx.load(data.buffer);
      const sheet = workbook.worksheets[0];
      const rows: string[][] = [];
      const shown = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ""));
      sheet?.eachRow((r) => rows.push(Array.isArray(r.values) ? r.values.slice(1).map(shown) : []));
      expect(rows[0]![0]).toBe(csvRows[0]![0]);
      expect(rows.slice(1)).toEqual(onPage);
      // Dates are date cells and remaining days numbers, as a spreadsheet sorts and sums them.
      const dated = sheet!.getColumn(7).values.slice(3).filter((v) => v instanceof Date);
      expect(dated.length).toBe(onPage.slice(1).filter((r) => /^\d{4}-/.test(r[6] ?? "")).length);
      expect(sheet!.getColumn(8).values.slice(3).filter((v) => typeof v === "number").length).toBe(onPage.slice(1).filter((r) => /^-?\d+$/.test(r[7] ?? "")).length);
      await context.close();
    });
  }

  test("the task list exports the same columns and rows", async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${inject("baseURL")}/tasks?party=${encodeURIComponent(PARTY)}`);
    const onPage = [await page.locator("#tasks thead th").allInnerTexts(), ...(await page.locator("#tasks tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => (td as HTMLElement).innerText.trim()))))];
    expect(onPage.length).toBeGreaterThan(1);
    expect(onPage[0]).toEqual(["文件", "文号", "发文机关", "条款", "任务内容", "责任单位（角色）", "时限（原文）", "日期", "剩余天数", "状态"]);
    expect(onPage.slice(1).every((r) => (r[5] ?? "").includes(PARTY))).toBe(true);
    const csv = await download(page, "CSV");
    expect(parseCsv(csv.bytes.toString("utf8").slice(1)).slice(1)).toEqual(onPage);
    await context.close();
  });
});
