/**
 * One answer for every endpoint of the structured query API: parameters
 * checked (400 with a one-line reason), a page of items as JSON with the
 * cursor of the next page, or every row as the ledger's CSV
 * (format=csv or Accept: text/csv).
 */
import { exportResponse } from "../export/response";
import { todayInChina } from "../status";
import type { Endpoint } from "./endpoints";
import { ApiParamError, readParams, type ParamValues } from "./params";

const DEFAULT_LIMIT = 100;

/** A page's start as an opaque cursor, and back. */
function cursorOf(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString("base64url");
}

function offsetOf(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  try {
    const o = (JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { o?: unknown }).o;
    if (typeof o === "number" && Number.isInteger(o) && o >= 0) return o;
  } catch {
    // falls through to the error below
  }
  throw new ApiParamError("cursor is not one this API gave (use the nextCursor of the previous page)");
}

export interface ApiPage<T> {
  items: T[];
  /** Items matching the filters (all pages). */
  total: number;
  limit: number;
  /** Where the next page starts; null on the last page. */
  nextCursor: string | null;
}

/** The checked parameters and the matching rows of an endpoint. */
export async function query<T>(endpoint: Endpoint<T>, search: URLSearchParams, today = todayInChina()): Promise<{ values: ParamValues; rows: T[] }> {
  const values = readParams(search, endpoint.params);
  const { rows } = await endpoint.find(values, today);
  return { values, rows };
}

/** The page a request asks for. */
export function page<T>(rows: T[], values: ParamValues): ApiPage<T> {
  const limit = (values.limit as number | undefined) ?? DEFAULT_LIMIT;
  const offset = offsetOf(values.cursor as string | undefined);
  const items = rows.slice(offset, offset + limit);
  return { items, total: rows.length, limit, nextCursor: offset + limit < rows.length ? cursorOf(offset + limit) : null };
}

/** The HTTP answer of an endpoint to a request. */
export async function answer<T>(request: Request, endpoint: Endpoint<T>): Promise<Response> {
  const today = todayInChina();
  try {
    const { values, rows } = await query(endpoint, new URL(request.url).searchParams, today);
    const csv = values.format === "csv" || (values.format === undefined && /\btext\/csv\b/.test(request.headers.get("accept") ?? ""));
    if (csv) return exportResponse(endpoint.table(rows, endpoint.caption(values, today)), { format: "csv", baseName: `${endpoint.name}-${today}` });
    return Response.json(page(rows, values));
  } catch (error) {
    if (error instanceof ApiParamError) return Response.json({ error: error.message }, { status: 400 });
    throw error;
  }
}
