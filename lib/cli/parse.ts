/** `policykb parse FILE [--pretty]`: one document → policy-doc/1 JSON on stdout. */
import { readFile } from "node:fs/promises";
import { parseDocument } from "../parser";
import { readInputFile } from "./files";

export async function parseCommand(file: string, options: { pretty: boolean }): Promise<number> {
  const bytes = await readInputFile(file);
  const result = await parseDocument(bytes, file);
  for (const m of result.messages) process.stderr.write(`${file}:${m.start}-${m.end}: ${m.reason} [${m.ruleId}]\n`);
  process.stdout.write(JSON.stringify(result.doc, null, options.pretty ? 2 : 0) + "\n");
  return 0;
}

export { readFile };
