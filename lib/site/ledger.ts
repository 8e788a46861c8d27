/**
 * The party ledger's and the task list's URL parameters, read the same way
 * by the pages and by their export routes.
 */
import { RESPONSIBILITY_ROLES } from "../parser";
import { DEADLINE_STATUSES } from "../db/deadlines";
import { DUE_FILTERS, LEDGER_SORTS, resolveParty, type LedgerQuery } from "../db/parties";
import type { TaskQuery } from "../db/tasks";
import { DEADLINE_STATUS_LABELS, DUE_FILTER_LABELS, RESPONSIBILITY_LABELS } from "./labels";
import { dayParam, intParam, oneOf, param, type RawSearchParams } from "./params";

/** role, doc, due, sort, all → a ledger query. */
export function ledgerQueryOf(params: RawSearchParams, today: string): LedgerQuery {
  const all = param(params, "all");
  return { today, role: oneOf(params, "role", RESPONSIBILITY_ROLES), doc: param(params, "doc"), due: oneOf(params, "due", DUE_FILTERS), sort: oneOf(params, "sort", LEDGER_SORTS), all: all === "1" || all === "true" };
}

/** A party ledger's filters in words, written above an export's header. */
export function ledgerFiltersCaption(party: string, query: LedgerQuery): string {
  return filtersCaption(
    { 责任单位: party, 角色: query.role ? RESPONSIBILITY_LABELS[query.role] : undefined, 文件: query.doc, 时限: query.due ? DUE_FILTER_LABELS[query.due] : undefined, 包括已失效文件: query.all },
    query.today,
  );
}

/** What the task page's filters asked for, as typed (party in any name form). */
export interface TaskFilters {
  party?: string;
  role?: (typeof RESPONSIBILITY_ROLES)[number];
  doc?: string;
  issuer?: string;
  year?: number;
  status?: (typeof DEADLINE_STATUSES)[number];
  overdue?: boolean;
  all?: boolean;
  /** The tasks as they stood that day: documents in force then, in their version then, deadlines counted from then. */
  asOf?: string;
}

/** party, role, doc, issuer, year, status, overdue, all, asOf → the filters as typed. */
export function taskFiltersOf(params: RawSearchParams): TaskFilters {
  return {
    party: param(params, "party"),
    role: oneOf(params, "role", RESPONSIBILITY_ROLES),
    doc: param(params, "doc"),
    issuer: param(params, "issuer"),
    year: intParam(params, "year", 0) || undefined,
    status: oneOf(params, "status", DEADLINE_STATUSES),
    overdue: param(params, "overdue") === "1" || param(params, "overdue") === "true",
    all: param(params, "all") === "1" || param(params, "all") === "true",
    asOf: dayParam(params, "asOf"),
  };
}

/** A caption naming the filters that produced a table: 筛选条件：责任单位=工信部；年份=2019；导出日期 2026-12-05. */
export function filtersCaption(filters: Record<string, string | number | boolean | undefined | null>, today: string): string {
  const parts = Object.entries(filters)
    .filter(([, v]) => v !== undefined && v !== null && v !== "" && v !== false)
    .map(([k, v]) => (v === true ? k : `${k}=${v}`));
  return `筛选条件：${parts.length ? parts.join("；") : "无（全部）"}；导出日期 ${today}`;
}

/** The filters as URL values (for links, pagination and exports). */
export function taskFilterValues(filters: TaskFilters): Record<string, string | number | undefined> {
  return { party: filters.party, role: filters.role, doc: filters.doc, issuer: filters.issuer, year: filters.year, status: filters.status, overdue: filters.overdue ? "1" : undefined, all: filters.all ? "1" : undefined, asOf: filters.asOf };
}

/** The filters in words, written above an export's header: 筛选条件：责任单位=工信部；…；导出日期 2026-12-05. */
export function taskFiltersCaption(filters: TaskFilters, today: string): string {
  return filtersCaption(
    {
      责任单位: filters.party,
      角色: filters.role ? RESPONSIBILITY_LABELS[filters.role] : undefined,
      文件: filters.doc,
      发文机关: filters.issuer,
      年份: filters.year,
      状态: filters.status ? DEADLINE_STATUS_LABELS[filters.status] : undefined,
      只看逾期: filters.overdue,
      包括已失效文件: filters.all,
      查看日期: filters.asOf,
    },
    today,
  );
}

/** The filters as a task query: a party in any name form resolved to the parties it names. */
export async function taskQueryOf(filters: TaskFilters, today: string): Promise<TaskQuery> {
  const { party, ...rest } = filters;
  const parties = party ? await resolveParty(party) : undefined;
  return { today: filters.asOf ?? today, ...rest, ...(party ? { parties, partyAsWritten: party } : {}) };
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
