/**
 * Every Chinese pattern the parser relies on, named, in one module.
 * All expressions run on the *folded* text (see fold.ts): full-width ASCII is
 * half-width (（一） → (一), １． → 1., ： → :, ， → ,, ； → ;), the
 * ideographic space is a space. Chinese punctuation such as 、。“”《》〔〕 stays.
 * tests/parser/patterns.test.ts covers each one with a table of cases.
 */

/** Chinese numeral characters in labels (一 … 九十九, 百). */
const CN = "[一二三四五六七八九十百千零〇两]+";

// ---- numbering labels at the start of a block ---------------------------------

/** 第一部分 */
/** 第一编 / 第一分编: the books of a code or a long law (刑法, 民事诉讼法, 民法典). */
export const BOOK = new RegExp(`^第(${CN}|\\d+)编(?=\\s|$|[^\\s的中规所])`);
export const SUBBOOK = new RegExp(`^第(${CN}|\\d+)分编(?=\\s|$|[^\\s的中规所])`);
export const PART = new RegExp(`^第(${CN}|\\d+)部分(?=\\s|$|[^\\s的中规所])`);
/** 第一章 — followed by a space, the end, or the chapter's heading. */
export const CHAPTER = new RegExp(`^第(${CN}|\\d+)章(?=\\s|$|[^\\s的中规所])`);
/** 第一节 */
export const SECTION = new RegExp(`^第(${CN}|\\d+)节(?=\\s|$|[^\\s的中规所])`);
/** 第一条 — not a reference such as 第三条规定 or 第一条的. */
/** 第十条, and 第一百二十条之一 (an article an amendment inserted after 第一百二十条). */
export const ARTICLE = new RegExp(`^第(${CN}|\\d+)条(?:之(${CN}))?(?=\\s|$|[^\\s的中规所之第款项,、。])`);
/** 一、 (also 一. and 一．, which fold to 一.) */
export const CN_DUN = new RegExp(`^(${CN})[、.](?!\\d)`);
/** （一） and (一) */
export const CN_PAREN = new RegExp(`^\\((${CN})\\)`);
/** ㈠ … ㈩ */
export const CN_ENCLOSED = /^([\u3220-\u3229])/;
/** 1.1 / 1.1.1 — a decimal heading, not a quantity such as 1.5倍. */
export const DECIMAL = /^(\d{1,2}(?:\.\d{1,2}){1,3})(?=\s|[\u4e00-\u9fa5“《(])(?![万亿倍元吨个%])/;
/** 1. / 1、 / ⒈ — not 1.5 or 2019年. */
export const ARABIC_DOT = /^(?:(\d{1,3})(?:\.(?![\d.])|、)|([\u2488-\u249b]))/;
/** （1） / (1) / ⑴ */
// Up to five digits: long lists run past (999).
export const ARABIC_PAREN = /^(?:\((\d{1,5})\)|([\u2474-\u2487]))/;
/** ① … ⑳, ❶ … ❿ */
export const CIRCLED = /^([\u2460-\u2473\u2776-\u277f])/;
/** 一是 / 一要 at the start of a line. */
export const CN_SHI = new RegExp(`^(${CN})(是|要)(?=[^\\s,，。、;的否]|\\s)`);
/** 注： / 备注： / 说明： alone on a line, heading a list of notes. */
export const NOTE = /^(?:注|备注|说明|附注)\s*:\s*$/;
/** --- / —— / • bullets. */
export const BULLET = /^(-{2,}|—{1,3}|─{1,3}|[•·●■◆▪○◇□►▶✓√])/;

// ---- inline labels inside a paragraph -----------------------------------------

/** Inline 一是/二是 or 一要/二要: at the paragraph start or after 。;:, or ！？. */
export const INLINE_CN_SHI = new RegExp(`(?:^|(?<=[。;:,!?！？]\\s*))(${CN})(是|要)(?![否的])`, "g");
/** Inline ①②: anywhere after punctuation or at the start. */
export const INLINE_CIRCLED = /(?:^|(?<=[。;:,!?！？、\s]))([\u2460-\u2473])/g;
/** Inline (1)(2): after punctuation or at the start. */
export const INLINE_ARABIC_PAREN = /(?:^|(?<=[。;:!?！？\s]))(?:\((\d{1,2})\)|([\u2474-\u2487]))/g;
/** Inline 1. 2.: after 。;: (not after a comma, to spare quantities). */
export const INLINE_ARABIC_DOT = /(?<=[。;:])\s*(\d{1,2})(?:\.(?![\d.])|、)/g;
/** Inline 第一，第二， */
export const INLINE_CN_ORDINAL = new RegExp(`(?:^|(?<=[。;:]))(第(${CN}))(?=,)`, "g");

// ---- document layout ----------------------------------------------------------

/** 文号: 国发〔2018〕42号, 青政〔2017〕42号, (余府发〔2012〕3号), 国办函[2018]71号. */
export const DOC_NUMBER = /[\u4e00-\u9fa5]{1,10}[〔[［【(]\s*(\d{4})\s*[〕\]］】)]\s*(?:第)?\s*\d{1,5}\s*号/;
/** 国务院令 and similar numbered orders: 第706号 on its own line. */
export const ORDER_NUMBER = /^[(（]?\s*(?:[\u4e00-\u9fa5]{2,20}令\s*)?第\s*\d{1,5}\s*号\s*[)）]?$/;
/** A line naming an order: 中华人民共和国国务院令. */
export const ORDER_HEAD = /^[\u4e00-\u9fa5]{2,20}令$/;
/** A date line: 2018年12月21日 or 二〇一八年十二月二十一日. */
export const DATE_LINE = /^[(（]?\s*(?:(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日)\s*[)）]?$/;
/** A date anywhere: Arabic or Chinese numerals. */
export const ANY_DATE = /(?:(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日)/;
/** （此件公开发布） and similar notes. */
export const PUBLICATION_NOTE = /^[(（]\s*此件[^)）]{0,12}[)）]$|^[(（]\s*本文有删减\s*[)）]$/;
/** 抄送 / 印发 lines at the end of official documents. */
export const DISTRIBUTION_LINE = /^(?:抄送|印发|主题词|附件[:：]?\s*$)/;
/** The 主送机关 line: ends with a colon, units separated by commas. */
export const ADDRESSEE_LINE = /^[^。;]{2,120}:$/;
/** Words that a body of government ends with (for signatures and addressee units). */
export const AUTHORITY_SUFFIX = /(?:人民政府|国务院|办公厅|办公室|委员会|常务委员会|人民代表大会|政府|部|委|局|厅|署|院|办|行|会|总社|集团|公司)$/;
/** A table of contents heading: 目录 / 目 录. */
export const TOC_HEADING = /^目\s*录$/;
/** A body set up for a piece of work: a group, a joint conference, a standing mechanism (领导小组, 工作专班, 联席会议, 协调机制). */
export const GROUP_BODY = "(?:领导)?(?:小组|工作组|推进组|专班|机制|委员会|办公室|联席会议|会议)";
/** The units of such a body (成员单位, 牵头单位): a definite set. */
export const MEMBER_UNITS = /(?:成员|牵头|责任|配合)单位$/;
/** A body named by the work it does (协调小组, 推进机制办公室, 指导委员会): its verb is a word of the name. */
export const BODY_BY_ITS_WORK = new RegExp(`^(?:协调|推进|指导|监督|督导|督查|协作|联络)${GROUP_BODY}`);

/** How far a note may run from its date to its verb: a revision note names every law the decision amended. */
export const NOTE_REACH = 240;
/** A full date as adoption notes write it (2019年3月15日, 一九九三年三月一日). */
export const NOTE_DATE = "(?:\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|[〇○零一二三四五六七八九十]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)";
/** An adoption or publication note: 1991年4月9日 第七届全国人民代表大会第四次会议通过. */
export const ADOPTION_NOTE = new RegExp(`^\\(?\\s*${NOTE_DATE}.{0,${NOTE_REACH}}(?:通过|公布|发布|修订|修正|施行|批准|修改(?=\\)?$))`);
/** A complete note on a line of its own (2017年12月1日 …会议通过）): never broken off the next line. */
export const NOTE_LINE = new RegExp(`^\\(?\\s*${NOTE_DATE}.{0,${NOTE_REACH}}(?:通过|公布|发布|修订|修正|修改|施行|实施|批准)\\)?$`);
/** Where each note of a run of notes starts (a date and a space, not inside the bracket that opens the note). */
export const NOTE_START = new RegExp(`(?<![(（])(?=\\(?\\s*${NOTE_DATE}\\s)|(?<=根据)(?=${NOTE_DATE})`);
/** A cited title in book-title marks. */
export const CITED_TITLE = /《[^《》\n]{1,100}》/g;
/** An attachment heading: 附件, 附件1, 附件：, 附件一. */
export const ATTACHMENT_HEADING = /^附\s*件\s*([\d一二三四五六七八九十]*)\s*[:：]?\s*$/;
/** 附件1：查处酒后驾驶操作规程: a numbered attachment's mark and its title on one line. */
export const ATTACHMENT_WITH_TITLE = /^(附\s*件\s*[\d一二三四五六七八九十]+)\s*[:：]\s*([^\s。；;，,]{2,40})$/;
/** 附件：xxx (a list of attachments in a cover text, not the attachment itself). */
export const ATTACHMENT_LIST = /^附\s*件\s*[\d一二三四五六七八九十]*\s*[:：]\s*\S/;
/** A cover notice title: 关于印发《…》的通知 / 关于转发…的通知. */
export const COVER_TITLE = /关于(?:印发|转发|发布|公布|颁发|批转|下发)(?:[^《]{0,20})?《([^》]+)》|关于(?:印发|转发|发布|公布|颁发|批转|下发)(.+?)的(?:通知|决定|命令)/;
/** 国务院办公厅转发民政部关于…的意见的通知: the forwarded document's title. */
export const FORWARDED_TITLE = /(?:转发|批转)(.+?)的?(?:通知|函)$/;
/**
 * A paragraph after the last item that closes the document: it addresses
 * everyone (各地区、各部门要…), hands the document to be carried out (请…认真贯彻执行),
 * speaks of the document or all its measures (本意见…, 上述措施…), or sets who
 * oversees the whole (财政部要会同有关部门加强督促检查, 重大问题及时报告).
 */
export const CLOSING_PARAGRAPH = /^各(?:地区|地方|地|省|市|县|区|部门|有关部门|单位|有关单位|级|相关部门)[^。]{0,40}?(?:要|应当|应|须|务必|抓紧|认真|切实)|^(?:请|望)[^。]{0,40}(?:贯彻执行|遵照执行|认真执行|贯彻落实|组织实施|结合实际|抓好落实)|^(?:本|此)(?:意见|通知|方案|办法|规定|细则|决定|措施|政策|规划|计划)|^(?:以上|上述|前述)(?:各项)?(?:措施|任务|工作|政策|要求|意见|规定)|^[^。]{2,30}?(?:要|将|负责)[^。]{0,30}?(?:督促检查|督查|督导|监督检查|跟踪分析|跟踪督促|评估|考核)|(?:重大问题|重要情况|有关情况|进展情况|实施情况|落实情况)[^。]{0,20}(?:及时|按时)?(?:报告|报送|反馈)/;

/** Closing lines that speak for the whole document. */
export const CLOSING_LINE = /^(?:本|此)(?:意见|办法|规定|条例|通知|方案|细则|规则|决定|规划|实施意见|实施方案|实施细则|措施|若干措施|政策|法|指引|制度|预案|计划|纲要|标准|工作规则)(?:自|从|由|于|在|有效期|执行期|的有效期|(?:印发|发布|公布|颁布)(?:之日|后))[^。]{0,40}(?:施行|实施|执行|负责解释|解释|有效|废止|生效|截止|止)/;

// ---- relations between documents (relations.ts) -------------------------------

/** Between two references of one list: nothing (《A》《B》), 、 和 及, with the date and body of the next (，1988年3月9日国务院发布的), or an issuer (和国务院). */
export const REFERENCE_LIST_GAP = /^\s*$|^\s*(?:[、,和及与]|以及)\s*(?:[^。;:,《》]{0,40}?(?:发布|公布|印发|施行|实施|批准|通过|制定|下发)的|原|[^。;:,《》的]{0,10}(?:院|部|委|厅|局|府|会|办|署|中央))?\s*$/;
/** After what is repealed: 《…》（…号）同时废止 / …等文件不再执行 / 自本办法施行之日起停止执行 — not 废止后. */
export const REPEAL_AFTER = /^\s*\)?\s*(?:\([^()。;]{1,30}\)\s*)?(?:等(?:\d+|[一二三四五六七八九十]+)?[个件项部份]?)?(?:文件|规定|通知|规章|法规)?\s*,?\s*(?:自[^。;《》]{1,20}?起\s*,?\s*)?(?:即行|同时|一并|相应|随之)?\s*(?:予以)?(?:废止|不再执行|停止执行|停止施行|不再施行|失效)(?![后前时的之])/;
/** Before what is repealed: 国务院决定废止《…》 / 同时废止原《…》. */
export const REPEAL_BEFORE = /废止\s*原?\s*$/;
/** Before what is revised: 对《…》 / 将《…》 (with REVISION_AFTER). */
export const REVISION_OBJECT = /(?:对|将)\s*原?\s*$/;
/** After 对《…》: 作如下修改 / 进行修订 / 的修正 / 第三条修改为. */
export const REVISION_AFTER = /^[^。;,《》]{0,12}?(?:作出?|进行|予以)?\s*(?:如下|以下|相应的?)?\s*(?:修改|修订|修正)(?![后前时建意工草])/;
/** Before what is revised: 决定修改《…》 / 现修订《…》 — not 关于修改《…》的决定, which names the revising document. */
export const REVISION_LEAD = /(?<!关于)(?:修改|修订|修正)\s*$/;
/** Before what is forwarded: 转发国务院办公厅《…》 / 批转《…》. */
export const FORWARD_BEFORE = /(?:转发|批转)\s*[^。;,《》]{0,20}$/;
/** After what is forwarded: 《…》已经国务院同意，现转发给你们. */
export const FORWARD_AFTER = /^[^。;《》]{0,30}?(?:转发|批转)给/;
/** Before what is implemented: 为贯彻落实《…》 / 认真贯彻党中央、国务院《…》. */
export const IMPLEMENT_LEAD = /(?:贯彻落实|贯彻执行|贯彻)\s*[^。;,《》]{0,20}$/;
/** Before a legal basis: 根据《…》 / 依照国务院《…》 (an implementation when the sentence makes this document: PURPOSE_CLAUSE). */
export const BASIS_LEAD = /(?:根据|依据|依照|按照)\s*[^。;,《》]{0,12}$/;
/** A sentence that makes this document on a basis: …，制定本办法 / 现提出如下意见 / 结合本市实际. */
export const PURPOSE_CLAUSE = /制定本[\u4e00-\u9fa5]{0,4}?(?:法|办法|规定|条例|细则|规则|意见|方案|决定|解释|规范|标准|通知|措施|计划|规划|章程|准则)|特制定|现提出|提出(?:如下|以下)|现就[^。]{0,40}?(?:通知|意见|规定)如下|结合[^。;]{0,20}?实际/;

/** Before a title only quoted, stating no relation: （以下简称《规定》）, 抓紧起草《…》, 我局制定了《…》. */
export const MENTION_BEFORE = /(?:以下简称|简称|下称)\s*$|(?:宣传|学习|解读|起草|编制|拟定|草拟|研究制定|抓紧制定|制定了)\s*$/;
/** After a title only quoted: the document this notice issues itself (《…》现印发给你们), a proposal to revise it (的修订建议). */
export const MENTION_AFTER = /^[^。;《》]{0,30}?(?:印发给|印发你们|现予印发|现予公布|现予发布)|^\s*的?(?:修订|修改)(?:建议|草案|意见)|^\s*(?:宣传|学习|解读)/;

// ---- tables ------------------------------------------------------------------

/** A column that numbers rows: 序号, 编号. */
export const NUMBER_COLUMN = /^(?:序号|编号|序|No\.?)$/i;
/** A column naming who acts: 牵头单位, 配合单位, 责任单位, 指导部门, 责任主体 …; its role from its words. */
export const PARTY_COLUMN = /(?:牵头|配合|参与|协办|主办|责任|负责|指导|主管|实施|承办|落实)(?:单位|部门|机关|处室|主体|领导)|^(?:责任|牵头|配合|承办)$|^责任(?:分工|单位及分工)$/;
/** A column holding the task of a task-division table. */
export const TASK_COLUMN = /任务|举措|措施|工作内容|主要内容|具体内容|事项|工作要点|工作重点|项目名称|目标任务|改革事项|政策名称/;
/** A column of due dates or schedules. */
export const TIME_COLUMN = /时限|时间|期限|进度|节点|完成日期|截止日期/;
/** Columns of an indicator table (一级指标, 指标说明, 分值): definitions, not tasks or targets. */
export const INDICATOR_COLUMN = /指标|评价内容|评分标准|考核内容|分值|权重|计算方法/;
/** A column of past or baseline figures (现有, 2018年实际, 基数): not targets. */
export const BASELINE_COLUMN = /现有|现状|基数|基期|实际|已完成|已有|完成情况|上年|去年|原有|存量|备注|说明/;
/** A row of totals: not a target of its own. */
export const TOTAL_ROW = /^(?:合计|总计|小计|共计|全国|总数|总量)$/;

/** The role a party column gives: 牵头 → lead, 配合/参与/协办 → support, else responsible. */
export function columnRole(column: string): "lead" | "support" | "supervise" | "responsible" {
  if (/牵头|主办/.test(column)) return "lead";
  if (/配合|参与|协办/.test(column)) return "support";
  if (/指导|监督/.test(column) && !/责任|负责|牵头/.test(column)) return "responsible";
  return "responsible";
}

// ---- metadata ----------------------------------------------------------------

/** Document kinds by the title's last words, longest first. */
export const KINDS = [
  "实施细则", "暂行办法", "管理办法", "实施办法", "实施方案", "工作方案", "行动方案", "行动计划", "实施意见", "指导意见", "若干意见", "若干规定", "若干措施", "暂行规定",
  "工作规则", "应急预案", "修正案", "决议", "决定", "法典", "规范", "守则", "意见", "通知", "通告", "公告", "方案", "办法", "规定", "条例", "细则", "规则", "规划", "纲要", "计划", "预案", "措施", "批复", "解释", "函", "法", "令", "制度", "指引", "标准",
];
/** 发文机关 at the start of a title: X关于… */
export const TITLE_ISSUER = /^(.{2,40}?)关于/;
/** 本意见由省经济和信息化委负责解释 */
export const INTERPRETER = /(?:本|此)[\u4e00-\u9fa5]{1,8}由([^,，。;；]{2,40}?)(?:共同|联合)?(?:负责|进行)?解释/;
/** 自2016年5月1日起施行 / 自一九九三年三月一日起施行 / 自2021年7月1日施行 / 自印发之日起施行 / 自2012年2月1日至2017年1月31日施行 */
export const EFFECTIVE = /自\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇○零一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,3}\s*月\s*[一二三四五六七八九十]{1,3}\s*日|印发之日|发布之日|公布之日|颁布之日|下发之日)\s*(?:起|至\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)|(?=施行|实施|生效))\s*(?:施行|实施|执行|生效)?/;
/** 有效期至2018年12月31日 / 有效期5年 */
export const VALID_UNTIL = /有效期(?:至|到|截至)\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)|有效期(?:为)?\s*([\d一二三四五六七八九十两]+)\s*年/;

/**
 * Whether the 有效期 at `at` is the document's own term (本方案有效期3年; …起施行，有效期5年), not a
 * licence's or a certificate's (医疗器械经营许可证有效期为5年; 颁发许可证，有效期为五年): its clause names
 * nothing else, and its sentence names no certificate before it.
 */
export function isDocumentTerm(text: string, at: number): boolean {
  const sentence = text.slice(0, at).split(/[。;；\n]/).pop() ?? "";
  const holder = (sentence.split(/[,，:：]/).pop() ?? "").trim();
  if (holder) return /^(?:本|此)[\u4e00-\u9fa5]{0,8}?的?$/.test(holder);
  return !/证|照|许可|资格|批准文件|批件|登记/.test(sentence) || /(?:本|此)(?:办法|规定|条例|意见|方案|通知|细则|决定|规划|计划|措施|规则)/.test(sentence);
}

// ---- responsibilities --------------------------------------------------------

/** A bracketed annotation at the end of a paragraph: （A牵头，B配合） / （A、B负责）. */
export const ANNOTATION = /[(（]([^()（）]{0,300}?(?:负责|牵头|配合|参与|指导|落实|主办|协办|(?:单位|部门|机关|主体)[:：])[^()（）]{0,80})[)）]/g;
/** 列第一位者为牵头单位 / 排在第一位的部门为牵头部门: the first listed leads, 下同 carries it on. */
export const FIRST_IS_LEAD = /(?:列|排|排在|位列)(?:第一位|首位|第一)(?:者|的部门|的单位)?(?:为|是)牵头/;
/** 牵头单位：A / 配合单位：B / 责任单位：C / 负责部门：D / 牵头考核单位：E — a field naming who acts. */
export const UNIT_FIELD = /([\u4e00-\u9fa5]{0,6}?(?:单位|部门|机关|主体|处室|领导)|主办|协办)\s*[:：]/g;
/** Any field of an annotation (适用范围：, 完成时限：): where the field before it ends. */
export const ANY_FIELD = /[\u4e00-\u9fa5]{2,8}\s*[:：]/g;
/** A default party for the items that follow: 以下均需试点城市政府落实，不再列出. */
export const DEFAULT_PARTY = /以下(?:各项|措施|任务|事项)?(?:均|都)(?:需|由|要|须)?([^,，。;；]{2,20}?)(?:负责|落实|实施|组织实施)[,，;；]?\s*不再(?:一一|单独|分别)?列出/;
/** Generic words that are not parties outside an annotation (GUIDE rule 3). */
export const GENERIC_PARTY = /^(?:有权机关|有关机关|相关机关|主管机关|各地区?|各地方|地方|各有关部门|有关部门|各部门|相关部门|各单位|有关单位|相关单位|各有关单位|企业|各类企业|金融机构|社会各界|社会力量|各级政府|各级人民政府|各级|政府|部门|单位|群众|公众|个人|社会|市场|市场主体|行业|用人单位|申请人|当事人|委托人|任何单位和个人|任何单位|任何个人|公民|法人|其他组织|全社会)$/;

// ---- deadlines ---------------------------------------------------------------

/** 2019年3月底前 / 2019年底前 / 到2020年 / 2019年上半年 / 2019年12月31日前 … (see deadlines.ts). */
export const YEAR_EXPRESSION = /(?:(?:到|至|截至|截止到?|在|于|力争|争取|从|自)\s*)?(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?(?:\s*(底|末|初|中|上半年|下半年|前三季度|第[一二三四]季度|[一二三四]季度|年底|年末|年初|年中))?(?:\s*(前|之前|以前|起|开始|以后|后|内|为止|止|至今|以来|期间))?/g;

// ---- targets -----------------------------------------------------------------

/** Units of quantities, longest first. */
export const UNITS = [
  "个百分点", "万亿元", "亿千瓦时", "万千瓦时", "亿千瓦", "万千瓦", "千瓦时", "千瓦", "万平方米", "平方公里", "平方米", "万公里", "公里", "千米",
  "亿元", "万元", "元", "亿吨", "万吨", "吨", "万标准煤", "万亩", "亩", "万户", "户", "万家", "家", "万名", "名", "万人次", "人次", "万人", "人", "场次",
  "万个", "个", "万套", "套", "万项", "项", "所", "座", "处", "条", "批", "支", "台", "辆", "件", "张", "部", "篇", "类", "种", "次", "场", "兆", "倍", "%", "‰",
];
