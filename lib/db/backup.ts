/**
 * A consistent copy of the SQLite database while the site runs, through
 * SQLite's online backup API (better-sqlite3's `backup`), never a file copy:
 * a `cp` of a WAL database can miss committed pages or copy a half-written one.
 */
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { databaseTarget } from "./url";

export class BackupError extends Error {}

export async function backupSqlite(out: string, onProgress?: (done: number, total: number) => void): Promise<{ pages: number }> {
  const target = databaseTarget();
  if (!target.file) throw new BackupError("backup copies the SQLite database; for PostgreSQL use pg_dump (see README)");
  if (!existsSync(target.file)) throw new BackupError(`no database at ${target.file}`);
  if (existsSync(out)) throw new BackupError(`${out} exists; choose a new file`);
  const db = new Database(target.file, { readonly: true, fileMustExist: true });
  try {
    let pages = 0;
    await db.backup(out, {
      progress: ({ totalPages, remainingPages }) => {
        pages = totalPages;
        onProgress?.(totalPages - remainingPages, totalPages);
        return 200;
      },
    });
    const copy = new Database(out, { readonly: true });
    try {
      const check = copy.pragma("integrity_check", { simple: true });
      if (check !== "ok") throw new BackupError(`the copy failed its integrity check: ${String(check)}`);
    } finally {
      copy.close();
    }
    return { pages };
  } finally {
    db.close();
  }
}
