/**
 * The diff as the API and `policykb diff --json` give it (../shared/CONTRACT.md §3):
 * `{ from, to, provisions: [{ change, from, to }], facts }`, and the API's
 * reading of ?from=N&to=M.
 */
import { DiffError, documentDiff, type DiffProvision, type FactDiff, type ProvisionChange, type VersionDiff } from "./diff";

export interface DiffJson {
  from: number;
  to: number;
  provisions: Array<{ change: ProvisionChange; from: DiffProvision | null; to: DiffProvision | null }>;
  facts: FactDiff[];
}

/** A diff in the published shape (the marked words are the pages' affair). */
export function diffJson(diff: VersionDiff): DiffJson {
  return { from: diff.from, to: diff.to, provisions: diff.provisions.map((p) => ({ change: p.change, from: p.from, to: p.to })), facts: diff.facts };
}

/** A version number parameter: absent, or a whole number from 1; else a DiffError (400). */
export function versionNumber(name: string, value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new DiffError(`bad parameter ${name}: "${value}" (a version number from 1)`, 400);
  return Number(value);
}

/** GET /api/documents/{slug}/diff?from=N&to=M: the status and the JSON body. */
export async function diffResponse(slug: string, params: URLSearchParams): Promise<{ status: number; body: DiffJson | { error: string } }> {
  try {
    const result = await documentDiff(slug, { from: versionNumber("from", params.get("from")), to: versionNumber("to", params.get("to")) });
    return { status: 200, body: diffJson(result.diff) };
  } catch (error) {
    if (error instanceof DiffError) return { status: error.status, body: { error: error.message } };
    throw error;
  }
}
