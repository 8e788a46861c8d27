/**
 * The versions of one document and which version applied on a given day.
 * Versions are numbered by date (placement.ts keeps 第 1 版 the oldest); a
 * version applies from its first day (lib/status.ts appliesFrom) until the
 * next version does. Plain rows.
 */
import { appliesFrom } from "../status";
import { dbReady } from "./client";

export interface VersionSummary {
  version: number;
  isCurrent: boolean;
  title: string | null;
  docNumber: string | null;
  issuedAt: string | null;
  effectiveFrom: string | null;
  effectiveUntil: string | null;
  /** The first day it applies; null when it has no date. */
  appliesFrom: string | null;
  sourceName: string;
  importedAt: string;
  provisionCount: number;
  /** Its text is the previous version's (a new parser version parsed the same file again). */
  sameTextAsPrevious: boolean;
}

/** Every version of a document, oldest first; [] when there is none. */
export async function listVersions(slug: string): Promise<VersionSummary[]> {
  const client = await dbReady();
  const rows = await client.document.findMany({
    where: { slug },
    orderBy: { version: "asc" },
    select: { version: true, isCurrent: true, title: true, docNumber: true, issuedAt: true, effectiveFrom: true, effectiveUntil: true, sourceName: true, importedAt: true, contentHash: true, sourceText: true, _count: { select: { provisions: true } } },
  });
  return rows.map((d, i) => ({
    version: d.version,
    isCurrent: d.isCurrent,
    title: d.title,
    docNumber: d.docNumber,
    issuedAt: d.issuedAt,
    effectiveFrom: d.effectiveFrom,
    effectiveUntil: d.effectiveUntil,
    appliesFrom: appliesFrom(d),
    sourceName: d.sourceName,
    importedAt: d.importedAt.toISOString(),
    provisionCount: d._count.provisions,
    sameTextAsPrevious: i > 0 && rows[i - 1]!.sourceText === d.sourceText,
  }));
}

export interface VersionOnDay {
  id: number;
  slug: string;
  version: number;
  isCurrent: boolean;
}

/**
 * The version of each document that applied on `day`: the newest one whose
 * first day is on or before it (a version without a date applies from the
 * start). Documents none of whose versions applied yet are left out. Of the
 * given slugs only, when given.
 */
export async function versionsOn(day: string, slugs?: string[]): Promise<Map<string, VersionOnDay>> {
  const client = await dbReady();
  const rows = await client.document.findMany({
    where: slugs ? { slug: { in: slugs } } : {},
    select: { id: true, slug: true, version: true, isCurrent: true, issuedAt: true, effectiveFrom: true },
    orderBy: [{ slug: "asc" }, { version: "asc" }],
  });
  const out = new Map<string, VersionOnDay>();
  for (const d of rows) {
    const from = appliesFrom(d);
    if (from === null || from <= day) out.set(d.slug, { id: d.id, slug: d.slug, version: d.version, isCurrent: d.isCurrent });
  }
  return out;
}

/** The version of one document that applied on `day`; null when none did yet. */
export async function versionOn(slug: string, day: string): Promise<VersionOnDay | null> {
  return (await versionsOn(day, [slug])).get(slug) ?? null;
}
