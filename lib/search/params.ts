/**
 * Search parameters from a URL (the API and the search page): validated with
 * zod, turned into a SearchQuery; bad values are a SearchQueryError (400).
 */
import { z } from "zod";
import { SearchQueryError, type SearchQuery } from "./types";

const many = z.array(z.string().trim().min(1).max(200)).max(20);
const schema = z.object({
  q: z.string().max(400).default(""),
  limit: z.coerce.number().int().min(1).max(100).default(10),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
  page: z.coerce.number().int().min(1).max(1000).optional(),
  doc: many.optional(),
  kind: many.optional(),
  issuer: many.optional(),
  role: many.optional(),
  party: many.optional(),
  status: many.optional(),
  year: z.array(z.coerce.number().int().min(1900).max(2200)).max(20).optional(),
});

/** Reads a SearchQuery from URL parameters (repeated keys or comma-free values). */
export function searchQueryFromParams(params: URLSearchParams): SearchQuery & { facets?: boolean } {
  const raw: Record<string, unknown> = {};
  for (const key of ["q", "limit", "offset", "page"]) {
    const v = params.get(key);
    if (v !== null) raw[key] = v;
  }
  for (const key of ["doc", "kind", "issuer", "role", "party", "status", "year"]) {
    const v = params.getAll(key).filter((x) => x !== "");
    if (v.length) raw[key] = v;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SearchQueryError(`bad parameter ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`);
  }
  const p = parsed.data;
  const offset = p.page ? (p.page - 1) * p.limit : p.offset;
  return {
    q: p.q,
    limit: p.limit,
    offset,
    filters: { doc: p.doc, kind: p.kind, issuer: p.issuer, role: p.role as NonNullable<SearchQuery["filters"]>["role"], party: p.party, status: p.status as NonNullable<SearchQuery["filters"]>["status"], year: p.year },
  };
}
