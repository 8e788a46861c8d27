/**
 * Vitest global setup: one migrated database (through Prisma's `migrate
 * deploy`, as `npm start` does) that tests copy instead of migrating again —
 * an SQLite file, or a PostgreSQL template database when POLICYKB_TEST_PG is set.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrate } from "../../lib/db/migrate";
import { adminQuery, dropDatabases, randomName, testPostgres, withDatabase } from "../helpers/pg";

let dir: string | null = null;
let pgPrefix: string | null = null;

export async function setup(project: TestProject) {
  const server = testPostgres();
  if (server) {
    pgPrefix = randomName("pkb_run");
    const template = `${pgPrefix}_template`;
    await adminQuery(server, `CREATE DATABASE ${template}`);
    await migrate({ ...process.env, DATABASE_URL: withDatabase(server, template) });
    project.provide("templateDb", template);
    project.provide("pgPrefix", pgPrefix);
    return;
  }
  dir = mkdtempSync(path.join(tmpdir(), "policykb-template-"));
  const file = path.join(dir, "template.db");
  await migrate({ ...process.env, DATABASE_URL: `file:${file}` });
  project.provide("templateDb", file);
  project.provide("pgPrefix", "");
}

export async function teardown() {
  if (dir) rmSync(dir, { recursive: true, force: true });
  const server = testPostgres();
  if (server && pgPrefix) await dropDatabases(server, pgPrefix);
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDb: string;
    pgPrefix: string;
    baseURL: string;
    baseURL2: string;
  }
}
