/**
 * A document's dates read as facts: its validity status (现行有效 / 已失效 /
 * 尚未施行) computed against a given day so tests and pages agree, the year
 * it is listed under, and whole days between two days.
 */
export type ValidityStatus = "现行有效" | "已失效" | "尚未施行";

export const STATUSES: ValidityStatus[] = ["现行有效", "已失效", "尚未施行"];

/** Today as YYYY-MM-DD in China Standard Time (documents' dates are Chinese calendar days). */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function validityStatus(dates: { effectiveFrom: string | null; effectiveUntil: string | null; issuedAt?: string | null }, today: string = todayInChina()): ValidityStatus {
  if (dates.effectiveUntil && dates.effectiveUntil < today) return "已失效";
  const from = dates.effectiveFrom ?? dates.issuedAt ?? null;
  if (from && from > today) return "尚未施行";
  return "现行有效";
}

/** The year a document is listed under (filters, facets): of issue, else of taking effect. */
export function documentYear(d: { issuedAt: string | null; effectiveFrom: string | null }): number | null {
  const day = d.issuedAt ?? d.effectiveFrom;
  return day ? Number(day.slice(0, 4)) : null;
}

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (positive when `to` is later); ISO days are compared as UTC midnights. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
