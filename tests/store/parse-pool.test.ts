import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { createParsePool, parseWorkerCount, readAndParse } from "../../lib/ingest/parse-pool";
import { contentHash } from "../../lib/db/store";
import { InputError, parseDocument } from "../../lib/parser";

const CONTENT = path.resolve(__dirname, "../../content");
const files = readdirSync(CONTENT).filter((f) => f.endsWith(".md")).sort().slice(0, 6);
const pool = createParsePool(2);
afterAll(() => pool.close());

describe("parsing on worker threads", () => {
  test("gives exactly what reading, hashing and parsing on this thread gives, whatever order the workers finish in", async () => {
    const paths = files.map((f) => path.join(CONTENT, f));
    const [pooled, inline] = await Promise.all([Promise.all(paths.map((f) => pool.parseFile(f))), Promise.all(paths.map((f) => readAndParse(f)))]);
    expect(pooled.map((r) => r.result.doc.title)).toEqual(inline.map((r) => r.result.doc.title));
    expect(pooled).toEqual(inline);
    expect(pooled[0]!.hash).toBe(contentHash(new Uint8Array(readFileSync(paths[0]!))));
    expect(inline[0]!.result).toEqual(await parseDocument(new Uint8Array(readFileSync(paths[0]!)), paths[0]!));
  });

  test("an unreadable document fails with the parser's own error and code, a missing file with the file system's; the pool keeps working", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "policykb-pool-"));
    writeFileSync(path.join(dir, "empty.txt"), "");
    const failure = await pool.parseFile(path.join(dir, "empty.txt")).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(InputError);
    expect((failure as InputError).code).toBe("empty");
    const missing = await pool.parseFile(path.join(dir, "gone.txt")).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(Error);
    expect((missing as Error).message).toMatch(/ENOENT/);
    const ok = await pool.parseFile(path.join(CONTENT, files[0]!));
    expect(ok.result.doc.provisions.length).toBeGreaterThan(5);
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
