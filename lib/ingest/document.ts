/**
 * Ingesting one document: bytes → parse → store, all or nothing. The site's
 * upload uses this module alone (folder ingest with its parse workers is
 * ingest.ts, which the site's bundle must not pull in).
 */
import { InputError, parseDocument, type ParseResult } from "../parser";
import { contentHash, storeDocument, type StoreOutcome } from "../db/store";
import { parsedFactsOf, restoreParties, type Export } from "../db/export";
import { restoreCorrections } from "../db/corrections";
import { cleanSlug, printable, slugOfFile } from "./files";
import { maxDocumentBytes } from "./limits";

/**
 * Parses and stores one document given as bytes (an upload, or a file's
 * content). The slug is front matter's `slug`, else the file name without its extension.
 */
export async function ingestBytes(bytes: Uint8Array, fileName: string, usedSlugs: Map<string, string> = new Map(), partyCache?: Map<string, number>): Promise<StoreOutcome> {
  const hash = contentHash(bytes);
  const result = await parseDocument(bytes, fileName, { maxBytes: maxDocumentBytes() });
  return storeParsed(result, fileName, hash, usedSlugs, partyCache);
}

/** Stores a parsed document under its slug (checked against the others of this ingest). */
export async function storeParsed(result: ParseResult, fileName: string, hash: string, usedSlugs: Map<string, string>, partyCache?: Map<string, number>): Promise<StoreOutcome> {
  const slug = typeof result.extra.slug === "string" ? cleanSlug(result.extra.slug) : slugOfFile(fileName);
  if (!slug) throw new InputError("empty slug (name the file, or give a `slug` in front matter)", "unsupported");
  const other = usedSlugs.get(slug);
  if (other && other !== fileName) throw new InputError(`slug "${printable(slug)}" is already used by ${printable(other)} in this ingest`, "unsupported");
  usedSlugs.set(slug, fileName);
  return storeDocument({ result, slug, sourceName: fileName.split(/[\\/]/).pop() ?? fileName, contentHash: hash, partyCache });
}

/** Restores a `policykb export` file: parties and corrections, then every document version as it was (as parsed). */
export async function ingestExport(data: Export): Promise<StoreOutcome[]> {
  await restoreParties(data.parties);
  // Corrections first: each document is then stored and indexed knowing it has them.
  await restoreCorrections(data.corrections ?? []);
  const outcomes: StoreOutcome[] = [];
  for (const d of data.documents) {
    const { slug, version, isCurrent, sourceName, contentHash: hash, importedAt, sourceText, messages, parsed: _parsed, ...shown } = d;
    const doc = { ...shown, ...parsedFactsOf(d) };
    outcomes.push(
      await storeDocument({
        result: { doc, sourceText, messages, extra: {}, encoding: "utf-8", format: "txt" },
        slug,
        sourceName,
        contentHash: hash,
        restore: { version, isCurrent, importedAt: new Date(importedAt) },
      }),
    );
  }
  return outcomes;
}

