/**
 * The grammar of party names (GUIDE.md, issue 17). A party is
 *   a place or level (省, 各市州, 县级以上地方各级, 设区的市级以上) + a function
 *   (发展改革, 人力资源社会保障, 专利行政) + a body word (委, 厅, 局, 部门, 领导小组 …);
 *   or a named organisation (… 集团, 银行, 基金, 协会, 大学);
 *   or a collective the text tells to act (各地区, 各省（区、市）, 试点城市);
 *   or a national body of the lexicon (国家发展改革委, 市场监管总局).
 * The closed sets (bodies, functions, body words, levels, places) are data in
 * ./lexicon; the shapes are the named patterns below, each with a table test
 * (tests/parser/names.test.ts). A candidate the grammar rejects is no party:
 * the caller turns it into a message with its position.
 */
import bodiesData from "./lexicon/bodies.json";
import functionsData from "./lexicon/functions.json";
import placesData from "./lexicon/places.json";
import { MEMBER_UNITS } from "./patterns";

export type NameVerdict =
  | { ok: true; kind: "body" | "named" | "collective" | "place" | "generic" }
  | { ok: false; why: "fragment" | "lead-in" | "clause" | "sector-word" | "person" | "background" | "object" | "no-body-word"; rest?: string };

interface BodiesFile {
  bodies: Array<{ name: string; aliases: string[]; former?: boolean }>;
}
interface FunctionsFile {
  functions: Array<{ function: string; forms: string[]; names?: string[]; bare?: boolean }>;
  bodySuffixes: Array<{ name: string; forms: string[] }>;
  levels: Array<{ word: string }>;
}
interface PlacesFile {
  provinces: string[][];
  prefectures: string[][];
  counties: string[][];
  zones: string[][];
  provinceOneCharacter: Record<string, string>;
}

const bodiesFile = bodiesData as BodiesFile;
const functionsFile = functionsData as FunctionsFile;
const placesFile = placesData as PlacesFile;

/** National bodies and their short forms (国家发展改革委, 发展改革委, 市场监管总局 …). */
export const KNOWN_BODIES: ReadonlySet<string> = new Set(bodiesFile.bodies.flatMap((b) => [b.name, ...b.aliases]));
/** Function words of local departments, longest first (人力资源社会保障, 发展改革, 财政 …). */
export const FUNCTIONS: readonly string[] = [...new Set(functionsFile.functions.flatMap((f) => f.forms))].sort((a, b) => b.length - a.length);
const FUNCTION_SET = new Set(FUNCTIONS);
/** Function words without their first character (急管理 of 应急管理), where that is no word of its own. */
const FUNCTION_TAILS = [...new Set(FUNCTIONS.filter((f) => f.length >= 3).map((f) => f.slice(1)))].filter((t) => !FUNCTION_SET.has(t) && !FUNCTIONS.some((f) => f.startsWith(t)));
/** Function words that name a body by themselves (海关, 总工会, 红十字会). */
const BARE_FUNCTION_BODIES = new Set(functionsFile.functions.filter((f) => f.bare).flatMap((f) => f.forms));
/** Complete function + body names in written use (发改委, 人社局, 经信委). */
const FUNCTION_NAMES = new Set(functionsFile.functions.flatMap((f) => f.names ?? []));
/** Full place names, and short forms of provinces and prefectures (counties' short forms are common words: 公安, 会同). */
const PLACES: readonly string[] = [
  ...new Set([
    ...placesFile.provinces.flat(),
    ...placesFile.prefectures.flat(),
    ...placesFile.counties.map((c) => c[0]!),
    ...placesFile.zones.map((z) => z[0]!),
  ]),
]
  .filter((p) => p.length >= 2)
  .sort((a, b) => b.length - a.length);
const PLACE_SET = new Set(PLACES);
/** Counties and districts without their level word (南沙区 → 南沙), to tell a named zone (南沙新区) from a kind of area. */
const COUNTY_STEMS = new Set(placesFile.counties.map((c) => c[0]!.replace(/(?:自治县|自治旗|区|县|市|旗)$/, "")).filter((s) => s.length >= 2));

/** Level words a local name starts with, longest first (县级以上地方各级, 设区的市, 省, 各 …). */
const LEVELS: readonly string[] = [...new Set([...functionsFile.levels.map((l) => l.word), "中共", "中国共产党", "共青团", "中华人民共和国", "我省", "我市", "全省", "全市", "州级", "市直", "省直", "县直", "区直", "驻", "省属", "市属", "两省一市"])]
  .sort((a, b) => b.length - a.length);

/** Body words a name ends with, longest first, from the lexicon and the forms it lists. */
const BODY_WORDS: readonly string[] = [
  ...new Set([
    ...functionsFile.bodySuffixes.flatMap((s) => [s.name, ...s.forms]),
    "委员会", "常务委员会", "常委会", "人大常委会", "党工委", "工委", "管委会", "办公厅", "办公室", "办事处", "专班", "工作专班", "工作组", "推进组", "小组",
    "联席会议", "指挥部", "推进机制", "协调机制", "工作机制", "总局", "总署", "总社", "总会", "工会", "联合会", "妇联", "残联", "工商联", "科协", "文联", "侨联", "团委",
    "纪委", "监委", "政府", "人民政府", "法院", "检察院", "监察委员会", "公安机关", "机关", "执法机关", "登记管理机关", "机构", "部门", "单位", "基金", "中心",
    "集团", "公司", "银行", "分行", "支行", "协会", "学会", "商会", "研究会", "促进会", "基金会", "大学", "学院", "研究院", "研究所", "医院", "交易所", "事务所",
    "派出所", "看守所", "拘留所", "管理所", "服务所", "检验所", "检测所", "监测站", "服务站", "检查站", "工作站", "管理站", "收购站", "血站", "管理处", "督查室",
    "业主大会", "代表大会", "会员代表大会", "立法会", "分会", "检定所", "政研室", "台站", "气象台站",
    "部", "委", "局", "厅", "署", "办", "室", "处", "院", "行", "会",
  ]),
].sort((a, b) => b.length - a.length);

/** Named organisations: an own name and one of these (省港航集团, 国家融资担保基金, 中国南方人才市场). */
const NAMED_ORG = /(?:集团|公司|银行|基金|协会|学会|商会|联合会|大学|学院|研究院|研究所|医院|交易所|人才市场|出版社|报社|电视台|电台|冬奥组委|组委会|专班|推进组|特钢|钢铁|股份|控股|矿业)$/;
/** Collectives a text tells to act (GUIDE rule 2, settled cases). */
const COLLECTIVE = /^(?:各(?:有关)?(?:地区|地方|地|部门|单位|省(?:份|级)?|市|县|区|乡镇|街道|级|省[(（]区、市[)）]|省、自治区、直辖市|市州|市[(（]州[)）]|县[(（]市、区[)）]|区县|县区|战区|军兵种|[\u4e00-\u9fa5]{1,8}?(?:园区|开发区|新区|高新区|示范区|试验区|片区|单位|部门|机构|委办局|集团|企业|学校|高校|医院))(?:人民政府|政府|党委)?|(?:各|其他)?(?:有关|相关)(?:部门|单位|方面)(?:和单位)?|试点(?:地区|城市|省份|省市|单位|县市|县|区)(?:政府|人民政府)?|各级(?:政府|人民政府)|[\u4e00-\u9fa5]{0,10}(?:成员单位|牵头单位|责任单位|配合单位))$/;
/** A counted group the text acts on (18户省属出资企业). */
const COUNTED_GROUP = /^\d+[户家个所][\u4e00-\u9fa5]{2,12}(?:企业|集团|公司|单位|医院|高校|学校|机构)$/;
/** Names of kinds of actor that are regulated, not regulating (企业, 学校, 金融机构): parties only when an annotation or a specific task names them. */
const GENERIC = /^(?:各类|各|有关|相关|其他)?(?:企业|企事业单位|学校|高校|医疗机构|金融机构|银行业金融机构|社会组织|社会力量|行业协会|商协会|群众|公众|个人|市场主体|经营者|用人单位|科研机构|科研院所|高等学校|运营单位|运营主体|科学研究机构)$/;

// ---- what names are not ----------------------------------------------------

/** Words that lead to a name and are not part of it (经最高人民检察院, 报市人民政府, 或者人民法院 → 者…, 请求 → 求…). */
const LEAD_INS = [
  "应当", "拒不执行", "拒绝", "持", "撤销", "改变", "审议", "填写", "侦查", "兼任", "加入", "构建", "送交", "骗取", "应当经", "应当报", "应当通过", "应当向", "应当由", "应经", "报请", "报经", "层报", "报送", "报", "经过", "经", "未经", "须经", "需经", "需", "须", "应", "由", "请", "向", "对", "将", "把", "被", "从", "自", "至", "到", "在", "于", "以", "按", "照", "依", "据", "凭", "求", "者", "和", "与", "及", "或", "并", "等", "的", "为", "给", "让", "使", "其", "此", "该", "这", "那", "也", "又", "且", "则", "但", "若", "即", "就", "还", "再", "所", "可", "能",
  "会同", "协助", "接受", "移送", "指", "保证", "包括", "除", "凡", "如", "移交", "根据", "依照", "依据", "按照", "参照", "遵照", "通过", "组织", "督促", "指导", "协调", "配合", "支持", "鼓励", "引导", "推动", "委托", "授权", "责成", "要求", "请求", "提请", "商请", "征求", "听取", "通知", "告知", "建议", "违反", "遵守", "拒绝", "阻碍", "落实", "贯彻",
];
const LEAD_INS_LONGEST_FIRST = [...new Set(LEAD_INS)].sort((a, b) => b.length - a.length);
/** Lead-in words that also start real names (自治区, 自然资源厅, 对外贸易…, 中华…): kept when what follows makes the name. */
const LEAD_IN_WORDS_THAT_START_NAMES = /^(?:自治|自然|自贸|自由贸易|对外|对口|在京|由于|经济|经信|经开区|经营|依法治|组织部|协调推进|协调(?=(?:领导)?小组|机制|委员会|办公室|工作组|会议)|通信|和平|以色列|指挥|保证金|除险|如东|如皋|应急|报废|商务|商业|环境与)/;
/** A name never holds a verb of a clause (人民检察院发现人民法院, 国务院决定中国人民银行, 奶畜养殖者应当遵守…). */
const CLAUSE_VERB = /发挥|提供|迁移|兼办|运出|部署|禁止|干预|不设(?!区)|更好|协助|会同|不符合|符合|承担|任免|代表(?!大会|团|处)|[\u4e00-\u9fa5]自(?!治|然|由|贸|主|律|动|行车|来水)|发现|决定(?!委员会)|授权(?!委员会)|应当|未经|违反|遵守|不得|可以|报请|报经|提交|取得|达到|申报|根据|依照|依据|按照|责令|吊销|没收|查处|处以|罚款|批准(?!机关)|核准(?!机关)|同意|遗弃|侵略|占领|接到|收到|作出|提出|做好|开展|落实了|完成了|新增了|了|没有|任何|成立|建立|逃避|坚持|担任|规定|责成|告知|备份|处理(?!中心|厂|站|场|机构|办公室)|开具|强令|存入|印发|通知(?!书)|(?<!受)移送(?!机关)|移交|(?<!接)受(?!理|托|灾|援|益|让|害|委托|移送|质询|聘|案)|设立(?!登记)|设置|实行|依法|制定|施行|划分|同时|如果|假如|任期|不影响|拒不|承认|有权|不服|加入|组建|(?<!受)委托|运用|利用|指定|携带|召集|冲击|造成|报送|分别|不能|密切配合|积极配合/;
/** Persons and titles (国务院副秘书长, 法定代表人, 主要负责人). */
const PERSON = /(?:负责人|代表人|合伙人|投资人|秘书长|书记|部长|厅长|局长|市长|省长|县长|区长|州长|总理|院长|检察长|主任|委员|专家|人员|干部|同志|领导(?!小组)|经理|董事长|人)$/;
/** Foreign bodies and background actors (日本政府, 外国法院, 派遣国政府; 中国政府 and 党中央 in history and authority). */
const BACKGROUND = /^(?:外国|国外|境外|派遣国|接受国|第三国|日本|美国|英国|法国|德国|俄罗斯|苏联|韩国|朝鲜|印度|欧盟|联合国(?!.*中国))|^(?:中国政府|我国政府|党中央(?:国务院)?|中共中央国务院)$/;
/** The start of a word cut off its head (其他 → 他, 若干 → 干, 中华人民共和国 → 国…, 县级以上 → 级/以上, 村（居）民委员会 → 民委员会). */
const CUT_START = /^(?:他|者|务|级|干(?!部)|以上|以下|下简称|下统称|上人民政府|民委员会$|国(?=政府|公安部|外交部|国家|人民法院|全国)|当(?=会同|通知|经|报|向|由|按|依|组织|协助|配合))/;
/** A name ending before its body word is complete (管委会同意 → 管委; 主任委员 → 主任委), or in 委 cut from 委任/委托 after a body (主管部门委). */
const CUT_END = /(?:管理委|委员|理事|董事|监事|主任委|候补委|(?:部门|机关|政府|机构|单位|委员会)委)$/;
/** Two names joined by a verb: a clause, not a name (公安部凭外交部, 第二审人民法院发回原审人民法院). */
const TWO_NAMES = /(?:人民法院|人民检察院|人民政府|政府|部|局|厅|委员会|机关|部门|机构|企业|单位|公司|组织|合作社)(?:妨害|妨碍|主管(?!部门|机构|机关|单位)|凭|发回|发现|根据|会同|协同|商|向|对|报|报请|移送|通知|协助|配合|指导|督促|授权|委托|决定|征求|提请|审查|印发|强令|存入|处理|受理|责成|办理|调取|移交|告知|答复|监督|审批|罢免|设立|经)[\u4e00-\u9fa5]{2,}/;
/** Things and places that end like a body (居所, 候问室, 爱国主义教育基地, 选区). */
const OBJECT = /(?:文物保护单位|居所|场所|住所|处所|室内|基地|园区|景区|选区|街区|片区|小区|社区|港区|库区|保护区|控制区|功能区|示范区|试验区|开发区|新区|自贸区|保税区|综合保税区|城区|市区|地区)$/;
/** One-character body words that only end a body after these heads (派出所, 委员会, 银行, 办事处). */
const ONE_CHARACTER_HEADS: Record<string, RegExp> = {
  所: /(?:派出|看守|拘留|管理|服务|检验|检测|研究|交易|事务|戒毒|卫生|司法|财政|税务|工商|监测|设计|测绘|鉴定|规划|公证|律师|会计师|审计|土地|林业|农技|兽医|水文|气象)所$/,
  会: /(?:委员|协|学|商|联合|工|管委|基金|理事|董事|监事|总|研究|促进|贸促|常委|组委|红十字|联谊|同业公|工商联合|妇女联合|联席|侨|文|科|残|妇)会$/,
  行: /(?:银|分|支|储备银|人民银|开发银|进出口银|发展银)行$/,
  处: /(?:办事|管理|工作|督查|秘书|综合|联络|执法|监察|稽查|保卫|人事|财务|审计|法规|信息|规划|建设|发展|事业)处$/,
  院: /(?:法|检察|研究|设计|科学|医|卫生|学|规划|国务|工程|科技|书|博物|剧)院$/,
  室: /(?:办公|督查|秘书|研究|联络|督察|工作|档案|调研)室$/,
  部: /^.{2,}部$/,
  // 办 ends an office (扶贫办, 政府办), not a verb of handling a case (侦办, 承办, 督办).
  办: /(?<![侦承督查主协经包代兴创举开转申批领帮合民公])办$/,
};

/** A level character that starts another word (市场, 市政, 区域, 县域, 省内): no level there. */
const NOT_LEVEL = /^(?:市场|市政(?=工程|公用|设施|道路|园林|环卫|市容)|市容|市民|市辖|区域|区划|县域|省内|省外|市内|市外|乡村|镇村|州际)/;

/** Words of a set indexed for "which of them starts this string": longest first. */
class PrefixSet {
  private readonly words: Set<string>;
  private readonly lengths: number[];
  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    this.lengths = [...new Set([...this.words].map((w) => w.length))].sort((a, b) => b - a);
  }
  /** The longest word of the set that `s` starts with (at least `min` characters), or null. */
  longestPrefix(s: string, min = 1): string | null {
    for (const n of this.lengths) if (n >= min && n <= s.length && this.words.has(s.slice(0, n))) return s.slice(0, n);
    return null;
  }
  /** The longest word of the set that `s` ends with, or null. */
  longestSuffix(s: string, min = 1): string | null {
    for (const n of this.lengths) if (n >= min && n <= s.length && this.words.has(s.slice(s.length - n))) return s.slice(s.length - n);
    return null;
  }
}
const LEVEL_PREFIXES = new PrefixSet(LEVELS);
const PLACE_PREFIXES = new PrefixSet(PLACES);
const FUNCTION_PREFIXES = new PrefixSet(FUNCTIONS);
const FUNCTION_TAIL_PREFIXES = new PrefixSet(FUNCTION_TAILS);

/** Whether a function word of the lexicon starts `s` (at least `min` characters). */
export function startsWithFunction(s: string, min = 2): string | null {
  return FUNCTION_PREFIXES.longestPrefix(s, min);
}
/** The function word of the lexicon `s` ends with, if any. */
export function endsWithFunction(s: string, min = 2): string | null {
  return FUNCTION_PREFIXES.longestSuffix(s, min);
}

/** The level and place words at the start of a name, as one prefix (县级以上地方各级人民政府 → 县级以上地方各级). */
function levelPrefix(name: string): number {
  let at = 0;
  for (let guard = 0; guard < 6 && at < name.length; guard++) {
    const rest = name.slice(at);
    let word = LEVEL_PREFIXES.longestPrefix(rest);
    if (word && word.length === 1 && NOT_LEVEL.test(rest)) word = null;
    word ??= PLACE_PREFIXES.longestPrefix(rest, 2);
    if (!word) break;
    at += word.length;
    // 设区的市级以上 / 各省（区、市）: brackets and 的 joining level words.
    const joint = /^(?:[(（][^)）]{1,8}[)）]|的|、)/.exec(name.slice(at));
    if (joint && at + joint[0].length < name.length) at += joint[0].length;
  }
  return at;
}

/** The body word a name ends with, longest first, or null. */
export function bodyWordOf(name: string): string | null {
  for (const n of BODY_WORD_LENGTHS) {
    if (n > name.length) continue;
    const w = name.slice(name.length - n);
    if (!BODY_WORD_SET.has(w)) continue;
    const head = ONE_CHARACTER_HEADS[w];
    if (n === 1 && head && !head.test(name)) continue;
    return w;
  }
  return null;
}
const BODY_WORD_SET = new Set(BODY_WORDS);
const BODY_WORD_LENGTHS = [...new Set(BODY_WORDS.map((w) => w.length))].sort((a, b) => b - a);

/** `fn` with its answers kept: names repeat across a document and a corpus (cleared when large). */
function remembered<T>(fn: (name: string) => T): (name: string) => T {
  const answers = new Map<string, T>();
  return (name) => {
    if (answers.has(name)) return answers.get(name)!;
    const answer = fn(name);
    if (answers.size > 50_000) answers.clear();
    answers.set(name, answer);
    return answer;
  };
}

/** A fund that is money (失业保险基金, 产业发展基金, 各项社会保险基金), not a national fund company (国家融资担保基金). */
export function isMoneyFund(name: string): boolean {
  return /基金$/.test(name) && !/^(?:国家|中国)/.test(name);
}

/** Judges one candidate party name by the grammar and the lexicon. */
export const judgeName: (raw: string) => NameVerdict = remembered((raw) => judge(raw));

function judge(raw: string): NameVerdict {
  const name = raw.replace(/\s+/g, "").replace(/^[“"‘]|[”"’]$/g, "");
  if (name.length < 2) return { ok: false, why: "fragment" };
  if (KNOWN_BODIES.has(name) || FUNCTION_NAMES.has(name) || BARE_FUNCTION_BODIES.has(name)) return { ok: true, kind: "body" };
  // A body word alone (基金, 机关, 部门) names no one: the words that said whose were cut.
  if (/^(?:基金|机关|部门|单位|机构|中心|政府|人民政府|委员会|常务委员会|常委会|工作机构|办公室)$/.test(name)) return { ok: false, why: "fragment" };
  // A fund named by a determiner (不同基金, 部分基金) is some of the funds a law speaks of, no body.
  if (/^(?:不同|部分|各类|其他|其它|该|本|上述|同一|每一|除)基金$/.test(name)) return { ok: false, why: "object" };
  if (isMoneyFund(name)) return { ok: false, why: "object" };
  // 不同人民检察院: which ones is said elsewhere; 不同 and 部分 start no name.
  if (/^(?:不同|部分|除(?!了))/.test(name)) return { ok: false, why: "fragment" };
  // A building or body yet to be built (新建数据中心, 存量数据中心, 新建国家机关办公建筑) is an object.
  if (/^(?:新建|存量|已建|在建|拟建|改建|扩建)/.test(name)) return { ok: false, why: "object" };
  if (/\d/.test(name) && !/^\d+[户家个所]/.test(name)) return { ok: false, why: /\d{4}年/.test(name) ? "background" : "clause" };
  if (COUNTED_GROUP.test(name)) return { ok: true, kind: "collective" };
  // An article's number run into the name that begins it (第二十二条市人民政府): the name is what follows.
  const article = /^第[一二三四五六七八九十百千零〇两]+[条章节款项]/.exec(name);
  if (article) return { ok: false, why: "fragment", rest: name.slice(article[0].length) };
  if (BACKGROUND.test(name)) return { ok: false, why: "background" };
  if (CUT_START.test(name) || CUT_END.test(name)) return { ok: false, why: "fragment" };
  // The tail of a function word (应急管理 → 急管理…): the name was cut inside it.
  if (!LEVEL_PREFIXES.longestPrefix(name) && FUNCTION_TAIL_PREFIXES.longestPrefix(name)) return { ok: false, why: "fragment" };
  // A verb after the body word (公安机关交通管理部门处罚款 → …部门处, 县级以上人民政府组织): the body is the name.
  const runOn = /^(.*(?:部门|机关|机构|政府|委员会|总局|局|厅|委|办|署))(?:处|组织|负责|代行|要|依法查处|查处|侦办|承办|督办|查办|办理|处理|没收所?|提出[\u4e00-\u9fa5]*)$/.exec(name);
  if (runOn && runOn[1]!.length >= 2) return { ok: false, why: "fragment", rest: runOn[1]! };
  if (COLLECTIVE.test(name) && /部门和单位$/.test(name)) return { ok: true, kind: "collective" };
  // Two names joined by 和 (街道办事处和公安机关): split before they are judged.
  if (/(?:部门|机关|机构|政府|委员会|总局|总署|办事处|局|厅|署)(?:和|与|及|以及|及其)[\u4e00-\u9fa5]{2,}/.test(name) && !/(?:和|与|及)(?:信息化|城乡建设|社会保障|旅游|规划|草原|计划生育|物资储备|绿化)/.test(name)) return { ok: false, why: "fragment" };
  // Units listed in one name (劳动部、人事部): a list is split before names are judged; only a list of levels sharing a body stays whole.
  if (/[:：，,。；;]/.test(name)) return { ok: false, why: "fragment" };
  // A list inside a level's brackets (县（市、区）人民政府) is one level, no list of names.
  if (name.replace(/[(（][^)）]*[)）]/g, "").includes("、") && !COLLECTIVE.test(name) && !/^各?(?:[省市县区州乡镇旗盟]|自治区|直辖市|自治州|自治县|县级市|地区|[\u4e00-\u9fa5]{2,4}[市县区])(?:[(（][^)）]*[)）])?(?:、(?:[省市县区州乡镇旗盟]|自治区|直辖市|自治州|自治县|县级市|地区|[\u4e00-\u9fa5]{2,4}[市县区])(?:[(（][^)）]*[)）])?)+[\u4e00-\u9fa5]{0,20}$/.test(name)) return { ok: false, why: "fragment" };
  // A passes the matter on to B (省建设行政主管部门转呈国家建设行政主管部门评审): B is who acts next.
  const passedOn = /^(.{2,}?(?:部门|机关|机构|政府|委员会|局|厅))(?:转呈|转报|转送|转交)(.{2,})$/.exec(name);
  if (passedOn && judgeName(passedOn[2]!).ok) return { ok: false, why: "fragment", rest: passedOn[2]! };
  if (TWO_NAMES.test(name)) return { ok: false, why: "clause" };
  // A word that leads to a name, kept before it: what follows is the name.
  if (!LEAD_IN_WORDS_THAT_START_NAMES.test(name) && !LEVEL_PREFIXES.longestPrefix(name, 2) && !FUNCTION_PREFIXES.longestPrefix(name, 2)) {
    for (const w of LEAD_INS_LONGEST_FIRST) {
      if (!name.startsWith(w) || name.length - w.length < 2) continue;
      const rest = name.slice(w.length);
      const again = judgeName(rest);
      if (again.ok) return { ok: false, why: "lead-in", rest };
    }
  }
  // 组织 opening a candidate before a level or a count (组织两省一市人民政府…) is the verb: the name follows.
  const organised = /^组织((?:各|有关|相关|两|[一二三四五六七八九十]|[省市县区]|县级|国务院)[\u4e00-\u9fa5]{3,})$/.exec(name);
  if (organised && judgeName(organised[1]!).ok) return { ok: false, why: "lead-in", rest: organised[1]! };
  // 经 after words that are no name (专区反哺数据经专区监管部门审核): an approval in a clause, no party.
  const via = /^([\u4e00-\u9fa5]{2,})经(?!济|营|贸|信|侦|费|办|常|销|纪)([\u4e00-\u9fa5]{2,})$/.exec(name);
  if (via && !judgeName(via[1]!).ok && !LEVEL_PREFIXES.longestPrefix(name)) return { ok: false, why: "clause" };
  // A verb taking a body as its object, inside the candidate (患有国务院卫生行政部门, 离开公安机关,
  // 驾驶人拒绝生态环境主管部门, 议定书报送国家体委): the name starts after it, where a name can start.
  const led = nameAfterVerb(name);
  if (led === "") return { ok: false, why: "clause" };
  if (led) return { ok: false, why: "lead-in", rest: led };
  // One character cut from the word before a name (指国家药品监督管理局, 国公安部): the name is what follows.
  if (!LEVEL_PREFIXES.longestPrefix(name) && !PLACE_PREFIXES.longestPrefix(name) && !WORDS_OF_ONE_CHARACTER_VERBS.has(name.slice(0, 2))) {
    const rest = name.slice(1);
    const restStartsAName = KNOWN_BODIES.has(rest) || LEVEL_PREFIXES.longestPrefix(rest, 2) !== null || PLACE_PREFIXES.longestPrefix(rest) !== null || /^(?:人民|国务院|国家|中央|全国)/.test(rest);
    if (restStartsAName && judgeName(rest).ok && !KNOWN_BODIES.has(name)) return { ok: false, why: "fragment", rest };
  }
  if (CLAUSE_VERB.test(name)) return { ok: false, why: "clause" };
  if (PERSON.test(name) && !/(?:人民政府|委员会|人大|人民银行|人民法院|人民检察院)$/.test(name)) return { ok: false, why: "person" };
  if (GENERIC.test(name)) return { ok: true, kind: "generic" };
  if (COLLECTIVE.test(name) && !/[的了]/.test(name)) return { ok: true, kind: "collective" };
  if (NAMED_ORG.test(name) && !/^(?:和|与|及|的)/.test(name)) return { ok: true, kind: "named" };
  const prefix = levelPrefix(name);
  const rest = name.slice(prefix);
  // A place alone (合肥市, 临港地区, 各市州): a party only where the text tells it to act; the caller decides.
  // A level word alone (自治区, 直辖市 out of 省、自治区、直辖市人民政府) names no one.
  if (prefix === name.length && prefix > 0 && /^各/.test(name) && name.length >= 2) return { ok: true, kind: "collective" };
  if (prefix === name.length && prefix > 0) return PLACE_SET.has(name) || (levelPrefix(name.replace(/(?:省|市|县|区|州|旗|盟|镇|乡)$/, "")) === 0 && /(?:省|市|县|区|州|旗|盟|镇|乡)$/.test(name) && name.length >= 3) ? { ok: true, kind: "place" } : { ok: false, why: "fragment" };
  // A place followed by a body that is its own word (合肥海关, 省总工会).
  if (prefix > 0 && BARE_FUNCTION_BODIES.has(rest)) return { ok: true, kind: "body" };
  // A town named for itself (万祥镇, 泥城镇, 南汇新城镇), not a kind of town (城镇, 美丽城镇, 特色小镇, 中心镇, 各乡镇).
  if (/^[\u4e00-\u9fa5]{2,4}镇$/.test(name) && !/^(?:各|本|该|全|每|周边|小|中心|重点|建制|特色|新型|美丽|[乡城村集古名重市强])/.test(name) && !/^[\u4e00-\u9fa5]{2,}(?<!新)城镇$|(?:乡|集|村|名|强|小|重|中心|示范|特色|古|建制)镇$/.test(name) && !/[的了和与及或对由在从向被将要为以按是并]/.test(name)) return { ok: true, kind: "place" };
  // A county or banner named short (达茂旗, 湟中县).
  if (/^[\u4e00-\u9fa5]{2,4}(?:旗|县)$/.test(name) && !/[的了和与及或对由在从向被将要为以按是并]/.test(name) && !/(?:国|党|团|红|军|队|锦|彩)旗$/.test(name)) return { ok: true, kind: "place" };
  if (OBJECT.test(name) && !/(?:管委会|管理委员会|管理局|办公室|管理机构)$/.test(name)) {
    // A zone with a proper name (南沙新区, 广州开发区, 合肥高新区) is a place; a kind of area (核心保护区, 选区) is not.
    const head = name.replace(/(?:经济技术开发区|高新技术产业开发区|国家级新区|新区|开发区|高新区|园区|片区|示范区|试验区|自贸区|保税区|综合保税区|地区|城区|市区)$/, "");
    // A development zone is named for itself (稀土高新区, 天府新区: a two-character own name): only a level or determiner makes it a kind (国家级新区, 各开发区).
    const namedZone = /(?:高新区|开发区|经开区|新区|保税区|自贸区)$/.test(name) && head.length === 2 && /^[\u4e00-\u9fa5]+$/.test(head) && !/^(?:国家级|省级|市级|县级|各|该|本|有关|相关|其他|其它|新|全|综合|经济|工业|产业|科技|高新|出口)/.test(head);
    return namedZone || PLACE_SET.has(name) || PLACE_SET.has(head) || COUNTY_STEMS.has(head) ? { ok: true, kind: "place" } : { ok: false, why: "object" };
  }
  const body = bodyWordOf(name);
  if (!body) {
    // A sector word alone (财政, 公共数据, 市发展改革): the list it stood in names the body word.
    const fn = FUNCTION_PREFIXES.longestPrefix(rest);
    if (FUNCTION_SET.has(rest) || (fn && rest.length - fn.length <= 2)) return { ok: false, why: "sector-word" };
    if (PLACE_SET.has(name)) return { ok: true, kind: "place" };
    return { ok: false, why: "no-body-word" };
  }
  // A government is of a place or a level; before 政府 anything else names a kind of government (数字政府, 法治政府, 服务型政府).
  if ((body === "政府" || body === "人民政府") && !prefix && !/^(?:中央|地方|本级|同级|上级|下级|上一级|当地|基层|乡镇|区县|县区|市县|[\u4e00-\u9fa5]{0,8}(?:特别行政区|流域|地|[区县市省州镇乡旗盟]|[县市省]级|以上|以上地方|地方|地方各级)|[\u4e00-\u9fa5]{0,8}[区县市省州镇乡旗盟][(（][\u4e00-\u9fa5、]{1,8}[)）])$/.test(name.slice(0, -body.length))) return { ok: false, why: "object" };
  // The words between the level and the body word name a function: no function characters inside
  // once the lexicon's function words (科技和信息化, 住房和城乡建设) are taken out.
  const middle = name.slice(prefix, name.length - body.length);
  let plain = middle;
  for (const f of FUNCTIONS) if (f.length >= 3 && plain.includes(f)) plain = plain.split(f).join("");
  // Two functions joined by 和 just before the body word (林业和绿化主管部门) are one function.
  plain = plain.replace(/[\u4e00-\u9fa5]{2,4}和[\u4e00-\u9fa5]{2,4}$/, "");
  // Words of names that hold such characters (自由贸易试验区, 对外贸易, 对口支援, 和平).
  plain = plain.replace(/自由|对外|对口|和平/g, "");
  if (/[的了和与及或对由请在从向把被将要为以按是并使让给于等其此该这那也都而且则但若即就还再又须着过]/.test(plain) && !/负责|管理|主管/.test(middle)) {
    return { ok: false, why: "clause" };
  }
  // One character before a body word of two or more (民委员会, 政部门) is a cut word, unless the lexicon knows it.
  if (!prefix && middle.length === 1 && body.length >= 2 && !FUNCTION_SET.has(middle) && !FUNCTION_PREFIXES.longestPrefix(name, 2)) return { ok: false, why: "fragment" };
  // A person's title before 办/委 (检察官办, 主任委).
  if (body.length === 1 && /[官员人名者任补]$/.test(name.slice(0, -1))) return { ok: false, why: "person" };
  // The members of a body with a long name of its own (…领导小组…执行小组成员单位) are as definite as the body.
  const members = MEMBER_UNITS.exec(name);
  if (middle.length > 24 && members && judgeName(name.slice(0, members.index)).ok) return { ok: true, kind: "collective" };
  if (middle.length > 24) return { ok: false, why: "clause" };
  // A one-character body word needs a head of at least two characters (财政部, 扶贫办), or a level (省委).
  if (body.length === 1 && name.length < 3 && !prefix) return { ok: false, why: "fragment" };
  return { ok: true, kind: "body" };
}

/** Administrative words inside names, beside the lexicon's functions (监督管理, 行政主管, 执法). */
const ADMINISTRATIVE = new PrefixSet(["监督管理", "监督", "管理", "监管", "行政", "主管", "执法", "综合", "安全", "工作", "有关", "相关", "地方", "各级", "人民", "同级", "上级", "上一级", "本级", "原", "所在地", "登记", "审批", "复议", "备案审查", "核安全", "交通管理", "城市管理"]);

/**
 * The characters of an accepted name that are neither lexicon words (bodies,
 * levels, places, functions, body words) nor administrative words: "" for a
 * name made wholly of known words. A name with more than two such characters
 * is one the grammar alone accepted; the parser flags it for review.
 */
export const unknownWords: (raw: string) => string = remembered((raw) => unknownWordsOf(raw.replace(/\s+/g, "")));

function unknownWordsOf(name: string): string {
  if (KNOWN_BODIES.has(name) || FUNCTION_NAMES.has(name) || BARE_FUNCTION_BODIES.has(name) || GENERIC.test(name) || COLLECTIVE.test(name) || COUNTED_GROUP.test(name) || PLACE_SET.has(name)) return "";
  let rest = name;
  let unknown = "";
  for (let guard = 0; rest && guard < 20; guard++) {
    const level = levelPrefix(rest);
    const word = level ? rest.slice(0, level) : (KNOWN_BODY_PREFIXES.longestPrefix(rest, 2) ?? FUNCTION_PREFIXES.longestPrefix(rest, 2) ?? ADMINISTRATIVE.longestPrefix(rest) ?? BODY_PREFIXES.longestPrefix(rest, 2));
    if (word) {
      rest = rest.slice(word.length).replace(/^[和、与]/, "");
    } else {
      unknown += rest[0];
      rest = rest.slice(1);
    }
  }
  // A body named after its task (…领导小组, …联席会议, …指挥部): the task is words of the text, not of the lexicon.
  if (/(?:领导小组|工作小组|联席会议|指挥部|工作专班)$/.test(name)) return "";
  // The body word at the end, when it was read as unknown characters (所, 会, 行).
  const body = bodyWordOf(name);
  return body && unknown.endsWith(body) ? unknown.slice(0, -body.length) : unknown;
}

/** Words that begin with a one-character verb of OBJECT_VERBS: 属地市场监督管理部门 is local, not 属 + a name. */
const WORDS_OF_ONE_CHARACTER_VERBS = new Set(["属地", "报废", "报社", "报刊", "经济", "经营", "经贸", "经信", "经侦", "商务", "商业", "商贸", "商标", "商品", "向导", "当地", "当事", "至今"]);
/** Verbs whose object is a body (拒绝, 报送, 答复, 调取), and single characters that lead to one (报, 经, 向). */
const OBJECT_VERBS = new PrefixSet([
  // 组织 inside a name is a noun (国际刑警组织).
  ...LEAD_INS.filter((w) => w.length >= 2 && w !== "组织"),
  "患有", "离开", "逃避", "退回", "倡导", "罢免", "属", "至", "答复", "回复", "办理", "调取", "参加", "设立", "连同", "利用", "变造", "伪造", "冒充", "报告", "抄送", "抄报", "提请", "送达", "函告", "商", "报", "经", "向", "当",
]);
/** Where a name can start: a level or place word, a national head (国务院, 国家, 中央), a function word, a lexicon body. */
const KNOWN_BODY_PREFIXES = new PrefixSet(KNOWN_BODIES);
const BODY_PREFIXES = new PrefixSet(BODY_WORDS);
// 所在地人民政府, 羁押地人民检察院, 协作地公安机关: a place named by what happens there, then a body.
const NAME_START = /^(?:国务院|国家|中央|全国|最高|中国|中华人民共和国|人民(?=法院|检察院|政府|银行|代表大会)|[\u4e00-\u9fa5]{1,4}地(?=人民|公安|县级|税务|海关|市场|车辆))/;
function startsName(s: string): boolean {
  if (NAME_START.test(s) || LEVEL_PREFIXES.longestPrefix(s, 2) !== null || PLACE_PREFIXES.longestPrefix(s, 2) !== null || FUNCTION_PREFIXES.longestPrefix(s, 2) !== null || KNOWN_BODY_PREFIXES.longestPrefix(s, 3) !== null) return true;
  // A one-character level before a government or a function (省人民政府, 市财政局).
  return LEVEL_PREFIXES.longestPrefix(s) !== null && !NOT_LEVEL.test(s) && (/^.(?:人民政府|政府|人大|党委)/.test(s) || FUNCTION_PREFIXES.longestPrefix(s.slice(1), 2) !== null);
}

/**
 * The name after a verb inside a candidate, or null: the first place where
 * what comes before ends with a verb that takes a body as its object and what
 * follows starts like a name and is one (kind body or named, 4+ characters
 * or a body of the lexicon).
 * What comes before a real name's head is a level, place, function or body,
 * never such a verb, so real compound names (县级以上地方人民政府市场监督管理部门) pass.
 */
function nameAfterVerb(name: string): string | null {
  for (let k = 1; k <= name.length - 3; k++) {
    const rest = name.slice(k);
    // Four characters or more, or a body of the lexicon (报国务院, 报送财政部).
    if (rest.length < 4 && !KNOWN_BODIES.has(rest)) continue;
    if (!startsName(rest)) continue;
    const verb = OBJECT_VERBS.longestSuffix(name.slice(0, k));
    if (!verb) continue;
    // A one-character verb that is the start of a word (属地, 报废, 经济) cuts nothing.
    if (verb.length === 1 && WORDS_OF_ONE_CHARACTER_VERBS.has(name.slice(k - 1, k + 1))) continue;
    if (levelPrefix(name) >= k || judgeName(name.slice(0, k)).ok) continue;
    const verdict = judgeName(rest);
    if (!verdict.ok || (verdict.kind !== "body" && verdict.kind !== "named")) continue;
    // A body, a verb, a body (人民检察院办理公安机关…): a clause, neither is the name of the candidate.
    const head = name.slice(0, k - verb.length).replace(/(?:依法|应当|应|及时|同时|分别|另行|逐级|可以|须|必须)+$/, "");
    return head.length >= 2 && judgeName(head).ok ? "" : rest;
  }
  return null;
}

/** Whether a sector word (财政, 教育) takes a body word to name a body: the caller expands 财政、教育等部门. */
export function isFunctionWord(word: string): boolean {
  return FUNCTION_SET.has(word);
}

/**
 * Carries a list's shared body word, and the level written on its first item,
 * to every item that is not a name on its own (issue 17): 财政、教育等部门 →
 * 财政部门, 教育部门; 县级以上人民政府财政、审计等部门 → 县级以上人民政府财政部门,
 * 县级以上人民政府审计部门; 省港航集团、省机场集团等单位 stay as they are.
 */
export function expandList(items: string[], shared: string): string[] {
  // Only a body word is shared (部门, 主管部门, 机构), not a kind of entity (单位: 机关、团体等单位).
  const body = /(?:(?:行政)?(?:主管|管理|执法|监督管理|监管|综合管理)?(?:部门|机构|机关))$/.exec(shared)?.[0];
  if (!body) return items;
  const first = items[0] ?? "";
  const level = levelPrefix(first);
  const government = /^(.*?(?:人民政府|政府|国务院))(?=[\u4e00-\u9fa5]{2,})/.exec(first)?.[1];
  // A first item that is a body of its own (乡镇人民政府、…、安全生产监督管理等部门) lends no level to the rest.
  const prefix = judgeName(first).ok ? "" : government && government.length >= level ? government : level > 0 && level < first.length ? first.slice(0, level) : "";
  return items.map((item, i) => {
    if (judgeName(item).ok) return item;
    const placed = i > 0 && prefix && levelPrefix(item) === 0 ? prefix + item : item;
    if (placed.endsWith(body)) return placed;
    // 城市管理 + 管理部门 → 城市管理部门, not 城市管理管理部门.
    return placed.endsWith("管理") && body.startsWith("管理") ? placed + body.slice(2) : placed + body;
  });
}
