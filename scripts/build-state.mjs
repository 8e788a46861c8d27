// Whether the Next.js production build in .next is missing or older than the sources.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "lib", "components", "next.config.mjs", "package.json", "data"];

function newest(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let m = 0;
  for (const e of readdirSync(p)) {
    if (e === "generated" || e.startsWith(".")) continue;
    m = Math.max(m, newest(path.join(p, e)));
  }
  return m;
}

export function buildIsStale(root) {
  const id = path.join(root, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID");
  if (!existsSync(id)) return true;
  const built = statSync(id).mtimeMs;
  return SOURCES.some((s) => newest(path.join(root, s)) > built);
}
