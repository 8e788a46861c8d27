import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { findDocuments, getDocument, getDocumentHead, listDocuments } from "../../lib/db/documents";
import { listDeadlines } from "../../lib/db/deadlines";
import { documentRelations, repealsOf } from "../../lib/db/relations";
import { listTasks } from "../../lib/db/tasks";
import { listVersions, versionOn } from "../../lib/db/versions";
import { ingestPaths } from "../../lib/ingest/ingest";
import { documentDiff, type ProvisionDiff } from "../../lib/site/diff";
import { documentResponse, documentsResponse } from "../../lib/site/document-api";
import { search } from "../../lib/search";
import { getReaderDocument } from "../../lib/site/reader";
import { databaseUrl, freshDatabase } from "../helpers/db";
import { ROOT, runCli } from "../helpers/cli";
import { validityStatus } from "../../lib/status";

const CONTENT = path.join(ROOT, "content");
const LAWS = ["030_law-zhonghua-renmin-gongheguo-tongjifa-2009.md", "031_law-zhonghua-renmin-gongheguo-tongjifa-2024.md", "032_law-zhonghua-renmin-gongheguo-xumufa-2015.md", "033_law-zhonghua-renmin-gongheguo-xumufa-2022.md"];
const TONGJIFA = "law-zhonghua-renmin-gongheguo-tongjifa";
const XUMUFA = "law-zhonghua-renmin-gongheguo-xumufa";
/** The two versions of 统计法 as files without a `slug:` (the copies in content/ name theirs), under the names they have in ../shared/corpus/versions. */
const UNSLUGGED: Array<[string, string]> = [
  ["tongjifa-2009-06-27.md", "030_law-zhonghua-renmin-gongheguo-tongjifa-2009.md"],
  ["tongjifa-2024-09-13.md", "031_law-zhonghua-renmin-gongheguo-tongjifa-2024.md"],
];
function writeUnslugged(dir: string): void {
  for (const [name, source] of UNSLUGGED) writeFileSync(path.join(dir, name), readFileSync(path.join(CONTENT, source), "utf8").replace(/^slug:.*\n/m, ""));
}
const FIXTURES = path.join(ROOT, "tests", "fixtures", "versions");
const OLD = "shifan-gongxiang-fangan-2012";
const NEW = "shifan-shuju-banfa-2020";
const TODAY = "2026-12-05";

/** The provision's text without its label and spaces, full-width and half-width alike (what a move keeps). */
const bodyOf = (p: { label: string | null; text: string }) => (p.label && p.text.startsWith(p.label) ? p.text.slice(p.label.length) : p.text).normalize("NFKC").replace(/\s+/g, "");
const runsText = (d: ProvisionDiff, op: "del" | "ins") => (d.runs ?? []).filter((r) => r.op === op).map((r) => r.text);

beforeAll(async () => {
  await freshDatabase();
  const summary = await ingestPaths([...LAWS.map((f) => path.join(CONTENT, f)), FIXTURES], { quiet: true });
  expect(summary.failed).toEqual([]);
}, 120_000);

describe("a status computed from dates and repeals", () => {
  test("repealed from the repealing document's day; a repeal whose day is not known counts whatever the day", () => {
    const dates = { effectiveFrom: "2012-07-01", effectiveUntil: null };
    expect(validityStatus({ ...dates, repealedOn: "2020-06-15" }, "2020-06-14")).toBe("现行有效");
    expect(validityStatus({ ...dates, repealedOn: "2020-06-15" }, "2020-06-15")).toBe("已废止");
    expect(validityStatus({ ...dates, repealedOn: "" }, "2013-01-01")).toBe("已废止");
    expect(validityStatus(dates, "2013-01-01")).toBe("现行有效");
  });
});

describe("versions of one document", () => {
  test("two files with one front-matter slug are two versions, the later one current", async () => {
    for (const slug of [TONGJIFA, XUMUFA]) {
      const versions = await listVersions(slug);
      expect(versions.map((v) => [v.version, v.isCurrent])).toEqual([[1, false], [2, true]]);
    }
    expect((await listVersions(TONGJIFA)).map((v) => v.issuedAt)).toEqual(["2009-06-27", "2024-09-13"]);
    // Each law is listed once, as its current version.
    expect((await listDocuments()).filter((d) => d.slug === TONGJIFA).map((d) => d.version)).toEqual([2]);
  });

  test("the same files again change nothing", async () => {
    const again = await ingestPaths(LAWS.map((f) => path.join(CONTENT, f)), { quiet: true });
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 4 });
  });

  test("without a slug, the same title and issuer make versions; an earlier date slots in as the older one", async () => {
    await freshDatabase();
    const dir = mkdtempSync(path.join(tmpdir(), "policykb-versions-"));
    writeUnslugged(dir);
    // The later version first: the earlier one arrives after it and becomes version 1.
    await ingestPaths([path.join(dir, "tongjifa-2024-09-13.md")], { quiet: true });
    const second = await ingestPaths([path.join(dir, "tongjifa-2009-06-27.md")], { quiet: true });
    expect(second.outcomes[0]).toMatchObject({ status: "updated", slug: "tongjifa-2024-09-13", version: 1, placed: { as: "older", byTitle: true } });
    const versions = await listVersions("tongjifa-2024-09-13");
    expect(versions.map((v) => [v.version, v.isCurrent, v.sourceName])).toEqual([[1, false, "tongjifa-2009-06-27.md"], [2, true, "tongjifa-2024-09-13.md"]]);
    expect((await ingestPaths([dir], { quiet: true })).unchanged).toBe(2);
    // Back to the shared database of this file.
    await freshDatabase();
    expect((await ingestPaths([...LAWS.map((f) => path.join(CONTENT, f)), FIXTURES], { quiet: true })).failed).toEqual([]);
  });

  test("which version applied on a day: a revision applies from the later of its adoption and 施行 dates", async () => {
    expect(await versionOn(TONGJIFA, "2009-12-31")).toBeNull();
    expect((await versionOn(TONGJIFA, "2020-01-01"))?.version).toBe(1);
    expect((await versionOn(TONGJIFA, "2024-09-13"))?.version).toBe(2);
    // The 2022 revision of 畜牧法 was passed on 2022-10-30 and applies from 2023-03-01.
    expect((await versionOn(XUMUFA, "2023-01-01"))?.version).toBe(1);
    expect((await versionOn(XUMUFA, "2023-03-01"))?.version).toBe(2);
  });
});

describe("the diff between versions, on real revisions", () => {
  test("统计法 2009 → 2024: amended articles are changes with the changed words marked; inserted articles shift the rest, which move", async () => {
    const { diff } = await documentDiff(TONGJIFA);
    expect([diff.from, diff.to]).toEqual([1, 2]);
    const first = diff.provisions.find((p) => p.to?.label === "第一条")!;
    expect(first.change).toBe("changed");
    expect(runsText(first, "ins")).toEqual(expect.arrayContaining(["加强统计监督，", "高质量"]));
    expect(runsText(first, "del").join("")).toContain("促进");
    // 第三条 gained a first paragraph: 统计工作坚持中国共产党的领导。
    const third = diff.provisions.find((p) => p.to?.label === "第三条")!;
    expect(third.change).toBe("changed");
    expect(runsText(third, "ins").join("")).toContain("统计工作坚持中国共产党的领导");
    // New 第六条 (统计监督体系) is added; old 第七条 is new 第八条, word for word: moved.
    expect(diff.provisions.find((p) => p.to?.label === "第六条")?.change).toBe("added");
    const moved = diff.provisions.find((p) => p.from?.label === "第七条")!;
    expect(moved).toMatchObject({ change: "moved", to: { label: "第八条" } });
    expect(moved.runs).toBeUndefined();
    expect(diff.counts.changed).toBeGreaterThanOrEqual(10);
    expect(diff.counts.moved).toBeGreaterThanOrEqual(10);
  });

  test("畜牧法 2015 → 2022: renumbered articles with the same text are moves, never a removal and an addition", async () => {
    const { diff } = await documentDiff(XUMUFA, { from: 1, to: 2 });
    const moved = diff.provisions.filter((p) => p.change === "moved");
    expect(moved.map((p) => `${p.from!.label}→${p.to!.label}`)).toEqual(expect.arrayContaining(["第五条→第八条", "第十七条→第十八条", "第二十六条→第二十八条"]));
    for (const p of moved) {
      expect(bodyOf(p.to!)).toBe(bodyOf(p.from!));
      expect(p.from!.label).not.toBe(p.to!.label);
    }
    // No text is both removed and added.
    const removed = new Set(diff.provisions.filter((p) => p.change === "removed").map((p) => bodyOf(p.from!)));
    expect(diff.provisions.filter((p) => p.change === "added" && removed.has(bodyOf(p.to!)))).toEqual([]);
    // 国务院畜牧兽医行政主管部门 became 国务院农业农村主管部门: a change with the words marked, and a changed party.
    const fifth = diff.provisions.find((p) => p.to?.label === "第五条")!;
    expect(fifth).toMatchObject({ change: "changed", from: { label: "第七条" } });
    expect(runsText(fifth, "del").join("")).toContain("畜牧兽医行政");
    expect(runsText(fifth, "ins").join("")).toContain("农业农村");
    expect(diff.facts.some((f) => f.kind === "party" && f.change === "added" && f.summary.includes("农业农村"))).toBe(true);
    expect(diff.facts.some((f) => f.kind === "party" && f.change === "removed" && f.summary.includes("畜牧兽医"))).toBe(true);
  });

  test("policykb diff prints the changes, or the API's JSON with --json", () => {
    const env = { DATABASE_URL: process.env.DATABASE_URL };
    const text = runCli(["diff", XUMUFA], env);
    expect(text.status).toBe(0);
    expect(text.stdout.split("\n")[0]).toBe("中华人民共和国畜牧法: 第 1 版 → 第 2 版");
    expect(text.stdout).toMatch(/^条号变动\t第一章第五条 → 第一章第八条\t/m);
    expect(text.stdout).toContain("[-畜牧兽医行政-]{+农业农村+}");
    const json = runCli(["diff", XUMUFA, "--from", "1", "--to", "2", "--json"], env);
    expect(json.status).toBe(0);
    const body = JSON.parse(json.stdout) as { from: number; to: number; provisions: Array<Record<string, unknown>>; facts: unknown[] };
    expect(Object.keys(body)).toEqual(["from", "to", "provisions", "facts"]);
    expect(Object.keys(body.provisions[0]!)).toEqual(["change", "from", "to"]);
    const bad = runCli(["diff", XUMUFA, "--to", "3"], env);
    expect([bad.status, bad.stderr.trim()]).toEqual([2, expect.stringContaining("no version 3")]);
  });

  test("a bad version pair is refused with a reason", async () => {
    await expect(documentDiff(TONGJIFA, { from: 1, to: 9 })).rejects.toMatchObject({ status: 404, message: expect.stringContaining("no version 9") });
    await expect(documentDiff(TONGJIFA, { from: 2, to: 2 })).rejects.toMatchObject({ status: 400 });
    await expect(documentDiff("no-such-document")).rejects.toMatchObject({ status: 404 });
  });
});

describe("repeal and point in time", () => {
  test("a document that repeals another makes it 已废止, from the day the repealing one takes effect, with the repealing provision", async () => {
    const repeal = (await repealsOf()).get(OLD);
    expect(repeal).toMatchObject({ on: "2020-06-15", by: { slug: NEW, provision: { id: "art3", citation: "第三条" } } });
    expect((await getDocument(OLD))?.status).toBe("已废止");
    expect((await getDocumentHead(OLD))?.status).toBe("已废止");
    expect((await listDocuments()).find((d) => d.slug === OLD)?.status).toBe("已废止");
    expect((await listDocuments()).find((d) => d.slug === NEW)?.status).toBe("现行有效");
    // The reader says so too.
    expect((await getReaderDocument(OLD))?.status).toBe("已废止");
  });

  test("relations are seen from both ends", async () => {
    const fromNew = await documentRelations(NEW);
    expect(fromNew.outgoing.map((r) => [r.relation, r.cited.title, r.to?.slug ?? null])).toEqual([
      ["implements", "中华人民共和国数据安全法", null],
      ["repeals", "示范市政务信息资源共享工作方案", OLD],
    ]);
    const ofOld = await documentRelations(OLD);
    expect(ofOld.incoming.map((r) => [r.relation, r.from.slug, r.from.provision?.id])).toEqual([["repeals", NEW, "art3"]]);
    expect(ofOld.outgoing).toEqual([]);
    // The reader's note on the reference says what it does.
    const art3 = (await getReaderDocument(NEW))?.provisions.find((p) => p.id === "art3");
    expect(art3?.facts.filter((f) => f.kind === "reference").map((f) => f.summary)).toEqual(["废止本库文件《示范市政务信息资源共享工作方案》"]);
  });

  test("asOf before the repeal shows the old document in force and the new one not yet; after it, the reverse", async () => {
    const before = await listDocuments({ asOf: "2019-01-01" });
    expect(before.find((d) => d.slug === OLD)?.status).toBe("现行有效");
    expect(before.some((d) => d.slug === NEW)).toBe(false);
    const after = await listDocuments({ asOf: "2021-01-01" });
    expect(after.some((d) => d.slug === OLD)).toBe(false);
    expect(after.some((d) => d.slug === NEW)).toBe(true);
    // The laws as they stood: 统计法 in its 2009 text in 2020, 畜牧法 not yet revised on 2023-01-01.
    expect(before.find((d) => d.slug === TONGJIFA)?.version).toBe(1);
    expect((await findDocuments({}, { asOf: "2023-01-01" })).documents.find((d) => d.slug === XUMUFA)?.version).toBe(1);
    expect((await listDocuments({ asOf: "2009-01-01" })).some((d) => d.slug === TONGJIFA)).toBe(false);
  });

  test("tasks and deadlines as of a day come from the documents in force that day", async () => {
    const then = await listTasks({ today: "2013-01-01", asOf: "2013-01-01", doc: OLD });
    // On 2013-01-01 the 2012 方案 was in force: its platform was due by the end of 2013, its catalogue overdue.
    const state = new Map(then.rows.map((t) => [t.provision.id, t.state?.status]));
    expect([state.get("p1__s1"), state.get("p1__s2")]).toEqual(["open", "overdue"]);
    // Today the repealed document's tasks are out of the ledger (不在现行文件中), and its deadline has lapsed.
    expect((await listTasks({ today: TODAY, doc: OLD })).rows).toEqual([]);
    expect((await listDeadlines({ today: TODAY, slug: OLD })).filter((d) => d.kind === "due").map((d) => d.status)).toEqual(["lapsed", "lapsed"]);
    const deadlines2019 = await listDeadlines({ today: "2019-01-01", asOf: "2019-01-01" });
    expect(deadlines2019.some((d) => d.document.slug === NEW)).toBe(false);
    expect(deadlines2019.some((d) => d.document.slug === OLD)).toBe(true);
  });

  test("the API and search as of a day: the version then, the status then, the documents in force then", async () => {
    const then = await documentResponse(TONGJIFA, new URLSearchParams({ asOf: "2015-05-01" }));
    expect(then).toMatchObject({ status: 200, body: { version: 1, issuedAt: "2009-06-27", status: "现行有效" } });
    expect(await documentResponse(TONGJIFA, new URLSearchParams({ version: "2" }))).toMatchObject({ status: 200, body: { version: 2, isCurrent: true } });
    expect(await documentResponse(OLD, new URLSearchParams())).toMatchObject({ status: 200, body: { status: "已废止", repeal: { on: "2020-06-15", by: { slug: NEW } } } });
    expect(await documentResponse(OLD, new URLSearchParams({ asOf: "2019-01-01" }))).toMatchObject({ status: 200, body: { status: "现行有效" } });
    expect((await documentResponse(TONGJIFA, new URLSearchParams({ asOf: "2009-02-30" }))).status).toBe(400);
    expect((await documentResponse(TONGJIFA, new URLSearchParams({ version: "0" }))).status).toBe(400);
    expect((await documentResponse(TONGJIFA, new URLSearchParams({ asOf: "2001-01-01" }))).status).toBe(404);
    expect((await documentsResponse(new URLSearchParams({ asOf: "someday" }))).status).toBe(400);

    const hits = async (asOf?: string) => (await search({ q: "共享平台", ...(asOf ? { asOf } : {}) })).hits.map((h) => h.document);
    expect(await hits()).toContain(OLD);
    expect(await hits("2013-01-01")).toContain(OLD);
    // Repealed on 2020-06-15: a search as of 2021 leaves it out.
    expect(await hits("2021-01-01")).not.toContain(OLD);
    await expect(search({ q: "共享平台", asOf: "2021-13-01" })).rejects.toThrow(/bad parameter asOf/);
    // Search's status facet and filter know the repeal too.
    const faceted = await search({ q: "共享平台", facets: true });
    expect(faceted.facets.status.find((f) => f.value === "已废止")?.count).toBeGreaterThan(0);
    expect((await search({ q: "共享平台", filters: { status: ["现行有效"] } })).hits.map((h) => h.document)).not.toContain(OLD);
    expect((await search({ q: "共享平台", filters: { status: ["已废止"] } })).hits.map((h) => h.document)).toContain(OLD);
  });

  test("policykb ingest says which version a file became and why", async () => {
    const db = await freshDatabase();
    const dir = mkdtempSync(path.join(tmpdir(), "policykb-versions-cli-"));
    writeUnslugged(dir);
    const r = runCli(["ingest", dir], { DATABASE_URL: databaseUrl(db) });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`tongjifa-2024-09-13.md: version 2 of "tongjifa-2009-06-27": the newest version, now current; same title and issuer as the stored document`);
  });
});
