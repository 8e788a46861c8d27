/**
 * Search inside PostgreSQL (POLICYKB_SEARCH=postgres on a PostgreSQL
 * DATABASE_URL): application servers hold no index of their own. Each
 * provision of a current document has a row (lib/db/pg-search.ts) with its
 * folded text and a tsvector of its character bigrams under a GIN index;
 * a query finds its candidates there — every word's bigrams ANDed through
 * the index, then the word itself checked as a substring of the folded
 * text — and ranks them with the engine's own code: the candidates, in
 * store order, go into a throwaway SearchEngine that runs the query as the
 * embedded engine would (tiers, scores, filters, facets). Rows are written
 * by whichever process stores a document (or notices the store changed), so
 * a document uploaded through one server is found through any other at once.
 */
import { searchCandidates, searchRowCount, searchRowsFingerprint, syncSearchRows, type CandidateRow, type PgIndex, type SearchRow, type WordLookup } from "../db/pg-search";
import { adminAliasesChanged, storeFingerprint } from "../db/index-source";
import { databaseTarget } from "../db/url";
import { SearchEngine, type EngineQuery, type EngineResult } from "./engine";
import { indexedText } from "./entries";
import { foldForSearch } from "./fold";
import { formsOf, matchingWord } from "./plan";
import { loadRecords, type SearchRecord } from "./records";
import { bigramRuns, type QueryWord } from "./tokenize";

/** Whether search runs in PostgreSQL (POLICYKB_SEARCH=postgres; the database must be PostgreSQL). */
export function postgresSearch(): boolean {
  if (process.env.POLICYKB_SEARCH !== "postgres") return false;
  if (databaseTarget().provider !== "postgres") throw new Error("POLICYKB_SEARCH=postgres needs a PostgreSQL DATABASE_URL");
  return true;
}

/** Which GIN index finds candidates (POLICYKB_PG_INDEX=trgm: pg_trgm over the folded text; default the bigram tsvector). */
const pgIndex = (): PgIndex => (process.env.POLICYKB_PG_INDEX === "trgm" ? "trgm" : "bigrams");

/** A tsquery lexeme. */
const lexeme = (token: string) => `'${token.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;

/** The distinct tokens the index holds for a text: CJK bigrams (a lone character alone in its run), other runs of letters and digits whole. */
function indexTokens(text: string, lookups: boolean): string[] {
  const { folded, runs } = bigramRuns(text);
  const out = new Set<string>();
  for (let k = 0; k < runs.length; k += 2) {
    const start = runs[k]!;
    const end = runs[k + 1]!;
    if (start >= 0) out.add(folded.slice(start, end));
    else if (end - (-start - 1) === 1) {
      // A lone character is a token of the text, but in a query it may stand inside a longer run: not looked up.
      if (!lookups) out.add(folded[-start - 1]!);
    } else for (let i = -start - 1; i + 1 < end; i++) out.add(folded.slice(i, i + 2));
  }
  return [...out];
}

/** The row of a search record. */
function rowOf(r: SearchRecord): SearchRow {
  const { document: _d, documentTitle: _t, kind: _k, issuer: _i, issuedAt: _a, effectiveFrom: _f, effectiveUntil: _u, ...own } = r;
  const folded = `${r.heading ? foldForSearch(r.heading) : ""}\n${foldForSearch(r.text)}\n${r.context ? foldForSearch(r.context) : ""}`;
  return { provisionId: r.id, folded, bigrams: indexTokens(indexedText(r), false).map(lexeme).join(" "), dates: r.dates, record: JSON.stringify(own) };
}

/** When this process last compared the rows with the store, for which database, and how many rows there were. */
let checkedAt = 0;
let checkedUrl = "";
let population = 0;

/** Forget what was checked (tests switching databases). */
export function resetPostgresSearch(): void {
  checkedAt = 0;
  checkedUrl = "";
}

/** Brings the search rows up to the store (only documents without rows are read); called after storing, and at most once a second by queries. */
export async function syncPostgresSearch(): Promise<void> {
  const fingerprint = await storeFingerprint();
  const was = await searchRowsFingerprint();
  checkedAt = Date.now();
  checkedUrl = databaseTarget().url;
  if (was !== fingerprint) {
    await syncSearchRows(fingerprint, was !== null && adminAliasesChanged(was, fingerprint), async (slugs) =>
      (await loadRecords(slugs)).map(({ slug, records }) => ({ slug, rows: records.map(rowOf) })),
    );
  }
  population = await searchRowCount();
}

/** How a query word is looked up in the rows. */
function lookup(w: QueryWord): WordLookup {
  return {
    forms: formsOf(w).map((text) => {
      const tokens = indexTokens(text, true);
      return { text, tsquery: tokens.length ? tokens.map(lexeme).join(" & ") : null };
    }),
    date: w.date,
  };
}

/**
 * Candidates read for the full matches, in store order (the engine ranks the
 * first 300 of them in its own order: past this many a very common query
 * may rank other provisions than the embedded engine); with filters or
 * facets every match counts (up to EVERY_READ).
 */
const FULL_READ = 1000;
const EVERY_READ = 50_000;
/** Per word, partial-match candidates (the engine weighs up to 1,000 per word); loose-match candidates. */
const PARTIAL_READ = 1000;
const LOOSE_READ = 5000;

/** Runs a query: candidates from PostgreSQL, ranked by a SearchEngine over them. */
export async function runInPostgres(q: EngineQuery): Promise<EngineResult> {
  if (Date.now() - checkedAt > 1000 || checkedUrl !== databaseTarget().url) await syncPostgresSearch();
  const index = pgIndex();
  // Role words (牵头) hold where a named party has the role, written or not: only the other words narrow the rows.
  const plain = q.words.filter((w) => !w.roles);
  const lexical = (plain.length && plain.length < q.words.length ? plain : q.words).map(matchingWord);
  const lookups = lexical.map(lookup);
  const everything = q.facets || Object.values(q.filters).some((v) => Array.isArray(v) && v.length > 0);
  const wanted = q.offset + q.limit;
  const rows = new Map<number, CandidateRow>();
  const add = (list: CandidateRow[]) => {
    for (const r of list) rows.set(r.id, r);
  };
  const full = await searchCandidates({ words: lookups, all: true, limit: everything ? EVERY_READ : Math.max(FULL_READ, wanted), index });
  add(full);
  // The engine looks at partial and loose matches only when the full ones do not fill the page.
  if (full.length < wanted) {
    if (lookups.length > 1) add(await searchCandidates({ words: lookups, all: false, limit: PARTIAL_READ * lookups.length, index }));
    const first = lexical[0]!.text;
    if (rows.size < wanted + full.length && /^[\u4e00-\u9fff]{3,8}$/.test(first)) add(await searchCandidates({ words: [], all: true, limit: LOOSE_READ, index, tsquery: lexeme(first.slice(0, 2)) }));
  }
  const engine = new SearchEngine({ keepText: false });
  // In store order, as the embedded engine reads its slots: documents' provisions together.
  const byDocument = new Map<string, { version: number; records: SearchRecord[] }>();
  for (const r of [...rows.values()].sort((a, b) => a.id - b.id)) {
    let d = byDocument.get(r.slug);
    if (!d) byDocument.set(r.slug, (d = { version: r.version, records: [] }));
    const own = JSON.parse(r.record) as Omit<SearchRecord, "document" | "documentTitle" | "kind" | "issuer" | "issuedAt" | "effectiveFrom" | "effectiveUntil">;
    d.records.push({ ...own, document: r.slug, documentTitle: r.title, kind: r.kind, issuer: r.issuer, issuedAt: r.issuedAt, effectiveFrom: r.effectiveFrom, effectiveUntil: r.effectiveUntil });
  }
  for (const [slug, d] of byDocument) engine.addDocument(slug, d.version, d.records);
  return engine.run({ ...q, population });
}
