#!/usr/bin/env node
// `npm run db:migrate`: applies the committed migrations to DATABASE_URL (default prisma/dev.db).
import { register } from "tsx/esm/api";
register();
const { migrate } = await import("../lib/db/migrate.ts");
await migrate();
console.error("policykb: database is up to date");
