/**
 * The CJK web font the site serves for machines without a CJK system font
 * (Noto Sans SC, cut by Unicode range, last before system-ui in the stack):
 * its slices load from the site itself under the page's CSP, and a page that
 * draws with it asks for nothing from another origin.
 */
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

describe("CJK web font", () => {
  test("is in the font stack, before the generic families", async () => {
    const page = await browser.newPage();
    await page.goto(inject("baseURL") + "/");
    const stack = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(stack).toMatch(/"Noto Sans SC Variable", system-ui, sans-serif$/);
    await page.close();
  });

  test("loads the slices for Chinese text from the site, without a CSP violation", async () => {
    const page = await browser.newPage();
    const base = inject("baseURL");
    const fonts: string[] = [];
    const problems: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() === "font") fonts.push(r.url());
    });
    page.on("requestfailed", (r) => {
      if (r.resourceType() === "font") problems.push(`failed: ${r.url()}`);
    });
    page.on("console", (m) => {
      if (m.type() === "error" && !m.location().url.endsWith("/favicon.ico")) problems.push(`console: ${m.text()} (${m.location().url})`);
    });
    await page.goto(base + "/documents/qinghai-2016-industry-supply-side-reform", { waitUntil: "networkidle" });
    const loaded = await page.evaluate(async () => (await document.fonts.load('16px "Noto Sans SC Variable"', "各市、自治州人民政府：本意见自2016年5月1日起施行。")).map((f) => f.status));
    expect(loaded.length).toBeGreaterThanOrEqual(2);
    expect(loaded.every((s) => s === "loaded")).toBe(true);
    expect(fonts.length).toBeGreaterThanOrEqual(loaded.length);
    for (const url of fonts) expect(url.startsWith(`${base}/_next/static/`), url).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});
