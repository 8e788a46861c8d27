/**
 * The driver adapter Prisma's CLI uses for migrations (prisma.config.ts only).
 *
 * Prisma 6.19's early-access JS schema engine has three bugs with SQLite and
 * four with PostgreSQL, worked around here (../shared/STACK.md). SQLite, by
 * wrapping the adapter's connection:
 *  1. on the shadow database it sends whole multi-statement scripts as one raw
 *     statement, which better-sqlite3 refuses: fall back to executeScript;
 *  2. on an empty database it reads `_prisma_migrations` before creating it:
 *     create that table with Prisma's own DDL first;
 *  3. it leaves a 60 s timer that keeps the process alive: unref long timers.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
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

/**
 * Wraps one connection with the fixes for bugs 1 and 2, and runs each
 * migration script in one transaction: better-sqlite3 runs a script statement
 * by statement, so a migration killed half-way would leave half its tables
 * (PostgreSQL runs a multi-statement script as one implicit transaction
 * already). lib/db/migrate.ts relies on this to retry a killed migration.
 */
function patched(connection: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = connection.executeRaw.bind(connection);
  const queryRaw = connection.queryRaw.bind(connection);
  const executeScript = connection.executeScript.bind(connection);
  connection.executeScript = async (script: string) => {
    if (script === MIGRATIONS_TABLE) return executeScript(script);
    try {
      await executeScript("BEGIN IMMEDIATE");
    } catch (error) {
      // Already inside the engine's own transaction: that one makes it atomic.
      if (/within a transaction/i.test(String((error as Error)?.message ?? error))) return executeScript(script);
      throw error;
    }
    try {
      await executeScript(script);
      await executeScript("COMMIT");
    } catch (error) {
      await executeScript("ROLLBACK").catch(() => undefined);
      throw error;
    }
  };
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

/**
 * PostgreSQL: (1) the engine cannot read columns of type `name` (OID 19) and
 * `"char"` (OID 18) — a pg client that parses them as text; (2) a
 * connectionString overrides the shadow database's name — pass the parts
 * separately; (3) the shadow database is dropped before its pool closes —
 * close first; (4) an idle pool keeps the CLI alive — allowExitOnIdle.
 */
/** Reports columns of type `name` (19) and `"char"` (18) as `text` (25), which the engine can read. */
function nameAsText<T>(result: T): T {
  const fields = (result as { fields?: Array<{ dataTypeID: number }> } | undefined)?.fields;
  if (fields) for (const f of fields) if (f.dataTypeID === 19 || f.dataTypeID === 18) f.dataTypeID = 25;
  return result;
}

class NameAsTextClient extends pg.Client {
  override query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === "function") {
      const callback = last as (error: Error | null, result: unknown) => void;
      args[args.length - 1] = (error: Error | null, result: unknown) => callback(error, error ? result : nameAsText(result));
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const out = (super.query as (...a: unknown[]) => unknown)(...args);
    return (out instanceof Promise ? out.then(nameAsText) : out) as never;
  }
}

function postgresAdapter(url: string): SqlMigrationAwareDriverAdapterFactory {
  const u = new URL(url);
  const factory = new PrismaPg({
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
    Client: NameAsTextClient,
    allowExitOnIdle: true,
  });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => factory.connect(),
    connectToShadowDb: async () => {
      const shadow = await factory.connectToShadowDb();
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await shadow.underlyingDriver().end().catch(() => undefined);
        await dispose().catch(() => undefined);
      };
      return shadow;
    },
  };
}

/** The adapter factory for the configured database. */
export async function migrationAdapter(target: DatabaseTarget): Promise<SqlMigrationAwareDriverAdapterFactory> {
  if (target.provider === "postgres") return postgresAdapter(target.url);
  const factory = new PrismaBetterSQLite3({ url: target.url });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => patched(await factory.connect()),
    connectToShadowDb: async () => patched(await factory.connectToShadowDb()),
  };
}
