/** Debian's Chromium (`apt-get install chromium`). */
export const SYSTEM_CHROMIUM: string;
/** Our flags, for every Chromium. */
export const CHROMIUM_ARGS: string[];

export type ChromiumOptions = { env?: Record<string, string | undefined>; exists?: (file: string) => boolean; system?: string };

export type ChromiumChoice = { kind: "path"; path: string; from: "CHROMIUM_PATH" | "system" } | { kind: "bundled"; from: "CHROMIUM_PATH" | "fallback" };

/** Which Chromium to use: `CHROMIUM_PATH` (a path, or `bundled`), else `system` when it exists, else the bundled one. */
export function chooseChromium(options?: ChromiumOptions): ChromiumChoice;

/** Options for playwright-core's `chromium.launch()` with the chosen Chromium (the bundled one is unpacked on first use). */
export function chromiumLaunchOptions(options?: ChromiumOptions): Promise<{ executablePath: string; headless: true; args: string[]; env?: Record<string, string | undefined> }>;
