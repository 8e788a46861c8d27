/**
 * What a search query may be: one zod schema, with every limit in one place,
 * used by the API route and the search page (searchQueryFromParams) and by
 * the CLI (parseSearchQuery); search() runs every query through it too.
 * Values may come as strings (URL parameters, command-line options) or as
 * numbers. A bad value is a SearchQueryError naming the parameter: HTTP
 * 400, the page's error box, exit code 2.
 */
import { z } from "zod";
import { ROLES } from "../parser";
import { STATUSES, calendarDay } from "../status";
import { SearchQueryError, type SearchFilters, type SearchQuery } from "./types";

/** Longest query, in characters (leading and trailing spaces not counted). */
export const MAX_QUERY_LENGTH = 200;
const MAX_LIMIT = 100;
const MAX_OFFSET = 10_000;
const MAX_PAGE = 1000;
/** Values one filter may list, and the length of each. */
const MAX_VALUES = 20;
const MAX_VALUE_LENGTH = 200;

const bad = (name: string, what: string) => `bad parameter ${name}: ${what}`;
const shown = (input: unknown) => JSON.stringify(input) ?? String(input);

const whole = (name: string, min: number, max: number) => {
  const error = bad(name, `a whole number from ${min} to ${max}`);
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

/** A filter's values: each trimmed, 1 to MAX_VALUE_LENGTH characters, at most MAX_VALUES of them. */
const values = <T extends z.ZodType>(name: string, value: T) => z.array(value).max(MAX_VALUES, { error: bad(name, `at most ${MAX_VALUES} values`) }).optional();
const text = (name: string) => values(name, z.string().trim().min(1, { error: bad(name, "an empty value") }).max(MAX_VALUE_LENGTH, { error: bad(name, `values of at most ${MAX_VALUE_LENGTH} characters`) }));

const schema = z
  .object({
    q: z.string({ error: "query is empty" }).superRefine((q, ctx) => {
      const length = q.trim().length;
      if (!length) ctx.addIssue({ code: "custom", message: "query is empty" });
      else if (length > MAX_QUERY_LENGTH) ctx.addIssue({ code: "custom", message: `query is too long (${length} characters, at most ${MAX_QUERY_LENGTH})` });
    }),
    limit: whole("limit", 1, MAX_LIMIT).default(10),
    offset: whole("offset", 0, MAX_OFFSET).default(0),
    /** A page of `limit` hits, instead of `offset`. */
    page: whole("page", 1, MAX_PAGE).optional(),
    /** Count every match for facets (the site's search page). */
    facets: z.boolean().default(false),
    /** The collection as it stood that day: documents in force then, statuses as of then. */
    asOf: z
      .string()
      .refine((v) => calendarDay(v) !== null, { error: bad("asOf", "a day written YYYY-MM-DD") })
      .optional(),
    filters: z
      .object({
        doc: text("doc"),
        kind: text("kind"),
        issuer: text("issuer"),
        party: text("party"),
        role: values("role", z.enum(ROLES, { error: (iss) => `bad role ${shown(iss.input)} (expected one of ${ROLES.join(", ")})` })),
        status: values("status", z.enum(STATUSES, { error: (iss) => `bad status ${shown(iss.input)} (expected one of ${STATUSES.join(", ")})` })),
        year: values("year", whole("year", 1900, 2200)),
      })
      .default({}),
  })
  .superRefine((query, ctx) => {
    if (query.page !== undefined && (query.page - 1) * query.limit > MAX_OFFSET) ctx.addIssue({ code: "custom", message: bad("page", `at most offset ${MAX_OFFSET} (page ${query.page} of ${query.limit} hits)`) });
  });

/** A query as callers give it: numbers as numbers or strings, filters as lists of either (SearchQuery is one). */
export interface SearchQueryInput {
  q: string;
  limit?: number | string;
  offset?: number | string;
  page?: number | string;
  facets?: boolean;
  asOf?: string;
  filters?: { [K in keyof SearchFilters]?: Array<string | number> };
}

/** A checked query: its limit, offset and filters in range, `facets` said. */
export type CheckedQuery = Required<Pick<SearchQuery, "limit" | "offset" | "filters">> & { q: string; facets: boolean; asOf?: string };

/** Checks a query against the schema; throws SearchQueryError with the first problem. */
export function parseSearchQuery(input: SearchQueryInput): CheckedQuery {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new SearchQueryError(parsed.error.issues[0]?.message ?? "bad query");
  const { q, limit, offset, page, facets, filters, asOf } = parsed.data;
  const checked: SearchFilters = { doc: filters.doc, kind: filters.kind, issuer: filters.issuer, year: filters.year, role: filters.role, party: filters.party, status: filters.status };
  return { q, limit, offset: page ? (page - 1) * limit : offset, facets, filters: checked, ...(asOf ? { asOf } : {}) };
}

/** URL parameters: the API's URLSearchParams, or a page's searchParams (a value or a list of values per name). */
export type QueryParams = URLSearchParams | Record<string, string | string[] | undefined>;

const FILTERS = ["doc", "kind", "issuer", "role", "party", "status", "year"] as const;

/**
 * A query from URL parameters: q, limit, offset and page their first value,
 * each filter its repeated values (empty ones left out). `fixed` sets values
 * the URL cannot (the search page's page size, facets).
 */
export function searchQueryFromParams(params: QueryParams, fixed: { limit?: number; facets?: boolean } = {}): CheckedQuery {
  const all = (name: string): string[] => {
    if (params instanceof URLSearchParams) return params.getAll(name);
    const v = params[name];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  const first = (name: string) => all(name)[0];
  const filters: Record<string, string[]> = {};
  for (const name of FILTERS) {
    const list = all(name).filter((v) => v !== "");
    if (list.length) filters[name] = list;
  }
  return parseSearchQuery({ q: first("q") ?? "", limit: fixed.limit ?? first("limit"), offset: first("offset"), page: first("page"), facets: fixed.facets, asOf: first("asOf") || undefined, filters });
}
