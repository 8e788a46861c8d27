/**
 * Where the shared material lives: ../shared (corpus, eval scripts, public
 * golds) next to the repository, or POLICYKB_SHARED. Used by scripts and tests only.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "./db/url";

export function sharedDir(): string | null {
  const candidates = [process.env.POLICYKB_SHARED, path.resolve(projectRoot(), "..", "shared")].filter((x): x is string => Boolean(x));
  return candidates.find((c) => existsSync(path.join(c, "eval", "score.mjs"))) ?? null;
}

/** The file a gold's `source` (corpus/NAME.txt) names: the shared corpus, or the same text in content/. */
export function goldSourceFile(source: string): string | null {
  const shared = sharedDir();
  if (shared) {
    const file = path.join(shared, source);
    if (existsSync(file)) return file;
  }
  const name = path.basename(source).replace(/\.txt$/, ".md");
  const local = path.join(projectRoot(), "content", name);
  return existsSync(local) ? local : null;
}

/** The scorer: ../shared/eval/score.mjs, or the vendored copy in scripts/vendor. */
export function scorerFile(): string {
  const shared = sharedDir();
  return shared ? path.join(shared, "eval", "score.mjs") : path.join(projectRoot(), "scripts", "vendor", "score.mjs");
}
