/**
 * Which Chromium the browser tests drive (scripts/chromium.mjs): CHROMIUM_PATH
 * when set, Debian's when present, the one bundled with npm install otherwise.
 * The last test fakes a machine without Debian's Chromium and drives the
 * bundled one for real.
 */
import { describe, expect, test } from "vitest";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, chooseChromium, chromiumLaunchOptions } from "../../scripts/chromium.mjs";

const SYSTEM = "/usr/bin/chromium";
const present = (...files: string[]) => (file: string) => files.includes(file);

describe("choosing Chromium", () => {
  test("CHROMIUM_PATH wins, whether or not Debian's Chromium is there", () => {
    expect(chooseChromium({ env: { CHROMIUM_PATH: "/opt/chrome/chrome" }, exists: present(SYSTEM) })).toEqual({ kind: "path", path: "/opt/chrome/chrome", from: "CHROMIUM_PATH" });
    expect(chooseChromium({ env: { CHROMIUM_PATH: "/opt/chrome/chrome" }, exists: present() })).toEqual({ kind: "path", path: "/opt/chrome/chrome", from: "CHROMIUM_PATH" });
  });

  test("CHROMIUM_PATH=bundled forces the bundled one", () => {
    expect(chooseChromium({ env: { CHROMIUM_PATH: "bundled" }, exists: present(SYSTEM) })).toEqual({ kind: "bundled", from: "CHROMIUM_PATH" });
  });

  test("unset (or empty): Debian's when present", () => {
    expect(chooseChromium({ env: {}, exists: present(SYSTEM) })).toEqual({ kind: "path", path: SYSTEM, from: "system" });
    expect(chooseChromium({ env: { CHROMIUM_PATH: "" }, exists: present(SYSTEM) })).toEqual({ kind: "path", path: SYSTEM, from: "system" });
  });

  test("unset and no Debian Chromium: the bundled one", () => {
    expect(chooseChromium({ env: {}, exists: present() })).toEqual({ kind: "bundled", from: "fallback" });
    expect(chooseChromium({ env: {}, exists: present(SYSTEM), system: "/nonexistent/chromium" })).toEqual({ kind: "bundled", from: "fallback" });
  });

  test("a path launches with our flags; a missing CHROMIUM_PATH is refused with a reason", async () => {
    expect(await chromiumLaunchOptions({ env: {}, exists: present(SYSTEM) })).toEqual({ executablePath: SYSTEM, headless: true, args: CHROMIUM_ARGS });
    await expect(chromiumLaunchOptions({ env: { CHROMIUM_PATH: "/nonexistent/chromium" } })).rejects.toThrow(/CHROMIUM_PATH=\/nonexistent\/chromium: no such file/);
  });

  test("without Debian's Chromium the bundled one is unpacked and drives a page", async () => {
    const options = await chromiumLaunchOptions({ env: { ...process.env, CHROMIUM_PATH: undefined }, system: "/nonexistent/chromium" });
    expect(options.executablePath).not.toBe(SYSTEM);
    for (const arg of CHROMIUM_ARGS) expect(options.args).toContain(arg);
    expect(options.args).not.toContain("--disable-web-security");
    expect(options.args).not.toContain("--single-process");
    const browser = await chromium.launch(options);
    try {
      // Twice, each in a context of its own: the browser outlives a closed context.
      for (let i = 0; i < 2; i++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.setContent("<main><h1>政策知识库</h1></main>");
        expect(await page.textContent("h1")).toBe("政策知识库");
        await context.close();
      }
    } finally {
      await browser.close();
    }
  });
});
