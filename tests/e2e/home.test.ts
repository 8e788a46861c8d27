import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("home page", () => {
  test("lists the seed document's title among all of content/", async () => {
    const page = await browser.newPage();
    await page.goto(inject("baseURL") + "/");
    expect(await page.getByRole("link", { name: "关于实施工业领域供给侧结构性改革的意见" }).isVisible()).toBe(true);
    expect(await page.locator("main table tbody tr").count()).toBeGreaterThanOrEqual(20);
    await page.close();
  });
});
