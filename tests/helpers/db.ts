/** A fresh, migrated SQLite database for one test file (a copy of the template). */
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { closeDb } from "../../lib/db/client";

export async function freshDatabase(): Promise<string> {
  await closeDb();
  const dir = mkdtempSync(path.join(tmpdir(), "policykb-test-"));
  const file = path.join(dir, "test.db");
  copyFileSync(inject("templateDb"), file);
  process.env.DATABASE_URL = `file:${file}`;
  return file;
}
