import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { GET as getDocumentRoute } from "../../app/api/documents/[slug]/route";
import { GET as listRoute, POST as postRoute } from "../../app/api/documents/[slug]/corrections/route";
import { DELETE as deleteRoute } from "../../app/api/documents/[slug]/corrections/[id]/route";
import { POST as reapplyRoute } from "../../app/api/documents/[slug]/corrections/[id]/reapply/route";
import { POST as sessionRoute } from "../../app/editor/session/route";
import { loadCorrections } from "../../lib/db/correction-rows";
import { ingestPaths } from "../../lib/ingest/ingest";
import { freshDatabase } from "../helpers/db";
import { ROOT } from "../helpers/cli";

const SLUG = "qinghai-2016-industry-supply-side-reform";
const SEED = path.join(ROOT, "content", `${SLUG}.md`);
const BASE = "http://kb.test";
const EDITORS = "张三:zhang-token-0001, 李四:li:token:0002";
const saved = { editors: process.env.POLICYKB_EDITORS, admin: process.env.ADMIN_TOKEN };

const change = { provision: "p3__s5", fact: "responsibility", action: "change", value: { party: "省政府督查室", role: "lead" }, note: "督查室牵头" };

function request(method: string, url: string, options: { token?: string; body?: unknown; raw?: string; type?: string | null; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.type !== null) headers["content-type"] = options.type ?? "application/json";
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  return new Request(`${BASE}${url}`, { method, headers, body });
}
const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });
const post = (body: unknown, options: Parameters<typeof request>[2] = {}, slug = SLUG) => postRoute(request("POST", `/api/documents/${slug}/corrections`, { body, ...options }), params({ slug }));
const undo = (id: string, options: Parameters<typeof request>[2] = {}) => deleteRoute(request("DELETE", `/api/documents/${SLUG}/corrections/${id}`, options), params({ slug: SLUG, id }));
const stored = async () => (await loadCorrections([SLUG])).length;

beforeAll(async () => {
  await freshDatabase();
  expect((await ingestPaths([SEED], { quiet: true })).failed).toEqual([]);
}, 120_000);

afterAll(() => {
  for (const [name, value] of [["POLICYKB_EDITORS", saved.editors], ["ADMIN_TOKEN", saved.admin]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

afterEach(() => {
  process.env.POLICYKB_EDITORS = EDITORS;
  process.env.ADMIN_TOKEN = "admin-token-0003";
});
process.env.POLICYKB_EDITORS = EDITORS;
process.env.ADMIN_TOKEN = "admin-token-0003";

describe("POST /api/documents/{slug}/corrections", () => {
  test("401 without a token, with a wrong one, or one not in POLICYKB_EDITORS; nothing is stored", async () => {
    for (const token of [undefined, "wrong", "zhang-token-000", "zhang-token-00011", "Zhang-token-0001"]) {
      const response = await post(change, { token });
      expect(response.status).toBe(401);
      const body = await response.json();
      expect(body.error).toMatch(/token/);
      expect(body.error).not.toContain("zhang-token");
    }
    expect(await stored()).toBe(0);
  });

  test("403 when no editor is configured", async () => {
    delete process.env.POLICYKB_EDITORS;
    delete process.env.ADMIN_TOKEN;
    const response = await post(change, { token: "zhang-token-0001" });
    expect(response.status).toBe(403);
    expect(await stored()).toBe(0);
  });

  test("400 with a one-line reason for a bad body", async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ ...change, provision: "p9__s9" }, /unknown provision "p9__s9"/],
      [{ ...change, fact: "party" }, /unknown fact kind "party" \(expected responsibility, deadline, target, role or link\)/],
      [{ ...change, note: undefined }, /note is required/],
      [{ ...change, note: "  " }, /note is required/],
      [{ ...change, provision: undefined }, /provision is required/],
      [{ ...change, action: "rename" }, /unknown action "rename"/],
      [{ ...change, value: { party: "省政府督查室", role: "boss" } }, /^value\.role: /],
      [{ ...change, colour: "red" }, /unknown field "colour"/],
      [{ ...change, value: { role: "lead" } }, /value\.party is required/],
      [{ ...change, fact: "role", action: "add", value: { role: "task" } }, /only be changed/],
      [{ ...change, value: { party: "省教育厅", role: "lead" } }, /no responsibility "省教育厅"/],
      [{ ...change, fact: "deadline", action: "add", value: { text: "2020年底前", date: "2020-02-30", kind: "due" } }, /value\.date: must be a real day/],
      [[1, 2], /JSON object/],
    ];
    for (const [body, reason] of cases) {
      const response = await post(body, { token: "zhang-token-0001" });
      expect(response.status, JSON.stringify(body)).toBe(400);
      const { error } = await response.json();
      expect(error).toMatch(reason);
      expect(error).not.toContain("\n");
    }
    expect((await post(undefined, { token: "zhang-token-0001", raw: "{ not json" })).status).toBe(400);
    expect((await post(undefined, { token: "zhang-token-0001", raw: "" })).status).toBe(400);
    expect(await stored()).toBe(0);
  });

  test("415 for a body that is not JSON, 413 for one over 64 KB, 404 for an unknown document", async () => {
    expect((await post(change, { token: "zhang-token-0001", type: "text/plain" })).status).toBe(415);
    expect((await post({ ...change, note: "x".repeat(70_000) }, { token: "zhang-token-0001" })).status).toBe(413);
    const missing = await post(change, { token: "zhang-token-0001" }, "no-such-document");
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toBe('no document "no-such-document"');
    expect(await stored()).toBe(0);
  });

  test("201 with the stored correction; the document's facts come back corrected and marked", async () => {
    const response = await post(change, { token: "li:token:0002" });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({ id: expect.any(Number), editor: "李四", createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), document: SLUG, provision: "p3__s5", fact: "responsibility", action: "change", note: "督查室牵头", status: "applied" });
    expect(body.original).toMatchObject({ party: "省政府督查室", role: "coordinate" });

    const doc = await (await getDocumentRoute(request("GET", `/api/documents/${SLUG}`, { type: null }), params({ slug: SLUG }))).json();
    expect(doc.responsibilities.find((r: { party: string }) => r.party === "省政府督查室")).toMatchObject({ role: "lead", corrected: true });
    expect(doc.responsibilities.filter((r: { corrected?: boolean }) => r.corrected)).toHaveLength(1);
    expect(doc.schema).toBe("policy-doc/1");

    const list = await listRoute(request("GET", `/api/documents/${SLUG}/corrections`, { type: null }), params({ slug: SLUG }));
    expect(list.status).toBe(200);
    expect((await list.json()).map((c: { id: number; status: string }) => [c.id, c.status])).toEqual([[body.id, "applied"]]);
    expect((await listRoute(request("GET", "/api/documents/nothing/corrections", { type: null }), params({ slug: "nothing" }))).status).toBe(404);

    // ADMIN_TOKEN edits too, as editor "admin".
    const admin = await post({ provision: "p3__s5", fact: "role", action: "change", value: { role: "task" }, note: "督办事项" }, { token: "admin-token-0003" });
    expect(admin.status).toBe(201);
    expect((await admin.json()).editor).toBe("admin");
  });
});

describe("DELETE /api/documents/{slug}/corrections/{id}", () => {
  test("401 without a token, 400 for a bad id, 404 for an unknown one, 200 undone (recorded), 409 the second time", async () => {
    const [first] = await loadCorrections([SLUG]);
    const id = String(first!.id);
    expect((await undo(id)).status).toBe(401);
    expect((await undo("abc", { token: "zhang-token-0001" })).status).toBe(400);
    expect((await undo("99999", { token: "zhang-token-0001" })).status).toBe(404);
    const response = await undo(id, { token: "zhang-token-0001", body: { note: "原解析无误" } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: Number(id), status: "undone", undoneBy: "张三", undoNote: "原解析无误", undoneAt: expect.any(String) });
    const again = await undo(id, { token: "zhang-token-0001" });
    expect(again.status).toBe(409);
    expect((await again.json()).error).toMatch(/already undone/);
    const doc = await (await getDocumentRoute(request("GET", `/api/documents/${SLUG}`, { type: null }), params({ slug: SLUG }))).json();
    expect(doc.responsibilities.find((r: { party: string }) => r.party === "省政府督查室")).toEqual(expect.not.objectContaining({ corrected: true }));
  });

  test("re-applying a correction that applies is refused (400)", async () => {
    const applied = (await loadCorrections([SLUG])).find((c) => !c.undoneAt)!;
    const response = await reapplyRoute(request("POST", `/api/documents/${SLUG}/corrections/${applied.id}/reapply`, { token: "zhang-token-0001", body: { note: "x" } }), params({ slug: SLUG, id: String(applied.id) }));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/nothing to re-apply/);
  });
});

describe("signing in on the site", () => {
  const signIn = (token: string, headers: Record<string, string> = { origin: BASE }) =>
    sessionRoute(new Request(`${BASE}/editor/session`, { method: "POST", body: new URLSearchParams({ token, next: `/documents/${SLUG}` }), headers }));

  test("a right token sets a session cookie (HttpOnly, SameSite=Strict) and goes back; a wrong one does not", async () => {
    const wrong = await signIn("nope");
    expect(wrong.status).toBe(303);
    expect(wrong.headers.get("location")).toMatch(/^\/editor\?error=token/);
    expect(wrong.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    const right = await signIn("zhang-token-0001");
    expect(right.status).toBe(303);
    expect(right.headers.get("location")).toBe(`/documents/${SLUG}`);
    const cookie = right.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^policykb_editor=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=28800$/);
    expect(cookie).not.toContain("zhang-token");
    const session = cookie.split(";")[0]!;

    // The cookie writes from this site's pages only.
    const body = { provision: "p2__s4__x1", fact: "responsibility", action: "add", value: { party: "省财政厅", role: "lead" }, note: "补充牵头单位" };
    const foreign = await post(body, { headers: { cookie: session, origin: "https://evil.example" } });
    expect(foreign.status).toBe(401);
    const own = await post(body, { headers: { cookie: session, origin: BASE, host: "kb.test" } });
    expect(own.status).toBe(201);
    expect((await own.json()).editor).toBe("张三");
    // A changed token ends the session.
    process.env.POLICYKB_EDITORS = "张三:a-new-token-0004";
    expect((await post({ ...body, value: { party: "省教育厅", role: "lead" } }, { headers: { cookie: session, origin: BASE, host: "kb.test" } })).status).toBe(401);
  });

  test("a sign-in form from another site is refused, and `next` never leaves the site", async () => {
    const cross = await signIn("zhang-token-0001", { origin: "https://evil.example" });
    expect(cross.headers.get("location")).toBe("/editor?error=request");
    expect(cross.headers.get("set-cookie")).toBeNull();
    const away = await sessionRoute(new Request(`${BASE}/editor/session`, { method: "POST", body: new URLSearchParams({ token: "zhang-token-0001", next: "//evil.example/x" }), headers: { origin: BASE } }));
    expect(away.headers.get("location")).toBe("/review");
  });
});
