/**
 * Stage 11: deadlines. Finds the dates a text sets — due dates (2019年3月底前,
 * 6月底完成), milestones (到2020年), effective and expiry dates (自2016年5月1日起施行,
 * 自印发之日起施行, 有效期2年), windows (1997年4―6月: one deadline, its end),
 * recurring dates (每年三月底前: the first occurrence) — and resolves each to a
 * calendar day, keeping the words. History (2016年实施的…, 已经…通过),
 * baselines (比2015年), statistics (2016年的69.2%) and cut-offs that say who is
 * eligible (2018年12月31日之前已完成转制的企业) are left out.
 */
import { addToDate, iso, lastDayOfMonth, parseFullDate } from "./dates";
import { allMatches } from "./matches";
import { chineseToNumber, numeralValue } from "./numerals";
import { CITED_TITLE, isDocumentTerm } from "./patterns";
import type { DeadlineKind } from "./types";

export interface FoundDeadline {
  text: string;
  date: string | null;
  kind: DeadlineKind;
  estimate?: string;
  /** A window's first day (1997年4―6月 → 1997-04-01), kept beside its end. */
  from?: string;
  /** Why the date is an assumption a person should check (a year the text does not write). */
  doubt?: string;
  start: number;
  end: number;
}

export interface DeadlineContext {
  issuedAt: string | null;
  /** The day the text was first published (its notes' 发布/公布 date), when it differs from the issue date of a revision. */
  publishedAt?: string | null;
  effectiveFrom: string | null;
  /** Whether this text speaks for the whole document (closing lines, preamble). */
  documentLevel: boolean;
  /** The year a month without one belongs to: the document's (its title's year, else its issue year). */
  documentYear?: number | null;
  /** Whether that year is the title's (2022年…考评办法): then a month without a year is no guess. */
  yearFromTitle?: boolean;
}

const CN_MONTH = "[一二三四五六七八九十]{1,3}";
/** 2019年 / 2019年3月 / 2019年3月1日, then 底/末/初/中/上半年/季度/年底. 初 and 中 only as words of their own (not 初步, 中山市). */
const TIME = /(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?(?:\s*(年底|年末|年初|年中|底|末|初(?![步始见具级次稿审选中])|中(?![\u4e00-\u9fa5])|上半年|下半年|第?[一二三四1-4]季度))?/g;
/** A month set without its year: 3月底前, 6月底完成, 12月取得明显成效, 三月底前, 6月份取得…, after 每年 or alone. */
const MONTH_ONLY = new RegExp(`(?<!\\d\\s*年\\s*)(?<![\\d${CN_MONTH.slice(1, -6)}])(\\d{1,2}|${CN_MONTH})\\s*月(?:份)?\\s*(底|末|中旬|上旬|下旬)?\\s*(?=前|之前|以前|底|末|完成|取得|实现|建成|建立|启动|上线|出台|印发|制定|报送|报|开展|召开|举办|组织|形成|部署|推进|落实|见效)`, "g");
/** 每年1月31日前, 每年三月十五日以前, 每年年底前: a recurring due day (a recurring day without 前, 每年9月30日为…, is no due date). */
const EVERY_YEAR_DAY = new RegExp(`每年\\s*(?:(\\d{1,2}|${CN_MONTH})\\s*月\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*[日号]|(年底|年末))\\s*(?:前|之前|以前)`, "g");
/** 年底前 / 年内 without a year: the document's year. */
const YEAR_END_ONLY = /(?<![\d年每])年(?:底|末)(?:前|之前)?(?=完成|前|实现|建成|基本|全面|,|，|。)/g;
const RELATIVE = /(?:自|在|于)?\s*(?:本[\u4e00-\u9fa5]{1,4})?(印发|发布|公布|施行|实施|下发)(?:之日)?(?:起|后)\s*(\d+|[一二三四五六七八九十两]+)\s*(个?工作日|日|天|个月|年)(?:内|以内)/g;
/** 自一九九三年三月一日起施行, 自二○○四年十月一日起施行: the effective day in Chinese numerals. */
const EFFECTIVE_CN = /自\s*[〇○零一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,3}\s*月\s*[一二三四五六七八九十]{1,3}\s*日\s*起?\s*(?:施行|实施|执行|生效)/g;
/** 自印发之日起施行: the issue date is the effective date. */
const EFFECTIVE_ON_ISSUE = /自\s*(?:印发|发布|公布|颁布|下发|签发)之日起\s*(?:施行|实施|执行|生效)/g;
/** 有效期2年 / 有效期为五年: counted from the effective date. */
const VALID_FOR = /有效期(?:为|是)?\s*([\d一二三四五六七八九十两]+)\s*年/g;
const MILESTONE_YEARS = /([一二三四五六七八九十两])年(破局|起步|见效|稳定|提升|突破|巩固|完成|达标|初见成效|大见成效)/g;
/** A window of months or years: 1997年4―6月, 1997年10月――1998年2月, 2012－2015年. */
const WINDOW = /(\d{4})\s*年\s*(\d{1,2})\s*(?:月)?\s*(?:[-—―~～至到]+)\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月|(\d{4})\s*(?:年)?\s*[-—―~～至到]+\s*(\d{4})\s*年/g;

/** A year named anywhere (the one a month belongs to). */
const YEAR_MENTION = /(\d{4})\s*年/g;
/** 通过三年努力 / 用两年时间: a span of years to reach something. */
const YEARS_OF_EFFORT = /(?:通过|经过|用)\s*([一二三四五六七八九十两]|\d+)\s*年(?:左右)?(?:的)?(?:时间)?(?:努力|时间)/g;

const PAST_AFTER = /^(?:的\s*[\d.]+|以来|期间|的|印发|出台|发布|召开|通过|颁布|修订|已|年度的|实施的|开始实施的|共|全年)/;
const BASELINE_BEFORE = /(?:比|较|与|同|相比|相较|对比|低于|高于)\s*$/;
/** 已经2020年4月29日…会议通过: a date the text reports, not one it sets. */
const REPORTED_BEFORE = /(?:已经|已于|曾于|业经|经)\s*$/;
/** 2018年12月31日之前已完成转制的企业: a cut-off saying who qualifies, not a date to meet. */
const ELIGIBILITY_AFTER = /^\s*(?:之前|以前|前|后|之后|以后|起)?\s*(?:已|已经|新|依法)?[^,，。;；]{0,16}(?:注册|登记|成立|设立|完成|取得|办理|批准|认定|转制|入驻|开工|投产|签订|参保|出生|入学)[^,，。;；]{0,8}的/;
/** The words of a window that say what applies in it (a rule's term), not a phase of work. */
const VALIDITY_WORDS = /施行|执行|实施|有效|标准|政策|期间|期限|给予|享受|减免|补贴|返还|免征|缓缴/;

function quarterEnd(q: string): [number, number] {
  const n = /\d/.test(q) ? Number(q.replace(/\D/g, "")) : chineseToNumber(q.replace(/[第季度]/g, "")) ?? 4;
  return [n * 3, lastDayOfMonth(2001, n * 3)];
}

/** Resolves year/month/day/period words to a date: the end of the named period. */
function resolve(year: number, month: number | null, day: number | null, period: string | null): string | null {
  if (month && day) return iso(year, month, day);
  if (month) return iso(year, month, lastDayOfMonth(year, month));
  switch (period) {
    case "初":
    case "年初":
      return iso(year, 1, 1);
    case "中":
    case "年中":
    case "上半年":
      return iso(year, 6, 30);
    case null:
    case "底":
    case "末":
    case "年底":
    case "年末":
    case "下半年":
      return iso(year, 12, 31);
    default:
      if (period.includes("季度")) {
        const [m, d] = quarterEnd(period);
        return iso(year, m, d);
      }
      return iso(year, 12, 31);
  }
}

function yearsMonthsDays(amount: number, unit: string): { years?: number; months?: number; days?: number } {
  if (unit.includes("年")) return { years: amount };
  if (unit.includes("月")) return { months: amount };
  return { days: amount };
}

/** Whether `[s, e)` of the text (which starts at `offset`) overlaps a deadline already found. */
function overlapsFound(found: FoundDeadline[], offset: number, s: number, e: number): boolean {
  return found.some((d) => s < d.end - offset && e > d.start - offset);
}

/** The first day on or after `start` that is `day` of `month` (its last day when no day is given): a recurring date's first occurrence. */
function firstOccurrence(start: string | null, month: number, day = 31): string | null {
  if (!start) return null;
  const y = Number(start.slice(0, 4));
  const first = iso(y, month, Math.min(day, lastDayOfMonth(y, month)));
  return first && first >= start ? first : iso(y + 1, month, Math.min(day, lastDayOfMonth(y + 1, month)));
}

/** A date more than 45 days before the document was issued: history, not a date set. */
function isHistory(date: string | null, issued: string | null): boolean {
  if (!date || !issued) return false;
  const limit = addToDate(issued, { days: -45 });
  return limit !== null && date < limit;
}

/** The end of `years` years counted from the effective date, if it is known. */
function estimatedEnd(effectiveFrom: string | null, years: number): string | undefined {
  return effectiveFrom ? addToDate(effectiveFrom, { years, days: -1 }) ?? undefined : undefined;
}

/** Why a date without its year is a guess: the document's year stood in for it. */
function guessedYear(year: number | null): string {
  return year ? `年份未写明，按文件年份推定为${year}年` : "年份未写明，文件也没有年份";
}

/** A month written in Arabic or Chinese numerals. */
function monthValue(text: string): number | null {
  const n = /^\d+$/.test(text) ? Number(text) : chineseToNumber(text);
  return n && n >= 1 && n <= 12 ? n : null;
}

/** Stage 11 entry point: deadlines in one piece of (folded) text starting at `offset`. */
export function findDeadlines(text: string, offset: number, context: DeadlineContext): FoundDeadline[] {
  const found: FoundDeadline[] = [];
  const issued = context.issuedAt;
  const documentYear = context.documentYear ?? (issued ? Number(issued.slice(0, 4)) : null);

  // Windows first: 1997年4―6月 → 1997-06-30 (its start kept beside it).
  for (const m of /[-—―~～至到]/.test(text) ? allMatches(WINDOW, text) : []) {
    const s = m.index;
    const e = s + m[0].length;
    let from: string | null;
    let to: string | null;
    if (m[1]) {
      const y1 = Number(m[1]);
      const y2 = m[3] ? Number(m[3]) : y1;
      const m1 = Number(m[2]);
      const m2 = Number(m[4]);
      from = iso(y1, m1, 1);
      to = iso(y2, m2, lastDayOfMonth(y2, m2));
    } else {
      from = iso(Number(m[5]), 1, 1);
      to = iso(Number(m[6]), 12, 31);
    }
    if (!from || !to || to < from || isHistory(to, issued)) continue;
    // 政策期限为2016年至2018年: the term of the rules, its first and last day; else a phase, its end.
    if (/施行|有效|期限|执行期|实施期/.test(text.slice(Math.max(0, s - 10), s))) {
      found.push({ text: m[0], date: from, kind: "effective", start: offset + s, end: offset + e });
      found.push({ text: m[0], date: to, kind: "expiry", start: offset + s, end: offset + e });
    } else found.push({ text: m[0], date: to, kind: "due", from, start: offset + s, end: offset + e });
  }

  let everyYearFrom: number | null = null;
  let lastYear: number | null = null;
  TIME.lastIndex = 0;
  for (let m = TIME.exec(text); m; m = TIME.exec(text)) {
    const s = m.index;
    let e = s + m[0].length;
    if (overlapsFound(found, offset, s, e)) continue;
    const year = Number(m[1]);
    const month = m[2] ? Number(m[2]) : null;
    const day = m[3] ? Number(m[3]) : null;
    const period = m[4] ?? null;
    lastYear = year;
    const before = text.slice(Math.max(0, s - 6), s);
    const after = text.slice(e, e + 14);
    if (BASELINE_BEFORE.test(before) || REPORTED_BEFORE.test(before)) continue;
    // Ranges: 2019年1月1日至12月31日, 2016年至2018年, 自2012年2月1日至2017年1月31日.
    const range = /^\s*(?:至|到|-+|—+|―+|~|～)\s*(?:(\d{4})\s*年)?(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?/.exec(after);
    if (range && (range[1] || range[2])) {
      const endYear = range[1] ? Number(range[1]) : year;
      const endMonth = range[2] ? Number(range[2]) : null;
      const endDay = range[3] ? Number(range[3]) : null;
      const startDate = month ? resolve(year, month, day ?? 1, null) : iso(year, 1, 1);
      const endDate = resolve(endYear, endMonth, endDay, null);
      const rangeEnd = e + range[0].length;
      const tail = text.slice(rangeEnd, rangeEnd + 6);
      const sentence = text.slice(Math.max(0, text.lastIndexOf("。", s) + 1), Math.max(rangeEnd, text.indexOf("。", rangeEnd) < 0 ? text.length : text.indexOf("。", rangeEnd)));
      const validity = context.documentLevel || /施行|有效|期限|执行/.test(text.slice(Math.max(0, s - 8), s) + tail);
      const words = text.slice(s, rangeEnd);
      if (!isHistory(endDate, issued)) {
        // A term in which a rule applies gives its first and last day; a phase of work, only its end.
        if (validity || (day && VALIDITY_WORDS.test(sentence))) {
          found.push({ text: words, date: startDate, kind: validity ? "effective" : "period", start: offset + s, end: offset + rangeEnd });
          found.push({ text: words, date: endDate, kind: validity ? "expiry" : "period", start: offset + s, end: offset + rangeEnd });
        } else {
          found.push({ text: words, date: endDate, kind: "due", ...(startDate ? { from: startDate } : {}), start: offset + s, end: offset + rangeEnd });
        }
      }
      TIME.lastIndex = rangeEnd;
      continue;
    }
    if (PAST_AFTER.test(after.replace(/^\s+/, "")) && !/^\s*(?:前|之前|以前|底前|起)/.test(after)) continue;
    if (day && ELIGIBILITY_AFTER.test(after + text.slice(e + 14, e + 30))) continue;
    // 自2021年7月1日施行: the effective day without 起.
    const suffix = /^\s*(前|之前|以前|底前|末前|为止|止|起施行|起实施|起执行|起生效|起|开始|以后|后)?/.exec(after)?.[1] ?? (day && /自\s*$/.test(before) ? /^\s*(施行|实施|生效)/.exec(after)?.[1] ?? null : null);
    // YYYY年起N年内 → the end of the N-th year.
    const within = /^\s*(?:起|开始)\s*[,，]?\s*(\d+|[一二三四五六七八九十两]+)\s*年(?:内|以内|时间内)/.exec(after);
    if (within) {
      const n = numeralValue(within[1]!) ?? 0;
      e += within[0].length;
      found.push({ text: text.slice(s, e), date: iso(year + n - 1, 12, 31), kind: "due", start: offset + s, end: offset + e });
      continue;
    }
    if (suffix && /^起|^(?:施行|实施|生效)$/.test(suffix) && /施行|实施|执行|生效/.test(suffix)) {
      const date = resolve(year, month, day ?? (month ? 1 : null), month ? null : "初");
      found.push({ text: text.slice(Math.max(0, s - (before.endsWith("自") ? 1 : 0)), e + suffix.length), date, kind: "effective", start: offset + s, end: offset + e + suffix.length });
      continue;
    }
    if (suffix === "起" || suffix === "开始") {
      // 从2019年起…每年2月底前: the first occurrence. A start date on its own is a period start.
      const every = /^\s*(?:起|开始)\s*[,，]?\s*[^。;]{0,30}?每年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:底|末)?/.exec(after.concat(text.slice(e + 14, e + 40)));
      if (every) {
        everyYearFrom = year;
        continue;
      }
      const date = month && day ? iso(year, month, day) : month ? iso(year, month, 1) : iso(year, 1, 1);
      if (!isHistory(date, issued)) {
        found.push({ text: text.slice(s, e + suffix.length), date, kind: context.documentLevel && day ? "effective" : month && day ? "period" : "milestone", start: offset + s, end: offset + e + suffix.length });
      }
      continue;
    }
    // 2015年后 / 2018年以后: a time after which something holds, no date to meet.
    if (suffix === "后" || suffix === "以后") continue;
    const prefix = /(?:到|至|截至|截止到?|力争到?|争取到?|力争在|在|(?<!对)于)\s*$/.exec(before)?.[0] ?? "";
    const date = resolve(year, month, day, period);
    if (isHistory(date, issued)) continue;
    const hasCue = Boolean(suffix) || Boolean(period) || /到|至|截/.test(prefix);
    // A bare year opening a sentence (2019年，在全国启动…) sets a milestone; other bare years are not dates set.
    const opensSentence = !month && /^\s*[,，]/.test(after) && (s === 0 || /[。;:,\s]$/.test(text.slice(0, s)));
    const dateIsFuture = !issued || (date !== null && date >= issued);
    // 2020年初步建成…: a year followed at once by what is to be reached by then.
    const reachedBy = dateIsFuture && /^\s*(?:初步|基本|全面|全部|率先|力争|要)?(?:建成|实现|完成|形成|达到|覆盖|建立)/.test(after);
    if (!hasCue && !(opensSentence && dateIsFuture) && !reachedBy && !(month && /^\s*(?:底|末)?\s*(?:前|完成|实现|建成)/.test(after))) continue;
    // 至2047年6月30日止: the end of a term (a lease, a licence), not a date to meet.
    const term = /^\s*(?:止|为止)/.test(after) && /(?:至|到)\s*$/.test(before);
    const kind: DeadlineKind = term ? "period" : /有效期(?:至|到)|截止|终止/.test(text.slice(Math.max(0, s - 6), s)) ? "expiry" : /到|至|截/.test(prefix) || (!month && !suffix && !period) ? "milestone" : "due";
    const end = e + (suffix?.length ?? 0);
    found.push({ text: text.slice(s - prefix.length, end), date, kind, start: offset + s - prefix.length, end: offset + end });
  }

  // Recurring dates count from 从2019年起 when the text says so, else from the day the document takes effect.
  const recurrenceStart = everyYearFrom !== null ? iso(everyYearFrom, 1, 1) : context.effectiveFrom ?? issued;
  // 每年1月31日前 / 每年年底前: a recurring due day, read as its first occurrence on or after the day the document takes effect.
  for (const m of text.includes("每年") ? allMatches(EVERY_YEAR_DAY, text) : []) {
    if (overlapsFound(found, offset, m.index, m.index + m[0].length)) continue;
    const month = m[3] ? 12 : monthValue(m[1]!);
    const day = m[3] ? 31 : numeralValue(m[2]!);
    if (!month || !day || day > lastDayOfMonth(2000, month)) continue;
    const date = firstOccurrence(recurrenceStart, month, day);
    found.push({ text: m[0], date, kind: "due", ...(date ? {} : { doubt: "起始年份未知（文件没有成文或施行日期）" }), start: offset + m.index, end: offset + m.index + m[0].length });
  }
  // A month without its year: 每年三月底前 → the first occurrence; 6月底完成 → the year named before it, else the document's.
  MONTH_ONLY.lastIndex = 0;
  for (let m = MONTH_ONLY.exec(text); m; m = MONTH_ONLY.exec(text)) {
    const s = m.index;
    const e = s + m[0].length;
    if (overlapsFound(found, offset, s, e)) continue;
    const month = monthValue(m[1]!);
    if (!month) continue;
    const prior = text.slice(0, s);
    const every = /每年\s*$/.test(prior);
    const yearBefore = allMatches(YEAR_MENTION, prior).at(-1);
    const tail = /^\s*(前|之前|以前)?/.exec(text.slice(e))?.[1] ?? "";
    let date: string | null = null;
    let doubt: string | null = null;
    if (every) {
      date = firstOccurrence(recurrenceStart, month);
    } else {
      const year = yearBefore ? Number(yearBefore[1]) : everyYearFrom ?? lastYear ?? documentYear;
      date = year ? iso(year, month, lastDayOfMonth(year, month)) : null;
      if (!yearBefore && everyYearFrom === null && lastYear === null && !context.yearFromTitle) doubt = guessedYear(year);
    }
    if (isHistory(date, issued)) continue;
    const from = every ? s - 2 : s;
    if (every && !date) doubt = "起始年份未知（文件没有成文或施行日期）";
    found.push({ text: text.slice(from, e + tail.length), date, kind: "due", ...(doubt ? { doubt } : {}), start: offset + from, end: offset + e + tail.length });
  }
  // 年底前完成 without a year: the end of the document's year.
  for (const m of text.includes("年底") || text.includes("年末") ? allMatches(YEAR_END_ONLY, text) : []) {
    if (overlapsFound(found, offset, m.index, m.index + m[0].length)) continue;
    const named = allMatches(YEAR_MENTION, text.slice(0, m.index)).at(-1)?.[1];
    const year = named ?? documentYear;
    if (!year) continue;
    found.push({ text: m[0], date: iso(Number(year), 12, 31), kind: "due", ...(named || context.yearFromTitle ? {} : { doubt: guessedYear(Number(year)) }), start: offset + m.index, end: offset + m.index + m[0].length });
  }

  // 印发之日起30日内 → the issue date plus 30 days; 施行后一年内 → the effective date plus a year.
  RELATIVE.lastIndex = 0;
  for (let m = text.includes("内") ? RELATIVE.exec(text) : null; m; m = RELATIVE.exec(text)) {
    // Only documents are 印发 or 下发; what is 公布 or 发布 without 本 (an application, a list, a notice:
    // 外观设计国际申请公布之日起3个月内) starts a period with no fixed date, no deadline of this document.
    if (/发布|公布/.test(m[1]!) && !m[0].includes("本")) continue;
    const amount = numeralValue(m[2]!) ?? 0;
    const base = /施行|实施/.test(m[1]!) ? context.effectiveFrom : /发布|公布/.test(m[1]!) ? (context.publishedAt ?? issued) : issued;
    const date = base ? addToDate(base, yearsMonthsDays(amount, m[3]!)) : null;
    found.push({ text: m[0].trim(), date, kind: "due", ...(date ? {} : { doubt: `起算日期（${m[1]}日期）未知，无法算出时限` }), start: offset + m.index, end: offset + m.index + m[0].length });
  }
  // 自一九九三年三月一日起施行: a date in Chinese numerals that starts the document.
  for (const m of /[〇○零]/.test(text) || text.includes("九") ? allMatches(EFFECTIVE_CN, text) : []) {
    if (overlapsFound(found, offset, m.index, m.index + m[0].length)) continue;
    found.push({ text: m[0], date: parseFullDate(m[0]), kind: "effective", start: offset + m.index, end: offset + m.index + m[0].length });
  }
  // 自印发之日起施行 → the issue date; 有效期2年 → the effective date plus two years, less a day.
  for (const m of text.includes("之日起") ? allMatches(EFFECTIVE_ON_ISSUE, text) : []) {
    if (overlapsFound(found, offset, m.index, m.index + m[0].length)) continue;
    found.push({ text: m[0], date: /发布|公布|颁布/.test(m[0]) ? (context.publishedAt ?? issued) : issued, kind: "effective", start: offset + m.index, end: offset + m.index + m[0].length });
  }
  for (const m of text.includes("有效期") ? allMatches(VALID_FOR, text) : []) {
    if (!isDocumentTerm(text, m.index)) continue;
    const years = numeralValue(m[1]!);
    const base = context.effectiveFrom ?? issued;
    const date = years && base ? addToDate(addToDate(base, { years }) ?? base, { days: -1 }) : null;
    found.push({ text: m[0], date, kind: "expiry", start: offset + m.index, end: offset + m.index + m[0].length });
  }

  // 一年破局、两年稳定、三年提升 / 通过三年努力: relative to an unstated start; kept with their
  // words, and an estimate counted from the effective date.
  MILESTONE_YEARS.lastIndex = 0;
  for (let m = MILESTONE_YEARS.exec(text); m; m = MILESTONE_YEARS.exec(text)) {
    const years = chineseToNumber(m[1]!) ?? 0;
    found.push({ text: m[0], date: null, kind: "milestone", estimate: estimatedEnd(context.effectiveFrom, years), start: offset + m.index, end: offset + m.index + m[0].length });
  }
  for (const m of text.includes("年") ? allMatches(YEARS_OF_EFFORT, text) : []) {
    if (overlapsFound(found, offset, m.index, m.index + m[0].length)) continue;
    const years = numeralValue(m[1]!) ?? 0;
    found.push({ text: m[0], date: null, kind: "milestone", estimate: estimatedEnd(context.effectiveFrom, years), start: offset + m.index, end: offset + m.index + m[0].length });
  }
  // A date inside a cited title (《…规划（2020-2035年）》) is part of the title's name, no date set here.
  const titles = text.includes("《") ? allMatches(CITED_TITLE, text).map((m): [number, number] => [offset + m.index, offset + m.index + m[0].length]) : [];
  return found.filter((d) => !titles.some(([a, b]) => d.start >= a && d.start < b)).sort((a, b) => a.start - b.start);
}
