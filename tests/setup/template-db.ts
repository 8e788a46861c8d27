/**
 * Vitest global setup: one migrated SQLite database (through Prisma's
 * `migrate deploy`, as `npm start` does) that tests copy instead of migrating again.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrate } from "../../lib/db/migrate";

let dir: string | null = null;

export async function setup(project: TestProject) {
  dir = mkdtempSync(path.join(tmpdir(), "policykb-template-"));
  const file = path.join(dir, "template.db");
  await migrate({ ...process.env, DATABASE_URL: `file:${file}` });
  project.provide("templateDb", file);
}

export async function teardown() {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDb: string;
    baseURL: string;
  }
}
