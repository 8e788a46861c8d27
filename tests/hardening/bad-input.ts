/**
 * The bad-input suite. Every file of tests/fixtures/bad (committed, plus the
 * large and binary ones generate.ts writes at test time) goes through the
 * real `policykb ingest FILE`, each with its own fresh database. Each run must
 * end with the outcome expected.json gives it — a clean ingest (exit 0), or
 * exit 2 with one stderr line `policykb: FILE: REASON` — without a crash or a
 * stack trace, within BOUNDS, and leave a database that passes PRAGMA
 * integrity_check and holds only whole documents.
 *
 * What does not hold yet is named in expected.json's `todo` and listed as
 * test.todo with the reason; everything else about those files is still
 * asserted. bad-input.test.ts runs the committed files and
 * bad-input-generated.test.ts the generated ones, so the halves run in parallel.
 */
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { runCli } from "../helpers/cli";
import { testPostgres } from "../helpers/pg";
import { printable } from "../../lib/ingest/files";
import { badInputs, generateBadInputs } from "../fixtures/bad/generate";
import { checkStore, storeProblems } from "../../scripts/stress/lib/integrity.mjs";

/** Bounds of one `policykb ingest` run (the whole CLI process: Node, tsx, parser, Prisma, search index). */
export const BOUNDS = { seconds: 60, rssMegabytes: 1024 };

/** The checks an expectation can mark as not holding yet. */
type Check = "outcome" | "whole" | "provisions" | "contains" | "slug" | "message" | "time" | "memory";

interface Expectation {
  outcome: "ingest" | "error";
  /** Regex the one-line reason must match (errors). */
  match?: string;
  /** For a folder: the file the error line names. */
  failed?: string;
  /** Documents stored afterwards (default: 1 for ingest, 0 for error). */
  documents?: number;
  slug?: string;
  title?: string;
  /** At least this many provisions. */
  provisions?: number;
  /** Strings the stored source text must contain / must not contain. */
  contains?: string[];
  absent?: string[];
  /** Too slow for `npm test`; scripts/stress/big-input.mjs (npm run test:stress) runs it. */
  slow?: boolean;
  todo?: Partial<Record<Check, string>>;
}

const FIXTURES = path.resolve(import.meta.dirname, "..", "fixtures", "bad");
const PROBE = pathToFileURL(path.join(import.meta.dirname, "rss-probe.mjs")).href;

/** expected.json without its comment. */
export const EXPECTED = Object.fromEntries(
  Object.entries(JSON.parse(readFileSync(path.join(FIXTURES, "expected.json"), "utf8")) as Record<string, Expectation>).filter(([name]) => !name.startsWith("$")),
);
const GENERATED = new Set(badInputs().keys());

interface IngestRun {
  status: number;
  stderr: string;
  seconds: number;
  rssMegabytes: number | null;
  db: string;
  arg: string;
}

/** Files under a folder, as paths relative to it with "/" separators (folders included). */
function listFiles(root: string, sub = ""): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(root, sub), { withFileTypes: true })) {
    const rel = sub ? `${sub}/${e.name}` : e.name;
    out.push(rel);
    if (e.isDirectory()) out.push(...listFiles(root, rel));
  }
  return out;
}

/** Lines of stderr other than progress (`[n/m] file`) and the summary (`ingest: …`). */
function messageLines(stderr: string): string[] {
  return stderr.split("\n").filter((l) => l && !/^\[\d+\/\d+\] /.test(l) && !/^ingest: \d+ added/.test(l));
}

/** Defines the tests for the committed (`generated: false`) or the generated inputs. */
export function badInputSuite(options: { generated: boolean }): void {
  let dir = "";
  let runs = 0;
  const figures: Array<{ name: string; status: number; seconds: number; rss: number | null }> = [];
  /** Checks listed as todo that held in this run: expected.json should drop them. */
  const resolved: string[] = [];

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "policykb-bad-"));
    cpSync(FIXTURES, path.join(dir, "in"), { recursive: true, filter: (src) => !/(?:generate\.ts|expected\.json)$/.test(src) });
    if (options.generated) generateBadInputs(path.join(dir, "in"));
  });
  afterAll(() => {
    if (figures.length) {
      const top = (by: (f: (typeof figures)[number]) => number) => [...figures].sort((a, b) => by(b) - by(a)).slice(0, 4);
      const crashes = figures.filter((f) => f.status !== 0 && f.status !== 2).length;
      process.stderr.write(
        `bad input (${options.generated ? "generated" : "committed"}): ${figures.length} runs, ${crashes} crash(es); bounds ${BOUNDS.seconds} s, ${BOUNDS.rssMegabytes} MB\n` +
          `  slowest: ${top((f) => f.seconds).map((f) => `${f.name} ${f.seconds.toFixed(1)} s`).join(", ")}\n` +
          `  peak RSS: ${top((f) => f.rss ?? 0).map((f) => `${f.name} ${f.rss?.toFixed(0)} MB`).join(", ")}\n` +
          (resolved.length ? `  todo checks that now hold (drop them from expected.json): ${resolved.join("; ")}\n` : ""),
      );
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** `policykb ingest <name>` against a fresh copy of the migrated template database. */
  function ingest(name: string): IngestRun {
    const n = ++runs;
    const db = path.join(dir, `run-${n}.db`);
    copyFileSync(inject("templateDb"), db);
    const rssFile = path.join(dir, `run-${n}.rss`);
    // Not path.join: "dup-slug/../x.md" must reach the CLI as written.
    const arg = `${dir}/in/${name}`;
    const started = performance.now();
    const r = runCli(["ingest", arg], {
      DATABASE_URL: `file:${db}`,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import=${PROBE}`.trim(),
      POLICYKB_RSS_FILE: rssFile,
      POLICYKB_DEBUG: undefined,
    });
    const seconds = (performance.now() - started) / 1000;
    const rssMegabytes = existsSync(rssFile) ? Number(readFileSync(rssFile, "utf8")) / 1024 : null;
    return { status: r.status, stderr: r.stderr, seconds, rssMegabytes, db, arg };
  }

  // These runs check how the parser and the CLI meet bad files, and read the
  // stored result straight from an SQLite file; the PostgreSQL run of npm test
  // covers the provider itself (tests/store), so they run once, on SQLite.
  describe.skipIf(testPostgres() !== null)(`bad input: ${options.generated ? "generated" : "committed"} files`, () => {
    if (options.generated) {
      test("the corpus has at least 40 inputs, each with an expected outcome", () => {
        const files = listFiles(path.join(dir, "in"));
        expect(files.length).toBeGreaterThanOrEqual(40);
        for (const f of files) expect(EXPECTED, f).toHaveProperty([f]);
        for (const name of Object.keys(EXPECTED)) expect(existsSync(`${dir}/in/${name}`), name).toBe(true);
      });
    }

    for (const [name, want] of Object.entries(EXPECTED)) {
      if (GENERATED.has(name) !== options.generated) continue;
      const todo = want.todo ?? {};
      const holds = (check: Check) => !(check in todo);
      const label = JSON.stringify(name).slice(1, -1);
      for (const [check, reason] of Object.entries(todo)) test.todo(`${label}: ${check} — ${reason}`);
      if (want.slow) {
        test.todo(`${label}: not run by npm test (slow); npm run test:stress runs it (scripts/stress/big-input.mjs)`);
        continue;
      }

      test(`${label} → ${want.outcome}${want.match ? ` /${want.match}/` : ""}`, { timeout: BOUNDS.seconds * 2 * 1000 }, () => {
        const run = ingest(name);
        figures.push({ name: label, status: run.status, seconds: run.seconds, rss: run.rssMegabytes });

        // Never a crash: exit 0 or 2 (1 is an internal error, -1 a timeout or a signal), no stack trace.
        expect([0, 2], run.stderr).toContain(run.status);
        expect(run.stderr).not.toMatch(/^\s+at .+[:(]\d+:\d+\)?$/m);
        expect(run.stderr).not.toMatch(/heap out of memory|FATAL ERROR|Segmentation/);
        // The database: intact, nothing pointing nowhere (documents without provisions: the "whole" check).
        const store = checkStore(run.db);
        expect(storeProblems(store, { allowEmpty: true })).toEqual([]);

        const lines = messageLines(run.stderr);
        const doc = store.docs.find((d) => d.isCurrent) ?? store.docs[0];
        // The file name as printed: control characters shown as escapes (lib/ingest/files.ts printable()).
        const prefix = `policykb: ${printable(want.failed ? `${dir}/in/${want.failed}` : run.arg)}: `;
        /** Each check: null when it holds, else what is wrong. */
        const checks: Record<Check, () => string | null> = {
          time: () => (run.seconds < BOUNDS.seconds ? null : `took ${run.seconds.toFixed(1)} s`),
          memory: () => (run.rssMegabytes === null || run.rssMegabytes < BOUNDS.rssMegabytes ? null : `peak RSS ${run.rssMegabytes.toFixed(0)} MB`),
          whole: () => (store.empty.length ? `documents without provisions: ${store.empty.join(", ")}` : null),
          outcome: () => {
            if (/internal error|Maximum call stack/.test(run.stderr)) return `internal error: ${run.stderr}`;
            const code = want.outcome === "ingest" ? 0 : 2;
            if (run.status !== code) return `exit ${run.status}, expected ${code}: ${run.stderr}`;
            if (store.documents !== (want.documents ?? (want.outcome === "ingest" ? 1 : 0))) return `${store.documents} documents stored`;
            if (want.outcome === "ingest" && lines.length) return `messages: ${lines.join(" | ")}`;
            return null;
          },
          // For errors: exactly one line `policykb: FILE: REASON`, REASON matching, no control characters.
          message: () => {
            if (want.outcome !== "error") return null;
            const line = lines[0] ?? "";
            // eslint-disable-next-line no-control-regex
            if (lines.length !== 1 || /[\u0000-\u001f\u007f]/.test(line)) return `error lines: ${JSON.stringify(lines)}`;
            if (!line.startsWith(prefix)) return `the line does not start with ${JSON.stringify(prefix)}: ${JSON.stringify(line)}`;
            if (!new RegExp(want.match ?? ".").test(line.slice(prefix.length))) return `the reason does not match /${want.match}/: ${JSON.stringify(line)}`;
            return null;
          },
          slug: () => (want.slug === undefined || doc?.slug === want.slug ? null : `slug ${JSON.stringify(doc?.slug)}`),
          provisions: () => (want.provisions === undefined || (doc?.provisions ?? 0) >= want.provisions ? null : `${doc?.provisions ?? 0} provisions`),
          contains: () => {
            const missing = (want.contains ?? []).filter((t) => !doc?.sourceText.includes(t));
            return missing.length ? `text lacks ${JSON.stringify(missing)}` : null;
          },
        };
        // Checks of what was stored or said only apply when the outcome is the expected one.
        const outcomeHolds = checks.outcome() === null;
        const dependent = new Set<Check>(["message", "slug", "provisions", "contains"]);
        for (const [check, verify] of Object.entries(checks) as Array<[Check, () => string | null]>) {
          if (dependent.has(check) && !outcomeHolds) {
            expect(holds("outcome"), `${check} cannot be checked: ${checks.outcome()}`).toBe(false);
            continue;
          }
          const problem = verify();
          if (holds(check)) expect(problem, check).toBeNull();
          else if (problem === null) resolved.push(`${label}: ${check}`);
        }
        if (want.outcome === "ingest" && outcomeHolds && doc) {
          if (want.title !== undefined) expect(doc.title).toBe(want.title);
          for (const t of want.absent ?? []) expect(doc.sourceText).not.toContain(t);
        }
      });
    }
  });
}
