/**
 * PostgreSQL for tests: when POLICYKB_TEST_PG names a server (the URL of a
 * database on it, e.g. from scripts/pg/cluster.sh start), every test that
 * touches the database runs against PostgreSQL, each file in a database of its own.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

export function testPostgres(): string | null {
  return process.env.POLICYKB_TEST_PG?.trim() || null;
}

/** The URL of another database on the same server. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export function randomName(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString("hex")}`;
}

/** Runs SQL on the server's maintenance connection. */
export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new database copied from a migrated template. */
export async function createFromTemplate(url: string, template: string, prefix = "pkb_t"): Promise<string> {
  const name = randomName(prefix);
  await adminQuery(url, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  return withDatabase(url, name);
}

/** Drops the test databases a run made (names starting with the prefix). */
export async function dropDatabases(url: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = await client.query("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${prefix}%`]);
    for (const r of rows.rows as Array<{ datname: string }>) await client.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
