/**
 * Search inside PostgreSQL (POLICYKB_SEARCH=postgres): the rows of
 * "ProvisionSearch" (prisma/postgres/migrations/…_provision_search), one per
 * provision of a current document — its folded text, a tsvector of its
 * character bigrams (GIN), its deadline dates and its search record as JSON
 * — and the candidate queries over them. lib/search/pg.ts makes the rows
 * and the query plans; this file only runs SQL. Plain data in and out.
 */
import { sql, writeTransaction } from "./sql";

/** How a query word is looked up: any of its forms, or a deadline on its date. */
export interface WordLookup {
  forms: Array<{ text: string; tsquery: string | null }>;
  date: string | null;
}

/** Which GIN index finds candidates: the bigram tsvector, or pg_trgm over the folded text. */
export type PgIndex = "bigrams" | "trgm";

/** A candidate row: the provision's search record (JSON) and its document's fields. */
export interface CandidateRow {
  id: number;
  record: string;
  slug: string;
  version: number;
  title: string | null;
  kind: string | null;
  issuer: string | null;
  issuedAt: string | null;
  effectiveFrom: string | null;
  effectiveUntil: string | null;
}

/** One row to write. */
export interface SearchRow {
  provisionId: number;
  folded: string;
  /** A tsvector literal. */
  bigrams: string;
  dates: string[];
  record: string;
}

/** The store fingerprint the rows were last written for (null: never). */
export async function searchRowsFingerprint(): Promise<string | null> {
  const rows = await sql().all<{ fingerprint: string }>(`SELECT "fingerprint" FROM "SearchState" WHERE "id" = 1`);
  return rows[0]?.fingerprint ?? null;
}

/**
 * Brings the rows up to a store fingerprint in one transaction under an
 * advisory lock (two servers take turns): `all` drops every row first (an
 * administrator's alias moved party names), rows of documents no longer
 * current go, `write` adds the missing ones, then the fingerprint is noted.
 */
export async function syncSearchRows(fingerprint: string, all: boolean, write: (slugs: string[]) => Promise<Array<{ slug: string; rows: SearchRow[] }>>): Promise<number> {
  return writeTransaction(
    async (tx) => {
      await tx.all(`SELECT count(*) AS n FROM (SELECT pg_advisory_xact_lock(?::bigint)) AS l`, [0x504b5352]);
      if (all) await tx.run(`DELETE FROM "ProvisionSearch"`);
      await tx.run(`DELETE FROM "ProvisionSearch" s USING "Document" d WHERE d."id" = s."documentId" AND d."isCurrent" = ?`, [false]);
      const missing = (
        await tx.all<{ slug: string }>(
          `SELECT d."slug" FROM "Document" d WHERE d."isCurrent" = ? AND EXISTS (SELECT 1 FROM "Provision" p WHERE p."documentId" = d."id") AND NOT EXISTS (SELECT 1 FROM "ProvisionSearch" s WHERE s."documentId" = d."id") ORDER BY d."id"`,
          [true],
        )
      ).map((r) => r.slug);
      let written = 0;
      for (let i = 0; i < missing.length; i += 100) {
        for (const { rows } of await write(missing.slice(i, i + 100))) {
          for (let k = 0; k < rows.length; k += 500) {
            const part = rows.slice(k, k + 500);
            const values = part.map(() => `(?, (SELECT "documentId" FROM "Provision" WHERE "id" = ?), ?, ?::tsvector, ARRAY(SELECT json_array_elements_text(?::json)), ?)`).join(", ");
            await tx.run(
              `INSERT INTO "ProvisionSearch" ("provisionId", "documentId", "folded", "bigrams", "dates", "record") VALUES ${values} ON CONFLICT ("provisionId") DO NOTHING`,
              part.flatMap((r) => [r.provisionId, r.provisionId, r.folded, r.bigrams, JSON.stringify(r.dates), r.record]),
            );
          }
          written++;
        }
      }
      await tx.run(`INSERT INTO "SearchState" ("id", "fingerprint") VALUES (1, ?) ON CONFLICT ("id") DO UPDATE SET "fingerprint" = EXCLUDED."fingerprint"`, [fingerprint]);
      return written;
    },
    { timeoutMs: 30 * 60_000 },
  );
}

/** How many provisions the rows hold (what rare and common words are weighed against). */
export async function searchRowCount(): Promise<number> {
  const rows = await sql().all<{ n: number | bigint }>(`SELECT count(*) AS n FROM "ProvisionSearch"`);
  return Number(rows[0]?.n ?? 0);
}

/** `%…%` for LIKE, with the pattern characters escaped. */
const likeOf = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** SQL and parameters for "the row holds this word" (one of its forms, or a deadline on its date). */
function wordCondition(w: WordLookup, index: PgIndex, params: unknown[]): string {
  const parts: string[] = [];
  for (const f of w.forms) {
    if (index === "trgm") {
      params.push(likeOf(f.text));
      parts.push(`s."folded" LIKE ?`);
    } else if (f.tsquery) {
      params.push(f.tsquery, f.text);
      parts.push(`(s."bigrams" @@ ?::tsquery AND strpos(s."folded", ?) > 0)`);
    } else {
      params.push(f.text);
      parts.push(`strpos(s."folded", ?) > 0`);
    }
  }
  if (w.date) {
    params.push(JSON.stringify([w.date]));
    parts.push(`s."dates" @> ARRAY(SELECT json_array_elements_text(?::json))`);
  }
  return parts.length ? `(${parts.join(" OR ")})` : "FALSE";
}

/**
 * Rows of current documents holding every word (`all`) or any of them, in
 * store order, at most `limit`; `tsquery` instead: rows whose bigrams match it.
 */
export async function searchCandidates(q: { words: WordLookup[]; all: boolean; limit: number; index: PgIndex; tsquery?: string }): Promise<CandidateRow[]> {
  const params: unknown[] = [true];
  let where: string;
  if (q.tsquery !== undefined) {
    params.push(q.tsquery);
    where = `s."bigrams" @@ ?::tsquery`;
  } else {
    const conditions = q.words.map((w) => wordCondition(w, q.index, params));
    where = conditions.join(q.all ? " AND " : " OR ") || "FALSE";
  }
  params.push(q.limit);
  const rows = await sql().all<CandidateRow>(
    `SELECT s."provisionId" AS "id", s."record", d."slug", d."version", d."title", d."kind", d."issuer", d."issuedAt", d."effectiveFrom", d."effectiveUntil"
     FROM "ProvisionSearch" s JOIN "Document" d ON d."id" = s."documentId"
     WHERE d."isCurrent" = ? AND (${where}) ORDER BY s."provisionId" LIMIT ?`,
    params as Array<string | number | boolean>,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), version: Number(r.version) }));
}
