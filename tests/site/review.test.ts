import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { createCorrection, undoCorrection } from "../../lib/db/corrections";
import { getDocument } from "../../lib/db/documents";
import { toCsv } from "../../lib/export/csv";
import { logTable } from "../../lib/export/review";
import { ingestPaths } from "../../lib/ingest/ingest";
import { logPage, NEEDS_REVIEW, reviewPage, type ReviewItem } from "../../lib/site/review";
import { freshDatabase } from "../helpers/db";
import { ROOT } from "../helpers/cli";

const TODAY = "2026-12-05";
const SLUG = "qinghai-2016-industry-supply-side-reform";
const SEED = path.join(ROOT, "content", `${SLUG}.md`);
const OTHER = "001_gwy-nongye-jixiehua-zhidao-yijian-2018";
const dir = mkdtempSync(path.join(tmpdir(), "policykb-review-"));

const messageOf = (item: ReviewItem) => ({ ruleId: item.message!.ruleId, start: item.message!.start, end: item.message!.end });

beforeAll(async () => {
  await freshDatabase();
  // One after the other: the second is the newer document.
  expect((await ingestPaths([SEED], { quiet: true })).failed).toEqual([]);
  await new Promise((r) => setTimeout(r, 20));
  expect((await ingestPaths([path.join(ROOT, "content", `${OTHER}.md`)], { quiet: true })).failed).toEqual([]);
}, 120_000);

describe("the review queue", () => {
  test("lists the parser's messages, newest documents first, each linked to its provision", async () => {
    expect((await reviewPage({})).items.map((i) => [i.document.slug, i.kind])).toEqual([
      [OTHER, "party-unsure"],
      [OTHER, "party-rejected"],
      [SLUG, "party-rejected"],
    ]);
    const page = await reviewPage({ kind: "party-rejected" });
    const seed = page.items[1]!;
    expect(seed.kindLabel).toBe("未采纳的单位名称");
    expect(seed.text).toContain("「园区」");
    expect(seed.message?.candidate).toBe("园区");
    expect(seed.provision).toEqual({ id: "p3__s1", citation: expect.stringContaining("（一）"), href: `/documents/${SLUG}#p3__s1` });
    expect(seed.words).toContain("园区");
    expect(page.matching).toBe(2);
  });

  test("filters by document and by kind", async () => {
    expect((await reviewPage({ document: SLUG })).items.map((i) => i.document.slug)).toEqual([SLUG]);
    expect((await reviewPage({ document: OTHER })).items.map((i) => i.kind)).toEqual(["party-unsure", "party-rejected"]);
    expect((await reviewPage({ kind: "unplaced-text" })).items).toEqual([]);
    const page = await reviewPage({ kind: "party-rejected" });
    expect(page.items).toHaveLength(2);
    expect(page.documents.map((d) => d.value)).toEqual([OTHER, SLUG]);
    expect(page.kinds).toEqual([
      { value: "party-rejected", label: "未采纳的单位名称（2）" },
      { value: "party-unsure", label: "待确认的单位名称（1）" },
    ]);
  });

  test("is read a page at a time", async () => {
    const second = await reviewPage({ kind: "party-rejected", page: 2, pageSize: 1 });
    expect(second).toMatchObject({ matching: 2, page: 2, pages: 2 });
    expect(second.items.map((i) => [i.document.slug, i.words.includes("园区")])).toEqual([[SLUG, true]]);
    expect((await reviewPage({ kind: "party-rejected", page: 9, pageSize: 1 })).page).toBe(2);
  });

  test("a party name the lexicon does not confirm is listed with the name; removing the party handles it", async () => {
    const [unsure] = (await reviewPage({ kind: "party-unsure" })).items;
    expect(unsure?.kindLabel).toBe("待确认的单位名称");
    expect(unsure?.message?.candidate).toBe("现代农业装备职业教育集团");
    const party = unsure!.message!.candidate!;
    const before = (await getDocument(OTHER))?.responsibilities.filter((r) => r.party === party && r.provision === unsure!.provision?.id);
    expect(before).toHaveLength(1);
    await createCorrection({ document: OTHER, provision: unsure!.provision?.id ?? null, fact: "responsibility", action: "remove", value: { party }, message: messageOf(unsure!), note: "集团非责任主体", editor: "王五" });
    expect((await getDocument(OTHER))?.responsibilities.filter((r) => r.party === party && r.provision === unsure!.provision?.id)).toHaveLength(0);
    expect((await reviewPage({ kind: "party-unsure" })).items).toEqual([]);
    expect((await reviewPage({ kind: "party-unsure", handled: true })).items[0]?.decided).toContain("王五");
  });

  test("an accepted message becomes the provision's party and leaves the queue; a dismissed one leaves it too", async () => {
    const [other, seed] = (await reviewPage({})).items;
    const accepted = await createCorrection({ document: SLUG, provision: "p3__s1", fact: "responsibility", action: "add", value: { party: "园区", role: "coordinate" }, message: messageOf(seed!), note: "园区管委会参与", editor: "张三" });
    expect((await getDocument(SLUG))?.responsibilities.find((r) => r.provision === "p3__s1" && r.party === "园区")).toMatchObject({ role: "coordinate", corrected: true });
    const dismissed = await createCorrection({ document: OTHER, provision: other!.provision?.id ?? null, fact: "message", action: "dismiss", value: {}, message: messageOf(other!), note: "确非单位", editor: "李四" });

    expect((await reviewPage({})).items).toEqual([]);
    const handled = await reviewPage({ handled: true });
    expect(handled.items.map((i) => [i.document.slug, i.kind, i.decided?.slice(0, 3)])).toEqual([
      [OTHER, "party-unsure", "已采纳"],
      [OTHER, "party-rejected", "已忽略"],
      [SLUG, "party-rejected", "已采纳"],
    ]);
    expect(handled.items[2]?.decided).toContain("张三");
    // The decision is a correction of its own, which an editor may undo.
    expect(handled.items.slice(1).map((i) => i.decision)).toEqual([dismissed.id, accepted.id]);
  });

  test("a correction whose provision changed in a new version is listed as needing a look, with why; a decided message stays decided", async () => {
    const made = await createCorrection({ document: SLUG, provision: "p3__s5", fact: "responsibility", action: "change", value: { party: "省政府督查室", role: "lead" }, note: "督查室牵头", editor: "张三" });
    const file = path.join(dir, `${SLUG}.md`);
    writeFileSync(file, readFileSync(SEED, "utf8").replace("不定期开展重点工作任务落实情况督促检查", "定期开展重点工作任务落实情况督促检查"));
    expect((await ingestPaths([file], { quiet: true })).outcomes[0]?.status).toBe("updated");

    // The new version has the same 「园区」 message: accepted before, it stays off the queue.
    const page = await reviewPage({});
    expect(page.items.map((i) => [i.document.slug, i.kind])).toEqual([[SLUG, NEEDS_REVIEW]]);
    const item = page.items[0]!;
    expect(item.kindLabel).toBe("校正待复核");
    expect(item.text).toContain(`校正 #${made.id}`);
    expect(item.text).toContain("新版本中该条款文字已改");
    expect(item.correction).toMatchObject({ id: made.id, reapply: true, summary: "责任单位修改：省政府督查室（牵头）", madeOn: `/documents/${SLUG}?v=1#p3__s5` });
    expect(item.provision?.href).toBe(`/documents/${SLUG}#p3__s5`);
    expect((await reviewPage({ kind: NEEDS_REVIEW, document: OTHER })).items).toEqual([]);

    // Undone, it no longer needs a look.
    await undoCorrection(SLUG, made.id, { editor: "李四", note: "新文本不再需要" });
    expect((await reviewPage({})).items).toEqual([]);
  });
});

describe("the correction log", () => {
  test("lists every correction and undo, newest first, filtered by editor and document, and exports the same rows", async () => {
    const all = await logPage({}, TODAY);
    expect(all.lines.map((l) => [l.event, l.editor, l.what])).toEqual([
      ["撤销", "李四", "责任单位·修改"],
      ["校正", "张三", "责任单位·修改"],
      ["校正", "李四", "解析提示·忽略"],
      ["校正", "张三", "责任单位·添加"],
      ["校正", "王五", "责任单位·删除"],
    ]);
    expect(all.lines[1]).toMatchObject({ after: "省政府督查室（牵头）", before: "省政府督查室（协调）", note: "督查室牵头", status: "已撤销" });
    expect(all.lines[3]).toMatchObject({ after: "园区（协调）", before: null, note: "园区管委会参与", status: "已生效" });
    expect(all.editors).toEqual(["张三", "李四", "王五"].sort());
    expect((await logPage({ editor: "李四" }, TODAY)).lines.map((l) => l.event)).toEqual(["撤销", "校正"]);
    expect((await logPage({ document: OTHER }, TODAY)).lines.map((l) => l.what)).toEqual(["解析提示·忽略", "责任单位·删除"]);

    const csv = toCsv(logTable(await logPage({ editor: "张三" }, TODAY)));
    expect(csv).toContain("筛选条件：编辑=张三");
    expect(csv).toContain("时间,操作,编辑,编号,文件,条款,要素·动作,校正后,原解析,理由,当前状态");
    expect(csv.trim().split(/\r?\n/).filter((l) => l.includes(",张三,"))).toHaveLength(2);
  });
});
