import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "./browser";

const TOKEN = "e2e-admin-token";
const NOTICE = path.resolve(import.meta.dirname, "..", "fixtures", "ledger", "three-item-notice.md");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function tableRows(page: Page, id: string): Promise<string[][]> {
  return page.locator(`#${id} tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => (td as HTMLElement).innerText.trim())));
}

describe("tasks a clerk can trust", () => {
  test("a three-item notice uploaded gives three tasks in /tasks with their lead, support and date", async () => {
    const page = await browser.newPage();
    await page.goto(`${inject("baseURL")}/admin`);
    await page.locator('input[type="file"]').setInputFiles({ name: "three-item-notice.md", mimeType: "text/markdown", buffer: await readFile(NOTICE) });
    await page.locator('input[name="token"]').fill(TOKEN);
    await page.getByRole("button", { name: "预览解析" }).click();
    await page.locator(".preview").waitFor();
    await page.getByRole("button", { name: "保存入库" }).click();
    await page.locator(".success").waitFor();

    await page.goto(`${inject("baseURL")}/tasks?doc=three-item-notice`);
    const rows = await tableRows(page, "tasks");
    expect(rows).toHaveLength(3);
    // 文件, 文号, 发文机关, 条款, 任务内容, 责任单位（角色）, 时限（原文）, 日期, 剩余天数, 状态
    expect(rows[0]![5]).toBe("省发展和改革委员会（牵头）、省财政厅（配合）");
    expect(rows[1]![5]).toContain("（牵头）");
    expect(rows[1]![5]).toContain("（配合）");
    for (const r of rows) {
      expect(r[7]).toBe("2025-06-30");
      // The date comes from the closing paragraph, and says so.
      expect(r[6]).toMatch(/^于2025年6月底前〔继承自结尾〕$/);
    }
    expect(rows[0]![4]).toContain("清理涉企收费");

    // The name as the notice writes it finds the same tasks.
    await page.goto(`${inject("baseURL")}/tasks?party=${encodeURIComponent("省发展改革委")}`);
    expect((await tableRows(page, "tasks")).map((r) => r[3])).toEqual(["第一部分"]);
    await page.close();
  });

  test("/tasks?party=工信部 and the party's own page agree", async () => {
    const page = await browser.newPage();
    await page.goto(`${inject("baseURL")}/tasks?party=${encodeURIComponent("工信部")}`);
    const listed = (await tableRows(page, "tasks")).length;
    expect(listed).toBeGreaterThan(0);
    await page.goto(`${inject("baseURL")}/parties/${encodeURIComponent("工信部")}`);
    const said = await page.locator(".ledger-summary").innerText();
    expect(said).toContain(`承担 ${listed} 项任务`);
    await page.goto(`${inject("baseURL")}/parties?q=${encodeURIComponent("工信部")}`);
    const row = page.locator("tbody tr", { has: page.locator('a:text-is("工业和信息化部")') });
    expect(Number(await row.locator("td.num").nth(1).innerText())).toBe(listed);
    await page.close();
  });

  test("a start date and the deadlines of a document no longer in force are never 逾期", async () => {
    const page = await browser.newPage();
    await page.goto(`${inject("baseURL")}/deadlines`);
    const rows = await page.locator("table tbody tr").evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).innerText));
    const start = rows.find((r) => r.includes("2019年1月1日起"));
    expect(start).toBeDefined();
    expect(start).not.toContain("逾期");
    // The seed (in force until 2018-12-31): its deadlines lapse with it, shown apart.
    const statuses = await page.locator("#lapsed tbody tr td:last-child").allInnerTexts();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(["随文件失效"]));
    await page.close();
  });

  test("the seed's target row 企业综合成本 links to （四）多措并举降成本", async () => {
    const page = await browser.newPage();
    await page.goto(`${inject("baseURL")}/documents/qinghai-2016-industry-supply-side-reform/links`);
    const row = page.locator("tr", { has: page.locator("th", { hasText: "企业综合成本：下降4%以上" }) });
    await expect(row.count()).resolves.toBe(1);
    const linked = await row.locator("[data-target-link]").evaluateAll((cells) => cells.map((c) => c.getAttribute("data-target-link")));
    expect(linked.some((l) => l?.endsWith("|p2__s4"))).toBe(true);
    await page.close();
  });

  test("searching 国办发〔2019〕4号 opens document 007", async () => {
    const page = await browser.newPage();
    await page.goto(`${inject("baseURL")}/`);
    await page.locator('input[name="q"]').first().fill("国办发〔2019〕4号");
    await page.locator('input[name="q"]').first().press("Enter");
    await page.waitForURL(/\/documents\/007_/);
    expect(await page.locator("h1").innerText()).toContain("三级公立医院绩效考核");
    await page.close();
  });
});
