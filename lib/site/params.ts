/**
 * Reading pages' URL search parameters: the filters, sort and page of every
 * list live in the URL, so a view can be shared, bookmarked and exported.
 */

import { calendarDay } from "../status";

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** The first value of a parameter, trimmed; undefined when absent or empty. */
export function param(params: RawSearchParams, name: string): string | undefined {
  const raw = params[name];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value ? value : undefined;
}

/** Every non-empty value of a repeated parameter (?kind=a&kind=b). */
export function paramList(params: RawSearchParams, name: string): string[] {
  const raw = params[name];
  const values = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}

/** A positive integer parameter, or the fallback. */
export function intParam(params: RawSearchParams, name: string, fallback: number): number {
  const value = Number(param(params, name));
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** One value out of a fixed set, or undefined. */
export function oneOf<T extends string>(params: RawSearchParams, name: string, allowed: readonly T[]): T | undefined {
  const value = param(params, name);
  return allowed.find((a) => a === value);
}

export type QueryValues = Record<string, string | number | readonly (string | number)[] | undefined | null>;

/** A query string ("?a=1&b=2", or "" when empty) from values; empty values are left out. */
export function queryString(values: QueryValues): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) for (const v of value as readonly (string | number)[]) search.append(key, String(v));
    else search.append(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : "";
}

/** Values with one key toggled in a list parameter (facet links). */
export function toggled(values: QueryValues, key: string, value: string): QueryValues {
  const current = values[key];
  const list = (Array.isArray(current) ? current : current === undefined || current === null || current === "" ? [] : [current]).map(String);
  const next = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  return { ...values, [key]: next };
}

/**
 * A page's dynamic route segment as text: percent-decoded once (kept as given
 * when it is not valid percent-encoding). Next 16 hands page components their
 * params still encoded but route handlers (and, since 16.2, generateMetadata:
 * vercel/next.js#95343) decoded, so route handlers use their params as they
 * are. Paths that cannot be decoded at all never get here: proxy.ts answers them.
 */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** A day parameter (?asOf=YYYY-MM-DD): the day when it is a real calendar day, else undefined (a bad value shows today's view). */
export function dayParam(params: RawSearchParams, name: string): string | undefined {
  return calendarDay(param(params, name)) ?? undefined;
}
