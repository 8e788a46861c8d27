/**
 * The search interface: what a query is and what it returns (../shared/CONTRACT.md §3,
 * with facets and breadcrumbs for the site). lib/search/index.ts implements it.
 */
import type { Role } from "../parser";
import type { ValidityStatus } from "../status";

export interface SearchFilters {
  /** Document slugs. */
  doc?: string[];
  kind?: string[];
  issuer?: string[];
  /** Year of issue (or of taking effect when no issue date). */
  year?: number[];
  role?: Role[];
  /** Party names (canonical or any alias). */
  party?: string[];
  status?: ValidityStatus[];
}

export interface SearchQuery {
  q: string;
  limit?: number;
  offset?: number;
  filters?: SearchFilters;
}

export interface Crumb {
  id: string;
  label: string | null;
  heading: string | null;
}

export interface SearchHit {
  document: string;
  documentTitle: string | null;
  provision: string;
  label: string | null;
  heading: string | null;
  citation: string;
  role: Role;
  /** Matched terms in <mark>; every other character HTML-escaped. */
  snippet: string;
  url: string;
  score: number;
  /** Ancestors of the provision, outermost first (二、 › （四）). */
  breadcrumb: Crumb[];
  /**
   * Query words this provision does not contain. Empty for full matches, which
   * always come first; when fewer provisions contain every word, the best
   * partial matches follow so the page is not empty.
   */
  missing: string[];
}

export interface Facet {
  value: string;
  count: number;
}

export type FacetName = "kind" | "issuer" | "year" | "role" | "party" | "status" | "doc";

export interface SearchResult {
  query: string;
  /** Matches of the query (after filters). */
  total: number;
  /**
   * true when `total` counts only the best candidates of a very common query
   * (no filter or facet asked for every match): there are at least `total`.
   */
  totalIsLowerBound: boolean;
  tookMs: number;
  hits: SearchHit[];
  facets: Record<FacetName, Facet[]>;
}

/** A query that cannot be run (empty, too long, bad filter): HTTP 400 / exit 2. */
export class SearchQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SearchQueryError";
  }
}
