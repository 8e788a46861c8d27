/**
 * Validity status of a document from its dates (现行有效 / 已失效 / 尚未施行),
 * computed against a given day so tests and pages agree.
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
