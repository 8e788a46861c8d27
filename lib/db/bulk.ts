/**
 * Multi-row INSERTs for the store's hot path. Prisma's createMany compiles a
 * query plan per call that grows with the rows (most of the ingest time was
 * spent there); one parameterised INSERT per table per document does the same
 * work. Works for SQLite and PostgreSQL (placeholders differ), chunked under
 * both databases' parameter limits.
 */
import type { DatabaseProvider } from "./url";

type Value = string | number | boolean | null;

/** Anything that can run raw SQL: the client or an interactive transaction. */
export interface RawRunner {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

const MAX_PARAMETERS = 30_000;

function statement(provider: DatabaseProvider, table: string, columns: string[], rowCount: number, returning: string[] | null): string {
  let n = 0;
  const placeholder = () => (provider === "postgres" ? `$${++n}` : "?");
  const values = Array.from({ length: rowCount }, () => `(${columns.map(placeholder).join(", ")})`).join(", ");
  const cols = columns.map((c) => `"${c}"`).join(", ");
  return `INSERT INTO "${table}" (${cols}) VALUES ${values}${returning ? ` RETURNING ${returning.map((c) => `"${c}"`).join(", ")}` : ""}`;
}

/** Inserts rows (objects with the given columns) into a table. */
export async function insertRows(runner: RawRunner, provider: DatabaseProvider, table: string, columns: string[], rows: Array<Record<string, Value>>): Promise<void> {
  const per = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  for (let i = 0; i < rows.length; i += per) {
    const part = rows.slice(i, i + per);
    await runner.$executeRawUnsafe(statement(provider, table, columns, part.length, null), ...part.flatMap((r) => columns.map((c) => r[c] ?? null)));
  }
}

/** Inserts rows and returns the chosen columns of each inserted row. */
export async function insertRowsReturning<T>(runner: RawRunner, provider: DatabaseProvider, table: string, columns: string[], rows: Array<Record<string, Value>>, returning: string[]): Promise<T[]> {
  const per = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const out: T[] = [];
  for (let i = 0; i < rows.length; i += per) {
    const part = rows.slice(i, i + per);
    out.push(...(await runner.$queryRawUnsafe<T[]>(statement(provider, table, columns, part.length, returning), ...part.flatMap((r) => columns.map((c) => r[c] ?? null)))));
  }
  return out;
}
