import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser } from "./browser";

const TOKEN = "e2e-admin-token";
const FILE = "026_xinyu-lvse-jianzhu-guanli-banfa-2012.md";
const SLUG = "026_xinyu-lvse-jianzhu-guanli-banfa-2012";
const GONE = "encl__chp5__art28__e3";
const GONE_TEXT = "　　㈢不依法履行监督管理职责的其他行为。\n";

let browser: Browser;
let original: string;
beforeAll(async () => {
  browser = await launchBrowser();
  original = await readFile(path.resolve(import.meta.dirname, "..", "..", "content", FILE), "utf8");
});
afterAll(async () => {
  await browser?.close();
});

function post(body: { name: string; content: string | Uint8Array<ArrayBuffer> }, options: { token?: string; preview?: boolean; formToken?: string } = {}) {
  const form = new FormData();
  form.append("file", new Blob([body.content]), body.name);
  if (options.formToken) form.append("token", options.formToken);
  return fetch(`${inject("baseURL")}/api/documents${options.preview ? "?preview=1" : ""}`, { method: "POST", body: form, headers: options.token ? { authorization: `Bearer ${options.token}` } : {} });
}

describe("upload", () => {
  test("POST /api/documents refuses a missing or wrong token (401), big files (413) and non-documents (415)", async () => {
    const doc = { name: "x.txt", content: "一、总体要求\n（一）做好工作。" };
    const none = await post(doc, { preview: true });
    expect(none.status).toBe(401);
    expect((await none.json()).error).toMatch(/token/);
    expect((await post(doc, { preview: true, token: "wrong" })).status).toBe(401);
    expect((await post(doc, { preview: true, formToken: "e2e-admin-token-but-longer" })).status).toBe(401);
    expect((await post({ name: "big.txt", content: new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41) }, { token: TOKEN, preview: true })).status).toBe(413);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]);
    const binary = await post({ name: "picture.txt", content: png }, { token: TOKEN, preview: true });
    expect(binary.status).toBe(415);
    expect((await binary.json()).error).not.toContain("\n");
    expect((await post({ name: "sheet.xls", content: "a,b" }, { token: TOKEN, preview: true })).status).toBe(415);
  });

  test("with the token, ?preview=1 returns the parse without storing it", async () => {
    const before = await (await fetch(`${inject("baseURL")}/api/documents`)).json();
    const response = await post({ name: "预览测试.txt", content: "关于测试的通知\n\n一、总体要求\n（一）省财政厅牵头，2027年底前完成。" }, { token: TOKEN, preview: true });
    expect(response.status).toBe(200);
    const preview = await response.json();
    expect(preview.preview).toBe(true);
    expect(preview.slug).toBe("预览测试");
    expect(preview.document.provisions.length).toBeGreaterThan(0);
    expect(await (await fetch(`${inject("baseURL")}/api/documents`)).json()).toEqual(before);
  });

  test("the admin page previews and stores a new version; an #id only in the old version is found there", async () => {
    const page = await browser.newPage();
    await page.goto(`${inject("baseURL")}/admin`);
    const changed = original.replace(GONE_TEXT, "");
    expect(changed).not.toBe(original);
    await page.locator('input[type="file"]').setInputFiles({ name: FILE, mimeType: "text/markdown", buffer: Buffer.from(changed) });

    await page.locator('input[name="token"]').fill("wrong-token");
    await page.getByRole("button", { name: "预览解析" }).click();
    expect(await page.locator(".error-box").innerText()).toContain("401");

    await page.locator('input[name="token"]').fill(TOKEN);
    await page.getByRole("button", { name: "预览解析" }).click();
    await page.locator(".preview").waitFor();
    expect(await page.locator("#preview-title").innerText()).toContain("新余市");
    expect(await page.locator(".preview-tree li").count()).toBeGreaterThan(20);
    await page.getByRole("button", { name: "保存入库" }).click();
    const success = page.locator(".success");
    await success.waitFor();
    expect(await success.innerText()).toContain("第 2 版");

    // The current version lacks the provision; the reader points to version 1.
    await page.goto(`${inject("baseURL")}/documents/${SLUG}#${GONE}`);
    const note = page.locator(".version-note");
    await note.waitFor();
    expect(await note.innerText()).toContain("第 1 版");
    await note.locator("a").click();
    await page.waitForURL(/\?v=1#/);
    expect(await page.locator(".old-version").innerText()).toContain("第 1 版");
    expect(await page.locator(`[id="${GONE}"]`).evaluate((el) => el.matches(":target"))).toBe(true);
    await page.close();

    // Restore content/'s text as the current version, so other tests see the document as shipped.
    const restored = await post({ name: FILE, content: original }, { token: TOKEN });
    expect(restored.status).toBe(200);
    const body = await restored.json();
    expect(body).toMatchObject({ status: "updated", version: 3, slug: SLUG });
  });
});
