/**
 * Plain SQL for the hot paths (storing a parsed document, loading the search
 * index's records), the same statements on both providers.
 *
 * Prisma's model API and its interactive transactions cost too much per row
 * and per document for a fast ingest (BENCHMARKS.md, "Figures behind choices
 * in the code"). Here SQLite is driven through
 * better-sqlite3 (the driver Prisma's adapter wraps) on a connection of its
 * own, with cached prepared statements; PostgreSQL goes through the Prisma
 * client's raw queries inside an interactive transaction. Statements are
 * written once with `?` placeholders (numbered for PostgreSQL here).
 * Schema and migrations stay with Prisma; reads for pages use the Prisma
 * client.
 */
import Database from "better-sqlite3";
import { db, dbTarget, type Db } from "./client";
import type { DatabaseProvider } from "./url";

export type SqlValue = string | number | bigint | boolean | Date | null;
type Row = Record<string, unknown>;

/** What store and search code run their statements on. */
export interface Sql {
  readonly provider: DatabaseProvider;
  /** Rows of a SELECT (or an INSERT … RETURNING). */
  all<T = Row>(query: string, params?: SqlValue[]): Promise<T[]>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(query: string, params?: SqlValue[]): Promise<number>;
  /** Inserts rows (objects with the given columns); returns the `returning` columns of each, in order. */
  insert<T = Row>(table: string, columns: string[], rows: Array<Record<string, SqlValue | undefined>>, returning?: string[]): Promise<T[]>;
}

/** `?, ?, ?` for an IN list. */
export const marks = (n: number) => Array.from({ length: n }, () => "?").join(", ");

/** Splits a list for `IN (…)` queries (parameter limits). */
export function chunks<T>(items: T[], size = 400): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const quote = (name: string) => `"${name}"`;

// ---- SQLite: better-sqlite3 ---------------------------------------------------

interface SqliteHolder {
  file: string;
  conn: Database.Database;
  statements: Map<string, Database.Statement>;
  /** Transactions of this process take turns (one connection). */
  queue: Promise<unknown>;
}

const holder = globalThis as unknown as { __policykbSqlite?: SqliteHolder };

function sqliteConnection(file: string): SqliteHolder {
  const current = holder.__policykbSqlite;
  if (current && current.file === file && current.conn.open) return current;
  if (current?.conn.open) current.conn.close();
  const conn = new Database(file, { timeout: 15_000 });
  conn.pragma("journal_mode = WAL");
  conn.pragma("synchronous = NORMAL");
  conn.pragma("foreign_keys = ON");
  // Checkpoint every 10,000 WAL pages (~40 MB), not 1,000: pages many documents touch go to the
  // database file once, not at every checkpoint (BENCHMARKS.md).
  conn.pragma("wal_autocheckpoint = 10000");
  const next: SqliteHolder = { file, conn, statements: new Map(), queue: Promise.resolve() };
  holder.__policykbSqlite = next;
  return next;
}

/** Closes this process's direct SQLite connection (closeDb calls it). */
export function closeSqlite(): void {
  const current = holder.__policykbSqlite;
  holder.__policykbSqlite = undefined;
  if (current?.conn.open) current.conn.close();
}

const sqliteValue = (v: SqlValue | undefined): unknown => {
  if (v === undefined) return null;
  if (typeof v === "boolean") return v ? 1 : 0;
  // Prisma's own format for DateTime in SQLite.
  if (v instanceof Date) return v.toISOString().replace("Z", "+00:00");
  return v;
};

class SqliteSql implements Sql {
  readonly provider = "sqlite" as const;
  constructor(private readonly h: SqliteHolder) {}

  private statement(query: string): Database.Statement {
    let s = this.h.statements.get(query);
    if (!s) {
      s = this.h.conn.prepare(query);
      if (this.h.statements.size > 500) this.h.statements.clear();
      this.h.statements.set(query, s);
    }
    return s;
  }

  async all<T = Row>(query: string, params: SqlValue[] = []): Promise<T[]> {
    return this.statement(query).all(...params.map(sqliteValue)) as T[];
  }

  async run(query: string, params: SqlValue[] = []): Promise<number> {
    return this.statement(query).run(...params.map(sqliteValue)).changes;
  }

  async insert<T = Row>(table: string, columns: string[], rows: Array<Record<string, SqlValue | undefined>>, returning?: string[]): Promise<T[]> {
    if (!rows.length) return [];
    // One cached single-row statement, run per row: cheaper in SQLite than building multi-row statements.
    const query = `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) VALUES (${marks(columns.length)})${returning ? ` RETURNING ${returning.map(quote).join(", ")}` : ""}`;
    const s = this.statement(query);
    const out: T[] = [];
    for (const row of rows) {
      const values = columns.map((c) => sqliteValue(row[c]));
      if (returning) out.push(s.get(...values) as T);
      else s.run(...values);
    }
    return out;
  }
}

// ---- PostgreSQL: the Prisma client's raw queries ------------------------------

type Raw = Pick<Db, "$queryRawUnsafe" | "$executeRawUnsafe">;

/** `?` → `$1, $2, …` (statements here never contain a literal question mark). */
function numbered(query: string): string {
  let n = 0;
  return query.replace(/\?/g, () => `$${++n}`);
}

const MAX_PG_PARAMETERS = 30_000;

class PostgresSql implements Sql {
  readonly provider = "postgres" as const;
  constructor(private readonly raw: Raw) {}

  async all<T = Row>(query: string, params: SqlValue[] = []): Promise<T[]> {
    return this.raw.$queryRawUnsafe<T[]>(numbered(query), ...params);
  }

  async run(query: string, params: SqlValue[] = []): Promise<number> {
    return this.raw.$executeRawUnsafe(numbered(query), ...params);
  }

  async insert<T = Row>(table: string, columns: string[], rows: Array<Record<string, SqlValue | undefined>>, returning?: string[]): Promise<T[]> {
    // Multi-row INSERTs: one round trip per table and document.
    const per = Math.max(1, Math.floor(MAX_PG_PARAMETERS / columns.length));
    const out: T[] = [];
    for (let i = 0; i < rows.length; i += per) {
      const part = rows.slice(i, i + per);
      const values = part.map(() => `(${marks(columns.length)})`).join(", ");
      const query = `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) VALUES ${values}${returning ? ` RETURNING ${returning.map(quote).join(", ")}` : ""}`;
      const params = part.flatMap((r) => columns.map((c) => r[c] ?? null));
      if (returning) out.push(...(await this.all<T>(query, params)));
      else await this.run(query, params);
    }
    return out;
  }
}

// ---- entry points ---------------------------------------------------------------

/** Statements outside a transaction (reads). */
export function sql(): Sql {
  const target = dbTarget();
  if (target.provider === "postgres") return new PostgresSql(db());
  return new SqliteSql(sqliteConnection(target.file!));
}

/**
 * Runs `work` in one write transaction, all or nothing. SQLite: BEGIN
 * IMMEDIATE on the direct connection (the write lock is taken at once, so two
 * processes take turns instead of failing half-way); the process's own
 * transactions queue. PostgreSQL: a Prisma interactive transaction.
 */
export async function writeTransaction<T>(work: (tx: Sql) => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T> {
  const target = dbTarget();
  if (target.provider === "postgres") {
    return db().$transaction((tx) => work(new PostgresSql(tx)), { timeout: options.timeoutMs ?? 120_000, maxWait: 60_000 });
  }
  const h = sqliteConnection(target.file!);
  const turn = h.queue.then(async () => {
    const tx = new SqliteSql(h);
    h.conn.exec("BEGIN IMMEDIATE");
    try {
      const out = await work(tx);
      h.conn.exec("COMMIT");
      return out;
    } catch (error) {
      if (h.conn.inTransaction) h.conn.exec("ROLLBACK");
      throw error;
    }
  });
  h.queue = turn.catch(() => undefined);
  return turn;
}
