/**
 * Where the database is. One place reads `DATABASE_URL` so the site, the CLI,
 * the tests and Prisma's own config agree.
 *
 * - unset: the embedded SQLite file `prisma/dev.db` under the project root
 *   (`POLICYKB_HOME`, set by the `policykb` bin, or the working directory);
 * - `file:PATH`: SQLite at PATH, relative paths against the working directory;
 * - `postgres://…` / `postgresql://…`: PostgreSQL.
 */
import path from "node:path";

export type DatabaseProvider = "sqlite" | "postgres";

export interface DatabaseTarget {
  provider: DatabaseProvider;
  /** The URL as given (or the default). */
  url: string;
  /** For SQLite: the absolute path of the database file. */
  file: string | null;
}

/** The project root: where `content/`, `prisma/` and `data/` live. */
export function projectRoot(): string {
  return process.env.POLICYKB_HOME ?? process.cwd();
}

/** The last target read from process.env, with what it was read from (search asks several times a query). */
let lastTarget: { raw: string | undefined; cwd: string; home: string | undefined; target: DatabaseTarget } | null = null;

/** Reads DATABASE_URL (process.env's: again only when it, the working directory or POLICYKB_HOME changed); throws a one-line error on an unknown scheme. */
export function databaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  if (env !== process.env) return readTarget(env);
  const raw = env.DATABASE_URL;
  const cwd = process.cwd();
  const home = env.POLICYKB_HOME;
  if (lastTarget && lastTarget.raw === raw && lastTarget.cwd === cwd && lastTarget.home === home) return { ...lastTarget.target };
  const target = readTarget(env);
  lastTarget = { raw, cwd, home, target };
  return { ...target };
}

function readTarget(env: NodeJS.ProcessEnv): DatabaseTarget {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) {
    const file = path.join(projectRoot(), "prisma", "dev.db");
    return { provider: "sqlite", url: `file:${file}`, file };
  }
  if (raw.startsWith("file:")) {
    const file = path.resolve(raw.slice("file:".length).replace(/\?.*$/, ""));
    return { provider: "sqlite", url: `file:${file}`, file };
  }
  if (/^postgres(ql)?:\/\//.test(raw)) return { provider: "postgres", url: raw, file: null };
  throw new Error(`DATABASE_URL must start with file: or postgres:// (got "${raw.slice(0, 40)}")`);
}
