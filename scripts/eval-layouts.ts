/**
 * `npm run eval:layouts`: every gold document in other layouts of the same
 * text (lib/eval/layouts.ts), scored like `npm run eval`: the mean score per
 * layout and the largest drop against the document as given. A drop means
 * the parser reads a layout, not the text. Options: --gold FILE.
 */
import path from "node:path";
import { readFileSync } from "node:fs";
import { evalGoldFiles, goldSource, scoreBytes, scoreGold, type SourceForm } from "../lib/eval/score-parser";
import { HTML_LAYOUTS, TEXT_LAYOUTS } from "../lib/eval/layouts";

const args = process.argv.slice(2);
const only = args.includes("--gold") ? args[args.indexOf("--gold") + 1] : undefined;
const { files } = evalGoldFiles(only);

for (const form of ["text", "html"] as SourceForm[]) {
  const layouts = form === "text" ? TEXT_LAYOUTS : HTML_LAYOUTS;
  const drops: Record<string, Array<{ gold: string; drop: number; score: number }>> = {};
  let documents = 0;
  for (const file of files) {
    const source = goldSource(file, form);
    if (!source) continue;
    documents++;
    const base = (await scoreGold(file, form)).score;
    const original = readFileSync(source, "utf8");
    for (const [name, layout] of Object.entries(layouts)) {
      const s = await scoreBytes(file, new TextEncoder().encode(layout(original)), source, form);
      (drops[name] ??= []).push({ gold: path.basename(file, ".json"), drop: base - s.score, score: s.score });
    }
  }
  console.log(`\n${form}: ${documents} documents`);
  console.log(`${"layout".padEnd(40)} mean drop  largest drop`);
  for (const [name, xs] of Object.entries(drops)) {
    const worst = xs.reduce((a, b) => (b.drop > a.drop ? b : a));
    const average = xs.reduce((a, b) => a + b.drop, 0) / xs.length;
    const mean = Math.abs(average) < 0.0005 ? 0 : average;
    console.log(`${name.padEnd(40)} ${mean.toFixed(3).padStart(9)}  ${worst.drop.toFixed(3).padStart(12)}${worst.drop > 0.0005 ? `  (${worst.gold})` : ""}`);
  }
}
