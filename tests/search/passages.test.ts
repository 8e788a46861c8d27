import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { ingestPaths } from "../../lib/ingest/ingest";
import { documentStored } from "../../lib/ingest/hooks";
import { parseDocument } from "../../lib/parser";
import { search, resetSearch } from "../../lib/search";
import { freshDatabase } from "../helpers/db";
import { ROOT } from "../helpers/cli";

/**
 * Every sentence of a document is findable (issue 20): the preamble and the
 * closing lines are what clerks cite to prove validity. For each document of
 * content/, a sentence is drawn from its 前言 and one from its 结尾 passage —
 * generated here, not typed by hand — and searched for: the passage must be
 * among the first three hits, cited by its place.
 */
interface Probe {
  document: string;
  provision: string;
  citation: string;
  query: string;
}

/** The longest sentence of a passage, cut to at most 24 characters of its middle (a clerk pastes a phrase, not a page). */
function sentenceOf(text: string): string | null {
  const sentences = text
    .split(/[。；;！？\n]/)
    .map((s) => s.replace(/^[\s\u3000]+|[\s\u3000]+$/g, "").replace(/[“”"《》（）()]/g, ""))
    .filter((s) => s.length >= 8);
  const longest = sentences.sort((a, b) => b.length - a.length)[0];
  if (!longest) return null;
  // A phrase starts and ends between words: never inside a number (2011年, not 11年).
  let from = Math.max(0, Math.floor((longest.length - 24) / 2));
  while (from > 0 && /[0-9A-Za-z]/.test(longest[from - 1]!) && /[0-9A-Za-z]/.test(longest[from]!)) from--;
  let to = Math.min(longest.length, from + 24);
  while (to < longest.length && /[0-9A-Za-z]/.test(longest[to - 1]!) && /[0-9A-Za-z]/.test(longest[to]!)) to++;
  return longest.slice(from, to).replace(/[，,、：:]+$/, "").replace(/^[，,、：:]+/, "");
}

const content = path.join(ROOT, "content");
const probes: Probe[] = [];
for (const file of readdirSync(content).filter((f) => f.endsWith(".md")).sort()) {
  const { doc } = await parseDocument(new Uint8Array(readFileSync(path.join(content, file))), file);
  for (const passage of doc.provisions.filter((p) => p.id === "preamble" || p.id === "closing")) {
    const query = sentenceOf(passage.text);
    if (query) probes.push({ document: file.replace(/\.md$/, ""), provision: passage.id, citation: passage.citation, query });
  }
}

beforeAll(async () => {
  await freshDatabase();
  resetSearch();
  const summary = await ingestPaths([content], { quiet: true });
  await documentStored(...summary.outcomes);
});

describe("preambles and closing lines are findable", () => {
  test("most documents have both passages", () => {
    expect(probes.filter((p) => p.provision === "preamble").length).toBeGreaterThanOrEqual(15);
    expect(probes.filter((p) => p.provision === "closing").length).toBeGreaterThanOrEqual(2);
  });
  test.each(probes.map((p) => [p.document, p.provision, p.query, p]))("%s %s: %s", async (_doc, _id, _q, probe) => {
    const { hits } = await search({ q: probe.query, limit: 3 });
    const hit = hits.find((h) => h.document === probe.document && h.provision === probe.provision);
    expect(hit, JSON.stringify(hits.map((h) => `${h.document}#${h.provision}`))).toBeDefined();
    expect(hit!.citation).toBe(probe.citation);
    expect(hit!.url).toBe(`/documents/${encodeURIComponent(probe.document)}#${probe.provision}`);
  });
  test("the seed's own words outside its items are found", async () => {
    for (const q of ["本意见自2016年5月1日起施行", "负责解释", "各市、自治州人民政府"]) {
      const { hits } = await search({ q, limit: 5 });
      expect(hits.some((h) => h.document === "qinghai-2016-industry-supply-side-reform" && (h.provision === "closing" || h.provision === "preamble")), q).toBe(true);
    }
  });
  test("省经信委 finds the seed's closing lines, which write 省经济和信息化委", async () => {
    const { hits } = await search({ q: "省经信委", limit: 3 });
    expect(hits[0]).toMatchObject({ document: "qinghai-2016-industry-supply-side-reform", provision: "closing" });
  });
});
