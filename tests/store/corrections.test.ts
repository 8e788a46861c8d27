import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { CorrectionRefused, createCorrection, reapplyCorrection, undoCorrection, type CorrectionInput } from "../../lib/db/corrections";
import { correctionLog, loadCorrections } from "../../lib/db/correction-rows";
import { getCorrectedDocument, getDocument } from "../../lib/db/documents";
import { listDeadlines } from "../../lib/db/deadlines";
import { getPartyLedger, listParties } from "../../lib/db/parties";
import { listTargets } from "../../lib/db/targets";
import { listTasks } from "../../lib/db/tasks";
import { loadIndexedDocuments } from "../../lib/db/index-source";
import { ingestPaths } from "../../lib/ingest/ingest";
import { refreshIndex, search } from "../../lib/search";
import { freshDatabase } from "../helpers/db";
import { ROOT } from "../helpers/cli";

const TODAY = "2026-12-05";
const SLUG = "qinghai-2016-industry-supply-side-reform";
const SEED = path.join(ROOT, "content", `${SLUG}.md`);
const original = readFileSync(SEED, "utf8");
const dir = mkdtempSync(path.join(tmpdir(), "policykb-corrections-"));

/** Ingests the seed's text (changed or not) under its own file name: a new version when it differs. */
async function ingestSeed(text: string) {
  const file = path.join(dir, `${SLUG}.md`);
  writeFileSync(file, text);
  const summary = await ingestPaths([file], { quiet: true });
  expect(summary.failed).toEqual([]);
  return summary.outcomes[0]!;
}

const correct = (input: Omit<CorrectionInput, "document" | "editor" | "note"> & { note?: string }) => createCorrection({ document: SLUG, editor: "张三", note: "核对原文", ...input });

async function roleOf(party: string, provision: string) {
  const doc = await getDocument(SLUG);
  return doc?.responsibilities.find((r) => r.party === party && r.provision === provision);
}

beforeAll(async () => {
  await freshDatabase();
  copyFileSync(SEED, path.join(dir, `${SLUG}.md`));
  expect((await ingestPaths([SEED], { quiet: true })).failed).toEqual([]);
}, 120_000);

describe("a correction of a party's role", () => {
  let id = 0;
  let party = "";

  test("is stored with who, when and why, and every read shows the new role, marked", async () => {
    expect(await roleOf("省政府督查室", "p3__s5")).toMatchObject({ role: "coordinate" });
    const stored = await correct({ provision: "p3__s5", fact: "responsibility", action: "change", value: { party: "省政府督查室", role: "lead" }, note: "督查室牵头督办" });
    id = stored.id;
    expect(stored).toMatchObject({ editor: "张三", note: "督查室牵头督办", version: 1, original: { party: "省政府督查室", role: "coordinate" }, value: { party: "省政府督查室", role: "lead" } });
    expect(Date.parse(stored.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(await roleOf("省政府督查室", "p3__s5")).toMatchObject({ role: "lead", corrected: true });
    // The parse itself is unchanged.
    const found = await getCorrectedDocument(SLUG);
    expect(found?.parsed.responsibilities.find((r) => r.party === "省政府督查室")?.role).toBe("coordinate");
    expect(found?.corrections.states.get(id)).toEqual({ status: "applied", reason: null });

    // The party's ledger and the party list read the corrected role.
    const names = (await listParties({ today: TODAY, all: true })).filter((p) => p.name.includes("督查室"));
    expect(names).toHaveLength(1);
    party = names[0]!.name;
    const ledger = await getPartyLedger(party, { today: TODAY, all: true });
    expect(ledger?.rows.map((r) => [r.provision?.id, r.role, r.corrected ?? false])).toEqual([["p3__s5", "lead", true]]);
  });

  test("search facets and the index read the corrected facts", async () => {
    const [indexed] = await loadIndexedDocuments([SLUG]);
    expect(indexed?.provisions.find((p) => p.eid === "p3__s5")?.partyRoles.find((r) => r.mention === "省政府督查室")?.role).toBe("lead");
  });

  test("ingesting the same file again keeps it", async () => {
    expect((await ingestSeed(original)).status).toBe("unchanged");
    expect(await roleOf("省政府督查室", "p3__s5")).toMatchObject({ role: "lead", corrected: true });
  });

  test("a new version whose provision text changed keeps it, not applied, needing a look; the old version still reads it", async () => {
    const changed = original.replace("不定期开展重点工作任务落实情况督促检查", "定期开展重点工作任务落实情况督促检查");
    expect(changed).not.toBe(original);
    expect((await ingestSeed(changed)).status).toBe("updated");
    expect(await roleOf("省政府督查室", "p3__s5")).toMatchObject({ role: "coordinate" });
    expect((await roleOf("省政府督查室", "p3__s5"))?.corrected).toBeUndefined();
    const found = await getCorrectedDocument(SLUG);
    expect(found?.document.version).toBe(2);
    expect(found?.corrections.states.get(id)).toEqual({ status: "needs-review", reason: "provision-changed" });
    expect((await loadCorrections([SLUG])).map((c) => c.id)).toEqual([id]);
    const old = await getDocument(SLUG, 1);
    expect(old?.responsibilities.find((r) => r.party === "省政府督查室")).toMatchObject({ role: "lead", corrected: true });
    const ledger = await getPartyLedger(party, { today: TODAY, all: true });
    expect(ledger?.rows.map((r) => r.role)).toEqual(["coordinate"]);
  });

  test("a version with the provision's text as it was applies it again", async () => {
    expect((await ingestSeed(original)).status).toBe("updated");
    expect(await roleOf("省政府督查室", "p3__s5")).toMatchObject({ role: "lead", corrected: true });
    expect((await getCorrectedDocument(SLUG))?.corrections.states.get(id)?.status).toBe("applied");
  });

  test("an undo restores the parse and is recorded", async () => {
    const undone = await undoCorrection(SLUG, id, { editor: "李四", note: "原解析无误" });
    expect(undone).toMatchObject({ undoneBy: "李四", undoNote: "原解析无误" });
    expect(await roleOf("省政府督查室", "p3__s5")).toEqual(expect.objectContaining({ role: "coordinate" }));
    expect((await roleOf("省政府督查室", "p3__s5"))?.corrected).toBeUndefined();
    await expect(undoCorrection(SLUG, id, { editor: "李四" })).rejects.toMatchObject({ code: "undone" });
    const log = await correctionLog({ document: SLUG });
    expect(log.entries.map((e) => [e.event, e.editor, e.correction.id])).toEqual([
      ["undone", "李四", id],
      ["made", "张三", id],
    ]);
    expect((await correctionLog({ editor: "李四" })).entries).toHaveLength(1);
  });
});

describe("corrections of every kind of fact", () => {
  test("add a party, remove a deadline, change a target, change a provision's role, add and remove a link", async () => {
    await correct({ provision: "p2__s4__x1", fact: "responsibility", action: "add", value: { party: "省财政厅", role: "lead" } });
    await correct({ provision: "p1__s3", fact: "deadline", action: "remove", value: { text: "通过三年努力" } });
    await correct({ provision: "p1__s3", fact: "target", action: "change", value: { subject: "企业综合成本", value: 5 } });
    await correct({ provision: "p3__s5", fact: "role", action: "change", value: { role: "task" } });
    await correct({ provision: "p1__s3", fact: "link", action: "add", value: { to: "p3__s5", kind: "goal-measure" } });
    await correct({ provision: "p3__s1", fact: "link", action: "remove", value: { to: "p2" } });
    const doc = (await getDocument(SLUG))!;
    expect(doc.responsibilities.find((r) => r.provision === "p2__s4__x1" && r.party === "省财政厅")).toMatchObject({ role: "lead", corrected: true, text: "省财政厅" });
    expect(doc.deadlines.map((d) => d.text)).not.toContain("通过三年努力");
    expect(doc.targets.find((t) => t.subject === "企业综合成本")).toMatchObject({ value: 5, unit: "%", verb: "下降", corrected: true });
    expect(doc.provisions.find((p) => p.id === "p3__s5")).toMatchObject({ role: "task", corrected: true });
    expect(doc.links.find((l) => l.from === "p1__s3" && l.to === "p3__s5")).toMatchObject({ kind: "goal-measure", method: "explicit", corrected: true });
    expect(doc.links.find((l) => l.from === "p3__s1" && l.to === "p2")).toBeUndefined();

    // Tasks, the party ledger, deadlines and targets read them too.
    const tasks = await listTasks({ today: TODAY, doc: SLUG, all: true });
    expect(tasks.rows.find((t) => t.provision.id === "p3__s5")).toBeDefined();
    expect(tasks.rows.find((t) => t.provision.id === "p2__s4__x1")?.parties).toEqual([{ name: "青海省财政厅", mention: "省财政厅", role: "lead", inherited: null, corrected: true }]);
    expect((await getPartyLedger("青海省财政厅", { today: TODAY, all: true }))?.rows.map((r) => r.provision?.id)).toEqual(["p2__s4__x1"]);
    expect((await listDeadlines({ today: TODAY, slug: SLUG, allKinds: true })).map((d) => d.text)).not.toContain("通过三年努力");
    expect((await listTargets(SLUG)).find((t) => t.subject === "企业综合成本")?.value).toBe(5);

    // Search: the provision's corrected role is a facet value, and the added party a party.
    await refreshIndex();
    const hits = await search({ q: "督促检查", facets: true, filters: { doc: [SLUG] } });
    expect(hits.facets.role.map((f) => f.value)).toContain("task");
    const byParty = await search({ q: "税费", filters: { doc: [SLUG], party: ["青海省财政厅"] } });
    expect(byParty.hits.map((h) => h.provision)).toEqual(["p2__s4__x1"]);
  });

  test("refuses with a reason: an unknown provision, a fact that is already there, a fact that is not, a role added", async () => {
    const refused = async (input: Parameters<typeof correct>[0]) => {
      const error = await correct(input).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(CorrectionRefused);
      return (error as CorrectionRefused).message;
    };
    expect(await refused({ provision: "p9__s9", fact: "role", action: "change", value: { role: "task" } })).toMatch(/unknown provision "p9__s9"/);
    expect(await refused({ provision: "p3__s5", fact: "responsibility", action: "add", value: { party: "领导小组办公室", role: "lead" } })).toMatch(/already there/);
    expect(await refused({ provision: "p3__s5", fact: "responsibility", action: "change", value: { party: "省教育厅", role: "lead" } })).toMatch(/no responsibility "省教育厅" in provision p3__s5/);
    expect(await refused({ provision: "p3__s5", fact: "role", action: "add", value: { role: "task" } })).toMatch(/only be changed/);
    expect(await refused({ provision: "p3__s5", fact: "responsibility", action: "change", value: { party: "领导小组办公室", role: "lead" } })).toMatch(/nothing to change/);
    await expect(createCorrection({ document: "no-such-document", editor: "x", note: "x", provision: null, fact: "role", action: "change", value: { role: "task" } })).rejects.toMatchObject({ code: "no-document" });
  });

  test("a correction whose provision changed is re-applied to the new text on request, the old one undone", async () => {
    const made = await correct({ provision: "p2__s2__x4", fact: "responsibility", action: "add", value: { party: "省发展改革委", role: "lead" } });
    await ingestSeed(original.replace("对过剩行业不再核准备案新增产能", "对过剩行业一律不再核准备案新增产能"));
    const before = await getCorrectedDocument(SLUG);
    expect(before?.corrections.states.get(made.id)).toEqual({ status: "needs-review", reason: "provision-changed" });
    const again = await reapplyCorrection(SLUG, made.id, { editor: "张三", note: "新文本仍由省发展改革委牵头" });
    expect(again.id).toBeGreaterThan(made.id);
    const after = (await getCorrectedDocument(SLUG))!;
    expect(after.corrections.states.get(made.id)?.status).toBe("undone");
    expect(after.corrections.states.get(again.id)?.status).toBe("applied");
    expect(after.document.responsibilities.find((r) => r.provision === "p2__s2__x4")).toMatchObject({ party: "省发展改革委", corrected: true });
    expect((await loadCorrections([SLUG])).find((c) => c.id === made.id)?.undoNote).toBe(`由校正 #${again.id} 取代`);
  });
});
