/** Headless Chromium driven by playwright-core: which one, and its flags, come from scripts/chromium.mjs. */
import { chromium, type Browser } from "playwright-core";
import { chromiumLaunchOptions } from "../../scripts/chromium.mjs";

/** Headless Chromium with a fresh profile (playwright makes a new user-data dir per launch). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch(await chromiumLaunchOptions());
}
