/**
 * Chinese and other numerals used in labels and quantities.
 * Pure functions, no state.
 */

const DIGIT: Record<string, number> = {
  〇: 0, 零: 0, "○": 0, Ｏ: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};
const UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000, 万: 10000 };

/** Characters that may form a Chinese numeral. */
export const CN_NUMERAL_CHARS = "〇零○一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟";

/**
 * Value of a Chinese numeral: 一 → 1, 十二 → 12, 二十 → 20, 一百零三 → 103,
 * also digit-by-digit forms used in years (二〇一八 → 2018). Null when not a numeral.
 */
export function chineseToNumber(text: string): number | null {
  if (!text) return null;
  const chars = [...text];
  if (chars.some((c) => !(c in DIGIT) && !(c in UNIT))) return null;
  // Digit-by-digit (years, 二〇一八): no unit characters.
  if (chars.every((c) => c in DIGIT)) {
    if (chars.length === 1) return DIGIT[chars[0]!]!;
    return Number(chars.map((c) => DIGIT[c]).join(""));
  }
  let total = 0;
  let section = 0;
  let digit = 0;
  let seenDigit = false;
  for (const c of chars) {
    if (c in DIGIT) {
      digit = DIGIT[c]!;
      seenDigit = true;
    } else {
      const unit = UNIT[c]!;
      if (unit === 10000) {
        section = (section + digit) * unit;
        total += section;
        section = 0;
      } else {
        section += (seenDigit ? digit : 1) * unit;
      }
      digit = 0;
      seenDigit = false;
    }
  }
  return total + section + digit;
}

/** Value of a numeral written in any way: 12, １２, 十二. */
export function numeralValue(text: string): number | null {
  const folded = text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (/^\d+$/.test(folded)) return Number(folded);
  return chineseToNumber(folded);
}

/** A positive number in Chinese numerals, for citations: 4 → 四, 12 → 十二, 20 → 二十, 105 → 一百零五. */
export function numberToChinese(n: number): string {
  const d = "零一二三四五六七八九";
  if (!Number.isInteger(n) || n < 0) return String(n);
  if (n < 10) return d[n]!;
  if (n < 20) return "十" + (n % 10 ? d[n % 10] : "");
  if (n < 100) return d[Math.floor(n / 10)] + "十" + (n % 10 ? d[n % 10] : "");
  if (n < 1000) {
    const rest = n % 100;
    const head = d[Math.floor(n / 100)] + "百";
    if (rest === 0) return head;
    if (rest < 10) return head + "零" + d[rest];
    return head + (rest < 20 ? "一" + numberToChinese(rest) : numberToChinese(rest));
  }
  // 1259 → 一千二百五十九, 1001 → 一千零一, 1010 → 一千零一十 (the articles of a code).
  if (n < 10000) {
    const rest = n % 1000;
    const head = d[Math.floor(n / 1000)] + "千";
    if (rest === 0) return head;
    if (rest < 100) return head + "零" + (rest >= 10 && rest < 20 ? "一" + numberToChinese(rest) : numberToChinese(rest));
    return head + numberToChinese(rest);
  }
  return String(n);
}

/** ① … ⑳ → 1 … 20; ㈠ … ㈩ → 1 … 10; ⑴ … ⒇ → 1 … 20; ⒈ … ⒛ → 1 … 20. */
export function enclosedValue(c: string): number | null {
  const code = c.codePointAt(0) ?? 0;
  if (code >= 0x2460 && code <= 0x2473) return code - 0x2460 + 1;
  if (code >= 0x3220 && code <= 0x3229) return code - 0x3220 + 1;
  if (code >= 0x2474 && code <= 0x2487) return code - 0x2474 + 1;
  if (code >= 0x2488 && code <= 0x249b) return code - 0x2488 + 1;
  if (code >= 0x2776 && code <= 0x277f) return code - 0x2776 + 1; // ❶…❿
  return null;
}
