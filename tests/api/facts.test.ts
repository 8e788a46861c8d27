import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, describe, expect, test } from "vitest";
import { GET as deadlinesRoute } from "../../app/api/deadlines/route";
import { GET as linksRoute } from "../../app/api/links/route";
import { GET as openApiRoute } from "../../app/api/openapi.json/route";
import { GET as targetsRoute } from "../../app/api/targets/route";
import { GET as tasksRoute } from "../../app/api/tasks/route";
import { GET as tasksExport } from "../../app/tasks/export/route";
import { ENDPOINTS } from "../../lib/api/endpoints";
import type { ApiPage } from "../../lib/api/http";
import type { DeadlineItem } from "../../lib/db/deadlines";
import type { LinkRow, TargetRow } from "../../lib/db/facts";
import type { TaskRow } from "../../lib/db/tasks";
import { ingestPaths } from "../../lib/ingest/ingest";
import { ROOT, runCli } from "../helpers/cli";
import { databaseUrl, freshDatabase } from "../helpers/db";

let db: string;
beforeAll(async () => {
  db = await freshDatabase();
  const summary = await ingestPaths([path.join(ROOT, "content"), path.join(ROOT, "tests", "fixtures", "ledger")], { quiet: true });
  expect(summary.failed).toEqual([]);
}, 180_000);

type Route = (request: Request) => Promise<Response> | Response;
type Body<T> = ApiPage<T> & { error: string };
async function get<T = unknown>(route: Route, query: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Body<T>; text: string; type: string }> {
  const response = await route(new Request(`http://localhost/api/x${query}`, { headers }));
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  return { status: response.status, body: type.includes("json") ? (JSON.parse(text) as Body<T>) : ({} as Body<T>), text, type };
}
const tasks = (query: string, headers?: Record<string, string>) => get<TaskRow>(tasksRoute, query, headers);
const deadlines = (query: string) => get<DeadlineItem>(deadlinesRoute, query);
const targets = (query: string) => get<TargetRow>(targetsRoute, query);
const links = (query: string) => get<LinkRow>(linksRoute, query);

/** CSV text → rows (RFC 4180), BOM dropped. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const s = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && s[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  return rows;
}

describe("GET /api/tasks", () => {
  test("a page of tasks with their parties and deadline, and a cursor to the next", async () => {
    const first = await tasks("?limit=5");
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(5);
    expect(first.body.total).toBeGreaterThan(100);
    expect(first.body.items[0]).toMatchObject({ document: { slug: expect.any(String), status: expect.any(String) }, provision: { id: expect.any(String), citation: expect.any(String) }, parties: expect.any(Array) });
    const second = await tasks(`?limit=5&cursor=${first.body.nextCursor}`);
    const ids = (page: { body: Body<TaskRow> }) => page.body.items.map((t) => `${t.document.slug}#${t.provision.id}`);
    expect(ids(second).some((id) => ids(first).includes(id))).toBe(false);
    const all = await tasks("?limit=1000");
    expect(all.body.items).toHaveLength(all.body.total);
    expect(all.body.nextCursor).toBeNull();
  });

  test("party in any name form, and role", async () => {
    const short = await tasks("?party=工信部&limit=1000");
    const full = await tasks("?party=工业和信息化部&limit=1000");
    expect(short.body.total).toBeGreaterThan(0);
    expect(short.body.total).toBe(full.body.total);
    expect(short.body.items.every((t) => t.parties.some((p) => p.name === "工业和信息化部"))).toBe(true);
    const leads = await tasks("?party=工信部&role=lead&limit=1000");
    expect(leads.body.total).toBeGreaterThan(0);
    expect(leads.body.total).toBeLessThan(short.body.total);
    expect(leads.body.items.every((t) => t.parties.some((p) => p.name === "工业和信息化部" && p.role === "lead"))).toBe(true);
    const asWritten = await tasks("?party=省发展改革委");
    expect(asWritten.body.items.map((t) => t.provision.citation)).toEqual(["第一部分"]);
  });

  test("document, issuer, kind, dates, overdue, deadline status, year and validity", async () => {
    const notice = await tasks("?document=three-item-notice");
    expect(notice.body.total).toBe(3);
    expect(notice.body.items.every((t) => t.deadline?.date === "2025-06-30" && t.deadline.inherited?.provision?.id === "closing")).toBe(true);
    expect((await tasks("?issuer=XX省人民政府办公厅")).body.total).toBe(3);
    const kinds = (await tasks("?kind=实施方案&status=all&limit=1000")).body.items;
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.every((t) => t.document.kind === "实施方案")).toBe(true);
    const window = (await tasks("?dueAfter=2025-06-01&dueBefore=2025-06-30&limit=1000")).body.items;
    expect(window.length).toBeGreaterThanOrEqual(3);
    const dayOf = (t: TaskRow) => t.state?.day ?? t.deadline?.date ?? "";
    expect(window.every((t) => dayOf(t) >= "2025-06-01" && dayOf(t) <= "2025-06-30")).toBe(true);
    const overdue = (await tasks("?overdue=true&limit=1000")).body.items;
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((t) => t.state?.status === "overdue")).toBe(true);
    expect((await tasks("?deadlineStatus=overdue&limit=1000")).body.total).toBe(overdue.length);
    expect((await tasks("?year=2025&limit=1000")).body.items.every((t) => t.state?.day?.startsWith("2025"))).toBe(true);
    // 现行文件 by default; the expired plan only with status=已失效 or all.
    expect((await tasks("?document=expired-plan")).body.total).toBe(0);
    expect((await tasks("?document=expired-plan&status=已失效")).body.total).toBe(3);
    expect((await tasks("?document=expired-plan&status=all")).body.total).toBe(3);
    // As of a day the plan was in force: its tasks count again, their deadlines judged on that day.
    const then = (await tasks("?document=expired-plan&asOf=2019-03-01")).body.items;
    expect(then).toHaveLength(3);
    expect(then.every((t) => t.document.status === "现行有效" && t.state?.status !== "overdue")).toBe(true);
    expect((await tasks("?asOf=2019-02-30")).status).toBe(400);
  });

  test("format=csv and Accept: text/csv give the ledger export's rows", async () => {
    const exported = await tasksExport(new Request("http://localhost/tasks/export?party=工信部&format=csv"));
    const ledger = csvRows(await exported.text());
    const csv = await tasks("?party=工信部&format=csv");
    expect(csv.type).toContain("text/csv");
    const rows = csvRows(csv.text);
    expect(rows[0]![0]).toMatch(/^筛选条件：party=工信部/);
    expect(rows.slice(1)).toEqual(ledger.slice(1));
    expect(rows.length).toBeGreaterThan(2);
    const accepted = await tasks("?party=工信部", { accept: "text/csv" });
    expect(csvRows(accepted.text).slice(1)).toEqual(ledger.slice(1));
  });

  test.each([
    ["?bogus=1", /^unknown parameter "bogus" \(allowed: party, role/],
    ["?role=boss", /^role must be one of lead, support, responsible, coordinate, supervise/],
    ["?dueBefore=2019-13-01", /^dueBefore must be a date YYYY-MM-DD/],
    ["?dueAfter=yesterday", /^dueAfter must be a date/],
    ["?overdue=yes", /^overdue must be true or false/],
    ["?year=19", /^year must be an integer from 1949 to 2100/],
    ["?limit=0", /^limit must be an integer from 1 to 1000/],
    ["?limit=5000", /^limit must be an integer/],
    ["?cursor=nonsense", /^cursor is not one this API gave/],
    ["?party=a&party=b", /^party may be given once/],
    ["?party=", /^party must not be empty/],
    ["?status=废止", /^status must be one of/],
    ["?deadlineStatus=late", /^deadlineStatus must be one of/],
    ["?format=xml", /^format must be one of json, csv/],
  ])("400 for %s", async (query, reason) => {
    const r = await tasks(query);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(reason);
    expect(r.body.error).not.toContain("\n");
  });
});

describe("GET /api/deadlines, /api/targets, /api/links", () => {
  test("deadlines: work deadlines by default, effective dates when asked, with their status and parties", async () => {
    const all = (await deadlines("?limit=1000")).body.items;
    expect(all.every((d) => ["due", "milestone", "period"].includes(d.kind))).toBe(true);
    expect(all.some((d) => d.parties.length > 0)).toBe(true);
    const effective = (await deadlines("?deadlineKind=effective&limit=1000")).body.items;
    expect(effective.length).toBeGreaterThan(0);
    expect(effective.every((d) => d.kind === "effective" && d.status !== "overdue")).toBe(true);
    const overdue = (await deadlines("?overdue=true&limit=1000")).body.items;
    expect(overdue.every((d) => d.status === "overdue")).toBe(true);
    const lapsed = (await deadlines("?status=已失效&limit=1000")).body.items;
    expect(lapsed.length).toBeGreaterThan(0);
    expect(lapsed.every((d) => d.status === "lapsed")).toBe(true);
    const byParty = (await deadlines("?party=省发展改革委&limit=1000")).body.items;
    expect(byParty.every((d) => d.parties.some((p) => p.name === "省发展和改革委员会"))).toBe(true);
    const june = (await deadlines("?document=expired-plan&asOf=2019-03-01&limit=1000")).body.items.find((d) => d.date === "2019-06-30");
    expect(june?.status).toBe("open");
    expect((await deadlines("?deadlineKind=soon")).status).toBe(400);
    expect((await deadlines("?role=lead")).status).toBe(400);
  });

  test("targets: the verb and the tasks that deliver them", async () => {
    const cost = (await targets("?subject=企业综合成本&status=all")).body.items;
    expect(cost).toHaveLength(1);
    expect(cost[0]).toMatchObject({ verb: "下降", value: 4, unit: "%", comparator: "≥", serves: [{ provision: { id: "p2__s4", citation: "第二部分第（四）项" } }] });
    const served = (await targets("?served=true&status=all&limit=1000")).body.items;
    const unserved = (await targets("?served=false&status=all&limit=1000")).body.items;
    expect(served.length).toBeGreaterThan(0);
    expect(unserved.every((t) => t.serves.length === 0)).toBe(true);
    expect((await targets("?unit=%25&status=all&limit=1000")).body.items.every((t) => t.unit === "%")).toBe(true);
    expect((await targets("?served=maybe")).status).toBe(400);
  });

  test("links: kind, method, strength and provision", async () => {
    const seed = "?document=qinghai-2016-industry-supply-side-reform&status=all&limit=1000";
    const all = (await links(seed)).body.items;
    expect(all.length).toBeGreaterThan(5);
    const explicit = (await links(`${seed}&method=explicit`)).body.items;
    expect(explicit.length).toBeGreaterThan(0);
    expect(explicit.every((l) => l.method === "explicit" && l.strength === 1)).toBe(true);
    expect((await links(`${seed}&minStrength=0.6`)).body.items.every((l) => l.strength >= 0.6)).toBe(true);
    const goalTask = (await links(`${seed}&linkKind=goal-task`)).body.items;
    expect(goalTask.every((l) => l.kind === "goal-task")).toBe(true);
    const ofCost = (await links(`${seed}&provision=p2__s4`)).body.items;
    expect(ofCost.some((l) => l.from.id === "p1__s3" && l.to.id === "p2__s4" && l.why.includes("企业综合成本"))).toBe(true);
    expect((await links("?minStrength=2")).status).toBe(400);
  });
});

describe("OpenAPI", () => {
  test("/api/openapi.json is a valid OpenAPI 3.1 description naming every parameter", async () => {
    const { body } = await get(openApiRoute as Route, "");
    const spec = body as unknown as { openapi: string; paths: Record<string, { get: { parameters: Array<{ name: string }> } }> };
    expect(spec.openapi).toBe("3.1.0");
    const result = await new Validator().validate(spec);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    for (const endpoint of Object.values(ENDPOINTS)) {
      const declared = spec.paths[`/api/${endpoint.name}`]!.get.parameters.map((p) => p.name);
      expect(declared).toEqual(endpoint.params.map((p) => p.name));
    }
  });
});

describe("policykb tasks|deadlines|targets|links", () => {
  test("the same rows as the API: --csv the ledger's CSV, --json the items", async () => {
    const env = { DATABASE_URL: databaseUrl(db) };
    const csv = runCli(["tasks", "--party", "工信部", "--csv"], env);
    expect(csv.status).toBe(0);
    const api = await tasks("?party=工信部&format=csv");
    expect(csvRows(csv.stdout).slice(1)).toEqual(csvRows(api.text).slice(1));
    const json = runCli(["targets", "--subject", "企业综合成本", "--status", "all", "--json"], env);
    expect(JSON.parse(json.stdout).items[0]).toMatchObject({ verb: "下降", value: 4 });
    const text = runCli(["deadlines", "--document", "three-item-notice"], env);
    // The notice sets one date, in its closing lines, for all three items.
    expect(text.stdout).toMatch(/^1 deadlines\n/);
    expect(text.stdout).toContain("日期：2025-06-30");
  });

  test("a bad filter exits 2 with one line naming it", () => {
    const r = runCli(["tasks", "--dueBefore", "2019-02-30"]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('policykb: --dueBefore must be a date YYYY-MM-DD (got "2019-02-30")');
    expect(runCli(["links", "--party", "x"]).status).toBe(2);
  });
});
