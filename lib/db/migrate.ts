/**
 * Applies the committed Prisma migrations (`prisma migrate deploy`, through the
 * bundled WebAssembly schema engine: no download) to the configured database.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

/**
 * Marks migrations that a killed process left started but unfinished as
 * rolled back, so `migrate deploy` applies them again instead of refusing
 * (P3009). Safe only while holding the migration lock (no other process is
 * applying them) and because each migration runs in one transaction
 * (prisma/migration-adapter.ts for SQLite; PostgreSQL runs a script as one
 * implicit transaction): a killed migration left nothing behind.
 */
const UNFINISHED = "finished_at IS NULL AND rolled_back_at IS NULL";
const NOTE = "policykb: the process applying this migration stopped before it finished; its transaction left nothing, so it is applied again";

function recoverSqlite(file: string): string[] {
  if (!existsSync(file)) return [];
  const db = new Database(file, { timeout: 15_000 });
  try {
    const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return [];
    const rows = db.prepare(`SELECT migration_name AS name FROM _prisma_migrations WHERE ${UNFINISHED}`).all() as Array<{ name: string }>;
    if (rows.length) db.prepare(`UPDATE _prisma_migrations SET rolled_back_at = CURRENT_TIMESTAMP, logs = ? WHERE ${UNFINISHED}`).run(NOTE);
    return rows.map((r) => r.name);
  } finally {
    db.close();
  }
}

/** Prisma's own advisory lock key for migrations on PostgreSQL: holding it means no migrate is running. */
const PRISMA_MIGRATE_LOCK = 72707369;

async function recoverPostgres(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    try {
      const table = await client.query("SELECT to_regclass('public._prisma_migrations') AS t");
      if (!table.rows[0]?.t) return [];
      const rows = await client.query(`UPDATE _prisma_migrations SET rolled_back_at = now(), logs = $1 WHERE ${UNFINISHED} RETURNING migration_name`, [NOTE]);
      return rows.rows.map((r: { migration_name: string }) => r.migration_name);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Runs `work` holding `<db file>.migrate-lock` (one migrating process per
 * SQLite file; a lock left by a killed process is taken over).
 */
async function withSqliteLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  const lock = `${file}.migrate-lock`;
  const until = Date.now() + 120_000;
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(lock, "utf8").trim());
      if (!Number.isInteger(holder) || holder <= 0 || !alive(holder)) {
        rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > until) throw new Error(`database migration: another process (pid ${holder}) has been migrating ${file} for 2 minutes`);
      await sleep(200);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { force: true });
  }
}

/** Runs `prisma migrate deploy` for DATABASE_URL (or the default SQLite file) when migrations are pending. */
export async function migrate(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const target = databaseTarget(env);
  if (target.file) {
    const file = target.file;
    mkdirSync(path.dirname(file), { recursive: true });
    if (sqliteUpToDate(file)) return;
    await withSqliteLock(file, async () => {
      if (sqliteUpToDate(file)) return;
      reportRecovered(recoverSqlite(file));
      await deploy(target.url, env);
    });
    return;
  }
  if (await postgresUpToDate(target.url)) return;
  reportRecovered(await recoverPostgres(target.url));
  await deploy(target.url, env);
}

function reportRecovered(names: string[]): void {
  if (names.length) process.stderr.write(`policykb: migration ${names.join(", ")} was interrupted earlier; applying it again\n`);
}

async function deploy(url: string, env: NodeJS.ProcessEnv): Promise<void> {
  const root = projectRoot();
  const prisma = path.join(root, "node_modules", "prisma", "build", "index.js");
  try {
    await run(process.execPath, [prisma, "migrate", "deploy"], {
      cwd: root,
      env: { ...env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    const detail = (e.stderr || e.stdout || e.message).trim().split("\n").filter(Boolean).slice(-3).join(" ");
    throw new Error(`database migration failed: ${detail}`);
  }
}
