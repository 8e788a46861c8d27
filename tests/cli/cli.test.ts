import { describe, expect, test } from "vitest";
import path from "node:path";
import { ROOT, runCli } from "../helpers/cli";

const SEED = path.join(ROOT, "content", "qinghai-2016-industry-supply-side-reform.md");

describe("policykb command line", () => {
  test("--help lists the four commands and exits 0", () => {
    const r = runCli(["--help"]);
    expect(r.status).toBe(0);
    for (const command of ["parse", "ingest", "search", "export"]) expect(r.stdout).toMatch(new RegExp(`policykb ${command}\\b`));
  });

  test("a wrong command exits non-zero with one line and no stack trace", () => {
    const r = runCli(["frobnicate"]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/unknown command "frobnicate"/);
    expect(r.stderr).not.toMatch(/\bat\s+\S+\s*\(/);
  });

  test("a missing file exits 2 with one line naming it", () => {
    const r = runCli(["parse", "no/such/file.txt"]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe("policykb: no/such/file.txt: no such file");
  });

  test("an unknown option exits 2 with one line", () => {
    const r = runCli(["parse", SEED, "--frob"]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  test("parse prints policy-doc/1 JSON of the seed document", () => {
    const r = runCli(["parse", SEED]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.schema).toBe("policy-doc/1");
    expect(doc.title).toBe("关于实施工业领域供给侧结构性改革的意见");
    expect(doc.provisions.find((p: { citation: string }) => p.citation === "第二部分第（四）项第三点")?.heading).toBe("降低融资成本");
  });
});
