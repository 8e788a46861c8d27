import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { seriousViolations } from "./axe";
import { launchBrowser } from "./browser";

const TOKEN = "e2e-admin-token";
const LAW = "law-zhonghua-renmin-gongheguo-tongjifa";
const XUMUFA = "law-zhonghua-renmin-gongheguo-xumufa";
const FIXTURES = path.resolve(import.meta.dirname, "..", "fixtures", "versions");
const OLD = "shifan-gongxiang-fangan-2012";
const NEW = "shifan-shuju-banfa-2020";

const url = (p: string) => `${inject("baseURL")}${p}`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  // A 方案 and the 办法 whose 第三条 repeals it (…同时废止), uploaded as an editor would.
  for (const name of [`${OLD}.txt`, `${NEW}.txt`]) {
    const form = new FormData();
    form.set("file", new Blob([await readFile(path.join(FIXTURES, name))], { type: "text/plain" }), name);
    const r = await fetch(url("/api/documents"), { method: "POST", headers: { authorization: `Bearer ${TOKEN}` }, body: form });
    expect(r.status).toBeLessThan(300);
  }
});
afterAll(async () => {
  await browser?.close();
});

async function open(p: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, isMobile: width < 600 });
  const page = await context.newPage();
  const response = await page.goto(url(p), { waitUntil: "networkidle" });
  expect(response?.status(), p).toBe(200);
  return page;
}

describe("versions, diff and relations in the browser", () => {
  test("the versions page lists both versions of 统计法 with their dates and what changed, and links to the diff", async () => {
    const page = await open(`/documents/${LAW}/versions`);
    const rows = await page.locator(".versions-table tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => (td as HTMLElement).innerText.trim())));
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ["第 1 版", "2009-06-27"],
      ["第 2 版（现行）", "2024-09-13"],
    ]);
    expect(rows[1]![5]).toMatch(/修改 \d+ · 条号变动 \d+ · 新增 \d+/);
    await page.getByRole("link", { name: "对比第 1 版与第 2 版" }).click();
    await page.waitForURL(/\/diff\?from=1&to=2$/);
    expect(await page.locator(".result-count").innerText()).toMatch(/第 1 版 → 第 2 版：修改 \d+ 条/);
    await page.context().close();
  });

  test("the diff marks the changed words and shows a renumbered article as a move; side by side wide, stacked at 375 px", async () => {
    for (const width of [1280, 375]) {
      const page = await open(`/documents/${LAW}/diff?from=1&to=2`, width);
      const first = page.locator(".diff-row", { has: page.locator(".diff-title", { hasText: /^修改 (第一章)?第一条$/ }) });
      expect(await first.locator(".diff-to ins").allInnerTexts()).toContain("加强统计监督，");
      expect((await first.locator(".diff-from del").allInnerTexts()).join("")).toContain("促进");
      const moved = page.locator(".diff-row-moved", { has: page.locator(".diff-title", { hasText: /第七条 → (第.章)?第八条$/ }) });
      await expect(moved.locator(".badge").innerText()).resolves.toBe("条号变动");
      expect(await moved.locator("ins, del").count()).toBe(0);
      const [a, b] = [await first.locator(".diff-from").boundingBox(), await first.locator(".diff-to").boundingBox()];
      if (width === 1280) {
        expect(b!.x).toBeGreaterThan(a!.x + a!.width - 1);
        expect(Math.abs(b!.y - a!.y)).toBeLessThan(2);
      } else {
        expect(b!.y).toBeGreaterThanOrEqual(a!.y + a!.height - 1);
        expect(Math.abs(b!.x - a!.x)).toBeLessThan(2);
        // Nothing wider than the screen.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      }
      await page.context().close();
    }
  });

  test("the API gives the diff in the published shape, and refuses a version that does not exist", async () => {
    const r = await fetch(url(`/api/documents/${XUMUFA}/diff?from=1&to=2`));
    expect(r.status).toBe(200);
    const body = (await r.json()) as { from: number; to: number; provisions: Array<{ change: string; from: { label: string } | null; to: { label: string } | null }>; facts: unknown[] };
    expect(Object.keys(body)).toEqual(["from", "to", "provisions", "facts"]);
    expect([body.from, body.to]).toEqual([1, 2]);
    for (const p of body.provisions) expect(Object.keys(p)).toEqual(["change", "from", "to"]);
    expect(body.provisions.some((p) => p.change === "moved" && p.from?.label === "第五条" && p.to?.label === "第八条")).toBe(true);
    expect(body.facts.length).toBeGreaterThan(0);
    const bad = await fetch(url(`/api/documents/${XUMUFA}/diff?from=1&to=7`));
    expect(bad.status).toBe(404);
    expect(((await bad.json()) as { error: string }).error).toContain("no version 7");
    expect((await fetch(url(`/api/documents/${XUMUFA}/diff?from=x`))).status).toBe(400);
  });

  test("an older version stays readable, with a banner naming the current version", async () => {
    const page = await open(`/documents/${LAW}?version=1`);
    const banner = page.locator(".old-version");
    expect(await banner.innerText()).toContain("这是第 1 版（旧版本）");
    expect(await banner.getByRole("link").innerText()).toBe("查看现行第 2 版");
    expect(await page.locator("#chp1__art1").innerText()).not.toContain("高质量");
    // As of a day in 2020 the reader shows the 2009 text and says so.
    await page.goto(url(`/documents/${LAW}?asOf=2020-01-01`));
    expect(await page.locator(".as-of-note").innerText()).toContain("2020-01-01 适用的是第 1 版");
    await page.context().close();
  });

  test("a document repealed by another reads 已废止 with a link to the repealing article; the relations panel shows both ends", async () => {
    const page = await open(`/documents/${OLD}`);
    expect(await page.locator(".doc-kicker .badge").innerText()).toBe("已废止");
    const note = page.locator(".repealed");
    expect(await note.innerText()).toContain("自 2020-06-15 起");
    expect(await note.getByRole("link").getAttribute("href")).toBe(`/documents/${NEW}#art3`);
    const panel = page.locator("section.relations");
    expect(await panel.locator("dt").allInnerTexts()).toEqual(["被以下文件废止"]);
    expect(await panel.locator("dd").innerText()).toContain("示范市政务数据管理办法");

    await page.goto(url(`/documents/${NEW}`));
    const outgoing = page.locator("section.relations .relation-repeals");
    expect(await outgoing.locator("dt").innerText()).toBe("废止");
    await outgoing.getByRole("link", { name: "《示范市政务信息资源共享工作方案》" }).click();
    await page.waitForURL(new RegExp(`/documents/${OLD}$`));
    await page.context().close();

    // The list says so too, and a day before the repeal the 方案 was in force.
    const list = (await (await fetch(url("/api/documents"))).json()) as Array<{ slug: string; status: string }>;
    expect(list.find((d) => d.slug === OLD)?.status).toBe("已废止");
    const then = (await (await fetch(url("/api/documents?asOf=2019-01-01"))).json()) as Array<{ slug: string; status: string }>;
    expect(then.find((d) => d.slug === OLD)?.status).toBe("现行有效");
    expect(then.some((d) => d.slug === NEW)).toBe(false);
    const home = await open("/?asOf=2019-01-01");
    expect(await home.getByRole("link", { name: "示范市政务信息资源共享工作方案" }).count()).toBe(1);
    await home.context().close();
  });

  for (const width of [1280, 375]) {
    for (const p of [`/documents/${LAW}/versions`, `/documents/${XUMUFA}/diff?from=1&to=2`, `/documents/${OLD}`, `/documents/${LAW}?version=1`]) {
      test(`axe finds nothing serious on ${p} at ${width} px`, { timeout: 120_000 }, async () => {
        const page = await open(p, width);
        expect(await seriousViolations(page)).toEqual([]);
        await page.context().close();
      });
    }
  }
});
