#!/usr/bin/env node
// `npm run test:stress`: the crash, load and big-input checks that do not fit
// `npm test`'s time, one after another, each in its own process; a summary
// at the end, exit 1 when any failed.
//
//   node scripts/stress/run.mjs [--load-seconds 10] [--skip big-input,...]
import { spawn } from "node:child_process";
import path from "node:path";
import { ROOT, options } from "./lib/site.mjs";

const opts = options({ "load-seconds": 10, skip: "" });
const skip = new Set(opts.skip.split(",").filter(Boolean));
const seconds = String(opts["load-seconds"]);
const steps = [
  ["kill-ingest", ["scripts/stress/kill-ingest.mjs"]],
  ["kill-server", ["scripts/stress/kill-server.mjs"]],
  ["load", ["scripts/load.mjs", "--duration", seconds]],
  ["load-during-ingest", ["scripts/load.mjs", "--duration", seconds, "--during-ingest"]],
  ["big-input", ["scripts/stress/big-input.mjs"]],
];

const results = [];
for (const [name, args] of steps) {
  if (skip.has(name)) {
    results.push([name, "skipped", 0]);
    continue;
  }
  process.stdout.write(`\n=== ${name}: node ${args.join(" ")}\n`);
  const started = Date.now();
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    child.on("exit", (c, signal) => resolve(c ?? signal));
  });
  results.push([name, code === 0 ? "ok" : `FAILED (${code})`, (Date.now() - started) / 1000]);
}
process.stdout.write(`\n=== test:stress summary (${path.relative(process.cwd(), ROOT) || "."})\n`);
for (const [name, status, s] of results) process.stdout.write(`${name.padEnd(20)} ${status.padEnd(12)} ${s.toFixed(0)} s\n`);
process.exitCode = results.some(([, status]) => status.startsWith("FAILED")) ? 1 : 0;
