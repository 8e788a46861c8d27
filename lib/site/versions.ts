/**
 * Which version of a document a page shows (?version=N, the older ?v=N, or
 * ?asOf=YYYY-MM-DD: the version that applied that day), and the versions
 * page's view: every version with its dates and how many provisions and facts
 * changed from the version before it.
 */
import { listVersions, versionOn, type VersionSummary } from "../db/versions";
import { documentDiff, type VersionDiff } from "./diff";
import { dayParam, intParam, type RawSearchParams } from "./params";

export interface VersionRequest {
  /** The version asked for by number. */
  version?: number;
  /** The day asked for: the version that applied then, statuses as of then. */
  asOf?: string;
}

/** ?version=N (or ?v=N) and ?asOf=YYYY-MM-DD of a document's page. */
export function versionRequestOf(params: RawSearchParams): VersionRequest {
  return { version: intParam(params, "version", 0) || intParam(params, "v", 0) || undefined, asOf: dayParam(params, "asOf") };
}

export interface ResolvedVersion {
  /** The version to show (undefined: the current one). */
  version: number | undefined;
  asOf: string | undefined;
  /** asOf was asked for and no version applied yet that day. */
  notYet: boolean;
}

/** The version a request means: a number as given; a day, the version that applied that day. */
export async function resolveVersion(slug: string, request: VersionRequest): Promise<ResolvedVersion> {
  if (request.version || !request.asOf) return { version: request.version, asOf: request.asOf, notYet: false };
  const on = await versionOn(slug, request.asOf);
  return { version: on?.version, asOf: request.asOf, notYet: on === null };
}

export interface VersionRow extends VersionSummary {
  /** Changes from the version before (null for the first, or when the version before has the same text). */
  changes: VersionDiff["counts"] | null;
}

export interface VersionHistory {
  slug: string;
  title: string | null;
  current: number;
  /** Oldest first. */
  versions: VersionRow[];
}

/** Every version of a document with the changes each made; null when there is no such document. */
export async function versionHistory(slug: string): Promise<VersionHistory | null> {
  const versions = await listVersions(slug);
  if (!versions.length) return null;
  const rows: VersionRow[] = [];
  for (const [i, v] of versions.entries()) {
    const before = versions[i - 1];
    const changes = before && !v.sameTextAsPrevious ? (await documentDiff(slug, { from: before.version, to: v.version })).diff.counts : null;
    rows.push({ ...v, changes });
  }
  const current = versions.find((v) => v.isCurrent) ?? versions.at(-1)!;
  return { slug, title: current.title, current: current.version, versions: rows };
}
