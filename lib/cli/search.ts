/** `policykb search QUERY [--limit N] [--json] [filters]`: searches stored provisions. */
import { closeDb } from "../db/client";
import { migrate } from "../db/migrate";
import { search, SearchQueryError, type SearchFilters } from "../search";
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
  const limit = options.limit === undefined ? 10 : Number(options.limit);
  if (options.limit !== undefined && !/^\d+$/.test(options.limit)) throw new UsageError(`--limit must be a whole number (got "${options.limit}")`);
  const filters: SearchFilters = {
    doc: options.doc, role: options.role as SearchFilters["role"], party: options.party, kind: options.kind, issuer: options.issuer,
    status: options.status as SearchFilters["status"], year: options.year?.map((y) => (/^\d{4}$/.test(y) ? Number(y) : NaN)),
  };
  await migrate();
  try {
    const result = await search({ q, limit, filters });
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
