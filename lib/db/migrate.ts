/**
 * Applies the committed Prisma migrations (`prisma migrate deploy`, through the
 * bundled WebAssembly schema engine: no download) to the configured database.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import path from "node:path";
import { promisify } from "node:util";
import { databaseTarget, projectRoot } from "./url";

const run = promisify(execFile);

/** Names of the committed migrations of a provider. */
export function committedMigrations(provider: "sqlite" | "postgres"): string[] {
  const dir = path.join(projectRoot(), "prisma", provider, "migrations");
  return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

/**
 * Whether an SQLite database already has every committed migration. Checked
 * read-only, so a running site (which holds the file open) is not disturbed and
 * the Prisma CLI only starts when there is something to apply.
 */
function sqliteUpToDate(file: string): boolean {
  if (!existsSync(file)) return false;
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
    const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return false;
    const applied = new Set((db.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL").all() as Array<{ migration_name: string }>).map((r) => r.migration_name));
    return committedMigrations("sqlite").every((m) => applied.has(m));
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/** Whether a PostgreSQL database already has every committed migration. */
async function postgresUpToDate(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    const table = await client.query("SELECT to_regclass('public._prisma_migrations') AS t");
    if (!table.rows[0]?.t) return false;
    const rows = await client.query("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL");
    const applied = new Set(rows.rows.map((r: { migration_name: string }) => r.migration_name));
    return committedMigrations("postgres").every((m) => applied.has(m));
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Runs `prisma migrate deploy` for DATABASE_URL (or the default SQLite file) when migrations are pending. */
export async function migrate(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const target = databaseTarget(env);
  if (target.file) mkdirSync(path.dirname(target.file), { recursive: true });
  if (target.file && sqliteUpToDate(target.file)) return;
  if (target.provider === "postgres" && (await postgresUpToDate(target.url))) return;
  const root = projectRoot();
  const prisma = path.join(root, "node_modules", "prisma", "build", "index.js");
  try {
    await run(process.execPath, [prisma, "migrate", "deploy"], {
      cwd: root,
      env: { ...env, DATABASE_URL: target.url, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    const detail = (e.stderr || e.stdout || e.message).trim().split("\n").filter(Boolean).slice(-3).join(" ");
    throw new Error(`database migration failed: ${detail}`);
  }
}
