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

/** The role a heading's own words give, if any: the keyword that comes first (总体要求、基本原则和主要目标 → requirement). */
export function roleOfHeading(heading: string | null): Role | null {
  if (!heading) return null;
  let best: { role: Role; at: number } | null = null;
  for (const [role, re] of ROLE_KEYWORDS) {
    const m = re.exec(heading);
    if (m && (!best || m.index < best.at)) best = { role, at: m.index };
  }
  return best?.role ?? null;
}

/**
 * Whether a provision's own heading may set its role: titles of parts and
 * sections do; a long clause deep in a list (不依法履行监督管理职责的…) does not.
 */
function headingSetsRole(node: ProvisionNode, lawLike: boolean): boolean {
  const style = node.marker?.style;
  if (!style || node.marker?.inline || style === "bullet" || style === "cn-shi") return false;
  if (lawLike) return style === "chapter" || style === "section" || style === "part";
  if (style === "cn-dun" || style === "part" || style === "chapter" || style === "section" || style === "cn-paren" || style === "decimal") return true;
  return (node.heading?.length ?? 99) <= 10;
}

/** Whether the document is law-like (chapters and articles): then unlabelled parts are "other". */
function isLawLike(root: ProvisionNode): boolean {
  let articles = 0;
  const walk = (n: ProvisionNode) => {
    if (n.marker?.style === "article" || n.marker?.style === "chapter") articles++;
    n.children.forEach(walk);
  };
  walk(root);
  return articles >= 3;
}

/**
 * Stage 8 entry point: sets `role` on every node. Top-level parts of a policy
 * (一、二、…) without a keyword are tasks once the document has the usual
 * requirement/goal/task/measure layout; law chapters without one are "other".
 */
export function assignRoles(root: ProvisionNode): void {
  const lawLike = isLawLike(root);
  const tops: ProvisionNode[] = [];
  const collectTops = (container: ProvisionNode) => {
    for (const c of container.children) {
      if (c.container) collectTops(c);
      else tops.push(c);
    }
  };
  collectTops(root);
  const ownRoles = tops.map((n) => (headingSetsRole(n, lawLike) ? roleOfHeading(n.heading) : null));
  const structured = !lawLike && ownRoles.some((r) => r !== null);
  const assign = (node: ProvisionNode, inherited: Role | null) => {
    const own = headingSetsRole(node, lawLike) ? roleOfHeading(node.heading) : null;
    let role: Role;
    // A row of a task-division table is a task, whatever part of the document holds the table.
    if (node.row) role = "task";
    else if (own) role = own;
    else if (inherited) role = inherited;
    else role = "other";
    node.role = role;
    for (const child of node.children) assign(child, role === "other" && !inherited ? null : role);
  };
  for (const [i, top] of tops.entries()) {
    let role: Role | null = ownRoles[i] ?? null;
    if (!role && structured && top.marker && top.marker.style !== "chapter" && top.marker.style !== "article") role = "task";
    if (top.row) role = "task";
    top.role = role ?? "other";
    for (const child of top.children) assign(child, role);
  }
  for (const c of root.children) if (c.container) c.role = "other";
}
