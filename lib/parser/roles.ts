/**
 * Stage 8: roles. What a provision asks for, from its heading and its
 * parents' (../shared/eval/GUIDE.md): requirement (指导思想/总体要求), principle (基本原则),
 * goal (目标), task (重点任务/主要任务), measure (保障措施/组织实施/保障机制),
 * other. Items inherit their section's role unless their own words say otherwise.
 */
import type { ProvisionNode, Role } from "./types";

/** Heading keywords, checked in this order (目标任务 is a goal, 重点任务 a task). */
export const ROLE_KEYWORDS: Array<[Role, RegExp]> = [
  ["principle", /基本原则|工作原则|遵循原则|^原则$|主要原则/],
  ["goal", /目标/],
  ["requirement", /指导思想|总体要求|总体思路|基本思路|总体考虑|总的要求|基本要求|重要意义|思想认识|总体部署/],
  ["measure", /保障措施|保障机制|组织实施|组织领导|组织保障|工作保障|政策保障|保障体系|要素保障|工作要求|有关要求|实施要求|落实要求|监督检查|督促检查|督查|督导|考核|考评|问责|监督管理|宣传引导|宣传|舆论|氛围|经费保障|资金保障|资金支持|财政支持|政策支持|金融支持|工作机制|协调机制|体制机制|实施步骤|进度安排|工作进度|工作措施|责任分工|职责分工|责任落实|落实责任|各方责任|队伍建设|人才保障|法治保障|保障$/],
  ["task", /任务|重点工作|主要工作|工作重点|重点领域|主要内容|行动计划|重点项目|工作内容/],
];

/**
 * Measure keywords that name a topic (宣传, 考核, 督查) rather than the
 * safeguard part of a policy's layout: they make a measure only in a document
 * laid out in parts (总体要求/重点任务/保障措施); in a flat list of work items
 * (一、清理涉企收费 … 三、加强政策宣传（省政府办公厅牵头）) such an item is work like the rest.
 */
const TOPIC_MEASURE = /^(?:监督检查|督促检查|督查|督导|考核|考评|问责|监督管理|宣传引导|宣传|舆论|氛围|队伍建设)$/;

/**
 * A heading naming what the text covers (适用范围, 试点范围, 考评对象) or whom a body is made of
 * (组成人员, 成员单位): scope and membership, no work (GUIDE: other); not work on a scope (扩大补贴范围).
 */
const SCOPE_HEADING = /^(?!扩大|明确|界定|确定|调整|拓展|拓宽|放宽|缩小|规范|划定|识别)[\u4e00-\u9fa5]{0,4}(?:范围|对象)$|^(?:组成人员|人员组成|成员单位|组成单位|组成成员|机构组成)$/;

/** The role a heading's own words give, if any: the keyword that comes first (总体要求、基本原则和主要目标 → requirement); whether it is a topic. */
function headingRole(heading: string | null, title: string | null): { role: Role; at: number; topic: boolean } | null {
  if (!heading) return null;
  if (SCOPE_HEADING.test(heading)) return { role: "other", at: 0, topic: false };
  let best: { role: Role; at: number; topic: boolean } | null = null;
  for (const [role, re] of ROLE_KEYWORDS) {
    const m = re.exec(heading);
    // A measure keyword naming what the whole document is about (考评 in a 考评办法) makes no safeguard
    // measure, unless the heading narrows a kind of support to a field the title does not (土地政策支持
    // in a 政策支持…意见); a topic (考核 in 建立考核信息系统 of a 绩效考核意见) stays the subject.
    if (m && role === "measure" && title?.includes(m[0]) && (m.index < 2 || TOPIC_MEASURE.test(m[0]) || title.includes(heading.slice(m.index - 2, m.index + m[0].length)))) continue;
    if (m && (!best || m.index < best.at)) best = { role, at: m.index, topic: role === "measure" && TOPIC_MEASURE.test(m[0]) };
  }
  return best;
}

/**
 * Whether a provision's own heading may set its role: titles of parts and
 * sections do; a long clause deep in a list (不依法履行监督管理职责的…) does not.
 * In a law (chapters and articles) headings set no role: its chapters are
 * topics, not the requirement/goal/task/measure layout of a policy.
 */
function headingSetsRole(node: ProvisionNode, lawLike: boolean): boolean {
  const style = node.marker?.style;
  if (!style || node.marker?.inline || style === "bullet" || style === "cn-shi") return false;
  if (lawLike) return false;
  if (style === "cn-dun" || style === "part" || style === "chapter" || style === "section" || style === "cn-paren" || style === "decimal") return true;
  return (node.heading?.length ?? 99) <= 10;
}

/** Whether the document is law-like (chapters and articles): then unlabelled parts are "other". */
export function isLawLike(root: ProvisionNode): boolean {
  let articles = 0;
  const walk = (n: ProvisionNode) => {
    if (n.marker?.style === "article" || n.marker?.style === "chapter") articles++;
    n.children.forEach(walk);
  };
  walk(root);
  return articles >= 3;
}

/**
 * An article that lays down the principles of the whole (X管理应当遵循统一标准、统筹建设、
 * …的原则。 / 应当遵循以下原则：): its sentence ends on a list of principles; not
 * 按照…的原则，加快建设… (a manner) or 遵循诚信原则，规范… (one duty among others).
 */
const PRINCIPLE_TEXT = /^[^。]*?遵循(?:[^。,，;；]*、){2,}[^。,，;；]*原则[。;；]?\s*$|遵循(?:以下|下列)原则/;

/** The safeguard part named as such (第八章 保障措施, （八）组织实施), not a topic (安全保障, 人才服务保障). */
const SAFEGUARD_PART = /^(?:保障措施|保障机制|组织实施|组织保障)$/;

/**
 * Stage 8 entry point: sets `role` on every node. Top-level parts of a policy
 * (一、二、…) without a keyword are tasks once the document has the usual
 * requirement/goal/task/measure layout; law chapters and articles are
 * "other", but an article that lays down principles is a principle.
 */
export function assignRoles(root: ProvisionNode, options: { title?: string | null; textOf?: (n: ProvisionNode) => string } = {}): void {
  const lawLike = isLawLike(root);
  const title = options.title ?? null;
  const tops: ProvisionNode[] = [];
  const collectTops = (container: ProvisionNode) => {
    for (const c of container.children) {
      if (c.container) collectTops(c);
      else tops.push(c);
    }
  };
  collectTops(root);
  const found = tops.map((n) => (headingSetsRole(n, lawLike) ? headingRole(n.heading, title) : null));
  const structured = !lawLike && found.some((r) => r !== null && !r.topic && r.role !== "other");
  // In a flat list of work items a topic word (宣传, 考核) sets no role: the item is read like the rest.
  const ownRoles = found.map((r) => (r && (structured || !r.topic) ? r.role : null));
  const assign = (node: ProvisionNode, inherited: Role | null) => {
    const said = headingSetsRole(node, lawLike) ? headingRole(node.heading, title) : null;
    // Inside a part with a role, a topic (建立专区监督管理体系, 完善考核办法) is what the item works on, not a safeguard part;
    // so is a kind of support in a task part's item (完善人才服务保障, 加大贴息政策支持力度): the part sets the layout,
    // unless the item is the safeguard part itself (（八）保障措施).
    const supportInTask = inherited === "task" && said?.role === "measure" && !SAFEGUARD_PART.test(node.heading ?? "");
    const own = said && !(said.topic && inherited) && !supportInTask ? said.role : null;
    let role: Role;
    // A row of a task-division table is a task, whatever part of the document holds the table.
    if (node.row) role = "task";
    else if (own) role = own;
    else if (inherited) role = inherited;
    else if (lawLike && node.marker?.style === "article" && options.textOf && PRINCIPLE_TEXT.test(options.textOf(node).replace(/^第[一二三四五六七八九十百零〇\d]+条\s*/, "").trim())) role = "principle";
    else role = "other";
    node.role = role;
    const pass = role === "principle" && lawLike ? role : role === "other" && !inherited ? null : role;
    for (const child of node.children) assign(child, pass);
  };
  for (const [i, top] of tops.entries()) {
    let role: Role | null = ownRoles[i] ?? null;
    if (!role && structured && top.marker && top.marker.style !== "chapter" && top.marker.style !== "article") role = "task";
    if (top.row) role = "task";
    if (lawLike && top.marker?.style === "chapter" && SAFEGUARD_PART.test(top.heading ?? "")) role = "measure";
    top.role = role ?? "other";
    for (const child of top.children) assign(child, role);
  }
  for (const c of root.children) if (c.container) c.role = "other";
}

/** A sentence that sets work to do: a modal and an action, or an action the item opens with. */
const DIRECTIVE = /(?:要(?![求点素件害闻领])|应当|须|必须|务必|抓紧|尽快)[^。；;，,]{0,8}?(?:建立|完善|制定|开展|推进|加快|加强|落实|组织|实施|做好|抓好|确保|完成|健全|推动|提高|提升|强化|规范|优化|严格|认真|切实|研究|出台|编制|报送|清理|整改|排查|摸排)|^(?:加快|推进|推动|建立|完善|健全|加强|强化|深化|实施|开展|落实|制定|组织|支持|鼓励|引导|做好|抓好|提高|提升|优化|规范|严格|加大|扩大|促进|培育|打造|构建|统筹|探索|创新|简化|取消|下放|放宽|降低|减少|清理|整治|推行|推广)/;

/**
 * After the facts are read: in a policy (not a law), an item with no role
 * that assigns work — a party to act, a date to meet, or a directive —
 * is a task (issue 23: a 通知 whose measures each end with （市场监管总局负责）
 * is all tasks), and so is a part whose items are mostly tasks.
 */
export function promoteTasks(root: ProvisionNode, assigns: (n: ProvisionNode) => boolean, textOf: (n: ProvisionNode) => string): void {
  if (isLawLike(root)) return;
  const visit = (node: ProvisionNode) => {
    for (const child of node.children) visit(child);
    if (node === root || node.container || node.role !== "other") return;
    for (let n: ProvisionNode | null = node; n; n = n.parent) if (SCOPE_HEADING.test(n.heading ?? "")) return;
    const own = textOf(node).replace(/^[^。:：]{0,30}[。:：]/, "");
    if (assigns(node) || DIRECTIVE.test(own) || DIRECTIVE.test(textOf(node).replace(/^\S{0,6}?[、.．)）]/, ""))) node.role = "task";
    else {
      const labelled = node.children.filter((c) => c.marker || c.row);
      if (labelled.length && labelled.filter((c) => c.role === "task").length * 2 >= labelled.length) node.role = "task";
    }
  };
  visit(root);
}
