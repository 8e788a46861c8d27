/**
 * The engine's persisted copy on disk, beside its database: for SQLite
 * `<db file>.search/`, otherwise `.data/search-<hash of the URL>/`. Written to
 * a temporary file and renamed, so a reader never loads half an index.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { databaseTarget, projectRoot } from "../db/url";
import { SearchEngine } from "./engine";

/** Bump when the engine's options or record shape change: old copies are then ignored. */
const FORMAT = 3;

export function indexDir(): string {
  const target = databaseTarget();
  if (target.file) return `${target.file}.search`;
  const hash = createHash("sha256").update(target.url).digest("hex").slice(0, 12);
  return path.join(process.env.POLICYKB_DATA ?? path.join(projectRoot(), ".data"), `search-${hash}`);
}

export async function persist(engine: SearchEngine, fingerprint: string): Promise<void> {
  const dir = indexDir();
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, "index.json");
  const tmp = `${file}.${process.pid}.tmp`;
  const payload = { format: FORMAT, fingerprint, ...(await engine.exportState()) };
  await writeFile(tmp, JSON.stringify(payload));
  await rename(tmp, file);
}

export async function loadPersisted(): Promise<{ engine: SearchEngine; fingerprint: string } | null> {
  try {
    const raw = JSON.parse(await readFile(path.join(indexDir(), "index.json"), "utf8"));
    if (raw.format !== FORMAT) return null;
    return { engine: SearchEngine.importState(raw), fingerprint: raw.fingerprint };
  } catch {
    return null;
  }
}
