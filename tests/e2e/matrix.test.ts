import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser } from "./browser";

const SEED = "qinghai-2016-industry-supply-side-reform";
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface ApiLink {
  from: string;
  to: string;
  kind: string;
  score: number;
  why: string;
}

describe("goals × measures matrix", () => {
  test("shows every link of the seed with its strength, and why on focus", async () => {
    const api = (await (await fetch(`${inject("baseURL")}/api/documents/${SEED}`)).json()) as { links: ApiLink[]; provisions: Array<{ id: string; role: string }> };
    expect(api.links.length).toBeGreaterThan(0);
    const role = new Map(api.provisions.map((p) => [p.id, p.role]));
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${inject("baseURL")}/documents/${SEED}/links`);
    for (const link of api.links) {
      // Rows are goals (goal matrix) or tasks (task × measure matrix); columns the other end.
      const rowFirst = link.kind.startsWith("goal") ? role.get(link.from) === "goal" : role.get(link.from) === "task";
      const [row, column] = rowFirst ? [link.from, link.to] : [link.to, link.from];
      const table = link.kind.startsWith("goal") ? "#matrix-goals" : "#matrix-tasks";
      const cell = page.locator(`${table} [data-link="${row}|${column}"]`);
      expect(await cell.count(), `${link.kind} ${row} → ${column}`).toBe(1);
      expect(await cell.locator(".cell-score").innerText()).toBe(link.score.toFixed(2));
      await cell.focus();
      const tip = page.locator(`[id="${await cell.getAttribute("aria-describedby")}"]`);
      expect(await tip.isVisible()).toBe(true);
      expect(await tip.innerText()).toContain(link.why);
    }
    // The goal's quantitative targets are rows of their own, under the goal.
    expect(await page.locator("#matrix-goals tr.target-row").count()).toBeGreaterThanOrEqual(8);
    await page.close();
  });

  test("on a phone the matrix is a list", async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 }, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${inject("baseURL")}/documents/${SEED}/links`);
    expect(await page.locator(".matrix-table").first().isVisible()).toBe(false);
    const list = page.locator("ul.matrix-list").first();
    expect(await list.isVisible()).toBe(true);
    expect(await list.innerText()).toMatch(/共同词语|共同术语|标题共有/);
    await context.close();
  });
});
