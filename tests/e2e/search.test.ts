import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Browser } from "playwright-core";
import { seriousViolations } from "./axe";
import { launchBrowser } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("search page", () => {
  test("search → open a hit → land on the highlighted provision", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${inject("baseURL")}/`);
    await page.locator("#q").fill("降低融资成本");
    await page.locator("#q").press("Enter");
    await page.waitForURL(/\/search\?q=/);
    const hit = page.locator(".hit", { hasText: "关于实施工业领域供给侧结构性改革的意见" }).first();
    await hit.waitFor();
    expect(await hit.locator(".snippet mark").count()).toBeGreaterThan(0);
    expect(await hit.locator(".crumbs").innerText()).toContain("（四）");
    // The title is in the hit's first line, not again in its breadcrumbs.
    expect(await hit.locator(".hit-title").innerText()).toContain("关于实施工业领域供给侧结构性改革的意见");
    expect(await hit.locator(".crumbs").innerText()).not.toContain("关于实施工业领域供给侧结构性改革的意见");
    const link = hit.locator(".hit-title a");
    const href = await link.getAttribute("href");
    expect(href).toMatch(/^\/documents\/qinghai-2016-industry-supply-side-reform#/);
    const id = decodeURIComponent(href?.split("#")[1] ?? "");
    await link.click();
    await page.waitForURL(/\/documents\//);
    const provision = page.locator(`[id="${id}"]`);
    await expect.poll(() => provision.evaluate((el) => el.matches(":target") && el.classList.contains("is-target"))).toBe(true);
    const box = await provision.boundingBox();
    expect(box && box.y >= 0 && box.y < 800).toBe(true);
    expect(await provision.innerText()).toContain("融资成本");
    await page.close();
  });

  test("facets with counts filter in the URL; a clear empty state; bad input shows the message", async () => {
    const page = await browser.newPage();
    await page.goto(`${inject("baseURL")}/search?q=${encodeURIComponent("成本")}`);
    const total = await page.locator("#results-title").innerText();
    const role = page.locator('section[aria-labelledby="facet-role"] a').first();
    const count = Number(await role.locator(".count").innerText());
    await role.click();
    await page.waitForURL(/role=/);
    expect(await page.locator("#results-title").innerText()).toContain(String(count));
    expect(await page.locator("#results-title").innerText()).not.toBe(total);
    expect(await page.locator('.facets-side a[aria-current="true"]').count()).toBe(1);

    await page.goto(`${inject("baseURL")}/search?q=${encodeURIComponent("量子纠缠超导")}`);
    expect(await page.locator(".empty").innerText()).toContain("没有找到");
    expect(await page.locator(".empty a").count()).toBeGreaterThan(2);

    const response = await page.goto(`${inject("baseURL")}/search?q=${encodeURIComponent("长".repeat(300))}`);
    expect(response?.status()).toBe(200);
    expect(await page.locator(".error-box").innerText()).toContain("无法检索");
    await page.close();
  });

  for (const width of [1280, 375]) {
    test(`axe: no serious or critical violations on search pages at ${width} px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 }, isMobile: width < 600 });
      const page = await context.newPage();
      for (const q of ["降成本", "量子纠缠超导", ""]) {
        await page.goto(`${inject("baseURL")}/search${q ? `?q=${encodeURIComponent(q)}` : ""}`);
        expect(await seriousViolations(page), q).toEqual([]);
      }
      await context.close();
    });
  }
});
