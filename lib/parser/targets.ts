/**
 * Stage 12: quantitative targets — a number that states a level to reach or a
 * quantity to deliver (达到3%, 累计完成技术改造项目600项, 淘汰落后产能225万吨,
 * 年均增长10%以上), with its unit, comparator, baseline (比2015年), subject
 * and the deadline stated beside it. Rules (补贴50%, 罚款1万元, 最高20分),
 * past statistics, counts of the document's own items (共23项) and numbers in
 * quoted slogans are not targets (../shared/eval/GUIDE.md).
 */
import { allMatches } from "./matches";
import { UNITS } from "./patterns";
import type { Comparator, Role } from "./types";

export interface FoundTarget {
  subject: string;
  value: number;
  unit: string;
  comparator: Comparator;
  /** The verb that says what happens to the quantity (下降, 提高到, 控制在, 达到), kept beside the number. */
  verb: string | null;
  baseline: string | null;
  deadline: string | null;
  text: string;
  /** Why the number may not be a target: kept, and flagged for review. */
  doubt?: string;
  start: number;
  end: number;
}

const UNIT_ALT = UNITS.map((u) => u.replace(/[%‰]/g, (c) => `\\${c}`)).join("|");
/** A number (with an optional range: 1到2个, 10-15%) followed by a unit. */
const QUANTITY = new RegExp(`(?<![\\d.])(\\d+(?:\\.\\d+)?)\\s*(?:(?:到|至|~|-|—)\\s*\\d+(?:\\.\\d+)?)?\\s*(${UNIT_ALT})`, "g");

/** Verbs and words before a number that make it something to reach or deliver. */
const TARGET_VERB = /(达到|达|超过|支持|发动|突破|不少于|不低于|不得低于|不超过|不高于|降至|降低到|降低至|下降到|下降至|控制在|力争|争取|完成|涵盖|联通|接入|纳入|开通|上线|发布|举办|新建|提供|累计|新增|增加|增长|提高到|提升到|提高至|提升至|提高|提升|稳定在|控制在|保持在|实现|培养|引进|建设|建成|打造|推出|扶持|选拔|资助|培训|遴选|设立|淘汰|压减|化解|实施|抓好|推进|筹集|服务|转化|培育|组织|发动|开展|覆盖|下降|降低|减少|节约|带动|吸引|创建|形成|认定|评选|招聘|安置|帮扶|评定|选派|建立|筹建|扩大到|扩大至|缩短到|缩短至|压缩到|压缩至|达标)/;
/** TARGET_VERB, every one in a text. */
const TARGET_VERBS = new RegExp(TARGET_VERB.source, "g");
const AFTER_QUALIFIER = /^(?:以上|左右|以内|及以上|上下)/;
const RULE_CONTEXT = /(补贴|补助|奖补|返还|奖励|罚款|处以|费率|标准为|按照|按|每人|每户|每名|每满|每年给予|最高|上限|限额|缴纳|缴存|岁|年龄|工作日|小时|分钟|周岁|年限|期满|积分|分值|权重|税率|利率|贴息|首付|保证金|预付|担保费|手续费|折扣|优惠|减按|减半|免征|征收|计算|占地|容积率|面积不|单体建筑面积|建筑面积|以下的|以上的)/;
const PAST_CONTEXT = /(已经|已|近年来|截至目前|目前|现有|同比|比上年|上年度|去年|曾|原有|此前|过去|年的|年底的|期间共|尚未|还未|仍有|仍然)/;
/** A verb in the past (新增了228个…, 落实了165名…): a fact reported, not a level to reach. */
const PAST_VERB = /^了/;
/** Conditions a body or person must meet (应当具备下列条件, 注册资本不少于…): thresholds of a rule, not targets. */
const CONDITION_CONTEXT = /条件|资格|应当具备|应当符合|须具备|须具有|应具有|应具备|申请|注册资本|资本金|净资产|资产总额|数额|不少于[^。，,;；]{0,12}的/;
const OWN_ITEMS_AFTER = /^(?:措施|举措|政策措施|改革举措|意见|方面|内容|条|规定|任务|要求|重点工作|工作|指标|个方面)/;
const OWN_ITEMS_BEFORE = /(?:共|以下|下列|如下|上述|这|本意见|本通知|本方案|方面)\s*$/;

function clauseBounds(text: string, s: number, e: number): [number, number] {
  let a = s;
  while (a > 0 && !/[。;,:!?！？\n]/.test(text[a - 1]!)) a--;
  let b = e;
  while (b < text.length && !/[。;,!?！？\n]/.test(text[b]!)) b++;
  return [a, b];
}

/**
 * Whether the number stands inside a short quoted slogan (“10里文化圈”); a long
 * quoted goal statement (实现“…达到2000名左右…”的目标) still states targets.
 */
function insideSlogan(text: string, s: number, from: number): boolean {
  const open = text.lastIndexOf("“", s);
  if (open < from) return false;
  const closeBefore = text.lastIndexOf("”", s);
  if (closeBefore > open) return false;
  const close = text.indexOf("”", s);
  const length = (close < 0 ? text.length : close) - open;
  return length <= 14;
}

/** A time by which a level is to be reached: 到2025年, 3年内, 力争. */
const TIME_TO_REACH = /(?:到|至)\s*20\d\d\s*年|\d+\s*年内|力争/;

/** A share followed by the class it counts and what that class is to do: 90%的市场主体纳入…. */
const SHARE_REACHING = /^(?:以上|左右)?的[^，。；;,]{1,20}?(?:纳入|实现|达到|完成|接入|覆盖|开通|建成|建立|具备|参加|参与|享有|使用|通过)/;

/** Stage 12 entry point: targets in one piece of (folded) text starting at `offset`. */
/** 三年内实现…全覆盖 / 到2020年…全覆盖: full coverage by a time is a target of 100%. */
const FULL_COVERAGE = /(?:\d+|[一二三四五六七八九十两])\s*年(?:内|以内|左右)|(?:到|至|力争|争取)\s*\d{4}\s*年|\d{4}\s*年(?:底|末)?前/;

export function findTargets(text: string, offset: number, options: { role: Role; deadline: (pos: number) => string | null; context?: string; legislation?: boolean }): FoundTarget[] {
  const found: FoundTarget[] = [];
  QUANTITY.lastIndex = 0;
  for (let m = QUANTITY.exec(text); m; m = QUANTITY.exec(text)) {
    const s = m.index;
    const e = s + m[0].length;
    const value = Number(m[1]);
    const unit = m[2]!;
    // Years and dates are not quantities; neither are 1.5倍 multipliers of rules.
    if (/^\s*(?:年|月|日)/.test(text.slice(e, e + 1))) continue;
    const [a, b] = clauseBounds(text, s, e);
    const before = text.slice(a, s);
    const after = text.slice(e, b);
    const sentenceStart = Math.max(text.lastIndexOf("。", s), 0);
    if (insideSlogan(text, s, sentenceStart)) continue;
    if (/年的?\s*$/.test(before) || /年的$/.test(text.slice(Math.max(0, s - 2), s))) continue;
    if (/的\s*$/.test(before) && unit === "%") continue; // 缴纳失业保险费的50%: a share, a rule
    if (unit === "项" || unit === "个" || unit === "条") {
      if (OWN_ITEMS_AFTER.test(after.trimStart()) && !TARGET_VERB.test(before)) continue;
      if (OWN_ITEMS_BEFORE.test(before)) continue;
    }
    // The verb nearest the number governs it (累计完成技术改造项目600项 → 完成).
    const verbs = allMatches(TARGET_VERBS, before);
    const verb = verbs.at(-1) ?? null;
    const qualifier = AFTER_QUALIFIER.exec(after.trimStart());
    let score = 0;
    if (verb) score += 2;
    // 全市90%的重点领域市场主体纳入…平台, 80%以上的乡镇实现…: a share of a class that is to reach something.
    else if (unit === "%" && SHARE_REACHING.test(after.trimStart())) score += 2;
    if (qualifier) score += 1;
    if (options.role === "goal") score += 1;
    const lead = text.slice(Math.max(0, sentenceStart), s);
    const reachBy = TIME_TO_REACH.test(lead);
    if (reachBy || lead.includes("每年")) score += 1;
    // Legislation sets rules: a number in it (考试里程不少于10公里, 违法所得超过1万元) is a target only with a time to reach it.
    if (options.legislation && !reachBy) continue;
    // A case a rule applies to (违法所得超过1万元的，…; 超过3次的): the number describes it, no goal.
    if (/的$/.test(after.trim())) score -= 3;
    // A count that qualifies a noun (超过3次的货运车辆, 1亿元以上的企业) marks a class; a share of it (90%的市场主体) may be a goal.
    else if (unit !== "%" && /^(?:以上|以下)?的/.test(after.trimStart())) score -= 3;
    if (RULE_CONTEXT.test(before) || RULE_CONTEXT.test(after.slice(0, 6))) score -= 3;
    // A cap on a rate or a total is a level to keep (负债率不超过1.5%); on anything else (不超过50万元的项目), a rule.
    if (/不超过|不得超过|不高于/.test(before.slice(-6)) && !/(?:率|比重|比例|占比|强度|增速|能耗|排放|总量|规模|水平|指数)(?:不超过|不得超过|不高于)$/.test(before)) score -= 3;
    if (PAST_CONTEXT.test(before)) score -= 3;
    if (verb && PAST_VERB.test(before.slice(verb.index + verb[0].length, verb.index + verb[0].length + 1))) score -= 3;
    if (CONDITION_CONTEXT.test(before) || (options.context && CONDITION_CONTEXT.test(options.context))) score -= 3;
    // 重点支持300名…，1000名…，3000名…: the next numbers of an enumeration share the first one's verb.
    const previous = found.at(-1);
    const sameList = previous && previous.unit === unit && s - (previous.end - offset) < 80 && !/[。;]/.test(text.slice(previous.end - offset, s));
    if (score < 2 && !(sameList && score > -2)) continue;
    // Kept on weaker evidence: a number in a list that borrows the first one's verb, or one with no verb of reaching.
    const doubt = score < 2 || (!verb && sameList) ? "列举中的数字，沿用前一个指标的动词" : !verb ? "没有“达到、提高、完成”等动词，按上下文读作指标" : undefined;
    const comparator: Comparator =
      /以内|不超过|不高于|控制在|以下|降至|降低到|降低至|下降到|下降至/.test(before.slice(-8) + (qualifier?.[0] ?? "")) ? "≤"
        : /不少于|不低于|不得低于|超过|突破|以上/.test(before.slice(-8) + (qualifier?.[0] ?? "")) || /达到|达/.test(verb?.[0] ?? "") ? "≥"
          : "=";
    const baseline = /比\s*(\d{4}\s*年(?:底|末)?)/.exec(before)?.[1] ?? null;
    // 完成技术改造项目600项: the object between verb and number; 比重达到3%: the words before the verb.
    const between = verb ? before.slice(verb.index + verb[0].length).replace(/^[\s、]+/, "") : "";
    // 推进4个千亿元产业: nothing between verb and number, the thing counted follows the unit.
    const following = /^[\u4e00-\u9fa5“”]{2,20}/.exec(after.replace(/^(?:以上|左右|以内)/, ""))?.[0] ?? "";
    const subjectRaw = between.length >= 2 && !/^\d/.test(between) ? between : verb && following.length >= 2 && !/^(?:以上|左右)/.test(following) && before.slice(0, verb.index).length < 3 ? following : verb ? before.slice(0, verb.index) : before;
    const subject = subjectRaw.replace(/^(?:到|至)?\s*\d{4}\s*年(?:底|末)?/, "").replace(/^[\s、和及]+|[\s、]+$|(?:和|及|与|以及|或)$/g, "").replace(/比\s*\d{4}\s*年.*$/, "").trim() || after.replace(/^(?:以上|左右|以内)/, "").trim().slice(0, 30);
    found.push({
      subject,
      value,
      unit,
      comparator,
      verb: verb?.[0] ?? null,
      baseline,
      deadline: options.deadline(s),
      text: text.slice(a, Math.min(b, e + (qualifier?.[0].length ?? 0) + 12)).trim(),
      ...(doubt ? { doubt } : {}),
      start: offset + s,
      end: offset + e,
    });
  }
  // 争取三年内实现…全覆盖: a level of 100%.
  for (const m of text.includes("全覆盖") ? allMatches(/全覆盖/g, text) : []) {
    const sentence = text.slice(Math.max(0, text.lastIndexOf("。", m.index) + 1), m.index);
    if (!FULL_COVERAGE.test(sentence) || PAST_CONTEXT.test(sentence)) continue;
    const subject = sentence.replace(/^.*?(?:实现|达到|基本|做到)/, "").replace(/^[,，\s]+/, "").slice(-30) || "覆盖";
    found.push({ subject, value: 100, unit: "%", comparator: "=", verb: "全覆盖", baseline: null, deadline: options.deadline(m.index), text: text.slice(text.lastIndexOf("。", m.index) + 1, m.index + 3).trim(), start: offset + m.index, end: offset + m.index + 3 });
  }
  return found;
}
