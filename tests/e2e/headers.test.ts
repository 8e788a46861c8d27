/**
 * HTTP safety of the running site: security headers on pages and API routes,
 * a Content-Security-Policy whose scripts need the per-request nonce (and
 * pages that still hydrate under it, without a CSP violation), write routes
 * that need ADMIN_TOKEN (401), limit size (413) and check content (415) with
 * JSON errors, writes disabled without a token, and query parameters
 * refused with 400.
 */
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "./browser";
import { freePort, waitFor } from "./server";
import { nextStartArgs } from "../../scripts/server-command.mjs";
import { runCli, ROOT } from "../helpers/cli";
import { docx } from "../helpers/docx";
import { badInputs } from "../fixtures/bad/generate";

const TOKEN = "e2e-admin-token";
const SEED = "/documents/qinghai-2016-industry-supply-side-reform";
const PAGES = ["/", "/search?q=%E9%99%8D%E6%88%90%E6%9C%AC", SEED, `${SEED}/facts`, `${SEED}/links`, "/parties", `/parties/${encodeURIComponent("人力资源社会保障部")}`, "/tasks", "/deadlines", "/admin"];
const APIS = ["/api/health", "/api/documents", "/api/documents/qinghai-2016-industry-supply-side-reform", "/api/parties", "/api/search?q=%E6%88%90%E6%9C%AC"];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const url = (p: string) => `${inject("baseURL")}${p}`;

/** The directives of a Content-Security-Policy header. */
function directives(policy: string | null): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of (policy ?? "").split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), values);
  }
  return out;
}

function expectCommonHeaders(r: Response, where: string) {
  expect(r.headers.get("x-content-type-options"), where).toBe("nosniff");
  expect(r.headers.get("referrer-policy"), where).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
  const frameAncestors = directives(r.headers.get("content-security-policy")).get("frame-ancestors");
  expect(r.headers.get("x-frame-options") === "DENY" || frameAncestors?.join(" ") === "'none'", where).toBe(true);
  expect(r.headers.get("x-powered-by"), where).toBeNull();
}

/** Collects CSP violations (event and console) and uncaught errors of a page. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !m.location().url.endsWith("/favicon.ico")) problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => ((window as unknown as { __csp?: string[] }).__csp ?? []).slice());
}

async function newWatchedPage(): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  return { page, problems: watch(page), close: () => context.close() };
}

describe("security headers", () => {
  test("pages: nosniff, Referrer-Policy, no framing, and a CSP whose scripts need this request's nonce", async () => {
    const nonces = new Set<string>();
    for (const p of PAGES) {
      const r = await fetch(url(p));
      expect(r.status, p).toBe(200);
      expectCommonHeaders(r, p);
      const csp = directives(r.headers.get("content-security-policy"));
      const scriptSrc = csp.get("script-src") ?? csp.get("default-src") ?? [];
      expect(scriptSrc, p).not.toContain("'unsafe-inline'");
      expect(scriptSrc, p).not.toContain("'unsafe-eval'");
      expect(scriptSrc.join(" "), p).not.toMatch(/(^|\s)(\*|https?:|data:)(\s|$)/);
      const nonce = scriptSrc.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
      expect(nonce, p).toBeTruthy();
      nonces.add(nonce ?? "");
      expect(csp.get("object-src"), p).toEqual(["'none'"]);
      expect(csp.get("base-uri"), p).toEqual(["'self'"]);
      expect(csp.get("frame-ancestors"), p).toEqual(["'none'"]);
      // Every script tag in the page carries this response's nonce.
      const html = await r.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length, p).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, p).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(PAGES.length);
  });

  test("API routes: JSON with nosniff and a CSP that allows nothing", async () => {
    for (const p of APIS) {
      const r = await fetch(url(p));
      expect(r.status, p).toBe(200);
      expect(r.headers.get("content-type"), p).toMatch(/^application\/json/);
      expectCommonHeaders(r, p);
      expect(directives(r.headers.get("content-security-policy")).get("default-src"), p).toEqual(["'none'"]);
    }
  });

  test("pages hydrate under the CSP: the search box navigates client-side and copy-citation copies, with no CSP violation", async () => {
    const origin = inject("baseURL");
    const { page, problems, close } = await newWatchedPage();
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin });
    await page.goto(url("/"));
    // "/" focuses the search box only when its client component has hydrated; a press that
    // comes before that is lost, so it is pressed again until the box has the focus.
    await expect
      .poll(async () => {
        await page.locator("body").press("/");
        return page.evaluate(() => document.activeElement?.id);
      })
      .toBe("q");
    await page.evaluate(() => ((window as unknown as { __stay: number }).__stay = 1));
    await page.locator("#q").fill("降低融资成本");
    await page.locator("#q").press("Enter");
    await page.waitForURL(/\/search\?q=/);
    await page.locator(".hit").first().waitFor();
    // A client-side navigation keeps the window (a full reload would not).
    expect(await page.evaluate(() => (window as unknown as { __stay?: number }).__stay)).toBe(1);

    await page.goto(url(SEED));
    const provision = page.locator("#p2__s4__x3");
    await provision.locator(".cite > summary").click();
    await provision.locator("button[data-copy=permalink]").click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${origin}${SEED}#p2__s4__x3`);
    expect(await provision.locator(".cite-status").innerText()).toContain("已复制");

    for (const p of PAGES) {
      await page.goto(url(p), { waitUntil: "networkidle" });
      expect(await cspViolations(page), p).toEqual([]);
    }
    expect(problems).toEqual([]);
    await close();
  });

  test("a 404 page (unknown path, unknown document) carries this request's nonce and hydrates without CSP violations", async () => {
    for (const p of ["/no-such-page", "/documents/no-such-document"]) {
      const r = await fetch(url(p));
      expect(r.status, p).toBe(404);
      const nonce = directives(r.headers.get("content-security-policy")).get("script-src")?.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
      expect(nonce, p).toBeTruthy();
      const html = await r.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length, p).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, p).toContain(`nonce="${nonce}"`);
      expect(html, p).toContain("未找到页面");
    }

    const { page, problems, close } = await newWatchedPage();
    const response = await page.goto(url("/no-such-page"), { waitUntil: "networkidle" });
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").innerText()).toBe("未找到页面");
    expect(await cspViolations(page)).toEqual([]);
    // Hydrated: a nav link navigates client-side (the window survives, a full load would not).
    await page.evaluate(() => ((window as unknown as { __stay: number }).__stay = 1));
    await page.locator(".not-found-links").getByRole("link", { name: "责任单位" }).click();
    await page.waitForURL(/\/parties$/);
    await page.locator("h1").filter({ hasText: "责任单位" }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __stay?: number }).__stay)).toBe(1);
    expect(await cspViolations(page)).toEqual([]);
    expect(problems.filter((m) => !m.includes("404"))).toEqual([]);
    await close();
  });
  test("a 404 page still answers 404 with the security headers", async () => {
    const r = await fetch(url("/no-such-page"));
    expect(r.status).toBe(404);
    expectCommonHeaders(r, "/no-such-page");
  });
});

/** POST /api/documents with a multipart file. */
function post(file: { name: string; content: string | Uint8Array<ArrayBuffer> }, options: { token?: string; formToken?: string; preview?: boolean; base?: string } = {}) {
  const form = new FormData();
  form.append("file", new Blob([file.content]), file.name);
  if (options.formToken) form.append("token", options.formToken);
  return fetch(`${options.base ?? inject("baseURL")}/api/documents${options.preview === false ? "" : "?preview=1"}`, {
    method: "POST",
    body: form,
    headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
  });
}

/** Expects a refusal: the status and a JSON body `{ error }` of one line. */
async function expectRefusal(r: Response, status: number, match?: RegExp) {
  expect(r.status).toBe(status);
  expect(r.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await r.json()) as { error?: unknown };
  expect(typeof body.error).toBe("string");
  expect(String(body.error)).not.toContain("\n");
  if (match) expect(String(body.error)).toMatch(match);
}

/** A multipart body streamed without Content-Length; counts the megabytes the server pulled. */
function streamedUpload(megabytes: number) {
  const boundary = `----policykb${Date.now()}`;
  const enc = new TextEncoder();
  const chunk = new Uint8Array(1 << 20).fill(0x41);
  const state = { pulled: 0 };
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(enc.encode(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\nContent-Type: text/plain\r\n\r\n`));
      }
      if (state.pulled < megabytes) {
        state.pulled++;
        controller.enqueue(chunk);
      } else {
        controller.enqueue(enc.encode(`\r\n--${boundary}--\r\n`));
        controller.close();
      }
    },
  });
  return { body, boundary, state };
}

/** MB the kernel may buffer on one TCP connection (largest receive plus send buffer; 8 + 8 where /proc does not say). */
function socketBufferMB(): number {
  const largest = (name: string) => {
    try {
      return Number(readFileSync(`/proc/sys/net/ipv4/${name}`, "utf8").trim().split(/\s+/)[2]) / (1 << 20) || 8;
    } catch {
      return 8;
    }
  };
  return Math.ceil(largest("tcp_rmem") + largest("tcp_wmem"));
}

/** A POST that declares `length` bytes of body but sends only a few: the status and body of the answer. */
function declaredUpload(length: number, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}`, "content-type": "multipart/form-data; boundary=x" }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url("/api/documents"), { method: "POST", headers: { ...headers, "content-length": String(length) } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (d: string) => (body += d));
      response.on("end", () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body });
      });
    });
    request.on("error", reject);
    request.write("--x\r\n");
  });
}

describe("write routes", () => {
  const doc = { name: "安全测试.txt", content: "关于安全测试的通知\n\n一、总体要求\n（一）做好工作。" };

  test("POST /api/documents without a token, with a wrong one or a longer one: 401 with a JSON error", async () => {
    await expectRefusal(await post(doc), 401, /token/);
    await expectRefusal(await post(doc, { token: "wrong" }), 401, /token/);
    await expectRefusal(await post(doc, { token: `${TOKEN}x` }), 401);
    await expectRefusal(await post(doc, { token: TOKEN.slice(0, -1) }), 401);
    await expectRefusal(await post(doc, { formToken: "wrong" }), 401);
    await expectRefusal(await post(doc, { token: "wrong", formToken: TOKEN }), 401);
    await expectRefusal(await fetch(url("/api/documents"), { method: "POST", headers: { authorization: "Bearer " }, body: new FormData() }), 401);
  });

  test("the token is checked first (401), then the content type (415), then the size (413)", async () => {
    const documents = url("/api/documents");
    // Unauthenticated and not multipart: 401, not 400 or 415.
    await expectRefusal(await fetch(documents, { method: "POST", body: "一、总体要求", headers: { "content-type": "text/plain" } }), 401, /token/);
    await expectRefusal(await fetch(documents, { method: "POST", body: '{"file":"x"}', headers: { "content-type": "application/json", authorization: "Bearer wrong" } }), 401, /token/);
    await expectRefusal(await fetch(documents, { method: "POST" }), 401, /token/);
    // Unauthenticated and declared over the limit: 401, not 413.
    const unauthorised = await declaredUpload(50 * 1024 * 1024, { "content-type": "multipart/form-data; boundary=x" });
    expect(unauthorised.status).toBe(401);
    expect(JSON.parse(unauthorised.body).error).toMatch(/token/);
    // With the token, not multipart: 415, also when declared over the limit.
    await expectRefusal(await fetch(documents, { method: "POST", body: '{"file":"x"}', headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` } }), 415, /multipart/);
    const wrongType = await declaredUpload(50 * 1024 * 1024, { authorization: `Bearer ${TOKEN}`, "content-type": "text/plain" });
    expect(wrongType.status).toBe(415);
    // A token sent only as a form field is not read (the body is not read before the header is checked).
    await expectRefusal(await post(doc, { formToken: TOKEN }), 401, /Authorization: Bearer/);
  });

  test("with the token: over 10 MB is 413 (declared or not), non-documents are 415, zip bombs 413, all as JSON", async () => {
    await expectRefusal(await post({ name: "big.txt", content: new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41) }, { token: TOKEN }), 413, /10 MB/);
    // Declared over the limit: refused from Content-Length, before the body is sent.
    const declared = await declaredUpload(50 * 1024 * 1024);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error).toMatch(/10 MB/);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4]);
    await expectRefusal(await post({ name: "notice.txt", content: png }, { token: TOKEN }), 415, /PNG/);
    await expectRefusal(await post({ name: "notice.docx", content: new TextEncoder().encode("%PDF-1.7\n%%EOF\n") as Uint8Array<ArrayBuffer> }, { token: TOKEN }), 415, /PDF/);
    await expectRefusal(await post({ name: "picture.png", content: "一、总体要求" }, { token: TOKEN }), 415, /unsupported file type/);
    await expectRefusal(await post({ name: "binary.txt", content: new Uint8Array(4096).map((_, i) => (i * 7919) % 256) }, { token: TOKEN }), 415, /binary/);
    await expectRefusal(await post({ name: "archive.docx", content: docx(["一、总体要求"]).slice(0, 200) }, { token: TOKEN }), 400, /damaged or truncated/);
    const bomb = badInputs().get("zip-bomb-streamed.docx")?.() ?? new Uint8Array();
    await expectRefusal(await post({ name: "bomb.docx", content: bomb.slice() }, { token: TOKEN }), 413, /zip bomb/);
    await expectRefusal(await post({ name: "empty.txt", content: "" }, { token: TOKEN }), 400, /empty/);
    await expectRefusal(await post({ name: "fm.md", content: "---\ntitle: [1, 2]\n---\n一、总体要求\n" }, { token: TOKEN }), 400, /front matter/);
  });

  test("a streamed upload without Content-Length over 10 MB: 413 (with the token) or 401 (without), and the server keeps answering", async () => {
    for (const [headers, status] of [[{ authorization: `Bearer ${TOKEN}` }, 413], [{}, 401]] as const) {
      const { body, boundary } = streamedUpload(24);
      const r = await fetch(url("/api/documents?preview=1"), { method: "POST", body, duplex: "half", headers: { ...headers, "content-type": `multipart/form-data; boundary=${boundary}` } } as RequestInit);
      await expectRefusal(r, status);
    }
    expect((await fetch(url("/api/health"))).status).toBe(200);
  });
  test("a streamed upload without Content-Length is not read past the limit (with the token) or at all (without): 200 MB sent, the server stops pulling", async () => {
    // The client can only push what the server reads, plus what the sockets buffer: up to the kernel's largest TCP
    // receive and send buffers (32 MB and 4 MB on some Linux machines), and a few MB in the client.
    const buffered = socketBufferMB() + 4;
    for (const [headers, status, most] of [[{ authorization: `Bearer ${TOKEN}` }, 413, 10 + buffered], [{}, 401, buffered]] as const) {
      const { body, boundary, state } = streamedUpload(200);
      const r = await fetch(url("/api/documents?preview=1"), { method: "POST", body, duplex: "half", headers: { ...headers, "content-type": `multipart/form-data; boundary=${boundary}` } } as RequestInit);
      await expectRefusal(r, status);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(state.pulled, `${status}: MB pulled`).toBeLessThan(most);
    }
    expect((await fetch(url("/api/health"))).status).toBe(200);
  });

  test("GET /admin shows the upload form with a token configured; other methods on the API are refused", async () => {
    const admin = await fetch(url("/admin"));
    expect(admin.status).toBe(200);
    expect(await admin.text()).toContain('type="file"');
    for (const method of ["PUT", "DELETE", "PATCH"]) expect((await fetch(url("/api/documents"), { method })).status, method).toBe(405);
    expect((await fetch(url("/api/search?q=x"), { method: "POST" })).status).toBe(405);
  });
});

describe("without ADMIN_TOKEN", () => {
  let server: ChildProcess | null = null;
  let dir = "";
  let base = "";
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "policykb-notoken-"));
    const env = { ...process.env, DATABASE_URL: `file:${path.join(dir, "site.db")}`, POLICYKB_DATA: path.join(dir, "data"), NEXT_TELEMETRY_DISABLED: "1", POLICYKB_HOME: ROOT, ADMIN_TOKEN: "" };
    const prep = runCli(["ingest", "--quiet", path.join(ROOT, "content", "qinghai-2016-industry-supply-side-reform.md")], env);
    expect(prep.status, prep.stderr).toBe(0);
    const port = await freePort();
    server = spawn(process.execPath, nextStartArgs(ROOT, port, "127.0.0.1"), { cwd: ROOT, env, stdio: "ignore" });
    base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/health`, 60_000);
  }, 120_000);
  afterAll(() => {
    server?.kill("SIGTERM");
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("writes are disabled: any token is refused with a JSON error, and /admin says so", async () => {
    const doc = { name: "x.txt", content: "一、总体要求\n（一）做好工作。" };
    for (const options of [{}, { token: TOKEN }, { token: "" }, { formToken: TOKEN }]) {
      const r = await post(doc, { ...options, base, preview: false });
      expect([401, 403], JSON.stringify(options)).toContain(r.status);
      expect(((await r.json()) as { error: string }).error).toMatch(/disabled|ADMIN_TOKEN|token/);
    }
    const before = await (await fetch(`${base}/api/documents`)).json();
    expect(before).toHaveLength(1);
    const admin = await (await fetch(`${base}/admin`)).text();
    expect(admin).toContain("ADMIN_TOKEN");
    expect(admin).not.toContain('type="file"');
  });
});

describe("query parameters", () => {
  test("GET /api/search refuses bad values with 400 and a JSON error", async () => {
    const bad = [
      "limit=0",
      "limit=-1",
      "limit=101",
      "limit=abc",
      "limit=1.5",
      "offset=-1",
      "offset=99999999",
      "page=0",
      "page=x",
      "year=12",
      "year=abc",
      "role=nonexistent",
      "q=",
      "q=%20%20",
      `q=${"长".repeat(401)}`,
      `doc=${"x".repeat(201)}`,
      ...Array.from({ length: 1 }, () => Array.from({ length: 21 }, (_, i) => `kind=k${i}`).join("&")),
    ];
    for (const query of bad) {
      const r = await fetch(url(`/api/search?${query.startsWith("q=") ? query : `q=%E6%88%90%E6%9C%AC&${query}`}`));
      expect(r.status, query).toBe(400);
      expect(r.headers.get("content-type"), query).toMatch(/^application\/json/);
      const body = (await r.json()) as { error: string };
      expect(body.error, query).toMatch(/^bad (parameter|role)|^query is (empty|too long)/);
    }
  });

  test("odd but harmless values answer 200 with JSON", async () => {
    for (const query of ["q=%00", "q=%E2%80%AE", "q=%3Cscript%3E", "q=%F0%9F%93%84", "q=a&q=b", "q=x&limit=100", "q=x&doc=..%2F..%2Fetc%2Fpasswd", "q=x&party=%3Cimg%3E"]) {
      const r = await fetch(url(`/api/search?${query}`));
      expect(r.status, query).toBe(200);
      expect(r.headers.get("content-type"), query).toMatch(/^application\/json/);
    }
  });

  test("malformed percent-encoding in a path: pages answer the site's 404 page, API routes 400 with a JSON error", async () => {
    for (const p of ["/documents/%E0%A4%A", "/documents/%E0%A4%A/facts", "/documents/%E0%A4%A/links", "/parties/%FF", "/parties/%FF/export?format=csv", "/documents/%"]) {
      const r = await fetch(url(p));
      expect(r.status, p).toBe(404);
      expect(r.headers.get("content-type"), p).toMatch(/^text\/html/);
      expectCommonHeaders(r, p);
      expect(await r.text(), p).toContain("未找到页面");
    }
    for (const p of ["/api/documents/%E0%A4%A", "/api/documents/%FF", "/api/documents/a%2"]) {
      const r = await fetch(url(p));
      expect(r.headers.get("content-security-policy"), p).toMatch(/default-src 'none'/);
      await expectRefusal(r, 400, /percent-encoding/);
    }
    // Well-formed encodings of odd text are names like any other: 404 when nothing has that name, never 500.
    await expectRefusal(await fetch(url("/api/documents/%25FF")), 404, /no document "%FF"/);
    await expectRefusal(await fetch(url("/parties/%25FF/export?format=csv")), 404, /no party "%FF"/);
    expect((await fetch(url("/parties/%25FF"))).status).toBe(404);
  });

  test("a slug with a literal percent sequence is found by the API and the page (its segment is decoded once, not twice)", async () => {
    const slug = "百分号-%41-测试";
    const stored = await post({ name: "percent.md", content: `---\ntitle: 百分号测试\nslug: "${slug}"\n---\n\n一、总体要求\n\n（一）做好工作。\n` }, { token: TOKEN, preview: false });
    expect(stored.status).toBeLessThan(300);
    expect(((await stored.json()) as { slug: string }).slug).toBe(slug);
    const api = await fetch(url(`/api/documents/${encodeURIComponent(slug)}`));
    expect(api.status).toBe(200);
    expect(((await api.json()) as { slug: string }).slug).toBe(slug);
    expect((await fetch(url(`/documents/${encodeURIComponent(slug)}`))).status).toBe(200);
  });
  test("odd slugs and encodings elsewhere do not crash pages or APIs", async () => {
    for (const p of ["/documents/..%2F..%2Fetc%2Fpasswd", "/api/documents/..%2Fx", "/documents/%2E%2E", "/api/documents/%00", `/documents/${"x".repeat(5000)}`, "/search?q=%E0%A4%A", "/api/search?q=%E0%A4%A", "/xyz/%E0%A4%A",
      // NUL and control characters (PostgreSQL refuses a NUL in any text it compares).
      "/documents/%00", "/parties/%01x", "/api/search?q=%00", "/api/search?q=%E4%BC%81%E4%B8%9A&party=%00&kind=%00&issuer=%00", "/api/documents?kind=%00&q=%00",
      "/search?q=%00&party=%00", "/tasks?party=%00&role=%00", "/deadlines?party=%00", "/parties?q=%00", "/?q=%00"]) {
      const r = await fetch(url(p));
      expect(r.status, p).toBeLessThan(500);
    }
    expect((await fetch(url("/api/health"))).status).toBe(200);
  });
});
