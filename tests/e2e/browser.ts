/** Debian's Chromium driven by playwright-core (never a downloaded browser). */
import { chromium, type Browser } from "playwright-core";

/** Headless Chromium with a fresh profile (playwright makes a new user-data dir per launch). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
