/**
 * Applies the committed Prisma migrations (`prisma migrate deploy`, through the
 * bundled WebAssembly schema engine: no download) to the configured database.
 */
import { execFile } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { databaseTarget, projectRoot } from "./url";

const run = promisify(execFile);

/** Runs `prisma migrate deploy` for DATABASE_URL (or the default SQLite file). */
export async function migrate(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const target = databaseTarget(env);
  if (target.file) mkdirSync(path.dirname(target.file), { recursive: true });
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
