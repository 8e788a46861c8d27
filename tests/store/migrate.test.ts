import { mkdtempSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, test } from "vitest";
import { committedMigrations, migrate } from "../../lib/db/migrate";

// The migration that creates the lookup indexes, re-run after a simulated kill.
const LAST = committedMigrations("sqlite").find((m) => m.endsWith("_lookup_indexes"))!;

function fresh(): { file: string; env: NodeJS.ProcessEnv } {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "policykb-migrate-")), "x.db");
  return { file, env: { ...process.env, DATABASE_URL: `file:${file}` } };
}

const indexNames = (db: Database.Database) => (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'Document_title_idx'").all() as unknown[]).length;

describe("migrations (SQLite)", () => {
  test("a migration a killed process left unfinished is applied again, not refused (P3009)", async () => {
    const { file, env } = fresh();
    await migrate(env);
    // As a kill mid-migration leaves it: the row started, the transaction's work gone.
    const db = new Database(file);
    db.prepare("UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = ?").run(LAST);
    for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND name IN ('Document_title_idx', 'Document_docNumber_idx', 'Reference_citedTitle_idx', 'Reference_citedNumber_idx')").all() as Array<{ name: string }>) {
      db.exec(`DROP INDEX "${name}"`);
    }
    expect(indexNames(db)).toBe(0);
    db.close();

    await migrate(env);
    const after = new Database(file, { readonly: true });
    const rows = after.prepare("SELECT finished_at, rolled_back_at, logs FROM _prisma_migrations WHERE migration_name = ? ORDER BY started_at").all(LAST) as Array<{ finished_at: string | null; rolled_back_at: string | null; logs: string | null }>;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ finished_at: null, rolled_back_at: expect.any(String), logs: expect.stringMatching(/stopped before it finished/) });
    expect(rows[1]!.finished_at).not.toBeNull();
    expect(indexNames(after)).toBe(1);
    after.close();
  }, 120_000);

  test("a lock left by a killed migrating process is taken over; the lock is gone afterwards", async () => {
    const { file, env } = fresh();
    writeFileSync(`${file}.migrate-lock`, "999999999");
    await migrate(env);
    expect(existsSync(`${file}.migrate-lock`)).toBe(false);
    const db = new Database(file, { readonly: true });
    expect((db.prepare("SELECT COUNT(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL").get() as { n: number }).n).toBe(committedMigrations("sqlite").length);
    db.close();
  }, 120_000);
});
