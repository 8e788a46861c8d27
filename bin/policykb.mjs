#!/usr/bin/env node
// The `policykb` command: runs the TypeScript CLI (lib/cli/main.ts) through tsx.
import { fileURLToPath } from "node:url";
import path from "node:path";
import { register } from "tsx/esm/api";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.env.POLICYKB_HOME ??= root;
register();
const { main } = await import("../lib/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
