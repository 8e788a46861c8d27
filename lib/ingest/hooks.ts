/**
 * What happens after documents are stored (by the CLI, `npm start` or an
 * upload): the search index catches up with the store and is persisted.
 */
import type { StoreOutcome } from "../db/store";
import { refreshIndex } from "../search";

/** Runs after one or more stored outcomes; nothing to do when all were unchanged. */
export async function documentStored(...outcomes: StoreOutcome[]): Promise<void> {
  if (outcomes.every((o) => o.status === "unchanged")) return;
  await refreshIndex();
}
