/**
 * GET /api/documents and /api/documents/{slug} with their parameters
 * (../shared/CONTRACT.md §3): ?asOf=YYYY-MM-DD the collection (or the
 * version of one document) as it stood that day, ?version=N an older
 * version. A bad value is a 400 with the reason.
 */
import { getDocument, listDocuments, type StoredDocument } from "../db/documents";
import { calendarDay } from "../status";
import { resolveVersion } from "./versions";

type Answer<T> = { status: number; body: T | { error: string } };

/** ?asOf: absent, or a real calendar day; else the reason it is not. */
function asOfOf(params: URLSearchParams): string | undefined | { error: string } {
  const raw = params.get("asOf");
  if (raw === null || raw === "") return undefined;
  return calendarDay(raw) ?? { error: `bad parameter asOf: "${raw}" (a day written YYYY-MM-DD)` };
}

/** The document list, of today or of ?asOf. */
export async function documentsResponse(params: URLSearchParams): Promise<Answer<unknown[]>> {
  const asOf = asOfOf(params);
  if (typeof asOf === "object") return { status: 400, body: asOf };
  const docs = await listDocuments({ asOf });
  return { status: 200, body: docs.map(({ slug, title, kind, issuer, docNumber, issuedAt, status, provisionCount, version }) => ({ slug, title, kind, issuer, docNumber, issuedAt, status, provisionCount, version })) };
}

/** One document: the current version, ?version=N, or the version of ?asOf (its status on that day). */
export async function documentResponse(slug: string, params: URLSearchParams): Promise<Answer<StoredDocument>> {
  const asOf = asOfOf(params);
  if (typeof asOf === "object") return { status: 400, body: asOf };
  const rawVersion = params.get("version");
  if (rawVersion !== null && rawVersion !== "" && !/^[1-9]\d*$/.test(rawVersion)) return { status: 400, body: { error: `bad parameter version: "${rawVersion}" (a version number from 1)` } };
  const resolved = await resolveVersion(slug, { version: rawVersion ? Number(rawVersion) : undefined, asOf });
  if (resolved.notYet) return { status: 404, body: { error: `"${slug}" had no version in force on ${asOf}` } };
  const doc = await getDocument(slug, resolved.version, asOf);
  if (!doc) return { status: 404, body: { error: resolved.version ? `no version ${resolved.version} of document "${slug}"` : `no document "${slug}"` } };
  return { status: 200, body: doc };
}
