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
import { versionDate } from "../status";

/**
 * Parses and stores one document given as bytes (an upload, or a file's
 * content). The slug is front matter's `slug`, else the file name without its extension.
 */
export async function ingestBytes(bytes: Uint8Array, fileName: string, usedSlugs: UsedSlugs = new Map(), partyCache?: Map<string, number>): Promise<StoreOutcome> {
  const hash = contentHash(bytes);
  const result = await parseDocument(bytes, fileName, { maxBytes: maxDocumentBytes() });
  return storeParsed(result, fileName, hash, usedSlugs, partyCache);
}

/** The slugs an ingest has used so far: the files that took each, with their versions' dates. */
export type UsedSlugs = Map<string, Array<{ file: string; date: string | null }>>;

/**
 * Stores a parsed document under its slug. Files of one ingest that share a
 * slug (front matter's `slug:`) are versions of one document when each has
 * its own date to order them by; otherwise the second is refused.
 */
export async function storeParsed(result: ParseResult, fileName: string, hash: string, usedSlugs: UsedSlugs, partyCache?: Map<string, number>): Promise<StoreOutcome> {
  const given = typeof result.extra.slug === "string";
  const slug = given ? cleanSlug(result.extra.slug as string) : slugOfFile(fileName);
  if (!slug) throw new InputError("empty slug (name the file, or give a `slug` in front matter)", "unsupported");
  const date = versionDate(result.doc);
  const others = (usedSlugs.get(slug) ?? []).filter((u) => u.file !== fileName);
  const versions = date !== null && others.every((u) => u.date !== null && u.date !== date);
  if (others.length && !versions) throw new InputError(`slug "${printable(slug)}" is already used by ${printable(others[0]!.file)} in this ingest`, "unsupported");
  usedSlugs.set(slug, [...others, { file: fileName, date }]);
  return storeDocument({ result, slug, sourceName: fileName.split(/[\\/]/).pop() ?? fileName, contentHash: hash, partyCache, matchTitle: !given });
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

