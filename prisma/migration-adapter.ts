/**
 * The driver adapter Prisma's CLI uses for migrations (prisma.config.ts only).
 *
 * Prisma 6.19's early-access JS schema engine has three bugs with SQLite,
 * worked around here by wrapping the adapter's connection (../shared/STACK.md):
 *  1. on the shadow database it sends whole multi-statement scripts as one raw
 *     statement, which better-sqlite3 refuses: fall back to executeScript;
 *  2. on an empty database it reads `_prisma_migrations` before creating it:
 *     create that table with Prisma's own DDL first;
 *  3. it leaves a 60 s timer that keeps the process alive: unref long timers.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery } from "@prisma/driver-adapter-utils";
import type { DatabaseTarget } from "../lib/db/url";

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

// Bug 3: a long timer keeps the CLI process alive for a minute after its work.
const setTimeoutOriginal = globalThis.setTimeout;
globalThis.setTimeout = ((fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
  const timer = setTimeoutOriginal(fn, ms, ...args);
  if ((ms ?? 0) >= 10_000) timer.unref();
  return timer;
}) as typeof setTimeout;

function isMultiStatementError(error: unknown): boolean {
  return /more than one statement/i.test(String((error as Error)?.message ?? error));
}

/** Wraps one connection with the fixes for bugs 1 and 2. */
function patched(connection: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = connection.executeRaw.bind(connection);
  const queryRaw = connection.queryRaw.bind(connection);
  let tableEnsured = false;
  const ensureTable = async () => {
    if (!tableEnsured) await connection.executeScript(MIGRATIONS_TABLE);
    tableEnsured = true;
  };
  connection.executeRaw = async (query: SqlQuery) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if (query.args.length === 0 && isMultiStatementError(error)) {
        await connection.executeScript(query.sql);
        return 0;
      }
      throw error;
    }
  };
  connection.queryRaw = async (query: SqlQuery) => {
    if (query.sql.includes("_prisma_migrations")) await ensureTable();
    try {
      return await queryRaw(query);
    } catch (error) {
      if (query.args.length === 0 && isMultiStatementError(error)) {
        await connection.executeScript(query.sql);
        return { columnNames: [], columnTypes: [], rows: [] };
      }
      throw error;
    }
  };
  return connection;
}

/** The adapter factory for the configured database. */
export async function migrationAdapter(target: DatabaseTarget): Promise<SqlMigrationAwareDriverAdapterFactory> {
  if (target.provider !== "sqlite") {
    throw new Error("PostgreSQL migrations are not configured yet");
  }
  const factory = new PrismaBetterSQLite3({ url: target.url });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => patched(await factory.connect()),
    connectToShadowDb: async () => patched(await factory.connectToShadowDb()),
  };
}
