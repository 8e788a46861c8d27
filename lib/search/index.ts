/**
 * Search over provisions (../shared/CONTRACT.md §3): the one module the site, the API
 * and the CLI call. It owns the engine's life: loaded from its persisted copy
 * at start when the store has not changed (no rebuild), brought up to date
 * incrementally when documents are added, updated or removed (checked at most
 * once a second), and persisted again after each change.
 */
import { parseQuery, type QueryWord } from "./tokenize";
import { SearchEngine, type EngineResult } from "./engine";
import { assembleRecords, loadRecords } from "./records";
import { adminAliasesChanged, currentVersions, loadAliasGroups, partySignatures, provisionTexts, storeFingerprint, type IndexedDocument } from "../db/index-source";
import { loadPersisted, persist, restamp } from "./persist";
import { databaseTarget } from "../db/url";
import { nameVariants } from "../parties/resolve";
import { findDeadlines } from "../parser/deadlines";
import { foldForSearch } from "./fold";
import type { SearchFilters, SearchResult } from "./types";
import { postgresSearch, resetPostgresSearch, runInPostgres, syncPostgresSearch } from "./pg";
import { parseSearchQuery, type CheckedQuery, type SearchQueryInput } from "./query";
import { emptyFacets, type Repeals } from "./facets";
import { listDocuments } from "../db/documents";
import { repealDays } from "../db/relations";

export { SearchQueryError } from "./types";
export { MAX_QUERY_LENGTH, parseSearchQuery, searchQueryFromParams, type SearchQueryInput } from "./query";
export type * from "./types";

interface Holder {
  engine: SearchEngine;
  aliases: Map<string, string[]>;
  fingerprint: string;
  checkedAt: number;
  refreshing: Promise<void> | null;
  /** Documents added, changed or removed since the copy on disk was written. */
  unsaved: number;
}

/**
 * Changes worth writing a new copy for. Loading applies what the copy lacks
 * from the store (only those documents are read), so a small change need not
 * rewrite a large index: at 10,000 documents a copy is ~340 MB.
 */
const worthPersisting = (engine: SearchEngine, unsaved: number) => unsaved >= Math.max(20, Math.ceil(engine.documents().length * 0.02));

const state = globalThis as unknown as { __policykbSearch?: Promise<Holder>; __policykbSearchUrl?: string };

/**
 * Brings an engine up to date with the store: adds changed documents, drops
 * removed ones; `aliasesChanged`: also reloads the documents whose
 * responsibilities now name other parties (an alias moved a name to another
 * party), found by comparing each document's party names with the store's.
 */
async function syncEngine(engine: SearchEngine, aliasesChanged = false): Promise<number> {
  const wanted = await currentVersions();
  // Only documents the engine holds at their current version can hold old names (the others are reloaded anyway).
  const renamed = aliasesChanged && [...wanted].some(([slug, version]) => engine.versions.get(slug) === version) ? await partySignatures() : null;
  const stale = [...wanted]
    .filter(([slug, version]) => engine.versions.get(slug) !== version || (renamed !== null && engine.partySignature(slug) !== (renamed.get(slug) ?? "")))
    .map(([slug]) => slug);
  const gone = engine.documents().filter((slug) => !wanted.has(slug));
  for (const slug of gone) engine.removeDocument(slug);
  if (stale.length) {
    for (const { slug, version, records } of await loadRecords(stale)) engine.addDocument(slug, version, records);
  }
  return stale.length + gone.length;
}

/**
 * After an engine caught up with the store (`fingerprint`): writes a new copy
 * when there is none (`was` null) or enough changed since the one on disk,
 * written for `was`; marks that copy current when nothing did. Returns how
 * many changes are left unsaved.
 */
async function save(engine: SearchEngine, unsaved: number, was: string | null, fingerprint: string): Promise<number> {
  if (was === null || worthPersisting(engine, unsaved)) {
    await persist(engine, fingerprint);
    return 0;
  }
  if (unsaved === 0) await restamp(was, fingerprint);
  return unsaved;
}

async function open(): Promise<Holder> {
  const fingerprint = await storeFingerprint();
  const persisted = await loadPersisted();
  // The engine keeps folded text only; snippets are made from the stored text of the hits.
  const engine = persisted?.engine ?? new SearchEngine({ keepText: false });
  let unsaved = 0;
  if (persisted?.fingerprint !== fingerprint) {
    unsaved = await syncEngine(engine, persisted !== null && adminAliasesChanged(persisted.fingerprint, fingerprint));
    unsaved = await save(engine, unsaved, persisted?.fingerprint ?? null, fingerprint);
  }
  return { engine, aliases: await loadAliasGroups(), fingerprint, checkedAt: Date.now(), refreshing: null, unsaved };
}

/** The engine of this process for the configured database, opened on first use. */
async function holder(): Promise<Holder> {
  const url = databaseTarget().url;
  if (state.__policykbSearchUrl !== url) {
    state.__policykbSearch = undefined;
    state.__policykbSearchUrl = url;
  }
  state.__policykbSearch ??= open().catch((error) => {
    state.__policykbSearch = undefined;
    throw error;
  });
  return state.__policykbSearch;
}

/** Re-reads the store's fingerprint and applies any change (after an ingest in another process). */
export async function refreshIndex(): Promise<void> {
  if (postgresSearch()) return syncPostgresSearch();
  const h = await holder();
  const fingerprint = await storeFingerprint();
  h.checkedAt = Date.now();
  if (fingerprint === h.fingerprint) return;
  const was = h.fingerprint;
  h.unsaved += await syncEngine(h.engine, adminAliasesChanged(was, fingerprint));
  h.aliases = await loadAliasGroups();
  h.fingerprint = fingerprint;
  h.unsaved = await save(h.engine, h.unsaved, was, fingerprint);
}

/**
 * Indexes documents just stored without waiting for the next refresh: a
 * folder ingest calls it as it goes, with each document as stored
 * (indexedDocumentOf) or its slug (read from the store at its current
 * version). The copy on disk is written by the refresh that follows the ingest.
 */
export async function indexStored(stored: Array<IndexedDocument | string>): Promise<void> {
  // In PostgreSQL the rows are written once the ingest is done (refreshIndex).
  if (postgresSearch()) return;
  const h = await holder();
  const slugs = stored.filter((d): d is string => typeof d === "string");
  const given = stored.filter((d): d is IndexedDocument => typeof d !== "string").map((d) => ({ slug: d.slug, version: d.version, records: assembleRecords(d) }));
  for (const { slug, version, records } of [...given, ...(slugs.length ? await loadRecords(slugs) : [])]) {
    if (h.engine.versions.get(slug) === version) continue;
    h.engine.addDocument(slug, version, records);
    h.unsaved++;
  }
}

/** Drops the process's engine (tests switching databases). */
export function resetSearch(): void {
  state.__policykbSearch = undefined;
  resetPostgresSearch();
  pgAliasGroups = null;
}

/** A query's words with their aliases and the date each names. */
function expandWords(q: string, aliases: Map<string, string[]>): QueryWord[] {
  const words = parseQuery(q);
  for (const w of words) {
    const variants = new Set([...(aliases.get(w.text) ?? []), ...nameVariants(w.text)]);
    variants.delete(w.text);
    w.alternatives = [...variants].map(foldForSearch);
    w.date = findDeadlines(w.text, 0, { issuedAt: null, effectiveFrom: null, documentLevel: false }).find((d) => d.date)?.date ?? null;
  }
  return words;
}

/** Snippets of the hits of an engine that keeps folded text only, made from their stored texts. */
async function addSnippets(result: EngineResult, words: QueryWord[], engine: SearchEngine): Promise<void> {
  const textIds = result.textIds.filter((id): id is number => id !== null);
  if (!textIds.length) return;
  const texts = await provisionTexts(textIds);
  result.hits.forEach((hit, i) => {
    const id = result.textIds[i];
    if (id != null) hit.snippet = engine.snippet(texts.get(id) ?? "", words);
  });
}

/** Searches provisions (the query checked by lib/search/query.ts). All words must match (any order, any distance); aliases of parties count. */
export async function search(input: SearchQueryInput): Promise<SearchResult> {
  const started = performance.now();
  const query = parseSearchQuery(input);
  if (postgresSearch()) return searchInPostgres(query, started);
  const h = await holder();
  // At most once a second, look whether the store changed (another process or
  // server ingested) and catch up before answering: every server answers from
  // the same documents within a second of an ingest finishing.
  if (Date.now() - h.checkedAt > 1000) {
    h.refreshing ??= refreshIndex().finally(() => {
      h.refreshing = null;
    });
    await h.refreshing;
  }
  const words = expandWords(query.q, h.aliases);
  const scope = await asOfScope(query);
  if (!scope) return noHits(query, started);
  const result = h.engine.run({ words, filters: scope.filters, limit: query.limit, offset: query.offset, facets: query.facets, today: query.asOf, repeals: scope.repeals });
  await addSnippets(result, words, h.engine);
  return { query: query.q, total: result.total, totalIsLowerBound: result.totalIsLowerBound, tookMs: Math.round((performance.now() - started) * 1000) / 1000, hits: result.hits, facets: result.facets };
}

/**
 * The filters a query runs with: as of a day, only the documents in force then whose text then is
 * the one indexed (the current version); null when none is. Statuses by filter or facet count
 * repeals too (read when asked for: they live in the store, not in the index).
 */
async function asOfScope(query: CheckedQuery): Promise<{ filters: SearchFilters; repeals?: Repeals } | null> {
  let filters = query.filters;
  if (query.asOf) {
    const inForce = new Set((await listDocuments({ asOf: query.asOf })).filter((d) => d.isCurrent).map((d) => d.slug));
    const doc = (query.filters.doc ?? [...inForce]).filter((slug) => inForce.has(slug));
    if (!doc.length) return null;
    filters = { ...query.filters, doc };
  }
  const repeals = query.facets || query.filters.status?.length ? await repealDays() : undefined;
  return { filters, repeals };
}

const noHits = (query: CheckedQuery, started: number): SearchResult => ({ query: query.q, total: 0, totalIsLowerBound: false, tookMs: Math.round((performance.now() - started) * 1000) / 1000, hits: [], facets: emptyFacets() });

/** search() when it runs in PostgreSQL (lib/search/pg.ts): the same words, aliases, dates and answer. */
async function searchInPostgres(query: CheckedQuery, started: number): Promise<SearchResult> {
  const aliases = await pgAliases();
  const words = expandWords(query.q, aliases);
  const scope = await asOfScope(query);
  if (!scope) return noHits(query, started);
  const result = await runInPostgres({ words, filters: scope.filters, limit: query.limit, offset: query.offset, facets: query.facets, today: query.asOf, repeals: scope.repeals });
  await addSnippets(result, words, new SearchEngine({ keepText: false }));
  return { query: query.q, total: result.total, totalIsLowerBound: result.totalIsLowerBound, tookMs: Math.round((performance.now() - started) * 1000) / 1000, hits: result.hits, facets: result.facets };
}

let pgAliasGroups: { at: number; groups: Map<string, string[]> } | null = null;

/** Party aliases, read again at most once a second (no engine holds them in PostgreSQL mode). */
async function pgAliases(): Promise<Map<string, string[]>> {
  if (!pgAliasGroups || Date.now() - pgAliasGroups.at > 1000) pgAliasGroups = { at: Date.now(), groups: await loadAliasGroups() };
  return pgAliasGroups.groups;
}
