import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { closeDb } from "../../lib/db/client";
import { createCorrection, undoCorrection, type CorrectionInput } from "../../lib/db/corrections";
import { getDocument } from "../../lib/db/documents";
import { exportAll, isExport, exportProblem } from "../../lib/db/export";
import { ingestExport, ingestPaths } from "../../lib/ingest/ingest";
import { databaseUrl, freshDatabase } from "../helpers/db";
import { ROOT, runCli } from "../helpers/cli";

const SLUG = "qinghai-2016-industry-supply-side-reform";
const SEED = path.join(ROOT, "content", `${SLUG}.md`);
const dir = mkdtempSync(path.join(tmpdir(), "policykb-corrections-export-"));
const correct = (input: Omit<CorrectionInput, "document" | "editor" | "note">) => createCorrection({ document: SLUG, editor: "张三", note: "核对原文", ...input });

beforeAll(async () => {
  await freshDatabase();
  expect((await ingestPaths([SEED, path.join(ROOT, "content", "001_gwy-nongye-jixiehua-zhidao-yijian-2018.md")], { quiet: true })).failed).toEqual([]);
  await correct({ provision: "p3__s5", fact: "responsibility", action: "change", value: { party: "省政府督查室", role: "lead" } });
  await correct({ provision: "p2__s4__x1", fact: "responsibility", action: "add", value: { party: "省财政厅", role: "lead" } });
  await correct({ provision: "p1__s3", fact: "deadline", action: "remove", value: { text: "通过三年努力" } });
  await correct({ provision: "p1__s3", fact: "target", action: "change", value: { subject: "企业综合成本", value: 5 } });
  await correct({ provision: "p3__s4", fact: "role", action: "change", value: { role: "task" } });
  await correct({ provision: "p1__s3", fact: "link", action: "add", value: { to: "p3__s5", kind: "goal-measure" } });
  const undone = await correct({ provision: "p3__s1", fact: "link", action: "remove", value: { to: "p2" } });
  await undoCorrection(SLUG, undone.id, { editor: "李四", note: "关联成立" });
  const doc = (await getDocument(SLUG))!;
  const message = doc.messages[0]!;
  await correct({ provision: "p3__s1", fact: "message", action: "dismiss", value: {}, message: { ruleId: message.ruleId, start: message.start, end: message.end } });
  // A second version whose p2__s4__x1 changed: that correction is kept, not applied to it.
  const changed = readFileSync(SEED, "utf8").replace("全面落实国家结构性减税和普遍性降费政策", "全面落实国家减税降费政策");
  writeFileSync(path.join(dir, `${SLUG}.md`), changed);
  expect((await ingestPaths([path.join(dir, `${SLUG}.md`)], { quiet: true })).outcomes[0]?.status).toBe("updated");
}, 120_000);

describe("export with corrections", () => {
  test("facts are exported as every read gives them, the parse kept beside them, and every correction", async () => {
    const data = await exportAll();
    expect(exportProblem(data)).toBeNull();
    const [v1, v2] = data.documents.filter((d) => d.slug === SLUG);
    expect(v1?.responsibilities.find((r) => r.provision === "p2__s4__x1")).toMatchObject({ party: "省财政厅", role: "lead", corrected: true });
    expect(v2?.responsibilities.find((r) => r.provision === "p2__s4__x1")).toBeUndefined();
    expect(v2?.responsibilities.find((r) => r.party === "省政府督查室")).toMatchObject({ role: "lead", corrected: true });
    expect(v2?.provisions.find((p) => p.id === "p3__s4")).toMatchObject({ role: "task", corrected: true });
    expect(v2?.parsed?.roles).toEqual({ p3__s4: "measure" });
    expect(v2?.parsed?.responsibilities.find((r) => r.party === "省政府督查室")?.role).toBe("coordinate");
    expect(data.documents.find((d) => d.slug !== SLUG)?.parsed).toBeUndefined();
    expect(data.corrections?.map((c) => [c.fact, c.action, c.editor, c.undoneBy])).toEqual([
      ["responsibility", "change", "张三", null],
      ["responsibility", "add", "张三", null],
      ["deadline", "remove", "张三", null],
      ["target", "change", "张三", null],
      ["role", "change", "张三", null],
      ["link", "add", "张三", null],
      ["link", "remove", "张三", "李四"],
      ["message", "dismiss", "张三", null],
    ]);
  });

  test("export → ingest into an empty database → export is identical, and ingesting it again changes nothing", async () => {
    const first = await exportAll();
    await freshDatabase();
    await ingestExport(first);
    const second = await exportAll();
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    await ingestExport(second);
    expect(JSON.stringify(await exportAll())).toBe(JSON.stringify(first));
  });

  test("the same through `policykb export` and `policykb ingest`", async () => {
    const file = path.join(dir, "export.json");
    await closeDb();
    const source = process.env.DATABASE_URL!;
    expect(runCli(["export", "--out", file], { DATABASE_URL: source }).status).toBe(0);
    const exported = readFileSync(file, "utf8");
    expect(isExport(JSON.parse(exported))).toBe(true);
    const target = databaseUrl(await freshDatabase());
    await closeDb();
    const ingest = runCli(["ingest", file, "--quiet"], { DATABASE_URL: target });
    expect(ingest.status, ingest.stderr).toBe(0);
    const again = runCli(["export"], { DATABASE_URL: target });
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(exported);
  });
});
