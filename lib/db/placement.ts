/**
 * Where a newly parsed document goes among the versions of one document,
 * inside the store's transaction. Which document: its own slug; or, when its
 * slug only came from a file name and no document has it yet, the document of
 * the same title and issuer whose date differs (the same law, 方案 or 意见
 * revised). Which place: the newest version when its date is later, the same
 * or unknown (an edited file), else among the older versions by date, the
 * later ones renumbered so that 第 1 版 is always the oldest. Text already
 * stored as an older version is no change (a new parser version re-parses the
 * current version only).
 */
import type { PolicyDoc } from "../parser";
import { versionDate } from "../status";
import type { Sql } from "./sql";

export interface StoredVersion {
  id: number;
  version: number;
  contentHash: string;
}

export interface Placement {
  slug: string;
  /** Joined another file's document by title and issuer. */
  byTitle: boolean;
  /** The stored version this content already is (nothing to store). */
  unchanged: StoredVersion | null;
  version: number;
  isCurrent: boolean;
  as: "newest" | "older";
  /** Whether the slug had versions before. */
  existed: boolean;
}

interface VersionRow extends StoredVersion {
  isCurrent: boolean | number;
  issuedAt: string | null;
  effectiveFrom: string | null;
  sourceText: string;
}

const lock = (tx: Sql, slug: string) => (tx.provider === "postgres" ? tx.run("SELECT pg_advisory_xact_lock(hashtext(?))", [`policykb:document:${slug}`]) : Promise.resolve());

/** The slug of the one stored document this one is a version of by title, issuer and a different date; null when none or several. */
async function slugByTitle(tx: Sql, doc: PolicyDoc): Promise<string | null> {
  const date = versionDate(doc);
  if (!doc.title || !doc.issuer || !date) return null;
  const rows = await tx.all<{ slug: string; issuer: string | null; issuedAt: string | null; effectiveFrom: string | null; isCurrent: boolean | number }>(
    `SELECT "slug", "issuer", "issuedAt", "effectiveFrom", "isCurrent" FROM "Document" WHERE "title" = ?`,
    [doc.title],
  );
  const slugs = new Set(rows.filter((r) => r.isCurrent && r.issuer === doc.issuer && versionDate(r) !== null && versionDate(r) !== date).map((r) => r.slug));
  return slugs.size === 1 ? [...slugs][0]! : null;
}

/** Places a new parse among its document's versions and makes room for it (the caller inserts the row). */
export async function placeVersion(tx: Sql, input: { slug: string; doc: PolicyDoc; sourceText: string; contentHash: string; matchTitle: boolean }): Promise<Placement> {
  let slug = input.slug;
  const select = `SELECT "id", "version", "contentHash", "isCurrent", "issuedAt", "effectiveFrom", "sourceText" FROM "Document" WHERE "slug" = ? ORDER BY "version"`;
  let versions = await tx.all<VersionRow>(select, [slug]);
  let byTitle = false;
  if (!versions.length && input.matchTitle) {
    const other = await slugByTitle(tx, input.doc);
    if (other) {
      slug = other;
      byTitle = true;
      await lock(tx, slug);
      versions = await tx.all<VersionRow>(select, [slug]);
    }
  }
  const base = { slug, byTitle, existed: versions.length > 0 };
  const current = versions.find((v) => v.isCurrent) ?? versions.at(-1);
  if (!current) return { ...base, unchanged: null, version: 1, isCurrent: true, as: "newest" };
  if (current.contentHash === input.contentHash) return { ...base, unchanged: current, version: current.version, isCurrent: true, as: "newest" };
  const date = versionDate(input.doc);
  const currentDate = versionDate(current);
  if (!date || !currentDate || date >= currentDate) {
    await tx.run(`UPDATE "Document" SET "isCurrent" = ? WHERE "slug" = ? AND "isCurrent" = ?`, [false, slug, true]);
    return { ...base, unchanged: null, version: Math.max(...versions.map((v) => Number(v.version))) + 1, isCurrent: true, as: "newest" };
  }
  const same = versions.find((v) => v.contentHash === input.contentHash || v.sourceText === input.sourceText);
  if (same) return { ...base, unchanged: same, version: same.version, isCurrent: Boolean(same.isCurrent), as: "older" };
  // After the last version dated on or before it; the later ones move up one, the highest first (slug and version are unique).
  const before = versions.filter((v) => (versionDate(v) ?? "") <= date);
  const place = before.length ? Math.max(...before.map((v) => Number(v.version))) + 1 : 1;
  for (const v of [...versions].filter((v) => v.version >= place).sort((a, b) => b.version - a.version)) {
    await tx.run(`UPDATE "Document" SET "version" = ? WHERE "id" = ?`, [Number(v.version) + 1, v.id]);
  }
  return { ...base, unchanged: null, version: place, isCurrent: false, as: "older" };
}
