/**
 * Calendar helpers for resolving deadlines: last day of a month, ISO strings,
 * Chinese-numeral dates (二〇一八年十二月二十一日).
 */
import { chineseToNumber } from "./numerals";
import { ANY_DATE } from "./patterns";

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function iso(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The first full date in a (folded) string, in Arabic or Chinese numerals. */
export function parseFullDate(text: string): string | null {
  const m = ANY_DATE.exec(text);
  if (!m) return null;
  if (m[1]) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  const y = chineseToNumber((m[4] ?? "").replace(/○/g, "〇"));
  const mo = chineseToNumber(m[5] ?? "");
  const d = chineseToNumber(m[6] ?? "");
  return y && mo && d ? iso(y, mo, d) : null;
}

/** Adds whole years/months/days to an ISO date. */
export function addToDate(date: string, amount: { years?: number; months?: number; days?: number }): string | null {
  const [y, m, d] = date.split("-").map(Number);
  if (!y || !m || !d) return null;
  const t = new Date(Date.UTC(y + (amount.years ?? 0), m - 1 + (amount.months ?? 0), d + (amount.days ?? 0)));
  return t.toISOString().slice(0, 10);
}
