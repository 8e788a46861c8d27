/**
 * The party ledger's and the task list's URL parameters, read the same way
 * by the pages and by their export routes.
 */
import { RESPONSIBILITY_ROLES } from "../parser";
import { DUE_FILTERS, LEDGER_SORTS, type LedgerQuery } from "../db/parties";
import type { TaskQuery } from "../db/tasks";
import { intParam, oneOf, param, type RawSearchParams } from "./params";

/** role, doc, due, sort → a ledger query. */
export function ledgerQueryOf(params: RawSearchParams, today: string): LedgerQuery {
  return { today, role: oneOf(params, "role", RESPONSIBILITY_ROLES), doc: param(params, "doc"), due: oneOf(params, "due", DUE_FILTERS), sort: oneOf(params, "sort", LEDGER_SORTS) };
}

/** party, doc, year, overdue → a task query. */
export function taskQueryOf(params: RawSearchParams, today: string): TaskQuery {
  return { today, party: param(params, "party"), doc: param(params, "doc"), year: intParam(params, "year", 0) || undefined, overdue: param(params, "overdue") === "1" };
}

/** URLSearchParams of a request as page-style search params. */
export function paramsOfUrl(url: string): RawSearchParams {
  const out: RawSearchParams = {};
  for (const [key, value] of new URL(url).searchParams) {
    const had = out[key];
    out[key] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
  }
  return out;
}
