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

describe("copy citation", () => {
  test("copies the clause pin, the GB/T 7714 reference and the permalink to the clipboard", async () => {
    const origin = inject("baseURL");
    const context = await browser.newContext();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
    const page = await context.newPage();
    await page.goto(`${origin}${SEED}`);
    const provision = page.locator("#p2__s4__x3");
    await provision.locator(".cite > summary").click();
    const read = () => page.evaluate(() => navigator.clipboard.readText());

    await provision.locator("button[data-copy=pin]").click();
    await expect.poll(read).toBe("《关于实施工业领域供给侧结构性改革的意见》第二部分第（四）项第三点");
    expect(await provision.locator(".cite-status").innerText()).toContain("已复制");

    await provision.locator("button[data-copy=reference]").click();
    const permalink = `${origin}${SEED}#p2__s4__x3`;
    await expect.poll(read).toMatch(new RegExp(`^青海省人民政府\\. 关于实施工业领域供给侧结构性改革的意见\\[EB/OL\\]\\. \\(2016-05-01\\)\\[\\d{4}-\\d{2}-\\d{2}\\]\\. ${permalink.replace(/[.?]/g, "\\$&")}\\.$`));

    await provision.locator("button[data-copy=permalink]").click();
    await expect.poll(read).toBe(permalink);

    // The permalink leads back to the provision.
    await page.goto(permalink);
    expect(await page.locator("#p2__s4__x3").evaluate((el) => el.matches(":target"))).toBe(true);
    await context.close();
  });

  test("without a clipboard the citation appears selected in a text field", async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true }));
    const page = await context.newPage();
    await page.goto(`${inject("baseURL")}${SEED}`);
    const provision = page.locator("#p2__s4__x3");
    await provision.locator(".cite > summary").click();
    await provision.locator("button[data-copy=pin]").click();
    const field = provision.locator(".cite-manual textarea");
    expect(await field.isVisible()).toBe(true);
    expect(await field.inputValue()).toBe("《关于实施工业领域供给侧结构性改革的意见》第二部分第（四）项第三点");
    await expect.poll(() => field.evaluate((el: HTMLTextAreaElement) => el.selectionEnd - el.selectionStart)).toBe("《关于实施工业领域供给侧结构性改革的意见》第二部分第（四）项第三点".length);
    await context.close();
  });
});
