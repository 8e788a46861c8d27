import { readFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { seriousViolations } from "./axe";
import { launchBrowser } from "./browser";

const SLUG = "qinghai-2016-industry-supply-side-reform";
const FILE = `${SLUG}.md`;
const EDITOR_TOKEN = "e2e-editor-token";
const ADMIN_TOKEN = "e2e-admin-token";
// The seed names no party 配合; 省政府督查室 is 协调 (coordinate) in （五）, the closest to the 配合 → 牵头.
const PROVISION = "p3__s5";
const MENTION = "省政府督查室";

let browser: Browser;
let original: string;
beforeAll(async () => {
  browser = await launchBrowser();
  original = await readFile(path.resolve(import.meta.dirname, "..", "..", "content", FILE), "utf8");
});
afterAll(async () => {
  await browser?.close();
});

const base = () => inject("baseURL");

/** Stores a text of the seed under its file name, as the administrator (a new version when it differs). */
async function upload(content: string): Promise<{ status: string; version: number }> {
  const form = new FormData();
  form.append("file", new Blob([content]), FILE);
  const response = await fetch(`${base()}/api/documents`, { method: "POST", body: form, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  expect(response.status).toBe(200);
  return response.json();
}

/** The line of the party in the provision's aside. */
const partyLine = (page: Page): Locator => page.locator(`[id="${PROVISION}"] .provision-aside li`, { hasText: MENTION });

describe("an editor's correction", () => {
  test("signs in, corrects a party's role in the reader, and every read shows it until undone", async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 }, acceptDownloads: true });
    const page = await context.newPage();

    // A reader who is not signed in sees no correction panel, only the way in.
    await page.goto(`${base()}/documents/${SLUG}`);
    expect(await page.locator(".correct-panel").count()).toBe(0);
    await page.getByRole("link", { name: "编辑登录" }).click();

    // Sign in with the editor's token; back to the document.
    await page.locator('input[name="token"]').fill("not-a-token");
    await page.getByRole("button", { name: "登录" }).click();
    expect(await page.locator(".error-box").innerText()).toContain("令牌不正确");
    await page.locator('input[name="token"]').fill(EDITOR_TOKEN);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(`**/documents/${SLUG}`);
    expect(await page.locator(".editor-bar").innerText()).toContain("已登录为 张三");
    expect(await partyLine(page).innerText()).toContain("（协调）");

    // Open the provision's panel from the keyboard, give a reason, change the role to 牵头.
    const panel = page.locator(`[id="${PROVISION}"] .correct-panel`);
    await panel.locator("summary").focus();
    await page.keyboard.press("Enter");
    await panel.getByLabel("校正理由（必填）").fill("原文由督查室牵头督促检查");
    const form = panel.locator("form", { has: page.locator(`input[name="party"][value="${MENTION}"]`) });
    await form.getByLabel("角色").selectOption("lead");
    await form.getByRole("button", { name: "修改" }).click();
    await expect.poll(() => panel.locator('[role="status"]').innerText(), { timeout: 20_000 }).toMatch(/已保存校正 #\d+/);
    const id = Number(/#(\d+)/.exec(await panel.locator('[role="status"]').innerText())![1]);

    // Reloaded, the party reads 牵头 with the mark; the mark shows the parse and who, when, why.
    await page.reload();
    const line = partyLine(page);
    expect(await line.innerText()).toContain("（牵头）");
    const mark = line.locator(".corrected-mark");
    expect(await mark.locator("summary").innerText()).toBe("人工校正");
    expect(await mark.locator("summary").getAttribute("title")).toContain(`原解析：${MENTION}`);
    await mark.locator("summary").click();
    const detail = await mark.locator(".corrected-detail").innerText();
    expect(detail).toContain("（协调）");
    expect(detail).toContain("张三");
    expect(detail).toContain("原文由督查室牵头督促检查");
    // At 375 px the page does not scroll sideways; with the panel and the mark open, axe finds nothing serious.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.locator(`[id="${PROVISION}"] .correct-panel summary`).click();
    expect(await seriousViolations(page)).toEqual([]);

    // The party's ledger and its XLSX export give the new role, marked.
    const ledgerPath = await line.locator("a").first().getAttribute("href");
    await page.goto(`${base()}${ledgerPath}?all=1`);
    const row = page.locator("#ledger tbody tr", { hasText: MENTION });
    expect(await row.innerText()).toContain("牵头〔人工校正〕");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Excel（XLSX）" }).click();
    const file = await (await download).path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const rows: string[][] = [];
    workbook.worksheets[0]?.eachRow((r) => rows.push(Array.isArray(r.values) ? r.values.slice(1).map((v) => String(v ?? "")) : []));
    expect(rows.find((r) => r.includes(MENTION))).toContain("牵头〔人工校正〕");

    // Ingesting the same file again keeps it.
    expect((await upload(original)).status).toBe("unchanged");
    await page.goto(`${base()}/documents/${SLUG}`);
    expect(await partyLine(page).innerText()).toContain("（牵头）");

    // A version whose provision's text changed: the parse shows, and /review lists the correction as needing a look.
    const changed = original.replace("不定期开展重点工作任务落实情况督促检查", "定期开展重点工作任务落实情况督促检查");
    expect(changed).not.toBe(original);
    expect((await upload(changed)).status).toBe("updated");
    await page.reload();
    expect(await partyLine(page).innerText()).toContain("（协调）");
    expect(await partyLine(page).locator(".corrected-mark").count()).toBe(0);
    await page.goto(`${base()}/review?kind=correction-needs-review`);
    const item = page.locator(".review-item", { hasText: `校正 #${id}` });
    expect(await item.innerText()).toContain("新版本中该条款文字已改");
    expect(await item.locator(".review-summary").innerText()).toContain(`${MENTION}（牵头）`);
    expect(await item.locator(`a[href="/documents/${SLUG}#${PROVISION}"]`).count()).toBeGreaterThan(0);
    expect(await item.getByRole("button", { name: `撤销校正 #${id}` }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    // The text as it was: the correction applies again; an undo in the reader restores the parse.
    expect((await upload(original)).status).toBe("updated");
    await page.goto(`${base()}/documents/${SLUG}`);
    const again = partyLine(page).locator(".corrected-mark");
    await again.locator("summary").click();
    await again.getByRole("button", { name: `撤销 #${id}` }).click();
    await expect.poll(() => partyLine(page).locator(".corrected-mark").count(), { timeout: 20_000 }).toBe(0);
    expect(await partyLine(page).innerText()).toContain("（协调）");

    // The log has the correction and its undo.
    await page.goto(`${base()}/review/log?editor=${encodeURIComponent("张三")}`);
    const log = await page.locator("#log tbody").innerText();
    expect(log).toContain("撤销");
    expect(log).toContain("原文由督查室牵头督促检查");
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
