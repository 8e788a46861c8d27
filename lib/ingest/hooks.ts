/**
 * What happens after a document is stored (by the CLI, `npm start` or an
 * upload): listeners registered here, such as the search index update.
 */
import type { StoreOutcome } from "../db/store";

type Listener = (outcome: StoreOutcome) => Promise<void>;
const listeners: Listener[] = [];

/** Registers a listener run after every stored (added or updated) document. */
export function onDocumentStored(listener: Listener): void {
  listeners.push(listener);
}

/** Runs the listeners for one outcome (no-op for unchanged documents). */
export async function documentStored(outcome: StoreOutcome): Promise<void> {
  if (outcome.status === "unchanged") return;
  for (const l of listeners) await l(outcome);
}
