// Preloaded into a CLI run (NODE_OPTIONS="--import …/rss-probe.mjs"): on exit,
// writes the process's peak resident set size in KB to POLICYKB_RSS_FILE.
import { writeFileSync } from "node:fs";

const out = process.env.POLICYKB_RSS_FILE;
if (out) {
  process.on("exit", () => {
    writeFileSync(out, String(process.resourceUsage().maxRSS));
  });
}
