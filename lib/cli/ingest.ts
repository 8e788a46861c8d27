/** `policykb ingest PATH...`: parse and store files or folders, then a summary. */
import { closeDb } from "../db/client";
import { migrate } from "../db/migrate";
import { ingestPaths } from "../ingest/ingest";
import { MissingPathError } from "../ingest/files";
import { UsageError } from "./errors";
import { indexWhileStoring } from "../ingest/hooks";

export async function ingestCommand(paths: string[], options: { quiet: boolean }): Promise<number> {
  if (!paths.length) throw new UsageError("ingest needs at least one PATH (a file or a folder)");
  await migrate();
  try {
    const indexing = indexWhileStoring();
    const summary = await ingestPaths(paths, { quiet: options.quiet, onStored: indexing.onStored });
    await indexing.finish(summary.outcomes);
    const line = `ingest: ${summary.added} added, ${summary.unchanged} unchanged, ${summary.updated} updated, ${summary.failed.length} failed; ${summary.provisions} provisions, ${summary.parties} parties, ${summary.links} links in ${summary.seconds.toFixed(1)} s`;
    process.stderr.write(line + "\n");
    return summary.failed.length ? 2 : 0;
  } catch (error) {
    if (error instanceof MissingPathError) throw new UsageError(error.message);
    throw error;
  } finally {
    await closeDb();
  }
}

