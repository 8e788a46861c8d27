#!/usr/bin/env node
// `npm start`: migrate the database, load content/, build the site if needed, serve it on PORT (default 3000).
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";
import { buildIsStale } from "./build-state.mjs";
import { nextBin, nextStartArgs } from "./server-command.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.env.POLICYKB_HOME ??= root;
process.env.NEXT_TELEMETRY_DISABLED = "1";
register();
const { migrate } = await import("../lib/db/migrate.ts");
const { prepareStore } = await import("../lib/ingest/prepare.ts");

await migrate();
await prepareStore(path.join(root, "content"));

if (buildIsStale(root)) {
  console.error("policykb: building the site (next build)…");
  const build = spawnSync(process.execPath, [nextBin(root), "build"], { cwd: root, stdio: "inherit", env: process.env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const port = process.env.PORT ?? "3000";
console.error(`policykb: serving on http://localhost:${port}`);
const server = spawn(process.execPath, nextStartArgs(root, port), { cwd: root, stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
