/** `policykb search QUERY [--limit N] [--json] [filters]`: searches stored provisions. */
import { closeDb } from "../db/client";
import { migrate } from "../db/migrate";
import { parseSearchQuery, search, SearchQueryError } from "../search";
import { UsageError } from "./errors";

export interface SearchCommandOptions {
  limit?: string;
  json: boolean;
  doc?: string[];
  role?: string[];
  party?: string[];
  kind?: string[];
  issuer?: string[];
  year?: string[];
  status?: string[];
}

export async function searchCommand(words: string[], options: SearchCommandOptions): Promise<number> {
  const q = words.join(" ");
  const { doc, role, party, kind, issuer, year, status } = options;
  // Checked before the database is opened: a bad option exits 2 with the schema's message (lib/search/query.ts).
  let query;
  try {
    query = parseSearchQuery({ q, limit: options.limit, filters: { doc, role, party, kind, issuer, year, status } });
  } catch (error) {
    if (error instanceof SearchQueryError) throw new UsageError(error.message);
    throw error;
  }
  await migrate();
  try {
    const result = await search(query);
    if (options.json) {
      process.stdout.write(JSON.stringify(result, null, 2) + "\n");
    } else {
      const strip = (s: string) => s.replace(/<\/?mark>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
      process.stdout.write(`${result.totalIsLowerBound ? "at least " : ""}${result.total} provision(s) for "${q}" (${result.tookMs} ms)\n`);
      for (const h of result.hits) process.stdout.write(`\n${h.documentTitle ?? h.document} ${h.citation}\n  ${strip(h.snippet)}\n  ${h.url}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof SearchQueryError) throw new UsageError(error.message);
    throw error;
  } finally {
    await closeDb();
  }
}
