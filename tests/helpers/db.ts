/** A fresh, migrated database for a test (a copy of the template: SQLite file or PostgreSQL database). */
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { closeDb } from "../../lib/db/client";
import { resetSearch } from "../../lib/search";
import { createFromTemplate, testPostgres } from "./pg";

/** Points DATABASE_URL at a new copy of the template and returns it (a file path for SQLite, a URL for PostgreSQL). */
export async function freshDatabase(): Promise<string> {
  await closeDb();
  resetSearch();
  const server = testPostgres();
  if (server) {
    const url = await createFromTemplate(server, inject("templateDb"), inject("pgPrefix"));
    process.env.DATABASE_URL = url;
    return url;
  }
  const dir = mkdtempSync(path.join(tmpdir(), "policykb-test-"));
  const file = path.join(dir, "test.db");
  copyFileSync(inject("templateDb"), file);
  process.env.DATABASE_URL = `file:${file}`;
  return file;
}

/** The DATABASE_URL value for what freshDatabase() returned. */
export function databaseUrl(db: string): string {
  return db.includes("://") ? db : `file:${db}`;
}
