/**
 * The one place that decides which Chromium the browser tests and
 * `npm run screenshots` drive (through playwright-core), and how it is launched.
 *
 * Order: `CHROMIUM_PATH` when set (a path to the executable; `bundled` forces
 * the bundled one); Debian's `/usr/bin/chromium` when present; otherwise the
 * Chromium that `@sparticuz/chromium` ships inside its npm package, so that a
 * machine with only Node needs nothing beyond `npm install`. The bundled one
 * is unpacked into the temp dir (`/tmp/chromium`, ~2 s) on first use; a marker
 * written after a complete unpack lets a later run tell a finished unpack from
 * one that was interrupted (or left by another version), which is redone.
 */
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

/** Debian's Chromium (`apt-get install chromium`). */
export const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/** Our flags, for every Chromium: no sandbox (root in CI), no GPU, nothing that phones home. */
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/**
 * Flags of `@sparticuz/chromium`'s list (made for AWS Lambda) that we leave
 * out: `--single-process`, with which the browser dies when a context closes
 * (every test file opens and closes several), and the two that switch off the
 * browser's own web security, which the tests of headers, CSP and escaping
 * must see as a visitor's browser has it.
 */
const DROPPED_BUNDLED_ARGS = new Set(["--single-process", "--disable-web-security", "--allow-running-insecure-content"]);

/**
 * Which Chromium to use, from the environment and what exists on disk (both
 * passed in, so tests can fake a machine without Debian's Chromium).
 * @param {{ env?: Record<string, string | undefined>, exists?: (file: string) => boolean, system?: string }} [options]
 * @returns {{ kind: "path", path: string, from: "CHROMIUM_PATH" | "system" } | { kind: "bundled", from: "CHROMIUM_PATH" | "fallback" }}
 */
export function chooseChromium({ env = process.env, exists = existsSync, system = SYSTEM_CHROMIUM } = {}) {
  const wanted = env.CHROMIUM_PATH?.trim();
  if (wanted === "bundled") return { kind: "bundled", from: "CHROMIUM_PATH" };
  if (wanted) return { kind: "path", path: wanted, from: "CHROMIUM_PATH" };
  if (exists(system)) return { kind: "path", path: system, from: "system" };
  return { kind: "bundled", from: "fallback" };
}

/** The bundled Chromium's executable, unpacked on first use (again when an earlier unpack did not finish). */
async function bundledExecutable() {
  const { default: bundled } = await import("@sparticuz/chromium");
  const require = createRequire(import.meta.url);
  const pkg = path.join(path.dirname(require.resolve("@sparticuz/chromium")), "..", "package.json");
  const version = JSON.parse(readFileSync(pkg, "utf8")).version;
  const binary = path.join(tmpdir(), "chromium");
  const marker = path.join(tmpdir(), `chromium.unpacked-${version}`);
  // No marker: an unpack that was cut off, or another version's. One younger
  // than a minute may be another process unpacking right now: leave it be.
  if (existsSync(binary) && !existsSync(marker) && Date.now() - statSync(binary).mtimeMs > 60_000) rmSync(binary, { force: true });
  const executable = await bundled.executablePath();
  writeFileSync(marker, `${executable}\n`);
  return { executable, args: bundled.args.filter((arg) => !DROPPED_BUNDLED_ARGS.has(arg)) };
}

/**
 * Options for playwright-core's `chromium.launch()`: headless, our flags, and
 * for the bundled Chromium its own flags first and, on a machine without a
 * fontconfig setup, the fonts it ships. Takes the same options as chooseChromium.
 * @param {{ env?: Record<string, string | undefined>, exists?: (file: string) => boolean, system?: string }} [options]
 */
export async function chromiumLaunchOptions({ env = process.env, exists = existsSync, system = SYSTEM_CHROMIUM } = {}) {
  const choice = chooseChromium({ env, exists, system });
  if (choice.kind === "path") {
    if (!exists(choice.path)) throw new Error(`CHROMIUM_PATH=${choice.path}: no such file (unset it to use ${SYSTEM_CHROMIUM} or the bundled Chromium, or set CHROMIUM_PATH=bundled)`);
    return { executablePath: choice.path, headless: true, args: CHROMIUM_ARGS };
  }
  const { executable, args } = await bundledExecutable();
  const fontconfig = existsSync("/etc/fonts/fonts.conf") || env.FONTCONFIG_FILE || env.FONTCONFIG_PATH ? {} : { env: { ...env, FONTCONFIG_PATH: path.join(tmpdir(), "fonts") } };
  return { executablePath: executable, headless: true, args: [...args, ...CHROMIUM_ARGS.filter((arg) => !args.includes(arg))], ...fontconfig };
}
