import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { deadlineState, listDeadlines } from "../../lib/db/deadlines";
import { getPartyLedger, listParties, resolveParty } from "../../lib/db/parties";
import { listTargets } from "../../lib/db/targets";
import { listTasks } from "../../lib/db/tasks";
import { ingestPaths } from "../../lib/ingest/ingest";
import { freshDatabase } from "../helpers/db";
import { ROOT } from "../helpers/cli";

const TODAY = "2026-12-05";
const FIXTURES = path.join(ROOT, "tests", "fixtures", "ledger");
const SEED = path.join(ROOT, "content", "qinghai-2016-industry-supply-side-reform.md");

beforeAll(async () => {
  await freshDatabase();
  const summary = await ingestPaths([FIXTURES, SEED], { quiet: true });
  expect(summary.failed).toEqual([]);
}, 120_000);

describe("the ledger a clerk can trust", () => {
  test("a three-item notice gives three tasks, each with its lead and support, and the date its closing paragraph sets for all", async () => {
    const tasks = await listTasks({ today: TODAY, doc: "three-item-notice" });
    expect(tasks.rows.map((t) => t.provision.citation)).toEqual(["第一部分", "第二部分", "第三部分"]);
    // Stored under the full name, with the name as written kept.
    expect(tasks.rows[0]!.parties.map((p) => [p.name, p.mention, p.role])).toEqual([
      ["省发展和改革委员会", "省发展改革委", "lead"],
      ["省财政厅", "省财政厅", "support"],
    ]);
    expect(tasks.rows[2]!.parties.map((p) => [p.name, p.role])).toEqual([
      ["省人民政府办公厅", "lead"],
      ["各市人民政府", "responsible"],
    ]);
    for (const t of tasks.rows) {
      expect(t.deadline).toMatchObject({ date: "2025-06-30", inherited: { provision: { id: "closing" } } });
      expect(t.state?.status).toBe("overdue");
    }
  });

  test("a name as the notice writes it finds its tasks, and the party page counts the same tasks", async () => {
    const names = await resolveParty("省发展改革委");
    expect(names).toEqual(["省发展和改革委员会"]);
    const tasks = await listTasks({ today: TODAY, parties: names, partyAsWritten: "省发展改革委" });
    const ledger = await getPartyLedger(names[0]!, { today: TODAY });
    expect(ledger?.tasks).toBe(tasks.rows.length);
    expect(tasks.rows.length).toBe(1);
    const listed = (await listParties({ today: TODAY, q: "省发展改革委" })).find((p) => p.name === names[0]);
    expect(listed?.taskCount).toBe(tasks.rows.length);
    expect(listed?.responsibilityCount).toBe(ledger?.total);
  });

  test("any form of a name finds its party: 省经信委 is the seed's 省经济和信息化委", async () => {
    expect(await resolveParty("省经信委")).toEqual(["青海省经济和信息化委员会"]);
    expect(await resolveParty("省经济和信息化委员会")).toEqual(["青海省经济和信息化委员会"]);
    expect(await resolveParty("省工信厅")).toEqual([]);
  });

  test("a start date is never overdue; a recurring deadline counts by its next occurrence", async () => {
    const starts = deadlineState({ text: "自2020年4月1日起执行", date: "2020-04-01", kind: "effective" }, { today: TODAY, documentStatus: "现行有效" });
    expect(starts.status).toBe("start");
    const yearly = deadlineState({ text: "每年1月底前", date: "2021-01-31", kind: "due" }, { today: TODAY, documentStatus: "现行有效" });
    expect(yearly).toMatchObject({ status: "open", day: "2027-01-31", recurring: true });
    const items = await listDeadlines({ today: TODAY, slug: "recurring-plan", allKinds: true });
    expect(items.find((d) => d.text.includes("每年"))).toMatchObject({ status: "open", day: "2027-01-31" });
    expect(items.find((d) => d.kind === "effective")?.status).not.toBe("overdue");
  });

  test("deadlines of a document no longer in force lapse with it and leave the current ledger", async () => {
    const items = await listDeadlines({ today: TODAY, slug: "expired-plan" });
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((d) => d.status === "lapsed" && !d.overdue)).toBe(true);
    expect((await listTasks({ today: TODAY, doc: "expired-plan" })).rows).toEqual([]);
    const all = await listTasks({ today: TODAY, doc: "expired-plan", all: true });
    // Dated ones lapse; 自2019年1月1日起执行 is a start, no date to meet.
    expect(all.rows.map((t) => t.state?.status ?? null)).toEqual(["lapsed", null, "lapsed"]);
  });

  test("the seed's target 企业综合成本 keeps its verb and names the task that delivers it", async () => {
    const targets = await listTargets("qinghai-2016-industry-supply-side-reform");
    const cost = targets.find((t) => t.subject === "企业综合成本");
    expect(cost).toMatchObject({ verb: "下降", value: 4, unit: "%" });
    expect(cost?.serves.map((s) => s.provision.citation)).toEqual(["第二部分第（四）项"]);
  });
});
