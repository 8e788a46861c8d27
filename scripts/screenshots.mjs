#!/usr/bin/env node
// `npm run screenshots`: full-page PNGs of every page at 1280 px and 375 px into screenshots/.
// Builds the site when the build is stale, serves it on a temporary database loaded with
// content/, and drives Chromium (which one: scripts/chromium.mjs). `--url http://host:port`
// shoots a running site instead; `--only home,reader` shoots some pages.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { chromiumLaunchOptions } from "./chromium.mjs";
import { freePort } from "./shared.mjs";
import { buildIsStale } from "./build-state.mjs";
import { nextBin, nextStartArgs } from "./server-command.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "screenshots");
const SEED = "qinghai-2016-industry-supply-side-reform";
const WIDTHS = [1280, 375];

const args = process.argv.slice(2);
const given = args.includes("--url") ? args[args.indexOf("--url") + 1] : undefined;
const only = args.includes("--only") ? (args[args.indexOf("--only") + 1] ?? "").split(",") : null;


async function waitFor(url, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer ${url} within ${ms} ms`);
}

async function startServer() {
  const dir = mkdtempSync(path.join(tmpdir(), "policykb-shots-"));
  const env = { ...process.env, DATABASE_URL: `file:${path.join(dir, "shots.db")}`, NEXT_TELEMETRY_DISABLED: "1", POLICYKB_HOME: root, ADMIN_TOKEN: process.env.ADMIN_TOKEN ?? "screenshot-token" };
  const prep = spawnSync(process.execPath, ["--import", "tsx", "-e", `const { migrate } = await import("./lib/db/migrate.ts"); const { prepareStore } = await import("./lib/ingest/prepare.ts"); await migrate(); await prepareStore("content");`], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
  if (prep.status !== 0) throw new Error("preparing the screenshot database failed");
  if (buildIsStale(root)) {
    console.error("screenshots: building the site (next build)…");
    const build = spawnSync(process.execPath, [nextBin(root), "build"], { cwd: root, env, stdio: "inherit" });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const port = await freePort();
  const server = spawn(process.execPath, nextStartArgs(root, port, "127.0.0.1"), { cwd: root, env, stdio: "ignore" });
  const baseURL = `http://127.0.0.1:${port}`;
  await waitFor(`${baseURL}/api/health`, 60_000);
  return {
    baseURL,
    stop: () => {
      server.kill("SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const server = given ? { baseURL: given.replace(/\/$/, ""), stop: () => {} } : await startServer();
try {
  const parties = await (await fetch(`${server.baseURL}/api/parties`)).json();
  const party = parties[0]?.name ?? "国务院";
  const seed = `/documents/${encodeURIComponent(SEED)}`;
  const pages = [
    ["home", "/"],
    ["search", `/search?q=${encodeURIComponent("降成本")}`],
    ["search-empty", `/search?q=${encodeURIComponent("量子纠缠")}`],
    ["reader", seed],
    ["reader-target", `${seed}#p2__s4__x3`],
    ["links", `${seed}/links`],
    ["facts", `${seed}/facts`],
    ["parties", "/parties"],
    ["party", `/parties/${encodeURIComponent(party)}`],
    ["tasks", "/tasks"],
    ["deadlines", "/deadlines"],
    ["admin", "/admin"],
  ];
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch(await chromiumLaunchOptions());
  try {
    for (const width of WIDTHS) {
      const context = await browser.newContext({ viewport: { width, height: width > 600 ? 900 : 800 }, deviceScaleFactor: 1, isMobile: width < 600 });
      const page = await context.newPage();
      for (const [name, url] of pages.filter(([name]) => !only || only.includes(name))) {
        await page.goto(server.baseURL + url, { waitUntil: "networkidle" });
        await page.evaluate(() => globalThis.document.fonts.ready.then(() => true)); // the web font's slices, where no system CJK font has the glyphs
        const file = path.join(out, `${name}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(path.relative(root, file));
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
} finally {
  server.stop();
}
