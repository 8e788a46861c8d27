/**
 * What `npm start` and the end-to-end tests run before serving: load the
 * documents of content/ (idempotent: unchanged files are skipped).
 */
import { closeDb } from "../db/client";
import { ingestPaths } from "./ingest";
import { indexWhileStoring } from "./hooks";

export async function prepareStore(contentDir: string): Promise<void> {
  try {
    const indexing = indexWhileStoring();
    const s = await ingestPaths([contentDir], { quiet: true, onStored: indexing.onStored });
    await indexing.finish(s.outcomes);
    process.stderr.write(`policykb: content/ loaded: ${s.added} added, ${s.updated} updated, ${s.unchanged} unchanged, ${s.failed.length} failed\n`);
    for (const f of s.failed) process.stderr.write(`policykb: ${f.file}: ${f.reason}\n`);
  } finally {
    await closeDb();
  }
}
