import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser } from "./browser";

const SEED = "/documents/qinghai-2016-industry-supply-side-reform";
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("document reader", () => {
  test("an #id opens the document at that provision, highlighted", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${inject("baseURL")}${SEED}#p2__s4__x3`);
    const provision = page.locator("#p2__s4__x3");
    await expect.poll(() => provision.evaluate((el) => el.matches(":target") && el.classList.contains("is-target"))).toBe(true);
    expect(await provision.innerText()).toContain("三是降低融资成本");
    const box = await provision.boundingBox();
    expect(box && box.y >= 0 && box.y < 800).toBe(true);
    expect(await provision.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");
    await page.close();
  });

  test("metadata, status, role badges and provisions nested by parent", async () => {
    const page = await browser.newPage();
    await page.goto(`${inject("baseURL")}${SEED}`);
    expect(await page.locator("h1").innerText()).toBe("关于实施工业领域供给侧结构性改革的意见");
    expect(await page.locator(".doc-header .badge").innerText()).toBe("已失效");
    expect(await page.locator(".doc-meta").innerText()).toContain("青海省人民政府");
    expect(await page.locator("#p1__s3 .role").innerText()).toBe("目标");
    expect(await page.locator("#p3__s2 .role").innerText()).toBe("保障措施");
    // 三是 (p2__s4__x3) sits inside the group of （四） (p2__s4).
    expect(await page.locator(".provision-group:has(> #p2__s4) .provision-children #p2__s4__x3").count()).toBe(1);
    // Every provision of the document is there, each with its anchor: items as provisions, 前言 and 结尾 as passages.
    const api = await (await fetch(`${inject("baseURL")}/api${SEED}`)).json();
    const passages = api.provisions.filter((p: { id: string; label: string | null }) => !p.label && /^(?:preamble|closing)\d*$/.test(p.id));
    expect(passages.map((p: { id: string }) => p.id)).toEqual(["preamble", "closing"]);
    expect(await page.locator(".provision").count()).toBe(api.provisions.length - passages.length);
    for (const p of passages) expect(await page.locator(`section.passage#${p.id}`).count()).toBe(1);
    await page.close();
  });

  test("facts are marked in the text; focusing one shows its words, kind and date", async () => {
    const page = await browser.newPage();
    await page.goto(`${inject("baseURL")}${SEED}`);
    const target = page.locator("#p1__s3 .fact-target", { hasText: "3%" }).first();
    await target.focus();
    const tip = page.locator(`#${await target.getAttribute("aria-describedby")}`);
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.innerText()).toContain("目标值");
    const effective = page.locator("#closing .fact-deadline", { hasText: "2016年5月1日起施行" });
    await effective.focus();
    const effectiveTip = page.locator(`#${await effective.getAttribute("aria-describedby")}`);
    expect(await effectiveTip.innerText()).toContain("2016-05-01");
    // Parties link to their ledger from the side panel.
    const party = page.locator("#p3__s5 .provision-aside a", { hasText: "督查室" });
    expect(await party.getAttribute("href")).toMatch(/^\/parties\//);
    await page.close();
  });

  test("the side panel lists a provision's links with why, and the facts page charts deadlines and targets", async () => {
    const page = await browser.newPage();
    await page.goto(`${inject("baseURL")}${SEED}`);
    const aside = page.locator("#p1__s3 .provision-aside");
    expect(await aside.innerText()).toContain("加大财政金融支持");
    expect(await aside.innerText()).toMatch(/共同词语|共同术语|标题共有/);
    await page.goto(`${inject("baseURL")}${SEED}/facts`);
    expect(await page.locator(".timeline svg circle, .timeline svg rect").count()).toBeGreaterThan(0);
    expect(await page.locator("table.targets tbody tr").count()).toBe(13);
    await page.close();
  });

  test("a document that does not exist is a 404 page", async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${inject("baseURL")}/documents/${encodeURIComponent("不存在的文件")}`);
    expect(response?.status()).toBe(404);
    await page.close();
  });
});
