/**
 * Stage 13: responsibilities — who must act. Two sources (../shared/eval/GUIDE.md):
 *  1. annotations: （A牵头，B、C配合）, （A、B负责）, （牵头单位：A，配合单位：B）,
 *     （责任单位：A）, with 列第一位者为牵头单位……下同 carrying the first-is-lead
 *     rule on to later annotations;
 *  2. organisations named in the text that are told to act (请A…, 由A负责,
 *     A要…, A会同B…, 督促A), worked with (加强与A、B等部门的沟通) or acted upon
 *     (对A、B等企业, 发挥好A作用).
 * One row per unit (lists are split), names as written.
 *
 * Longer than ~500 lines because it is one stage (one file per stage), and
 * most of it is the word lists and patterns its name finder reads.
 */
import { allMatches } from "./matches";
import { ANNOTATION, ANY_FIELD, BODY_BY_ITS_WORK, CITED_TITLE, FIRST_IS_LEAD, GENERIC_PARTY, GROUP_BODY, MEMBER_UNITS, UNIT_FIELD } from "./patterns";
import { FUNCTIONS, bodyWordOf, endsWithFunction, expandList, isMoneyFund, judgeName, startsWithFunction } from "./names";
import type { ResponsibilityRole } from "./types";

export interface FoundResponsibility {
  party: string;
  role: ResponsibilityRole;
  text: string;
  start: number;
  end: number;
  /** From an annotation (generic names count there) or from running text. */
  annotated: boolean;
}

/** Last characters of organisation names. */
const ORG_SUFFIX = /(?:专班|人民政府|人民代表大会常务委员会|人大常委会|常委会|委员会|办公厅|办公室|管委会|领导小组|工作小组|小组|联席会议|推进机制|协调机制|研究院|研究所|研究会|总局|总署|总社|总会|总工会|工会|工商联|科协|妇联|团市委|团省委|共青团|集团|公司|银行|基金|协会|学会|中心|基地|大学|学院|法院|检察院|政府|党委|机关|市委|省委|区委|县委|纪委|监委|编办|部|委|局|厅|署|办|院|行|会|室|处|站|所|园区|开发区|新区|自贸区|示范区|保税区|试验区|区|县|市|州|镇|乡|旗|盟|港|企业|单位|部门|机构|组织|高校)$/;

/** Two-character words a name never contains: where a name starts after them. */
const STOP_WORDS = ["会同", "牵头", "负责", "配合", "参与", "协调", "督促", "支持", "鼓励", "引导", "推动", "依托", "通过", "发挥", "加强", "组织", "委托", "授权", "指导", "按照", "根据", "依据", "落实", "贯彻", "建立", "成立", "设立", "要求", "责成", "指定", "联合", "协同", "商请", "报请", "报送", "提请", "会商", "征求", "听取", "实施", "推进", "开展", "做好", "深入", "选派", "安排", "确保", "充分", "积极", "进一步", "加快", "完善", "统筹", "同意", "批准", "以及", "或者", "其中", "包括", "其他", "此外", "同时", "并且", "共同", "分别", "主要", "重点", "对于", "关于", "有关", "经过", "作为"];
/** Single characters a name never contains (function words), by character code. */
const STOP_CHARS = new Set([..."的了和与及或对由请在从向把被将要为以按是并使让给于等其此该这那也都而且则但若即就还再又须已均亦仍曾未"].map((c) => c.charCodeAt(0)));
/** After 和 a name may go on: 工业和信息化部, 人力资源和社会保障局. */
const AND_STEMS = /^(?:信息化|旅游|社会保障|城乡建设|改革|房屋|计划生育|储备|技术|国际|城市|规划|新闻|广播|体育|科技|应急|自然资源|文化|人才)/;

const ADMIN_UNITS = "(?:新疆生产建设兵团|计划单列市|自治区|直辖市|自治州|县级市|地区|地市|省份|省|市|州|县|区|盟|旗|乡|镇)";
const ADMIN_LIST = new RegExp(`^各(?:有关)?${ADMIN_UNITS}(?!级)(?:[、(（](?:区、市|区、县|${ADMIN_UNITS})(?!级)[)）]?)*(?:人民政府|政府|党委)?`);

const compact = (s: string) => s.replace(/\s+/g, "");

/** Cleans a listed unit: drops 等, trailing role words, brackets around it. */
export function cleanParty(raw: string): string {
  let s = compact(raw)
    .replace(/^(?:和|及|以及|与|由|请|并|或|、)+/, "")
    // 应当有水行政主管部门参加: 有 (there be) before a level or a sector is no word of the name (有关 is).
    .replace(/^(?:应当|应|须|必须)?有(?=[省市县区州乡镇]|同级|本级|上级|县级|国家|国务院|[\u4e00-\u9fa5]{1,8}?(?:行政)?主管部门$)(?!关)/, "")
    .replace(/(?:按职责分工|按照职责分工|按职责|分工|分别|共同|等)*(?:负责|牵头|配合|参与|指导|落实|组织实施|实施)?$/, "")
    .replace(/(?:等|等部门|等单位|等(?:有关|相关)部门(?:和单位)?|等机构)$/, "")
    .replace(/等$/, "")
    .replace(/^[“"]|[”"]$/g, "");
  s = s.replace(/[。,;:]+$/, "");
  return s;
}

/**
 * Splits a list of units: 、，; and 和/及 after 等, keeping collectives whole
 * (各省、自治区、直辖市人民政府; 各区、县级市; 各市、州、县).
 */
export function splitParties(list: string): string[] {
  const out: string[] = [];
  let rest = compact(list);
  while (rest.length) {
    const admin = ADMIN_LIST.exec(rest);
    if (admin && admin[0].length > 2) {
      out.push(admin[0]);
      rest = rest.slice(admin[0].length).replace(/^[、,，;；和及]+/, "");
      continue;
    }
    const m = /^(.+?)(?:、|,|，|;|；|等和|等及|等以及|以及|及其|(?<=等)和)/.exec(rest);
    if (!m) {
      out.push(rest);
      break;
    }
    out.push(m[1]!);
    rest = rest.slice(m[0].length);
  }
  return out.map(cleanParty).filter((p) => p.length >= 2);
}

export interface AnnotationState {
  /** 列第一位者为牵头单位 has been stated (下同 carries it on). */
  firstIsLead: boolean;
}

/** Parties of one annotation's inside text. */
export function parseAnnotation(inner: string, state: AnnotationState): Array<{ party: string; role: ResponsibilityRole }> {
  const out: Array<{ party: string; role: ResponsibilityRole }> = [];
  if (FIRST_IS_LEAD.test(inner)) state.firstIsLead = true;
  // The rule itself (列第一位者为牵头单位，下同) names no party.
  const body = (inner.split(/[。]/)[0] ?? inner).replace(/[,，;；]?\s*(?:列|排|排在|位列)(?:第一位|首位|第一)[^,，;；。]*(?:[,，;；]\s*(?:以)?下同)?\s*$/, "").replace(/[,，;；]\s*(?:以)?下同\s*$/, "");
  // Field form: 牵头单位：A，配合单位：B、C / 负责部门：A、B，适用范围：… — every field ends where the next starts.
  const fields = allMatches(UNIT_FIELD, body);
  if (fields.length) {
    const bounds = allMatches(ANY_FIELD, body).map((f) => f.index);
    for (const f of fields) {
      const from = f.index + f[0].length;
      const to = Math.min(body.length, ...bounds.filter((b) => b > f.index));
      const role: ResponsibilityRole = /牵头|主办/.test(f[1]!) ? "lead" : /配合|参与|协办|协助/.test(f[1]!) ? "support" : /监督/.test(f[1]!) ? "supervise" : "responsible";
      for (const p of splitParties(body.slice(from, to).replace(/[,，;；]\s*$/, ""))) out.push({ party: p, role });
    }
    return out;
  }
  // A牵头，B、C配合 / A负责，B参与 / A会同B负责 / A、B牵头负责 (co-leads)
  const lead = /^(.+?)(?:牵头负责|牵头|为牵头单位)(?:[,，;；]|$)/.exec(body);
  if (lead) {
    for (const p of splitParties(lead[1]!)) out.push({ party: p, role: "lead" });
    // Then clauses of their own: B、C配合 (support), D负责 (who carries it out locally: responsible).
    let pending: string[] = [];
    for (const clause of body.slice(lead[0].length).split(/[,，;；]/)) {
      const m = /^(.+?)(配合|参与|协助|支持|分别负责|按职责分工负责|负责|落实)?$/.exec(clause.trim());
      if (!m) continue;
      pending.push(...splitParties(m[1]!));
      if (!m[2]) continue;
      const role: ResponsibilityRole = /配合|参与|协助|支持|分工|分别/.test(m[2]) ? "support" : "responsible";
      for (const p of pending) out.push({ party: p, role });
      pending = [];
    }
    return out;
  }
  const together = /^(.+?)会同(.+?)(?:负责|落实|实施)?$/.exec(body);
  if (together) {
    for (const p of splitParties(together[1]!)) out.push({ party: p, role: "lead" });
    for (const p of splitParties(together[2]!)) out.push({ party: p, role: "support" });
    return out;
  }
  const parts = body.split(/[,，;；]/);
  for (const part of parts) {
    // The rule itself is no party: 排在第一位的部门为牵头部门, 下同.
    if (FIRST_IS_LEAD.test(part) || /^\s*(?:以)?下同\s*$/.test(part)) continue;
    const m = /^(.+?)(负责|配合|参与|指导|落实|按职责分工负责|分别负责)?$/.exec(part);
    if (!m) continue;
    const names = splitParties(m[1]!);
    // Inside an annotation a listed generic counts too: A、B等有关部门负责.
    const generic = /等((?:有关|相关)(?:部门|单位)(?:和单位)?)$/.exec(m[1]!);
    if (generic && !names.includes(generic[1]!)) names.push(generic[1]!);
    const verb = m[2] ?? "负责";
    names.forEach((p, i) => {
      let role: ResponsibilityRole = /配合|参与/.test(verb) ? "support" : /指导/.test(verb) ? "supervise" : "responsible";
      if (role === "responsible" && state.firstIsLead) role = i === 0 && out.length === 0 ? "lead" : "support";
      out.push({ party: p, role });
    });
  }
  return out;
}

/** Verbs and adverbs that stand before a name, stripped from its start (充分发挥国家…机制 → 国家…机制). */
const LEADING_WORDS = ["发挥好", "充分发挥", "规定", "按规定", "统筹考虑", "考虑", "复制推广", "复制", "推广", "未经", "报经", "呈送", "送交", "移送", "转送", "交由", "送", "使用", "跟踪", "开立", "程序报", "一个", "简化", "放宽", "允许", ...STOP_WORDS, ..."严格 执行 健全 实行 坚持 坚决 查处 逐步 减少 继续 优化 大力 推行 探索 扩大 构建 深化 强化 规范 提高 提升 促进 保障 整合 打造 培育 明确 制定 出台 审核 审批 检查 监督 努力 着力 全力 认真 主动 广泛 有序 稳妥 稳步 加紧 抓紧 优先 统一 相互 尽快 及时 定期 不断 持续 依法 切实 积极 全面 树立 营造 形成 设置 完成 实现 取消 下放 赋予 授予 明晰 理顺 合理 科学 逐级 分级 加大 引进 培养 吸引 服务 建成 注重 突出".split(" "), "深入", "重点", "监测", "督促", "成立", "组建", "设立", "依托", "发挥", "充分", "加强", "进一步", "鼓励", "支持", "推动", "引导", "要求", "指导", "协调", "配合", "会同", "联合", "牵头", "负责", "由", "请"];

/** Items grouped by a key, each group in the items' order. */
function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * LEADING_WORDS by the code of their first character, in list order: the
 * first that fits a position is the first of the whole list that fits it,
 * found without trying the ~200 words that start otherwise.
 */
const LEADING_WORDS_BY_FIRST = groupBy(LEADING_WORDS, (w) => w.charCodeAt(0));

/** A character a name is made of: a CJK ideograph (U+4E00–U+9FA5) or an ASCII digit. */
function isNameCharacter(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fa5) || (code >= 48 && code <= 57);
}

/** A body named in brackets after another (（街道办事处）, （管委会）). */
const ALTERNATIVE_BODY = /(?:办事处|人民政府|政府|委员会|管委会|部门|局|厅|委|办)\)$/;
/** The end of a body's name. */
const BODY_END = /(?:人民政府|政府|委员会|管委会|部门|局|厅|委|办|处)$/;

/**
 * Positions of short bracketed insertions inside a name (县（市）人民政府, 村（居）民委员会,
 * 州、县（市）政务部门): brackets holding a few characters, with name characters on both sides.
 */
function bracketMask(text: string): Uint8Array | null {
  if (!text.includes("(")) return null;
  const mask = new Uint8Array(text.length);
  // Not a note set in brackets (（统称镇区）, （以下简称…）, （含…）).
  for (const m of text.matchAll(/(?<=[\u4e00-\u9fa5])\((?!统称|简称|以下|下同|含|包括|即|见|注)[\u4e00-\u9fa5、]{1,6}\)(?=[\u4e00-\u9fa5])/g)) {
    // Nor a body of its own after a body (乡镇人民政府（街道办事处）): the other body that acts in its place.
    if (ALTERNATIVE_BODY.test(m[0]) && BODY_END.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
    mask.fill(1, m.index, m.index + m[0].length);
  }
  return mask;
}

/** Scans left from a name's end to where the name starts (a function character or the clause start), then drops leading verbs. */
function nameStart(text: string, end: number, floor: number, mask: Uint8Array | null = null, reach = 30): number {
  let s = end;
  const limit = Math.max(floor, end - reach);
  while (s > limit) {
    const code = text.charCodeAt(s - 1);
    if (mask?.[s - 1]) {
      s--;
      continue;
    }
    if (!isNameCharacter(code)) break;
    if (STOP_CHARS.has(code)) {
      // 县级以上 and 设区的市级以上 belong to the name.
      if (code === 0x4ee5 /* 以 */ && text[s] === "上") {
        s--;
        continue;
      }
      // 和 inside a name: 工业和信息化部, 林业和绿化主管部门 (two words and a body word), 中华人民共和国.
      // Not after a complete name (市政务数据主管部门和政务部门 is two names).
      const afterName = /(?:部门|机关|机构|政府|委员会|局|厅|委|办|署|中心|院)$/.test(text.slice(Math.max(floor, s - 6), s - 1));
      if (code === 0x548c /* 和 */ && !afterName && (AND_STEMS.test(text.slice(s, end)) || AND_FUNCTION.test(text.slice(s, end)) || text.slice(s - 4, s + 1).endsWith("人民共和"))) {
        s--;
        continue;
      }
      break;
    }
    s--;
  }
  // 县级以上地方各级人民政府, 设区的市级人民政府, 所在地市场监督管理部门: keep the level words, stop characters and all.
  const level = /(县级以上|设区的市级以上|省级以上|市级以上)$/.exec(text.slice(Math.max(floor, s - 8), s));
  if (level) s -= level[0].length;
  for (const w of LEVELS_WITH_STOPS) {
    const k = w.length - 1;
    // Right before the name: 设区的市人民政府.
    if (s - w.length >= floor && text.startsWith(w, s - w.length) && !(w === "设区的" && text[s - w.length - 1] === "不")) {
      s -= w.length;
      break;
    }
    if (s - k >= floor && text.startsWith(w, s - k) && text.slice(s - k, s + 1).length === w.length) {
      s -= k;
      break;
    }
    if (s - 1 >= floor && w.length === 3 && text.startsWith(w, s - 1)) {
      s -= 1;
      break;
    }
  }
  // The second character of a two-character word before the name (或者, 请求, 按照, 根据, 其他): not the name's.
  if (s > floor && TWO_CHARACTER_LEAD.has(text.slice(s - 1, s + 1))) s++;
  let stripped = true;
  while (stripped && end - s > 2) {
    stripped = false;
    // A word that begins a longer function word (科学 of 科学技术行政部门) is part of the name.
    const fn = startsWithFunction(text.slice(s, end), 3);
    for (const w of LEADING_WORDS_BY_FIRST.get(text.charCodeAt(s)) ?? []) {
      if (text.startsWith(w, s) && end - s - w.length >= 2 && !(fn && fn.length > w.length) && !BODY_BY_ITS_WORK.test(text.slice(s, end))) {
        s += w.length;
        stripped = true;
        break;
      }
    }
  }
  // A time before the name is not part of it: 3月底前国家卫生健康委, 2020年起各省.
  const time = /^(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|中旬|上旬|下旬|末|内)?(?:前|起|后|以来)?/.exec(text.slice(s, end));
  if (time && time[0] && /\d/.test(time[0]) && end - s - time[0].length >= 2) s += time[0].length;
  return s;
}

/** An item that names a body by itself (公安部, 人民检察院): a list of such items shares no body word. */
function isBodyOnItsOwn(item: string): boolean {
  return bodyWordOf(item) !== null && judgeName(item).ok;
}

/** 林业和绿化主管部门: two words joined by 和 before a body word form one function. */
const AND_FUNCTION = /^[\u4e00-\u9fa5]{2,4}(?:主管部门|行政主管部门|行政部门|管理部门|部门|局|委|厅|办)/;
/** Level words that hold a stop character (所在地 holds 所 and 在, 设区的 holds 的). */
const LEVELS_WITH_STOPS = ["所在地", "设区的", "不设区的"];
/** Two-character words whose second character the scan keeps before a name (或者 → 者人民法院). */
const TWO_CHARACTER_LEAD = new Set(["或者", "使用", "请求", "要求", "按照", "依照", "参照", "遵照", "对照", "根据", "依据", "其他", "通过", "经过"]);

/**
 * Where a would-be name that the grammar rejects ends as a name followed by
 * a verb: the longest prefix that is a name, ending on a body word, after
 * which a directive starts (统筹, 制定, 组织 …); -1 when there is none.
 */
function nameBeforeVerb(name: string): number {
  for (let j = name.length - 1; j >= 3; j--) {
    if (!bodyWordOf(name.slice(0, j))) continue;
    if (DIRECTIVE_AFTER.test(name.slice(j)) && judgeName(name.slice(0, j)).ok) return j;
  }
  return -1;
}

/** An organisation candidate in running text. */
interface NameHit {
  name: string;
  start: number;
  end: number;
  /** A place read as acting (临港地区 in 临港地区创建…): kept even when it ends like a common noun. */
  acts?: boolean;
}

/** Suffix words that name a kind of body, not one body: kept only with a definite qualifier (各…, a count, a listed name). */
const CATEGORY_SUFFIX = /(?:企业|单位|部门|机构|组织|高校|公司|院所|院校|事务所)$/;
/** A kind of body made definite: by level (市…部门, 各…单位), by function (建设行政主管部门), by count (18户…企业). */
const DEFINITE_LEVEL = /^(?:省(?![内外])|市(?![内外场])|县|区(?![域])|州|国家|国务院|中央|全国|地方|各|县级以上|设区的市|当地|本级|同级|上级|下级|所在地)|(?:主管|行政|管理|监督|执法|监管|综合管理)(?:部门|机构)$/;
/** A kind of body made definite: by level (市…部门, 各…单位), by a function of the lexicon (网信部门, 保密部门), by its duty (建设行政主管部门). */
const GROUP_MEMBERS = new RegExp(`${GROUP_BODY}${MEMBER_UNITS.source}`);
function isDefiniteCategory(name: string): boolean {
  if (DEFINITE_LEVEL.test(name)) return true;
  // The members of a named body (协调小组成员单位, 联席会议成员单位, 工作专班牵头单位) are a definite set.
  if (GROUP_MEMBERS.test(name)) return true;
  const head = name.replace(/(?:行政)?(?:主管)?(?:部门|机构)$/, "");
  const fn = endsWithFunction(head);
  return head !== name && fn !== null && head.length - fn.length <= 2;
}
/** Common nouns that end like place names. */
const GENERIC_PLACE = /(?:山区|地区|城区|社区|小区|景区|片区|辖区|库区|牧区|林区|矿区|灾区|老区|边区|市区|郊区|园区|城市|县城|县域|市场|基地|中心)$/;


/** Words ending like an organisation that are not one (执行, 督办, 干部, 社会, 网站 …). */
const NOT_ORG_WORD = /(?:执行|实行|推行|运行|进行|发行|施行|履行|可行|同行|通行|旅行|试行|先行|现行|例行|暂行|自行|另行|并行|平行|督办|承办|主办|举办|创办|兴办|开办|代办|包办|合办|查办|申办|交办|转办|公办|民办|全部|内部|外部|局部|西部|东部|中部|干部|本部|社会|机会|体会|开会|例会|年会|晚会|盛会|城市|都市|上市|超市|股市|布局|格局|大局|全局|结局|各处|到处|好处|益处|场所|住所|处所|诊所|车站|网站|医院|剧院|庭院|常委|政委|编委|全市|全省|全国|全区|全县|本市|本省|本区|本县|本级|出院|住院|入院|全院|本院|学院派|签署|部署|布署|入区|出区|进区)$/;

/** A suffix character that is really the start of another word (院所, 行业, 处置 …). */
const COMPOUND_AFTER = /^(?:院[所校长]|行[业为使动政驶]|会[议同见]|处[置理罚于以]|局[面势]|部[署分门队位]|委[托员]|办[理法成园学案]|区[域别级]|市[场级民]|县[级域]|所[有需得属在列提以谓]|室[内外]|站[立])$/;
/** Verbs that stand between two names: 甲协调乙, 甲会同乙, 甲指导乙. */
const SPLIT_VERBS = ["报送", "转呈", "转报", "转送", "通报", "报告", "抄送", "移送", "报", "协调", "会同", "指导", "督促", "联合", "配合", "委托", "负责", "牵头", "应当", "要求", "组织", "支持", "鼓励", "引导", "吊销", "撤销", "责令", "没收", "处以", "给予", "予以", "收回", "暂停", "注销", "商", "要", "对", "向", "指令", "派驻", "出席"];

/** A government by level, as a sector list's first item starts (县级以上人民政府, 省级以上人民政府, 市人民政府). */
const GOVERNMENT_LEAD = /(?:县级以上(?:地方)?(?:各级)?|设区的市级?(?:以上)?(?:地方)?(?:各级)?|省级以上(?:地方)?|[省市县乡]级|地方各级|各级|(?<![\u4e00-\u9fa5])[省市县区乡镇])(?:人民政府|政府)/g;
/** A verb inside a list item: the list of bodies starts after it. */
const LIST_BREAK = /应当|接受|报告|报送|提交|要求|通知|征求/;

/** Verbs and modals that follow one another between two names (应当会同, 要配合). */
const VERB_RUN = /^(?:应当|应|要|须|必须|会同|协调|联合|配合|协助|指导|督促)+/;

/** A kind of body named by what it manages, without a level or a place. */
const FUNCTION_ONLY = /^(?:各|有关|相关)?(?:[\u4e00-\u9fa5]{0,4}项目|单位|行业|业务|用人单位|所在单位)(?:主管|管理)?(?:部门|机构)$/;

/** Levels of government sharing one suffix (市、区人民政府, 省、市、县人民政府), not after 各 (各省、自治区、直辖市人民政府 is one collective). With a count of levels (市、区两级政府) the list is one collective, kept whole. */
const SHARED_SUFFIX = /(?<![各\u4e00-\u9fa5])((?:[省市区县州乡镇](?:\([\u4e00-\u9fa5、]{1,6}\))?、)+)([省市区县州乡镇](?:\([\u4e00-\u9fa5、]{1,6}\))?)([两三四]级)?(人民政府|政府|[\u4e00-\u9fa5]{2,12}?(?:机构|部门|委员会|局|厅|中心))/g;

/** Three or more sector names, the last with 部门, then the verb: 财政、发展改革、教育、组织部门研究…. */
const SECTOR_LIST_PLAIN = /(?<![\u4e00-\u9fa5])((?:[\u4e00-\u9fa5]{2,10}、){2,})([\u4e00-\u9fa5]{1,8}部门)/g;

/** A place and a verb inside a would-be name (a clause: 临港地区创建…中心), or 到 between two names. */
const PLACE_BEFORE_VERB = /^(.*?[\u4e00-\u9fa5](?:区|市|县|镇|乡|省))(?:创建|打造|申报|争创|布局|引进)/;
const CLAUSE_NOT_NAME = /^国家(?:鼓励|支持|完善|引导|推动|建立|健全|加强|实行|制定)|(?:政府|部门)(?:定期|统一|负责|共同)组织$|[\u4e00-\u9fa5](?:区|市|县|镇|乡|省)(?:创建|打造|申报|争创|布局|引进)[\u4e00-\u9fa5]{3,}$|[\u4e00-\u9fa5]{2,}到[\u4e00-\u9fa5]{2,}$/;

/** What can stand right before a name: a word that is no part of it (和, 对, 由 …). */
const BEFORE_NAME = "[对和与由及或向经在将把的同请]";
/** A department after the body it belongs to (…人民政府渔业行政主管部门): no verb or function word inside. */
const DEPARTMENT = "(?:(?![应会要须对向在按依根经负和及与的])[\\u4e00-\\u9fa5]){2,10}(?:部门|机关|机构)";
/** 省、自治区、直辖市 (with its government or a department): all provinces, one collective. */
const ALL_PROVINCES = new RegExp(`(?<=^|[^\\u4e00-\\u9fa5]|${BEFORE_NAME}|、|有关|其他|相关)省、自治区、直辖市(?:(?:人民政府|政府)(?:${DEPARTMENT})?|党委|人民代表大会常务委员会|人民代表大会|人大常委会|(?:(?![应会要须对向在按依根经负和及与的人])[\\u4e00-\\u9fa5]){2,10}(?:部门|机关|机构))?`, "g");

/** Kinds of administrative division, as laws list them (县、自治县、不设区的市、市辖区). */
const DIVISION = "(?:省|自治区|直辖市|自治州|设区的市|不设区的市|市辖区|自治县|县级市|民族乡|县|市|区|州|乡|镇|旗|盟)(?:\\([\\u4e00-\\u9fa5、]{1,6}\\))?";
/**
 * Kinds of division sharing one body (县、自治县、不设区的市、市辖区政府; 直辖市、设区的市或者相当于同级的公安机关
 * 交通管理部门; 自治区、自治州、自治县的人民代表大会): each kind with the body, never an item cut from it.
 * Only after a word that can stand before a name (和, 对, 由 …), so no place's own suffix (广西壮族自治区)
 * starts one.
 */
const DIVISION_LIST = new RegExp(
  `(?<=^|[^\\u4e00-\\u9fa5]|${BEFORE_NAME})((?:有关|其他|相关|所在地)?${DIVISION}(?:(?:、|和|或者|及|以及)${DIVISION})+)(?:的|或者相当于同级的)?` +
    `(?:(?:人民政府|政府|人民代表大会常务委员会|人民代表大会|人大常委会)(?:${DEPARTMENT})?|(?:(?![应会要须对向在按依根经负和及与的])[\\u4e00-\\u9fa5]){2,12}(?:部门|机关|机构|委员会))`,
  "g",
);
/** One kind in such a list, with what stands before it (有关省). */
const DIVISION_ITEM = new RegExp(`(?:有关|其他|相关|所在地)?${DIVISION}`, "g");
/** 跨省、自治区、直辖市: the scope of a thing (跨省的江河), no body. */
const ACROSS_PROVINCES = /跨省(?:、自治区、直辖市)?/g;
/** The places a document chose as pilots (试点地区, 试点城市政府). */
const PILOT_PLACES = /试点(?:地区|城市|省份|省市|单位|县市|县|区)(?:政府办公厅[(（]室[)）]|政府办公厅|人民政府|政府)?/g;

/** Oversight verbs: a body given one of them supervises. */
const SUPERVISES = /监督|督促|督查|督导|审查|检查/;

/** A government (by level) and the department it charges with a duty, as laws name them. */
const DESCRIBED_BODY = /(?:国务院|(?:省、自治区、直辖市|县级以上(?:地方)?(?:各级)?|设区的市级?(?:以上)?(?:地方)?(?:各级)?|本级)人民政府)(?:(?:负责|管理|主管)[\u4e00-\u9fa5、]{2,20}?的(?:部门|机构)|(?:有关|相关)部门)/g;

/** The words of ORG_SUFFIX by the code of their last character, longest first. */
const SUFFIXES_BY_LAST = groupBy(
  ORG_SUFFIX.source.replace(/[()?:$|\\]/g, " ").split(" ").filter(Boolean).sort((a, b) => b.length - a.length),
  (w) => w.charCodeAt(w.length - 1),
);
/** Characters before 旗 that make it a flag, not a banner. */
const FLAG_BEFORE = new Set([..."国党团红军队锦彩区大"].map((c) => c.charCodeAt(0)));
/** 1 at the code of a character some organisation suffix ends with: the quick test made at every character of every run. */
const SUFFIX_LAST = new Uint8Array(0x10000);
for (const code of SUFFIXES_BY_LAST.keys()) SUFFIX_LAST[code] = 1;

/**
 * The longest organisation suffix ending at `end` within a run of name
 * characters starting at `runStart` (what ORG_SUFFIX matches at the end of
 * `text.slice(runStart, end)`: its leftmost, so longest, match), or null. A
 * lookup by the last character, then the one before, instead of running the
 * expression at every character of every run.
 */
function orgSuffixAt(text: string, runStart: number, end: number): string | null {
  const last = text.charCodeAt(end - 1);
  if (!SUFFIX_LAST[last]) return null;
  const beforeLast = end - 2 >= runStart ? text.charCodeAt(end - 2) : -1;
  for (const w of SUFFIXES_BY_LAST.get(last) ?? []) {
    // 旗 ends a banner's name (达茂旗), not a flag's (国旗, 党旗, 红旗).
    if (w === "旗" && FLAG_BEFORE.has(beforeLast)) return null;
    if (w.length === 1) return w;
    if (w.charCodeAt(w.length - 2) === beforeLast && end - w.length >= runStart && text.endsWith(w, end)) return w;
  }
  return null;
}

/** SPLIT_VERBS by the code of their first character, each with its place in SPLIT_VERBS. */
const SPLIT_VERBS_BY_FIRST = groupBy(
  SPLIT_VERBS.map((verb, rank) => ({ verb, rank })),
  ({ verb }) => verb.charCodeAt(0),
);

/**
 * The split verbs in a would-be name, each at its last place after the first
 * character, in SPLIT_VERBS order: the verbs for which `inner.lastIndexOf(verb) > 0`,
 * found in one pass over `inner` instead of one search per verb.
 */
function splitVerbsIn(inner: string): Array<{ verb: string; at: number; rank: number }> {
  const found: Array<{ verb: string; at: number; rank: number }> = [];
  for (let at = inner.length - 1; at >= 1; at--) {
    const group = SPLIT_VERBS_BY_FIRST.get(inner.charCodeAt(at));
    if (!group) continue;
    for (const { verb, rank } of group) {
      // 商 consults (甲商乙), but 商业, 商务, 商会 are words of names.
      if (verb === "商" && /[业务会标品场户贸店]/.test(inner[at + 1] ?? "")) continue;
      if (inner.startsWith(verb, at) && !found.some((f) => f.rank === rank) && !BODY_BY_ITS_WORK.test(inner.slice(at))) found.push({ verb, at, rank });
    }
  }
  return found.sort((a, b) => a.rank - b.rank);
}

/** Whether `at` falls inside one of the spans. */
function inSpans(spans: Array<[number, number]>, at: number): boolean {
  return spans.some(([a, b]) => at >= a && at < b);
}

/**
 * Takes whole phrases found before the suffix scan (adding to `hits` and
 * `taken`), each claimed once, under the names it stands for.
 */
function claim(hits: NameHit[], taken: Array<[number, number]>, matches: Iterable<RegExpMatchArray>, namesOf: (m: RegExpMatchArray) => string[] = (m) => [m[0]]): void {
  for (const m of matches) {
    const start = m.index!;
    if (inSpans(taken, start)) continue;
    for (const name of namesOf(m)) hits.push({ name, start, end: start + m[0].length });
    taken.push([start, start + m[0].length]);
  }
}

/** Finds organisation names in running text: a name ends with an organisation suffix at a word boundary. */
export function findNames(text: string): NameHit[] {
  const hits: NameHit[] = [];
  const mask = bracketMask(text);
  // Collectives first: 各省、自治区、直辖市人民政府, 各市、州、县, 各区、县级市.
  const taken: Array<[number, number]> = [];
  for (let i = text.indexOf("各"); i >= 0; i = text.indexOf("各", i + 1)) {
    const m = ADMIN_LIST.exec(text.slice(i));
    if (m && m[0].length > 2 && (/[、(（]/.test(m[0]) || /(?:人民政府|政府|党委)$/.test(m[0]) || m[0].replace(/^各(?:有关)?/, "").length >= 2)) {
      hits.push({ name: m[0], start: i, end: i + m[0].length });
      taken.push([i, i + m[0].length]);
    }
  }
  // Bodies laws name by their duty: 国务院负责中小企业促进工作综合管理的部门, 省、自治区、直辖市人民政府管理专利工作的部门, 县级以上地方各级人民政府有关部门.
  claim(hits, taken, text.includes("人民政府") || text.includes("国务院") ? allMatches(DESCRIBED_BODY, text) : []);
  claim(hits, taken, text.includes("跨省") ? allMatches(ACROSS_PROVINCES, text) : [], () => []);
  // Kinds of division sharing one body, at least one of them more than a level word (自治县, 设区的市):
  // each kind is a party with the body (县政府, 自治县政府, …), as levels sharing a suffix are.
  claim(hits, taken, text.includes("、") || text.includes("或者") ? [...allMatches(DIVISION_LIST, text)].filter((m) => /自治|直辖|设区|市辖|县级市|民族乡/.test(m[1]!)) : [], (m) => {
    const body = m[0].slice(m[1]!.length).replace(/^(?:的|或者相当于同级的)/, "");
    const kinds = allMatches(DIVISION_ITEM, m[1]!).map((k) => k[0]);
    // 省、自治区、直辖市 stays one collective (各省份), the kinds after it are each a party.
    const provinces = kinds.slice(0, 3).join("、") === "省、自治区、直辖市" ? [`省、自治区、直辖市${body}`] : [];
    return [...provinces, ...kinds.slice(provinces.length ? 3 : 0).map((kind) => kind + body)];
  });
  // 省、自治区、直辖市人民政府 without 各 is one collective too, never 自治区 + 直辖市人民政府.
  claim(hits, taken, text.includes("省、自治区、直辖市") ? allMatches(ALL_PROVINCES, text) : []);
  // Levels sharing one suffix: 市、区人民政府 is 市人民政府 and 区人民政府 (each spans the whole phrase).
  claim(hits, taken, text.includes("、") ? allMatches(SHARED_SUFFIX, text) : [], (m) => (m[3] ? [m[0]] : [...m[1]!.split("、").filter(Boolean), m[2]!].map((level) => `${level}${m[4]}`)));
  // The set of pilots a document chose (试点地区, 试点城市): a definite collective.
  claim(hits, taken, text.includes("试点") ? allMatches(PILOT_PLACES, text) : []);
  // Each run of name characters ([\u4e00-\u9fa5\d]+), scanned from its end.
  let runEnd = 0;
  for (let runStart = 0; runStart < text.length; runStart = runEnd) {
    runEnd = runStart + 1;
    if (!isNameCharacter(text.charCodeAt(runStart))) continue;
    while (runEnd < text.length && (isNameCharacter(text.charCodeAt(runEnd)) || mask?.[runEnd])) runEnd++;
    let i = runEnd - runStart;
    const local: NameHit[] = [];
    while (i > 1) {
      const end = runStart + i;
      const suffix = orgSuffixAt(text, runStart, end);
      // 会同 after a name is the verb (A会同B), except in 委员会同意; 设区的市 goes on past 区.
      if (suffix && (!COMPOUND_AFTER.test(text.slice(end - 1, end + 1)) || text.startsWith("会同意", end - 1)) && !text.startsWith("区的市", end - 1) && !NOT_ORG_WORD.test(text.slice(Math.max(runStart, end - 2), end)) && !taken.some(([a, b]) => end > a && end <= b)) {
        // The name starts after the run's start and after every phrase claimed before it.
        let floor = runStart;
        for (const [, b] of taken) if (b <= end && b > floor) floor = b;
        let start = nameStart(text, end, floor, mask);
        // Cut by the reach of a name inside a longer run: no name starts there.
        const reachCut = start === end - 30 && start > floor && isNameCharacter(text.charCodeAt(start - 1));
        // 领导小组办公室协调省政府督查室: a verb between two names ends the second name's reach.
        // Again on what is left: 经济和信息化部门应当会同国有资产监管机构鼓励国有企业 holds three.
        for (let split = true; split; ) {
          split = false;
          const inner = text.slice(start, end);
          for (const { verb, at } of splitVerbsIn(inner)) {
            if (ORG_SUFFIX.test(inner.slice(0, at)) && end - (start + at + verb.length) >= 2) {
              start += at + verb.length;
              // 应当会同, 要配合: the second name starts after every such verb.
              start += VERB_RUN.exec(text.slice(start, end))?.[0].length ?? 0;
              split = true;
              break;
            }
          }
        }
        const name = text.slice(start, end);
        // A place, a verb, then what it builds is a clause, not a name: 临港地区创建国家级制造业创新中心,
        // 国内外高水平大学到临港地区.
        if (CLAUSE_NOT_NAME.test(name)) {
          // The place before the verb is the one acting (支持临港地区创建… → 临港地区), a name even when it reads like a common noun.
          const place = PLACE_BEFORE_VERB.exec(name)?.[1];
          if (place && place.length >= 3) {
            local.push({ name: place, start, end: start + place.length, acts: true });
            i = start - runStart;
            continue;
          }
          // …大学到临港地区: the place they are brought to.
          const to = name.lastIndexOf("到");
          if (to > 0 && end - (start + to + 1) >= 3 && /(?:区|市|县|镇|乡|省)$/.test(name)) {
            local.push({ name: name.slice(to + 1), start: start + to + 1, end, acts: true });
            i = start + to - runStart;
            continue;
          }
          i--;
          continue;
        }
        if (name.length >= 2 && name.length > suffix.length) {
          // A name run on into what it does (北京市经济和信息化局统筹制定数据专区): the name ends at its body word.
          const cut = name.length <= 8 || judgeName(name).ok ? -1 : nameBeforeVerb(name);
          if (cut > 0) local.push({ name: name.slice(0, cut), start, end: start + cut });
          else {
            // A clause longer than a name's reach (县级以上地方各级人民政府根据实际情况建立…协调机制) was cut
            // inside its first word: the body that acts is found from the clause's true start.
            const from = reachCut && start === end - 30 ? nameStart(text, end, floor, mask, 60) : start; // not moved by a split
            const whole = from < start ? nameBeforeVerb(text.slice(from, end)) : -1;
            if (whole > 0) {
              local.push({ name: text.slice(from, from + whole), start: from, end: from + whole });
              i = from - runStart;
              continue;
            }
            local.push({ name, start, end });
          }
          i = start - runStart;
          continue;
        }
      }
      i--;
    }
    // Found right to left: added left to right.
    for (let k = local.length - 1; k >= 0; k--) hits.push(local[k]!);
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** Collectives of the addressees that a specific task makes parties (各地区、各部门要于…前制定…). */
const TASKABLE = /^(?:各(?:有关)?(?:地区|地方|地|部门|单位|级)|有关部门|各有关部门|相关部门)$/;

/** Whether the names from `hits[k]` on form a list the text names as one collective: …（以下统称X）. */
function definedCollective(text: string, hits: NameHit[], k: number): boolean {
  let listEnd = hits[k]!.end;
  for (let j = k + 1; j < hits.length && /^(?:、|和|及|以及|与)$/.test(text.slice(listEnd, hits[j]!.start)); j++) listEnd = hits[j]!.end;
  return /^\((?:以下)?(?:统称|简称)/.test(text.slice(listEnd, listEnd + 6));
}

/** Something to produce, report, set up or do by a date: a specific task (GUIDE, implementation formulae). */
const DELIVERABLE = /\d{4}\s*年|\d{1,2}\s*月|年底|年内|月底|之前|以前|前(?:完成|报送|制定)|制定|报送|填报|上报|报告|报|建立|出台|提出|印发|编制|提交|完成|备案/;

/**
 * Whether the names from `hits[k]` on are told to do a specific task: the
 * list is followed at once by a directive (要, 应当, 于…前) and the clause
 * names something to produce or a date — 各地区、各部门要于2019年3月底前制定实施方案,
 * not 各地区要高度重视.
 */
function specificTask(text: string, end: number, hits: NameHit[], k: number): boolean {
  let listEnd = end;
  for (let j = k + 1; j < hits.length && /^(?:、|和|及|以及|与)$/.test(text.slice(listEnd, hits[j]!.start)); j++) listEnd = hits[j]!.end;
  const after = text.slice(listEnd, listEnd + 80);
  if (!/^(?:等[\u4e00-\u9fa5]{0,6})?\s*(?:要|应当|应|须|务必|抓紧|尽快|于|在\d|负责)/.test(after)) return false;
  const clause = after.split(/[。;；]/)[0]!.slice(0, 60);
  return DELIVERABLE.test(clause) && !/(?:高度)?重视|认识|贯彻执行|遵照执行|贯彻落实/.test(clause.slice(0, 12));
}

/** Where a sentence starts: after 。；：, a line start, or an article's or item's label. */
const SENTENCE_START = /(?:^|[。;；:：\n]|第[一二三四五六七八九十百零〇\d]+条(?:之[一二三四五六七八九十]+)?\s*|[(（][一二三四五六七八九十\d]+[)）]\s*|[一二三四五六七八九十]、\s*|\d+[.、]\s*)\s*$/;
/** A duty laid on a sentence's subject further on: 应当, 须, 负责 (not 可以: what a body may do is no duty). */
const SENTENCE_DUTY = /应当|会同|(?<![反相适对])应(?![用急对])|须|必须|负责|不得|要(?!求|点|素|件)/;

/** A government or a department named by its authority (主管部门, 行政部门, 行政机关): what it may do is a power it holds. */
const AUTHORITY_BODY = /(?:人民政府|政府|主管部门|行政部门|管理部门|机关|人民法院|人民检察院)$/;

/** The end of one sector's department: 等部门, 等有关部门. */
const ONE_SECTOR_END = /等(?:有关|相关)?部门/g;
/** The level before a sector (国务院林业草原, 市外事, 同级环境保护). */
const SECTOR_LEVEL = /(?:国务院|同级|本级|县级以上(?:地方)?(?:人民政府)?|(?<![\u4e00-\u9fa5])[省市县区](?:人民政府)?|[省市县区]人民政府)$/;
/** A verb that gives the department after it its role: 会同/联合 (support), 由/请/协助/配合 (responsible), 与 (coordinate). */
const ROLE_VERB_BEFORE = /(?:会同|联合|协助|配合|由|请|与)$/;

/** Words after a name that tell it to act. */
const DIRECTIVE_AFTER = /^(?:\((?:统称|简称|以下)[^)]{0,20}\))?(?:等(?:[\u4e00-\u9fa5]{0,6}?(?:部门|单位|机构))?)?(?:及其(?:有关|相关|所属)?(?:部门|单位|机构))?(?:(?:和|及|以及|与)(?:其他|其它)?(?:有关|相关)?(?:部门|单位|机构))?\s*(?:为(?:牵头|成员|配合|责任)单位|参加|要|应当|应|须|必须|不得|将|继续|进一步|积极|大力|主动|着力|全力|重点(?=做好|抓好|推进|支持|开展|负责)|结合|根据|依照|依据|按(?!需)|统一|负责|牵头|会同|参与|协助|组织|统筹|指导|协调|督促|做好|加强|加快|建立|制定|完成|开展|推动|推进|研究|出台|落实|承担|履行|配合|抓紧|切实|认真|按照|依法|对(?!接|应|外|照|口|象|比|此|其)|定期|及时|适时|每年|于\d|在|联合|共同|作为|已|主导|审核|审批|核准|受理|监督|制订|编制|发布|公布|设立|提供|给予|安排|推行|印发|评审|审查|认定|验收|转呈|转报|优先|自(?=[^，。；]{0,20}(?:之日|起)))/;
/** Before a body acted upon (对A, 支持A, 设立A委员会); not before a facility built (建立A检测中心): see SET_UP_FACILITY. */
const SUBJECT_BEFORE = /(?:对|支持|鼓励|扶持|发挥好?|依托|引导|推动|促进|选择|确定|在|以|设立|成立|组建|建立)\s*[“"]?$/;
/** A facility set up (建立检测中心, 设立直销中心, 建设基地): the act's object, no body acted upon. */
const SET_UP_FACILITY = /(?:中心|基地|平台|站|园|馆|库)$/;
const RESPONSIBLE_BEFORE = /(?:(?<![聘申邀提报])请|由|督促|要求|责成|委托|授权|指定|明确)\s*$/;
const SUPPORT_BEFORE = /(?:会同|联合)\s*$/;
/** A配合B, A协助B: B is the one A helps, with the duty. */
const HELPED_BEFORE = /(?:配合|协助)\s*$/;
const COORDINATE_BEFORE = /(?:协调|加强与|与|同|商)\s*$/;
const AUTHORITY_BEFORE = /(?:贯彻落实|贯彻|落实|根据|依据|按照|遵照|经|在|党中央、|中共中央、)\s*$/;
const AUTHORITY_AFTER = /^(?:关于|决策部署|精神|批准|同意|(?:印发|出台|发布)(?:的)?\s*[《〈“"]|审议|通过|领导|重要|部署|的决策|的要求|的部署|的领导|《|令|第\d|会议|常务会议|全体会议)/;
/** A list of places or collectives whose work an assessment in the same clause is about. */
const ASSESSED = /(?:对|计算|纳入)((?:各[\u4e00-\u9fa5]{1,4}?|[\u4e00-\u9fa5]{2,6}?(?:区|县|市|旗|州))(?:[、和及](?:各[\u4e00-\u9fa5]{1,4}?|[\u4e00-\u9fa5]{2,6}?(?:区|县|市|旗|州)))+)(?=[（(的\d]|承担|领导|进行|报送|[^\u4e00-\u9fa5])(?=[^。；;]{0,40}?(?:考核|考评|评估|分值|打分|评分))/g;
const NAMED_ENTITY = /(?:集团|公司|银行|大学|学院|研究院|研究所|中心|基地|开发区|新区|园区|市场|协会|学会|自贸区|示范区|保税区|委员会|工作组)$|^[\u4e00-\u9fa5]{2,4}(?:区|县|市)$/;

/** 发展改革委为牵头单位: the body the text names the lead of the members it lists. */
const LEAD_MEMBER = /([\u4e00-\u9fa5]{2,30}?)为牵头单位/g;

/**
 * Responsibilities in one piece of running text (annotations removed beforehand
 * by the caller, or passed through `annotations`).
 */
export function findResponsibilities(text: string, offset: number, state: AnnotationState, options: { addressees: string[]; title?: string | null }): FoundResponsibility[] {
  const out: FoundResponsibility[] = [];
  const covered: Array<[number, number]> = [];
  // 1. Annotations.
  ANNOTATION.lastIndex = 0;
  for (let m = ANNOTATION.exec(text); m; m = ANNOTATION.exec(text)) {
    const inner = m[1]!;
    // Only lists of units: an annotation is short clauses of names and role words.
    if (/[。]/.test(inner.split(/列第一位|排在第一位|排第一位|下同/)[0] ?? "") && !UNIT_FIELD.test(inner)) {
      UNIT_FIELD.lastIndex = 0;
    }
    UNIT_FIELD.lastIndex = 0;
    const rows = parseAnnotation(inner, state);
    if (!rows.length) continue;
    covered.push([m.index, m.index + m[0].length]);
    for (const r of rows) out.push({ party: r.party, role: r.role, text: m[0], start: offset + m.index, end: offset + m.index + m[0].length, annotated: true });
  }
  // 2. Running text.
  // 2a. Lists of sector names: 与发展改革、财政、科技等部门 / 市发展改革、财政等部门.
  // The levels the list's government stands for come first when there are several (市、有关县（市、区）人民政府发展改革、财政等部门).
  const sectorList = /((?:(?:有关|相关)?[省市县区州乡镇旗盟](?:[(（][\u4e00-\u9fa5、]{1,8}[)）])?、)+(?:有关|相关)?[省市县区州乡镇旗盟](?:[(（][\u4e00-\u9fa5、]{1,8}[)）])?(?=人民政府|政府)|两省一市(?=人民政府|政府))?((?:[\u4e00-\u9fa5]{2,10}、)+[\u4e00-\u9fa5]{2,10})等(?:(?:有关|相关)?(?:部门|单位|机构)|(?![向对由经报在按])[^及和与的、,，。;；\s]{1,10}?(?:有关|相关)?部门)(?:和((?:各[\u4e00-\u9fa5]{1,6}|[\u4e00-\u9fa5]{2,6})(?:、[\u4e00-\u9fa5]{2,6})*))?/g;
  const sectorCovered: Array<[number, number]> = [];
  for (let m = text.includes("等") && text.includes("、") ? sectorList.exec(text) : null; m; m = sectorList.exec(text)) {
    if (inSpans(covered, m.index)) continue;
    const listStart = m.index;
    const before = text.slice(Math.max(0, listStart - 6), listStart);
    // Bodies cited as the source of another document are not parties (…等九部门《关于…》).
    if (/^\s*(?:《|印发|发布|联合印发|出台)/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 6)) || /(?:贯彻落实|贯彻|落实|根据|依据|按照)\s*\S{0,6}$/.test(before)) continue;
    // Bodies to be built (构建大规划、大经济等大部门) do not act yet.
    if (/(?:构建|组建|建立|设立|形成|打造|整合)\s*$/.test(before) || /^(?:构建|组建|建立|设立|形成|打造|整合)/.test(m[2]!)) continue;
    let names = m[2]!.split("、");
    // Bodies whose rules are followed (依照公安部、交通运输部等部门的规定) or who are told of something (向…等部门报案) do not act.
    if (/(?:依照|遵照|参照|向)/.test(names[0]!)) continue;
    // A verb inside an item starts the list after it (人员、行李、货物应当接受边防、海关等 → 边防, 海关).
    const restart = names.findLastIndex((n) => LIST_BREAK.test(n));
    if (restart > 0) names = [names[restart]!.replace(new RegExp(`^.*(?:${LIST_BREAK.source})`), ""), ...names.slice(restart + 1)];
    // The first item may carry the verb before it (加强与发展改革 → 发展改革).
    // A function word with 和 (住房和城乡建设) is one item: only what precedes it is cleaned.
    const andFunction = FUNCTIONS.find((f) => f.includes("和") && names[0]!.endsWith(f));
    const head = names[0]!.slice(0, names[0]!.length - (andFunction?.length ?? 0));
    names[0] = head.replace(/^.*?(?:加强与|与|和|同|由|请|督促|会同)/, "").replace(/^.*(?:接受|要|的|对|或者|或)/, "") + (andFunction ?? "");
    // An item longer than the pattern's reach lost its level (县级以上人民政府食品安全监督管理 → 政府食品安全…): take it back.
    let listFrom = m.index;
    if (!m[1] && (/^(?:人民政府|民政府|政府|府)/.test(names[0]!) || (/[\u4e00-\u9fa5]$/.test(text.slice(Math.max(0, m.index - 1), m.index)) && /政府/.test(names[0]!)))) {
      const back = text.slice(Math.max(0, m.index - 16), m.index);
      const lead = [...allMatches(GOVERNMENT_LEAD, back + names[0]!)].find((g) => g.index < back.length && g.index + g[0].length > back.length);
      if (lead) {
        names[0] = (back + names[0]!).slice(lead.index);
        listFrom = m.index - (back.length - lead.index);
      }
    }
    // Two bodies joined by 和 in one item (街道办事处和公安机关) are two items.
    names = names.flatMap((n) => {
      const pair = n.split(/和|及/);
      return pair.length === 2 && pair.every((x) => isBodyOnItsOwn(cleanParty(x))) ? pair : [n];
    });
    names = names.map(cleanParty).filter((n) => n.length >= 2 && !STOP_WORDS.some((w) => n.includes(w)));
    if (names.length < 2) continue;
    // The levels the government stands for (市、有关县（市、区）) lead the first item: expandList hands them on.
    if (m[1]) names[0] = m[1] + names[0];
    // Each item takes the list's body word: 财政、教育等部门 → 财政部门, 教育部门; not what a clause says of them (等事项报告…部门).
    const shared = /等(?:有关|相关)?([^及和与的、,，。;；\s]{0,10}?(?:部门|单位|机构))/.exec(m[0])?.[1] ?? "部门";
    if (LIST_BREAK.test(shared) || /事项|情况|材料|内容/.test(shared)) continue;
    names = expandList(names, shared.replace(/^(?:有关|相关)/, ""));
    const role: ResponsibilityRole = /与|同$/.test(before + (m[1] ?? "") + m[2]!.slice(0, 3)) ? "coordinate" : "responsible";
    for (const n of names) out.push({ party: n, role, text: m[0], start: offset + m.index, end: offset + m.index + m[0].length, annotated: false });
    if (m[3]) for (const n of m[3].split("、").map((x) => cleanParty(x.split("的")[0]!)).filter((x) => x.length >= 2)) out.push({ party: n, role, text: m[0], start: offset + m.index, end: offset + m.index + m[0].length, annotated: false });
    sectorCovered.push([listFrom, m.index + m[0].length]);
  }
  // 2a'. The same without 等, the last item carrying 部门: 财政、发展改革、教育、医保、组织部门研究建立….
  for (const m of text.includes("部门") && text.includes("、") ? allMatches(SECTOR_LIST_PLAIN, text) : []) {
    if (inSpans(covered, m.index) || inSpans(sectorCovered, m.index)) continue;
    const items = [...m[1]!.split("、").filter(Boolean), m[2]!];
    items[0] = items[0]!.replace(/^.*?(?:加强与|与|和|同|由|请|督促|会同)/, "");
    // Sector names only: not 各地区、各部门, not a numbering (三十四、), not generic.
    if (items.some((n, i) => n.length < 2 || (i < items.length - 1 && STOP_WORDS.some((w) => n.includes(w))) || /[的了在是]/.test(n) || /^(?:各|有关|相关|[一二三四五六七八九十百零〇]+$)/.test(n) || GENERIC_PARTY.test(n))) continue;
    // A list of bodies (监察机关、人民检察院、公安机关部门) is no list of sectors.
    if (items.slice(1, -1).some((n) => isBodyOnItsOwn(cleanParty(n)))) continue;
    if (!DIRECTIVE_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12))) continue;
    const last = items.at(-1)!;
    const shared = /(?:主管|行政|管理)*部门$/.exec(last)?.[0] ?? "部门";
    for (const n of expandList(items.map(cleanParty), shared)) out.push({ party: n, role: "responsible", text: m[0], start: offset + m.index, end: offset + m.index + m[0].length, annotated: false });
    sectorCovered.push([m.index, m.index + m[0].length]);
  }
  // 2a''. One sector with 等部门 (会同市场监管等有关部门, 知识产权等部门应当…): that sector's department, in the
  // role its place gives it. Only a sector the lexicon knows, right after a role verb or at a sentence's start.
  for (const m of text.includes("等") && text.includes("部门") ? allMatches(ONE_SECTOR_END, text) : []) {
    if (inSpans(covered, m.index) || inSpans(sectorCovered, m.index)) continue;
    const before = text.slice(Math.max(0, m.index - 20), m.index);
    const sector = endsWithFunction(before);
    if (!sector) continue;
    const level = SECTOR_LEVEL.exec(before.slice(0, before.length - sector.length))?.[0] ?? "";
    const start = m.index - sector.length - level.length;
    const lead = text.slice(Math.max(0, start - 12), start);
    const verb = ROLE_VERB_BEFORE.exec(lead)?.[0];
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
    let role: ResponsibilityRole | null = null;
    if (verb) role = /会同|联合/.test(verb) ? "support" : verb === "与" ? "coordinate" : "responsible";
    else if (SENTENCE_START.test(lead) && DIRECTIVE_AFTER.test(after)) role = /^(?:应当|应|要|须|必须)?(?:牵头|会同)/.test(after) ? "lead" : "responsible";
    if (!role) continue;
    out.push({ party: `${level}${sector}部门`, role, text: text.slice(start, m.index + m[0].length), start: offset + start, end: offset + m.index + m[0].length, annotated: false });
    sectorCovered.push([start, m.index + m[0].length]);
  }
  // 2b. Named lists acted upon: 对西宁特钢、西矿集团、盐湖集团等企业 / 发挥好省信保集团等政策性担保公司作用.
  const namedList = /(?:对|支持|鼓励|扶持|帮助|推动|引导|依托|发挥好?|推进|选择|确定)((?:[\u4e00-\u9fa5]{2,12}、)*[\u4e00-\u9fa5]{2,12})等(?:[\u4e00-\u9fa5]{0,6}?)(?:企业|公司|集团|高校|医院|院校|单位|机构|院所|大学)/g;
  for (let m = namedList.exec(text); m; m = namedList.exec(text)) {
    if (inSpans(covered, m.index)) continue;
    const listStart = m.index + m[0].indexOf(m[1]!);
    const names = m[1]!.split("、").map(cleanParty).filter((n) => n.length >= 2 && !GENERIC_PARTY.test(n) && !CATEGORY_SUFFIX.test(n));
    // A list of bodies, not of industries (机器人、人工智能…等骨干企业): most members are named like bodies.
    if (!names.length || names.filter((n) => ORG_SUFFIX.test(n) || /(?:特钢|钢铁|集团|股份)$/.test(n)).length * 2 < names.length) continue;
    for (const n of names) out.push({ party: n, role: "subject", text: m[0], start: offset + listStart, end: offset + m.index + m[0].length, annotated: false });
    sectorCovered.push([listStart, m.index + m[0].length]);
  }
  // 2c. Places chosen as pilots: 确定北京、吉林、安徽…等10个省（区、市）.
  const pilots = /(?:确定|选择|选取|遴选|在)((?:[\u4e00-\u9fa5]{2,5}、)+[\u4e00-\u9fa5]{2,5}?)等?\s*\d+\s*个(?:省|市|地区|城市|区域|县)/g;
  for (let m = pilots.exec(text); m; m = pilots.exec(text)) {
    if (inSpans(covered, m.index)) continue;
    const listStart = m.index + m[0].indexOf(m[1]!);
    for (const n of m[1]!.split("、").map(cleanParty).filter((x) => x.length >= 2)) out.push({ party: n, role: "subject", text: m[0], start: offset + listStart, end: offset + m.index + m[0].length, annotated: false });
    sectorCovered.push([listStart, m.index + m[0].length]);
  }
  // 2c'. The bodies an assessment is about (对各旗县区、稀土高新区及各部门…进行考核; 计算…分值; 纳入…实绩考核): acted upon.
  for (const m of /考核|考评|评估|分值|打分|评分/.test(text) ? allMatches(ASSESSED, text) : []) {
    if (inSpans(covered, m.index)) continue;
    const listStart = m.index + m[0].indexOf(m[1]!);
    const names = m[1]!.split(/[、和及]/).map(cleanParty).filter((n) => n.length >= 2 && !GENERIC_PARTY.test(n) && !/^各(?:部门|单位|地区|地|级)$/.test(n) && judgeName(n).ok);
    for (const n of names) out.push({ party: n, role: "subject", text: m[0], start: offset + listStart, end: offset + listStart + m[1]!.length, annotated: false });
    if (names.length) sectorCovered.push([listStart, listStart + m[1]!.length]);
  }
  // 2d. Counted groups acted upon: 18户省属出资企业，
  const counted = /(\d+\s*[户家个所])([\u4e00-\u9fa5]{2,10}(?:企业|集团|公司|单位|医院|高校))(?=[,，。;；、])/g;
  for (let m = counted.exec(text); m; m = counted.exec(text)) {
    if (inSpans(covered, m.index)) continue;
    out.push({ party: m[0], role: "subject", text: m[0], start: offset + m.index, end: offset + m.index + m[0].length, annotated: false });
    sectorCovered.push([m.index, m.index + m[0].length]);
  }
  // 2b. Named organisations in a role-giving position.
  const hits = findNames(text);
  // A name inside a cited title (《…地方各级人民政府组织法》) is the title's, no party.
  const titles = text.includes("《") ? allMatches(CITED_TITLE, text).map((m): [number, number] => [m.index, m.index + m[0].length]) : [];
  for (let k = 0; k < hits.length; k++) {
    const hit = hits[k]!;
    if (inSpans(covered, hit.start) || inSpans(sectorCovered, hit.start) || inSpans(titles, hit.start)) continue;
    let name = cleanParty(hit.name);
    // Generic words (各地区, 各部门, 企业) are parties only where a specific task is addressed to them (GUIDE: 各地区、各部门要于…前制定…).
    const tasked = specificTask(text, hit.end, hits, k);
    if (name.length < 2 || (GENERIC_PARTY.test(name) && !(tasked && TASKABLE.test(name)))) continue;
    if (CATEGORY_SUFFIX.test(name) && !isDefiniteCategory(name)) continue;
    // A place read as acting counts when the document is about it (named in its title: 临港地区), not a common noun (贫困地区).
    const acting = hit.acts === true && (options.title?.includes(name) ?? false);
    if (hit.acts && !acting && GENERIC_PLACE.test(name)) continue;
    if (GENERIC_PLACE.test(name) && name.length <= 5 && !acting && !/^(?:各|试点)/.test(name) && !/(?:开发区|新区|自贸区|示范区|保税区)$/.test(name)) continue;
    if ((/^(?:各|有关|相关|本|该|其|上述|下列|全)(?:部门|单位|机构|地区|方面)$/.test(name) && !(tasked && TASKABLE.test(name))) || /^本(?:地区|市|省|区|县)/.test(name)) continue;
    // Kinds of body named by what they manage, at no level (项目管理部门, 单位主管部门, 相关科技项目管理部门): no one body —
    // unless the text defines them as a collective it then directs (相关行业主管部门和相关区政府（以下统称专区监管部门）).
    if (FUNCTION_ONLY.test(name) && !definedCollective(text, hits, k)) continue;
    // Walk over a list: A、B和C等 — the position of the list decides the role of all.
    let listEnd = hit.end;
    const members: NameHit[] = [hit];
    while (k + 1 < hits.length) {
      const next = hits[k + 1]!;
      const gap = text.slice(listEnd, next.start);
      // A body in brackets after another (乡镇人民政府（街道办事处）应当…) acts with it.
      if (gap === "(" && text[next.end] === ")" && ALTERNATIVE_BODY.test(`${next.name})`)) {
        members.push(next);
        listEnd = next.end + 1;
        k++;
        continue;
      }
      if (!/^(?:、|和|及|以及|与|，各|,各)$/.test(gap)) break;
      members.push(next);
      listEnd = next.end;
      k++;
    }
    // 经 read into the name (经最高人民法院核准, 应当经…机构核准) is the word before it: an approving authority.
    const jing = /^(?:应当|应|须|必须|需|需要|报|未|并|或者)?经(?![济信委贸开营管销常过历费验理典纪办线度手])/.exec(text.slice(hit.start, hit.end))?.[0] ?? "";
    const before = text.slice(Math.max(0, hit.start - 8), hit.start + jing.length);
    const after = text.slice(listEnd, listEnd + 30);
    // A title after the body (国务院各部部长, 省政府秘书长) names a person, not the body.
    if (/^(?:长|副(?:部|局|厅|主任|秘书)|主任|书记|秘书长|(?:主要)?负责人|工作人员|组成人员|领导同志|(?:分管|主要)领导|名义)/.test(after)) continue;
    // 国家突发事件部门应急预案: the name is part of a document's title.
    if (/^(?:应急预案|预案|规章|实施细则|细则)/.test(after)) continue;
    // 国务院公布的行政法规: the body describes a thing (its source), it is told nothing.
    if (/^(?:公布|发布|制定|作出|颁布|印发|出台|通过)的/.test(after)) continue;
    // The start of a quoted name (“中国广州发布”平台) is no party.
    if (/[“"]$/.test(before) && !/^[”"]/.test(after) && /^[^”"，。]{1,10}[”"]/.test(after)) continue;
    const guidedBy = /在\s*$/.test(before) && /^(?:的)?(?:统一|统筹)?(?:领导|指导|协调|监督|组织)(?:和?[\u4e00-\u9fa5]{2})?下/.test(after);
    // 经A批准 names the approving authority; 经A组织论证、审定 gives A the work to do.
    const worksAfterJing = /经\s*$/.test(before) && /^(?:组织|审定|审核|论证|认定|评审|验收|检测|鉴定|核实|核查|审查|会同|联合)/.test(after);
    if (AUTHORITY_BEFORE.test(before) && !/督促|请|由/.test(before.slice(-2)) && !guidedBy && !worksAfterJing) continue;
    // The channel (通过X, 借助X) or the recipient (向X提供, 向X申请) of an act is not who acts.
    if (/(?:通过|借助|经由|(?<![面导指方去走转倾偏])向)\s*$/.test(before) || /^(?:通过|借助|经由)/.test(name)) continue;
    // Where a person or thing is taken (带至公安机关, 送到医疗机构) is a place, not who acts.
    if (/(?:带|送|押|移|遣)(?:至|到|往)\s*$/.test(before) || /^(?:带|送|押|移|遣)(?:至|到|往)/.test(name)) continue;
    if (AUTHORITY_AFTER.test(after.replace(/^等[一二三四五六七八九十\d]*个?(?:部门|单位|机构)?/, ""))) continue;
    let role: ResponsibilityRole | null = null;
    // 由A监管的公司, 由A批准设立的机构: a clause describing a thing by who oversees it assigns A nothing here.
    if (/由\s*$/.test(before) && /^(?:[\u4e00-\u9fa5]{0,4}?(?:监管|监督管理|管理|批准|批准设立|核准|认定|确定|审批|登记|颁发|发放|指定|设立|主办|举办|制定|发布|许可|认可|监制|出具|作出|实施))的/.test(after) && !/^负责[^的，。]*的(?:部门|机构)/.test(after)) continue;
    // 请A会同B… / 由A牵头…: A leads.
    if (RESPONSIBLE_BEFORE.test(before)) role = /^(?:等)?\s*(?:应当|应|要|须)?(?:会同|牵头)/.test(after) ? "lead" : "responsible";
    else if (SUPPORT_BEFORE.test(before)) role = "support";
    else if (HELPED_BEFORE.test(before)) role = "responsible";
    // 与A沟通 / 加强与A的协作: worked with; 与A对接 (a system to connect to) is no one's duty.
    else if (COORDINATE_BEFORE.test(before) && (!/与\s*$/.test(before) || /^[^。;；]{0,20}?(?:沟通|协调|合作|协作|联动|配合|会商|衔接|共同)/.test(text.slice(listEnd, listEnd + 30)))) role = "coordinate";
    // 在A统筹指导下: A leads the way the others act.
    else if (guidedBy) role = /^(?:的)?监督/.test(after) ? "supervise" : "coordinate";
    else if (worksAfterJing) role = /^(?:会同|联合)/.test(after) ? "lead" : "responsible";
    // 发挥行业协会作用, 发挥国家融资担保基金作用: an actor worked with; 发挥…发展基金作用 uses money, no actor.
    else if (/^(?:作用|的作用)/.test(after) && /发挥好?\s*$/.test(before) && !isMoneyFund(name)) role = "coordinate";
    else if (/(?:成立|设立|组建)\s*$/.test(text.slice(Math.max(0, hit.start - 4), hit.start)) && /^[,，]\s*(?:负责|统筹|承担)/.test(after)) role = "lead";
    // 推动上海国际金融中心建设: a thing to build, not a body acted upon.
    else if (SUBJECT_BEFORE.test(before)) role = members.every((x) => NAMED_ENTITY.test(cleanParty(x.name))) && !/^(?:的)?(?:建设|建成|打造|发展)/.test(after) && !(/(?:设立|成立|组建|建立)\s*[“"]?$/.test(before) && SET_UP_FACILITY.test(name)) ? "subject" : null;
    else if (/落实\s*$/.test(before) && /^(?:的)?(?:主体|属地|监管|领导)?责任/.test(after)) role = "responsible";
    // 与A建立接口连接: A is what the work connects to, not who does it.
    else if (DIRECTIVE_AFTER.test(after) && !/与\s*$/.test(before)) role = /^(?:等)?\s*(?:应当|应|要|须|必须)?(?:牵头|会同|协调|为牵头单位)/.test(after) ? "lead" : /^(?:等)?\s*(?:应当|应|要|须|必须)?(?:配合|参与|参加|协助|为成员单位|为配合单位)/.test(after) ? "support" : /^(?:等)?\s*指导/.test(after) ? "supervise" : "responsible";
    else if (/^等(?:企业|单位|机构|公司|集团|高校|医院|政策性|[\u4e00-\u9fa5]{0,6}(?:企业|公司))/.test(after) && members.every((x) => NAMED_ENTITY.test(cleanParty(x.name)) || /特钢|集团|矿/.test(x.name))) role = "subject";
    // The subject of a sentence that lays a duty on it (县级人民政府…，应当…; 各镇政府、区管委会（统称镇区）为…，应当…).
    if (!role && SENTENCE_START.test(text.slice(Math.max(0, hit.start - 12), hit.start)) && SENTENCE_DUTY.test(text.slice(listEnd, listEnd + 80).split(/[。;；]|[，,]由/)[0]!)) role = "responsible";
    // A power given to a government or a competent department (县级以上地方各级人民政府可以设立…) is work assigned to it;
    // what those a text regulates may do (建设单位可以申请) is their right, no duty.
    if (!role && /^(?:也|均|亦|还)?可以/.test(after) && members.every((x) => AUTHORITY_BODY.test(cleanParty(x.name))) && SENTENCE_START.test(text.slice(Math.max(0, hit.start - 12), hit.start))) role = "responsible";
    if (!role) continue;
    // A body told to oversee (监督, 督促检查, 审查) in its own sentence supervises.
    if (role === "responsible") {
      const clause = text.slice(listEnd, listEnd + 24).split(/[，,。；;]/)[0]!;
      if (SUPERVISES.test(clause) && !/接受|配合|不得/.test(clause)) role = "supervise";
    }
    for (const member of members) {
      name = cleanParty(member === hit && jing && member.name.startsWith(jing) ? member.name.slice(jing.length) : member.name);
      if (name.length < 2 || (GENERIC_PARTY.test(name) && !(tasked && TASKABLE.test(name)))) continue;
      if (CATEGORY_SUFFIX.test(name) && !isDefiniteCategory(name)) continue;
      if (options.addressees.includes(name) && role === "subject") continue;
      out.push({ party: name, role, text: text.slice(member.start, listEnd), start: offset + member.start, end: offset + listEnd, annotated: false });
    }
  }
  // A为牵头单位 in running text: A leads, the other members the sentence lists support (GUIDE).
  for (const m of text.includes("为牵头单位") ? allMatches(LEAD_MEMBER, text) : []) {
    const sentence: [number, number] = [offset + text.lastIndexOf("。", m.index) + 1, offset + m.index + m[0].length];
    const inSentence = out.filter((r) => !r.annotated && r.start >= sentence[0] && r.end <= sentence[1] && r.role === "responsible");
    const lead = inSentence.filter((r) => m[1]!.endsWith(r.party));
    if (!lead.length) continue;
    // The members are the list that names the lead too (联席会议由A、B、C组成): rows of one list end together.
    const ends = new Set(lead.map((r) => r.end));
    for (const r of inSentence) r.role = lead.includes(r) ? "lead" : ends.has(r.end) ? "support" : r.role;
  }
  return out;
}
