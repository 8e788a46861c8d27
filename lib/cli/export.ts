/** `policykb export [--out FILE]`: everything stored, as JSON. */
import { writeFile, rename } from "node:fs/promises";
import { closeDb } from "../db/client";
import { exportAll } from "../db/export";
import { migrate } from "../db/migrate";

export async function exportCommand(options: { out?: string }): Promise<number> {
  await migrate();
  try {
    const data = await exportAll();
    const json = JSON.stringify(data, null, 2) + "\n";
    if (options.out) {
      // Write beside the target and rename: a reader never sees half a file.
      const tmp = `${options.out}.tmp-${process.pid}`;
      await writeFile(tmp, json);
      await rename(tmp, options.out);
      process.stderr.write(`export: ${data.documents.length} document version(s), ${data.parties.length} parties → ${options.out}\n`);
    } else {
      process.stdout.write(json);
    }
    return 0;
  } finally {
    await closeDb();
  }
}
