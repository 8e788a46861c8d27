/** `policykb parse FILE [--pretty]`: one document → policy-doc/1 JSON on stdout. */
import { parseDocument } from "../parser";
import { readInputFile } from "./files";
import { maxDocumentBytes } from "../ingest/limits";

export async function parseCommand(file: string, options: { pretty: boolean }): Promise<number> {
  const bytes = await readInputFile(file);
  const result = await parseDocument(bytes, file, { maxBytes: maxDocumentBytes() });
  for (const m of result.messages) process.stderr.write(`${file}:${m.start}-${m.end}: ${m.reason} [${m.ruleId}]\n`);
  process.stdout.write(JSON.stringify(result.doc, null, options.pretty ? 2 : 0) + "\n");
  return 0;
}
