import { readdirSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, test } from "vitest";
import { LAYERS, layerOf } from "../../lint/layers.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: ROOT });

/** The layer rule's messages for `code` as if it were the file `file` of the repository (nothing is written). */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === "policykb/layers").map((m) => m.message);
}

describe("the layer rule (lint/layers.mjs, on in eslint.config.mjs)", () => {
  test("fails on a deliberate wrong-way import: lib/db importing lib/search", async () => {
    const errors = await layerErrors("lib/db/wrong-way.ts", 'import { search } from "../search";\nexport const s = search;\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^lib\/db may not import lib\/search \(\.\.\/search\): imports run one way/);
  });

  test("every kind of import counts: type-only, re-export, dynamic, the @/ alias, require", async () => {
    const wrong = [
      'import type { SearchHit } from "../search/types";\nexport type H = SearchHit;\n',
      'export { search } from "../search";\n',
      'export * from "../site/labels";\n',
      'export const load = () => import("../ingest/ingest");\n',
      'import { ROLE_LABELS } from "@/lib/site/labels";\nexport const r = ROLE_LABELS;\n',
      'export type T = import("../search/types").SearchHit;\n',
    ];
    for (const code of wrong) expect(await layerErrors("lib/db/wrong-way.ts", code), code).toHaveLength(1);
  });

  test("imports down the layers pass", async () => {
    expect(await layerErrors("lib/db/right-way.ts", 'import { ROLES } from "../parser";\nimport { documentYear } from "../status";\nexport const r = [ROLES, documentYear];\n')).toEqual([]);
    expect(await layerErrors("lib/site/right-way.ts", 'import { search } from "../search";\nimport { ingestBytes } from "../ingest/document";\nexport const s = [search, ingestBytes];\n')).toEqual([]);
    expect(await layerErrors("app/right-way/page.tsx", 'import { listDocuments } from "@/lib/db/documents";\nexport const l = listDocuments;\n')).toEqual([]);
  });

  test("the parser imports nothing of the layers above it, and no layer imports scripts or tests", async () => {
    expect(await layerErrors("lib/parser/wrong-way.ts", 'import { dbReady } from "../db/client";\nexport const d = dbReady;\n')).toHaveLength(1);
    expect(await layerErrors("lib/search/wrong-way.ts", 'import { queryMix } from "../../scripts/bench/queries";\nexport const q = queryMix;\n')).toHaveLength(1);
  });

  test("entry points do not import each other", async () => {
    expect(await layerErrors("lib/cli/wrong-way.ts", 'import { DocumentHeader } from "../../components/DocumentHeader";\nexport const d = DocumentHeader;\n')).toHaveLength(1);
  });

  test('a client component ("use client") imports no server-only layer, even for a type', async () => {
    const client = '"use client";\nimport type { DocumentHead } from "@/lib/db/documents";\nexport type D = DocumentHead;\n';
    expect(await layerErrors("components/WrongWay.tsx", client)).toEqual([expect.stringMatching(/^a client component may not import lib\/db/)]);
    // The same import in a server component is fine.
    expect(await layerErrors("components/RightWay.tsx", client.replace('"use client";\n', ""))).toEqual([]);
  });

  test("every file under lib/, app/ and components/ is in a layer", async () => {
    const files = ["lib", "app", "components"]
      .flatMap((dir) => readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" }).map((f) => `${dir}/${f.split(path.sep).join("/")}`))
      .filter((f) => /\.(tsx?|mjs)$/.test(f) && !f.startsWith("lib/db/generated/"));
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((f) => !layerOf(f.replace(/\.(tsx?|mjs)$/, "")))).toEqual([]);
    expect(LAYERS.map((l) => l.rank)).toEqual([...LAYERS.map((l) => l.rank)].sort((a, b) => a - b));
  });
});
