/** Runs axe-core in a page and returns the violations that matter (serious and critical). */
import axe from "axe-core";
import type { Page } from "playwright-core";

declare global {
  interface Window {
    axe: typeof axe;
  }
}

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

export async function seriousViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ content: axe.source });
  const results = await page.evaluate(async () => {
    const r = await window.axe.run(document);
    return r.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(" ")) }));
  });
  return results.filter((v) => v.impact === "serious" || v.impact === "critical");
}
