/**
 * The `policykb` command line (../shared/CONTRACT.md §1): parse, ingest, search, export.
 * Machine output goes to stdout, messages to stderr; bad input exits 2 with
 * one line, internal failures exit 1.
 */
import { parseArgs } from "node:util";
import { InputError } from "../parser";
import { UsageError } from "./errors";
import { parseCommand } from "./parse";
import { ingestCommand } from "./ingest";
import { exportCommand } from "./export";
import { searchCommand } from "./search";
import { aliasCommand } from "./alias";
import { backupCommand } from "./backup";
import { FACT_COMMANDS, factsCommand, factsHelp, type FactCommand } from "./facts";
import { diffCommand } from "./diff";

const HELP = `policykb — PolicyKB (政策知识库) command line

Usage:
  policykb parse FILE [--pretty]           parse one document, print its policy-doc/1 JSON
  policykb ingest PATH... [--quiet]        parse and store files or folders (recursively)
  policykb search QUERY [--limit N] [--json] [--doc SLUG] [--role ROLE] [--party NAME]
                 [--kind KIND] [--issuer NAME] [--year YYYY] [--status 现行有效|已失效|已废止|尚未施行]
                                           search stored provisions
${factsHelp()}
                                           tasks, deadlines, targets or links across documents
                                           (filters as in /api/openapi.json; --json items, --csv the ledger's CSV)
  policykb export [--out FILE]             write everything stored as JSON
  policykb diff SLUG [--from N] [--to M] [--json]
                                           what changed between two versions of a document
  policykb alias add ALIAS PARTY           make ALIAS a name of PARTY (merging a party made for it)
  policykb alias list [PARTY]              list aliases and where they came from
  policykb backup --out FILE               copy the SQLite database safely while the site runs

Options:
  -h, --help     show this help
  --version      show the version

Environment:
  DATABASE_URL   file:PATH (SQLite, default prisma/dev.db) or postgres://…
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === "-h" || command === "--help" || command === "help") {
      process.stdout.write(HELP);
      return command ? 0 : 2;
    }
    if (command === "--version") {
      process.stdout.write("policykb 0.1.0\n");
      return 0;
    }
    switch (command) {
      case "parse": {
        const { values, positionals } = parseArgs({ args: rest, options: { pretty: { type: "boolean", default: false }, help: { type: "boolean", short: "h" } }, allowPositionals: true });
        if (values.help) return help();
        if (positionals.length !== 1) throw new UsageError("parse takes exactly one FILE (see policykb --help)");
        return await parseCommand(positionals[0]!, { pretty: values.pretty ?? false });
      }
      case "ingest": {
        const { values, positionals } = parseArgs({ args: rest, options: { quiet: { type: "boolean", short: "q", default: false }, help: { type: "boolean", short: "h" } }, allowPositionals: true });
        if (values.help) return help();
        return await ingestCommand(positionals, { quiet: values.quiet ?? false });
      }
      case "search": {
        const multi = { type: "string", multiple: true } as const;
        const { values, positionals } = parseArgs({
          args: rest,
          options: { limit: { type: "string", short: "n" }, json: { type: "boolean", default: false }, doc: multi, role: multi, party: multi, kind: multi, issuer: multi, year: multi, status: multi, help: { type: "boolean", short: "h" } },
          allowPositionals: true,
        });
        if (values.help) return help();
        if (!positionals.length) throw new UsageError("search needs a QUERY (see policykb --help)");
        return await searchCommand(positionals, { ...values, json: values.json ?? false });
      }
      case "export": {
        const { values, positionals } = parseArgs({ args: rest, options: { out: { type: "string", short: "o" }, help: { type: "boolean", short: "h" } }, allowPositionals: true });
        if (values.help) return help();
        if (positionals.length) throw new UsageError(`export takes no arguments (got "${positionals[0]}"); use --out FILE`);
        return await exportCommand({ out: values.out });
      }
      case "backup": {
        const { values, positionals } = parseArgs({ args: rest, options: { out: { type: "string", short: "o" }, help: { type: "boolean", short: "h" } }, allowPositionals: true });
        if (values.help) return help();
        if (positionals.length) throw new UsageError("backup takes no arguments; use --out FILE");
        return await backupCommand({ out: values.out });
      }
      case "tasks":
      case "deadlines":
      case "targets":
      case "links":
        if (rest.includes("--help") || rest.includes("-h")) return help();
        return await factsCommand(command as FactCommand, rest);
      case "diff": {
        const { values, positionals } = parseArgs({ args: rest, options: { from: { type: "string" }, to: { type: "string" }, json: { type: "boolean", default: false }, help: { type: "boolean", short: "h" } }, allowPositionals: true });
        if (values.help) return help();
        if (positionals.length !== 1) throw new UsageError("diff takes exactly one SLUG (see policykb --help)");
        return await diffCommand(positionals[0]!, { from: values.from, to: values.to, json: values.json ?? false });
      }
      case "alias":
        if (rest.includes("--help") || rest.includes("-h")) return help();
        return await aliasCommand(rest);
      default:
        throw new UsageError(`unknown command "${command}" (expected parse, ingest, search, ${FACT_COMMANDS.join(", ")}, export, diff, alias or backup; see policykb --help)`);
    }
  } catch (error) {
    return report(error);
  }
}

function help(): number {
  process.stdout.write(HELP);
  return 0;
}

/** One line on stderr and the exit code for an error. */
export function report(error: unknown): number {
  if (error instanceof UsageError || error instanceof InputError) {
    process.stderr.write(`policykb: ${error.message}\n`);
    return 2;
  }
  const e = error as { code?: string; message?: string };
  if (e?.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" || e?.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" || e?.code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
    process.stderr.write(`policykb: ${String(e.message).split("\n")[0]}\n`);
    return 2;
  }
  process.stderr.write(`policykb: internal error: ${String(e?.message ?? error).split("\n")[0]}\n`);
  if (process.env.POLICYKB_DEBUG) console.error(error);
  return 1;
}
