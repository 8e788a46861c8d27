import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Browser } from "playwright-core";
import { seriousViolations } from "./axe";
import { launchBrowser } from "./browser";

const SEED = "/documents/qinghai-2016-industry-supply-side-reform";
const PAGES = [
  "/",
  "/?kind=%E6%84%8F%E8%A7%81",
  SEED,
  `${SEED}#p2__s4__x3`,
  `${SEED}/links`,
  `${SEED}/facts`,
  "/parties",
  `/parties/${encodeURIComponent("人力资源社会保障部")}`,
  "/tasks",
  "/deadlines",
  "/admin",
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("accessibility (axe-core): no serious or critical violations", () => {
  for (const width of [1280, 375]) {
    for (const url of PAGES) {
      test(`${url} at ${width} px`, async () => {
        const context = await browser.newContext({ viewport: { width, height: 900 }, isMobile: width < 600 });
        const page = await context.newPage();
        const response = await page.goto(inject("baseURL") + url, { waitUntil: "networkidle" });
        expect(response?.status()).toBe(200);
        expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
        expect(await seriousViolations(page)).toEqual([]);
        await context.close();
      });
    }
  }

  test("the reader with a citation panel open and a fact focused", async () => {
    const page = await browser.newPage();
    await page.goto(`${inject("baseURL")}${SEED}`);
    await page.locator("#p2__s4__x3 .cite > summary").click();
    await page.locator("#p1__s3 .fact").first().focus();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  test("the admin page with a parse preview", async () => {
    const page = await browser.newPage();
    await page.goto(`${inject("baseURL")}/admin`);
    await page.locator('input[name="token"]').fill("e2e-admin-token");
    await page.locator('input[type="file"]').setInputFiles({ name: "a11y-preview.txt", mimeType: "text/plain", buffer: Buffer.from("关于测试的通知\n\n一、总体要求\n（一）省财政厅牵头，2027年底前完成。\n（二）到2027年，覆盖率达到90%。") });
    await page.getByRole("button", { name: "预览解析" }).click();
    await page.locator(".preview").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  test("keyboard: skip link, then focus is visible on links", async () => {
    const page = await browser.newPage();
    await page.goto(`${inject("baseURL")}/`);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("跳到正文");
    await page.keyboard.press("Tab");
    const outline = await page.evaluate(() => {
      const el = document.activeElement;
      return el ? getComputedStyle(el).outlineStyle : "none";
    });
    expect(outline).not.toBe("none");
    await page.close();
  });
});
