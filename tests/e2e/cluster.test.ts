import { describe, expect, inject, test } from "vitest";
import { launchBrowser } from "./browser";

/**
 * Two app servers on one PostgreSQL (run with POLICYKB_TEST_PG): a document
 * ingested through one is found through the other's search and reader page.
 * With POLICYKB_SEARCH=postgres both search inside PostgreSQL: found at once,
 * no index files, no refresh to wait for.
 */
const inPostgres = process.env.POLICYKB_SEARCH === "postgres";
const second = inject("baseURL2");

describe.skipIf(!second)("several app servers on one PostgreSQL", () => {
  test("an upload on server A is searchable and readable on server B within a second", async () => {
    const first = inject("baseURL");
    const text = "关于示范集群部署的意见\n一、重点任务\n（一）建设星河算力平台。2027年底前建成星河算力平台。\n";
    const form = new FormData();
    form.set("file", new Blob([text], { type: "text/plain" }), "cluster-demo.txt");
    const upload = await fetch(`${first}/api/documents`, { method: "POST", headers: { authorization: "Bearer e2e-admin-token" }, body: form });
    expect(upload.status).toBeLessThan(300);
    // Within a second of the ingest finishing, server B answers from the same documents (searching in PostgreSQL: at once).
    if (!inPostgres) await new Promise((r) => setTimeout(r, 1100));
    const found = await (await fetch(`${second}/api/search?q=${encodeURIComponent("星河算力")}`)).json();
    expect(found.hits[0]).toMatchObject({ document: "cluster-demo", provision: "p1__s1" });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(`${second}/documents/cluster-demo#p1__s1`);
      expect(await page.locator("#p1__s1").innerText()).toContain("建设星河算力平台");
    } finally {
      await browser.close();
    }
  });
});
