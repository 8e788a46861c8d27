/**
 * What happens after documents are stored (by the CLI, `npm start` or an
 * upload): the search index catches up with the store and is persisted.
 */
import type { StoreOutcome } from "../db/store";
import type { OnStored } from "./ingest";
import type { IndexedDocument } from "../db/index-source";
import { indexStored, refreshIndex } from "../search";

/** Runs after one or more stored outcomes; nothing to do when all were unchanged. */
export async function documentStored(...outcomes: StoreOutcome[]): Promise<void> {
  if (outcomes.every((o) => o.status === "unchanged")) return;
  await refreshIndex();
}

/** Documents indexed at a time while a folder is ingested. */
const INDEX_BATCH = 8;

/**
 * Keeps the search index up with a folder ingest (ingestPaths' onStored):
 * stored documents are indexed a batch at a time between documents, while
 * the parse workers work ahead, instead of all after the last one. finish()
 * indexes the rest and saves the index (documentStored()). Indexing that
 * fails here never fails a document: documentStored() catches up with the
 * store in any case.
 */
export function indexWhileStoring(): StoredIndexer {
  let batch: Array<IndexedDocument | string> = [];
  let failed = false;
  let ms = 0;
  const flush = async () => {
    const stored = batch;
    batch = [];
    if (failed || !stored.length) return;
    const started = performance.now();
    try {
      await indexStored(stored);
    } catch {
      failed = true;
    }
    ms += performance.now() - started;
  };
  return {
    onStored: async (outcome, document) => {
      if (outcome.status === "unchanged") return;
      batch.push(document ?? outcome.slug);
      if (batch.length >= INDEX_BATCH) await flush();
    },
    finish: async (outcomes) => {
      const started = performance.now();
      try {
        await flush();
        await documentStored(...outcomes);
      } finally {
        ms += performance.now() - started;
      }
    },
    get seconds() {
      return ms / 1000;
    },
  };
}

export interface StoredIndexer {
  /** For ingestPaths' onStored. */
  onStored: OnStored;
  /** After the ingest: indexes what is left and saves the index. */
  finish: (outcomes: StoreOutcome[]) => Promise<void>;
  /** Time spent indexing and saving so far. */
  readonly seconds: number;
}
