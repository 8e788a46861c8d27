import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { createParsePool, parseWorkerCount } from "../../lib/ingest/parse-pool";
import { InputError, parseDocument } from "../../lib/parser";

const CONTENT = path.resolve(__dirname, "../../content");
const files = readdirSync(CONTENT).filter((f) => f.endsWith(".md")).sort().slice(0, 6);
const pool = createParsePool(2);
afterAll(() => pool.close());

describe("parsing on worker threads", () => {
  test("gives exactly what parsing on this thread gives, whatever order the workers finish in", async () => {
    const bytesOf = (f: string) => new Uint8Array(readFileSync(path.join(CONTENT, f)));
    const [pooled, inline] = await Promise.all([
      Promise.all(files.map((f) => pool.parse(bytesOf(f), f))),
      Promise.all(files.map((f) => parseDocument(bytesOf(f), f))),
    ]);
    expect(pooled.map((r) => r.doc.title)).toEqual(inline.map((r) => r.doc.title));
    expect(pooled).toEqual(inline);
  });

  test("an unreadable document fails with the parser's own error and code; the pool keeps working", async () => {
    const failure = await pool.parse(new Uint8Array(0), "empty.txt").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(InputError);
    expect((failure as InputError).code).toBe("empty");
    const ok = await pool.parse(new Uint8Array(readFileSync(path.join(CONTENT, files[0]!))), files[0]!);
    expect(ok.doc.provisions.length).toBeGreaterThan(5);
  });

  test("workers only for folders, and POLICYKB_PARSE_WORKERS decides when set", () => {
    expect(parseWorkerCount(3)).toBe(0);
    expect(parseWorkerCount(500)).toBeGreaterThanOrEqual(1);
    process.env.POLICYKB_PARSE_WORKERS = "0";
    try {
      expect(parseWorkerCount(500)).toBe(0);
      process.env.POLICYKB_PARSE_WORKERS = "x";
      expect(() => parseWorkerCount(500)).toThrow(/whole number/);
    } finally {
      delete process.env.POLICYKB_PARSE_WORKERS;
    }
  });
});
