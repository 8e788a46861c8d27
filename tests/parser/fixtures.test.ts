import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { parseDocument } from "../../lib/parser";
import { summarize } from "./summary";

/**
 * One case per numbering style and layout (tests/fixtures/parser/<case>/input.txt),
 * each with the structure, roles, citations and facts a reader checked by eye.
 */
const root = path.resolve(import.meta.dirname, "..", "fixtures", "parser");

describe("parser fixtures", () => {
  for (const name of readdirSync(root).sort()) {
    test(name, async () => {
      const file = path.join(root, name, readdirSync(path.join(root, name)).find((f) => f.startsWith("input."))!);
      const { doc } = await parseDocument(new Uint8Array(readFileSync(file)), file);
      const expected = JSON.parse(readFileSync(path.join(root, name, "expected.json"), "utf8"));
      expect(summarize(doc)).toEqual(expected);
    });
  }
});
