/**
 * `policykb tasks|deadlines|targets|links [filters] [--json|--csv]`: the
 * structured query API on the command line, with the same filters (as
 * --name value) and the same rows; text by default, the API's JSON items
 * with --json, the ledger's CSV with --csv.
 */
import { parseArgs } from "node:util";
import { closeDb } from "../db/client";
import { migrate } from "../db/migrate";
import { ENDPOINTS, type Endpoint } from "../api/endpoints";
import { query } from "../api/http";
import { ApiParamError, readParams } from "../api/params";
import { toCsv } from "../export/csv";
import { todayInChina } from "../status";
import { UsageError } from "./errors";

export type FactCommand = keyof typeof ENDPOINTS;
export const FACT_COMMANDS = Object.keys(ENDPOINTS) as FactCommand[];

/** The filters a command takes (every parameter of its endpoint but paging and format). */
function filtersOf(endpoint: Endpoint<unknown>) {
  return endpoint.params.filter((p) => p.name !== "cursor" && p.name !== "format" && p.name !== "limit");
}

/** One line of help per command: its filters. */
export function factsHelp(): string {
  return FACT_COMMANDS.map((name) => `  policykb ${name} [--json|--csv] ${filtersOf(ENDPOINTS[name] as Endpoint<unknown>).map((p) => `[--${p.name} ${p.type.kind === "boolean" ? "true|false" : p.type.kind === "date" ? "YYYY-MM-DD" : "X"}]`).join(" ")}`).join("\n");
}

export async function factsCommand(name: FactCommand, args: string[]): Promise<number> {
  const endpoint = ENDPOINTS[name] as Endpoint<unknown>;
  const filters = filtersOf(endpoint);
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: "boolean", default: false }, csv: { type: "boolean", default: false }, ...Object.fromEntries(filters.map((p) => [p.name, { type: "string", multiple: true } as const])) },
    allowPositionals: true,
  });
  if (positionals.length) throw new UsageError(`${name} takes no arguments (got "${positionals[0]}"); filters are options, e.g. --party 工信部`);
  if (values.json && values.csv) throw new UsageError("--json and --csv cannot be used together");
  const search = new URLSearchParams();
  const given = values as Record<string, unknown>;
  for (const p of filters) for (const v of (given[p.name] as string[] | undefined) ?? []) search.append(p.name, v);
  const today = todayInChina();
  // Checked before the database is opened: a bad filter exits 2 with the API's one-line reason.
  try {
    readParams(search, endpoint.params);
  } catch (error) {
    if (error instanceof ApiParamError) throw new UsageError(`--${error.message}`);
    throw error;
  }
  await migrate();
  try {
    const { values: checked, rows } = await query(endpoint, search, today);
    const table = endpoint.table(rows, endpoint.caption(checked, today));
    if (values.json) process.stdout.write(`${JSON.stringify({ items: rows, total: rows.length }, null, 2)}\n`);
    else if (values.csv) process.stdout.write(toCsv(table));
    else {
      process.stdout.write(`${rows.length} ${name}\n`);
      for (const row of table.rows) process.stdout.write(`\n${row.map((c, i) => `${table.columns[i]}：${c.text}`).join("\n  ")}\n`);
    }
    return 0;
  } finally {
    await closeDb();
  }
}
