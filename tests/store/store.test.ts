import { mkdtempSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, test } from "vitest";
import { dbReady, closeDb } from "../../lib/db/client";
import { storeDocument, contentHash } from "../../lib/db/store";
import { exportAll } from "../../lib/db/export";
import { getDocument } from "../../lib/db/documents";
import { ingestPaths, ingestExport } from "../../lib/ingest/ingest";
import { parseDocument } from "../../lib/parser";
import { loadIndexedDocuments, type IndexedDocument } from "../../lib/db/index-source";
import { freshDatabase } from "../helpers/db";
import { ROOT } from "../helpers/cli";

const CONTENT = path.join(ROOT, "content");
const SEED = path.join(CONTENT, "qinghai-2016-industry-supply-side-reform.md");

async function counts() {
  const db = await dbReady();
  const [documents, provisions, responsibilities, deadlines, targets, links] = await Promise.all([
    db.document.count(), db.provision.count(), db.responsibility.count(), db.deadline.count(), db.target.count(), db.link.count(),
  ]);
  return { documents, provisions, responsibilities, deadlines, targets, links };
}

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "policykb-store-"));
}

beforeEach(async () => {
  await freshDatabase();
});

describe("ingest", () => {
  test("a document that fails to store leaves no rows behind", async () => {
    const bytes = new Uint8Array(await import("node:fs").then((fs) => fs.readFileSync(SEED)));
    const result = await parseDocument(bytes, SEED);
    // Two provisions with one id: the unique key fails halfway through the transaction.
    result.doc.provisions.push({ ...result.doc.provisions[0]! });
    await expect(storeDocument({ result, slug: "broken", sourceName: "broken.md", contentHash: contentHash(bytes) })).rejects.toThrow();
    expect(await counts()).toEqual({ documents: 0, provisions: 0, responsibilities: 0, deadlines: 0, targets: 0, links: 0 });
  });

  test("a bad file among good ones is reported with its name; the others go in", async () => {
    const dir = tempDir();
    copyFileSync(SEED, path.join(dir, "seed.md"));
    writeFileSync(path.join(dir, "image.txt"), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
    const summary = await ingestPaths([dir], { quiet: true });
    expect(summary.added).toBe(1);
    expect(summary.failed).toEqual([{ file: path.join(dir, "image.txt"), reason: expect.stringMatching(/PNG image/) }]);
    expect((await counts()).documents).toBe(1);
  });

  test("each stored document reaches onStored as the search index reads it back from the store", async () => {
    const handed = new Map<string, IndexedDocument>();
    const summary = await ingestPaths([CONTENT], {
      quiet: true,
      onStored: async (outcome, document) => {
        expect(document).toBeDefined();
        handed.set(outcome.slug, document!);
      },
    });
    expect(handed.size).toBe(summary.added);
    // The ids the rows got are not kept in the run's summary.
    expect(summary.outcomes.every((o) => o.written === undefined)).toBe(true);
    const readBack = await loadIndexedDocuments([...handed.keys()]);
    expect(readBack.length).toBe(handed.size);
    for (const d of readBack) expect(handed.get(d.slug)).toEqual(d);
    const all = readBack.flatMap((d) => d.provisions);
    expect(all.filter((p) => p.partyRoles.length).length).toBeGreaterThan(100);
    expect(all.filter((p) => p.dates.length).length).toBeGreaterThan(20);
    expect(all.some((p) => p.partyRoles.some((r) => r.name !== r.mention))).toBe(true);
  });

  test("the same content twice changes nothing", async () => {
    const first = await ingestPaths([CONTENT], { quiet: true });
    expect(first.added).toBeGreaterThanOrEqual(20);
    const before = await counts();
    const second = await ingestPaths([CONTENT], { quiet: true });
    // content/ holds two laws in two versions each: the second of each is stored as an update of the first.
    expect(first.updated).toBe(2);
    expect(second).toMatchObject({ added: 0, updated: 0, unchanged: first.added + first.updated, failed: [] });
    expect(await counts()).toEqual(before);
  });

  test("changed content makes version 2; version 1's provisions still resolve", async () => {
    const dir = tempDir();
    const file = path.join(dir, "policy.txt");
    writeFileSync(file, "示范意见\n一、总体要求\n（一）指导思想。坚持稳中求进。\n（二）主要目标。到2020年完成100个示范项目。\n");
    await ingestPaths([file], { quiet: true });
    writeFileSync(file, "示范意见\n一、总体要求\n（一）指导思想。坚持新发展理念。\n");
    const summary = await ingestPaths([file], { quiet: true });
    expect(summary.updated).toBe(1);
    const current = await getDocument("policy");
    expect(current).toMatchObject({ version: 2, versions: [1, 2], isCurrent: true });
    expect(current!.provisions.find((p) => p.id === "p1__s2")).toBeUndefined();
    const old = await getDocument("policy", 1);
    expect(old!.isCurrent).toBe(false);
    expect(old!.provisions.find((p) => p.id === "p1__s2")!.text).toBe("（二）主要目标。到2020年完成100个示范项目。");
  });
});

describe("parties", () => {
  test("aliases merge parties across documents and jurisdictions resolve relative names", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "a.txt"), "国务院关于示范的意见\n一、重点任务\n（一）降成本。加强协调。（发展改革委、人行负责）\n国务院\n2019年1月1日\n");
    writeFileSync(path.join(dir, "b.txt"), "国务院办公厅关于示范的通知\n一、重点任务\n（一）去产能。加强协调。（国家发展改革委、中国人民银行负责）\n国务院办公厅\n2019年2月1日\n");
    writeFileSync(path.join(dir, "c.md"), "---\nissuer: 青海省人民政府\n---\n一、保障措施\n（一）加强领导。省经信委牵头，省财政厅配合。\n（二）强化执行。省经济和信息化委员会负责督查。\n");
    await ingestPaths([dir], { quiet: true });
    const db = await dbReady();
    const party = async (mention: string) => (await db.responsibility.findFirst({ where: { mention }, include: { party: true } }))?.party.name;
    expect(await party("发展改革委")).toBe("国家发展改革委");
    expect(await party("国家发展改革委")).toBe("国家发展改革委");
    expect(await party("人行")).toBe("人民银行");
    expect(await party("中国人民银行")).toBe("人民银行");
    expect(await party("省经信委")).toBe("青海省经济和信息化委员会");
    expect(await party("省经济和信息化委员会")).toBe("青海省经济和信息化委员会");
    const ledger = await db.party.findUnique({ where: { name: "国家发展改革委" }, include: { responsibilities: true } });
    expect(ledger!.responsibilities.map((r) => r.mention).sort()).toEqual(["发展改革委", "国家发展改革委"]);
  });
});

describe("export", () => {
  test("export → ingest into an empty database → export gives identical JSON", async () => {
    await ingestPaths([CONTENT], { quiet: true });
    const first = await exportAll();
    await freshDatabase();
    await ingestExport(first);
    const second = await exportAll();
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    await closeDb();
  });
});

describe("aliases added by an administrator", () => {
  test("merge the party made for the alias and show up in search", async () => {
    const { addAlias, listAliases } = await import("../../lib/db/aliases");
    const { resetSearch, search, refreshIndex } = await import("../../lib/search");
    const dir = tempDir();
    writeFileSync(path.join(dir, "a.txt"), "一、重点任务\n（一）融资担保。扩大担保规模。（省信用担保集团负责）\n");
    writeFileSync(path.join(dir, "b.txt"), "一、重点任务\n（一）降低费率。发挥担保作用。（省信保集团负责）\n");
    await ingestPaths([dir], { quiet: true });
    resetSearch();
    // The index is open before the alias is added: it has to notice that b's responsibility now names the other party.
    const before = await search({ q: "降低费率", limit: 10, facets: true });
    expect(before.facets.party.map((f) => f.value)).toEqual(["省信保集团"]);
    const change = await addAlias("省信保集团", "省信用担保集团");
    expect(change).toMatchObject({ party: "省信用担保集团", movedResponsibilities: 1, removedParty: "省信保集团" });
    const db = await dbReady();
    expect(await db.party.findUnique({ where: { name: "省信保集团" } })).toBeNull();
    const ledger = await db.responsibility.findMany({ where: { party: { name: "省信用担保集团" } }, select: { mention: true } });
    expect(ledger.map((r) => r.mention).sort()).toEqual(["省信保集团", "省信用担保集团"]);
    expect(await listAliases("省信用担保集团")).toContainEqual({ party: "省信用担保集团", alias: "省信保集团", source: "admin" });
    await refreshIndex();
    const hits = await search({ q: "省信用担保集团", limit: 10 });
    expect(hits.hits.map((h) => h.document).sort()).toEqual(["a", "b"]);
    expect((await search({ q: "降低费率", limit: 10, facets: true })).facets.party.map((f) => f.value)).toEqual(["省信用担保集团"]);
  });

  test("an index saved before the alias was added notices it when loaded", async () => {
    const { addAlias } = await import("../../lib/db/aliases");
    const { resetSearch, search } = await import("../../lib/search");
    const dir = tempDir();
    writeFileSync(path.join(dir, "c.txt"), "一、重点任务\n（一）优化服务。提高效率。（省大数据局负责）\n");
    writeFileSync(path.join(dir, "d.txt"), "一、重点任务\n（一）数据共享。打通系统。（省政务服务数据管理局负责）\n");
    await ingestPaths([dir], { quiet: true });
    resetSearch();
    // Opening the index saves a copy of it.
    expect((await search({ q: "优化服务", limit: 10, facets: true })).facets.party.map((f) => f.value)).toEqual(["省大数据局"]);
    // Added while this process holds no index (as by another process): the copy on disk still names the old party.
    resetSearch();
    // 省政务服务数据管理局 is stored under its full name (政务服务和大数据管理局, the lexicon's).
    await addAlias("省大数据局", "省政务服务和大数据管理局");
    expect((await search({ q: "优化服务", limit: 10, facets: true })).facets.party.map((f) => f.value)).toEqual(["省政务服务和大数据管理局"]);
  });

  test("an alias that moves nothing indexed marks the copy on disk as current instead of comparing again at every start", async () => {
    const { addAlias } = await import("../../lib/db/aliases");
    const { resetSearch, search } = await import("../../lib/search");
    const { loadPersisted } = await import("../../lib/search/persist");
    const { storeFingerprint } = await import("../../lib/db/index-source");
    const dir = tempDir();
    writeFileSync(path.join(dir, "e.txt"), "一、重点任务\n（一）优化服务。提高效率。（省大数据局负责）\n");
    await ingestPaths([dir], { quiet: true });
    resetSearch();
    await search({ q: "优化服务", limit: 10 });
    const before = (await loadPersisted())!.fingerprint;
    // A name no document uses: the index holds the same after it.
    await addAlias("省数据中心", "省大数据局");
    resetSearch();
    expect((await search({ q: "省数据中心", limit: 10 })).hits.map((h) => h.document)).toEqual(["e"]);
    const after = (await loadPersisted())!.fingerprint;
    expect(after).not.toBe(before);
    expect(after).toBe(await storeFingerprint());
  });
});

describe("references between documents", () => {
  test("resolve only on an exact title or 文号, also when the cited document comes later", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "citing.txt"), "一、总体要求\n（一）依据。根据《关于促进示范发展的意见》（示发〔2018〕1号）和《关于促进示范发展的意见实施细则》，制定本办法。\n");
    await ingestPaths([path.join(dir, "citing.txt")], { quiet: true });
    writeFileSync(path.join(dir, "cited.md"), "---\ntitle: 关于促进示范发展的意见\ndocNumber: 示发〔2018〕1号\n---\n一、总体要求\n（一）目标。到2020年完成。\n");
    writeFileSync(path.join(dir, "other.md"), "---\ntitle: 关于促进示范发展的意见（试行）\n---\n一、总则\n");
    await ingestPaths([path.join(dir, "cited.md"), path.join(dir, "other.md")], { quiet: true });
    const doc = await getDocument("citing");
    const refs = (doc!.references as Array<{ title: string | null; resolved?: string | null }>).map((r) => [r.title, r.resolved]);
    expect(refs).toEqual([
      ["关于促进示范发展的意见", "cited"],
      ["关于促进示范发展的意见实施细则", null],
    ]);
    // A document citing one already stored: by 文号 alone, and by title, never its own.
    writeFileSync(path.join(dir, "later.txt"), "一、总则\n（一）依据。按照示发〔2018〕1号文件和《关于促进示范发展的意见（试行）》执行。\n");
    await ingestPaths([path.join(dir, "later.txt")], { quiet: true });
    const later = await getDocument("later");
    expect((later!.references as Array<{ docNumber?: string | null; title: string | null; resolved?: string | null }>).map((r) => r.resolved)).toEqual(["cited", "other"]);
  });
});

describe.skipIf(Boolean(process.env.POLICYKB_TEST_PG))("backup", () => {
  test("policykb backup copies the SQLite database consistently, refusing to overwrite", async () => {
    const { runCli } = await import("../helpers/cli");
    const file = await freshDatabase();
    await ingestPaths([SEED], { quiet: true });
    await closeDb();
    const out = path.join(tempDir(), "copy.db");
    const r = runCli(["backup", "--out", out], { DATABASE_URL: `file:${file}` });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/integrity check ok/);
    const again = runCli(["backup", "--out", out], { DATABASE_URL: `file:${file}` });
    expect(again.status).toBe(2);
    const Database = (await import("better-sqlite3")).default;
    const copy = new Database(out, { readonly: true });
    expect((copy.prepare("SELECT count(*) AS n FROM Provision").get() as { n: number }).n).toBeGreaterThan(30);
    copy.close();
  });
});
