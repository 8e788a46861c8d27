/** `policykb backup --out FILE`: a consistent copy of the SQLite database, safe while the site runs. */
import { BackupError, backupSqlite } from "../db/backup";
import { UsageError } from "./errors";

export async function backupCommand(options: { out?: string }): Promise<number> {
  if (!options.out) throw new UsageError("backup needs --out FILE");
  try {
    const { pages } = await backupSqlite(options.out);
    process.stderr.write(`backup: ${pages} pages → ${options.out} (integrity check ok)\n`);
    return 0;
  } catch (error) {
    if (error instanceof BackupError) throw new UsageError(error.message);
    throw error;
  }
}
