/**
 * Prisma CLI configuration. Prisma 6.19's native schema engine cannot be
 * downloaded here, so migrations run through a driver adapter and the bundled
 * WebAssembly schema engine (`engine: "js"`, see ../shared/STACK.md).
 * The provider folder (prisma/sqlite or prisma/postgres) follows DATABASE_URL.
 */
import path from "node:path";
import { defineConfig } from "prisma/config";
import { databaseTarget } from "./lib/db/url";
import { migrationAdapter } from "./prisma/migration-adapter";

const target = databaseTarget();
const folder = path.join("prisma", target.provider);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: folder,
  migrations: { path: path.join(folder, "migrations") },
  adapter: async () => migrationAdapter(target),
});
