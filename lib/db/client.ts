/**
 * The one database client (a Prisma client over a driver adapter), created on
 * first use and shared by the whole process. DATABASE_URL picks the provider:
 * SQLite (embedded, WAL mode so the site keeps answering while an ingest
 * writes) or PostgreSQL (several app servers sharing one database).
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { databaseTarget, type DatabaseTarget } from "./url";
import { closeSqlite } from "./sql";

/**
 * The client type the data-access code is written against. Both generated
 * clients come from the same models (prisma/models.prisma) and have the same
 * model API; only the provider differs, so the PostgreSQL client is used
 * through the SQLite client's type.
 */
export type Db = PrismaClient;

interface Holder {
  client: Db;
  target: DatabaseTarget;
  ready: Promise<void>;
}

const globalHolder = globalThis as unknown as { __policykbDb?: Holder };

/** Connections per process for PostgreSQL (DATABASE_POOL_SIZE, default 10). */
function poolSize(): number {
  const n = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  return Number.isInteger(n) && n > 0 ? n : 10;
}

function create(target: DatabaseTarget): Holder {
  if (target.provider === "postgres") {
    const adapter = new PrismaPg({ connectionString: target.url, max: poolSize(), allowExitOnIdle: true });
    const client = new PostgresClient({ adapter }) as unknown as Db;
    return { client, target, ready: Promise.resolve() };
  }
  const adapter = new PrismaBetterSQLite3({ url: target.url, timeout: 15_000 });
  const client = new PrismaClient({ adapter });
  const ready = (async () => {
    await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await client.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
    await client.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  })();
  return { client, target, ready };
}

/** The shared client; `await dbReady()` before the first query of a process. */
export function db(): Db {
  const target = databaseTarget();
  let holder = globalHolder.__policykbDb;
  if (!holder || holder.target.url !== target.url) {
    holder = create(target);
    globalHolder.__policykbDb = holder;
  }
  return holder.client;
}

/** Resolves when the connection is set up (WAL mode, foreign keys). */
export async function dbReady(): Promise<Db> {
  const client = db();
  await globalHolder.__policykbDb!.ready;
  return client;
}

/** Which database the client talks to. */
export function dbTarget(): DatabaseTarget {
  db();
  return globalHolder.__policykbDb!.target;
}

/** Closes the shared client (CLI commands and tests call this at the end). */
export async function closeDb(): Promise<void> {
  closeSqlite();
  const holder = globalHolder.__policykbDb;
  if (!holder) return;
  globalHolder.__policykbDb = undefined;
  await holder.client.$disconnect();
}
