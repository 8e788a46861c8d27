/**
 * Writes expected.json next to each parser fixture from the current parser
 * (tests/fixtures/parser/<case>/input.txt). Run after a deliberate change and
 * read the diff by eye before committing: the fixtures are checked by a person.
 *   npx tsx scripts/fixture-expect.ts [case...]
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "../lib/parser";
import { summarize } from "../tests/parser/summary";

const root = path.join(process.cwd(), "tests", "fixtures", "parser");
const only = process.argv.slice(2);
for (const name of readdirSync(root)) {
  if (only.length && !only.includes(name)) continue;
  const file = path.join(root, name, readdirSync(path.join(root, name)).find((f) => f.startsWith("input."))!);
  const { doc } = await parseDocument(new Uint8Array(readFileSync(file)), file);
  writeFileSync(path.join(root, name, "expected.json"), JSON.stringify(summarize(doc), null, 2) + "\n");
  console.log(`wrote ${name}/expected.json`);
}
