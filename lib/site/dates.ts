/**
 * Calendar arithmetic on ISO days (YYYY-MM-DD): documents' dates are days
 * without a time zone, so they are compared as UTC midnights.
 */

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The month of a day, YYYY-MM. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** Every month from `first` to `last` inclusive (YYYY-MM). */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split("-").map(Number) as [number, number];
  const [ly, lm] = last.split("-").map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** 2016-05-01 → 2016年5月1日 (for running text). */
export function chineseDate(day: string | null): string {
  if (!day) return "—";
  const [y, m, d] = day.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}
