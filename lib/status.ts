/**
 * A document's dates read as facts: its validity status (现行有效 / 已失效 /
 * 已废止 / 尚未施行) computed against a given day so tests and pages agree,
 * the dates that order and place its versions, the year it is listed under,
 * and whole days between two days.
 */
export type ValidityStatus = "现行有效" | "已失效" | "已废止" | "尚未施行";

export const STATUSES: ValidityStatus[] = ["现行有效", "已失效", "已废止", "尚未施行"];

/** Whether a status means the document no longer applies (expired or repealed). */
export function isLapsed(status: ValidityStatus): boolean {
  return status === "已失效" || status === "已废止";
}

/** Today as YYYY-MM-DD in China Standard Time (documents' dates are Chinese calendar days). */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * A document's status on `today`: 已废止 from the day another document repeals
 * it (`repealedOn`, computed from relations, never typed by hand; "" when that
 * day is not known), 已失效 after
 * its expiry, 尚未施行 before it takes effect.
 */
export function validityStatus(dates: { effectiveFrom: string | null; effectiveUntil: string | null; issuedAt?: string | null; repealedOn?: string | null }, today: string = todayInChina()): ValidityStatus {
  // "" is a repeal on a day not known: repealed whatever the day.
  if (dates.repealedOn != null && dates.repealedOn <= today) return "已废止";
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

/** The date a version speaks from (its issue or revision date, else the day it takes effect): what orders versions of one document. */
export function versionDate(d: { issuedAt: string | null; effectiveFrom: string | null }): string | null {
  return d.issuedAt ?? d.effectiveFrom ?? null;
}

/**
 * The first day a version applies: not before it was issued (a revised law
 * keeps its first 施行 date in its text) and not before it takes effect
 * (a law passed in June may apply from January).
 */
export function appliesFrom(d: { issuedAt: string | null; effectiveFrom: string | null }): string | null {
  if (d.issuedAt && d.effectiveFrom) return d.issuedAt > d.effectiveFrom ? d.issuedAt : d.effectiveFrom;
  return d.issuedAt ?? d.effectiveFrom ?? null;
}

/** A real calendar day written YYYY-MM-DD (what ?asOf= accepts), or null. */
export function calendarDay(value: string | null | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value ? value : null;
}
