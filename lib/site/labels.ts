/**
 * Chinese names of the domain's codes (provision roles, responsibility roles,
 * deadline and link kinds), shared by pages and exports so both say the same.
 */
import type { DeadlineKind, LinkKind, ResponsibilityRole, Role } from "../parser";
import type { DeadlineStatus } from "../db/deadlines";

export const ROLE_LABELS: Record<Role, string> = {
  requirement: "总体要求",
  principle: "基本原则",
  goal: "目标",
  task: "任务",
  measure: "保障措施",
  other: "其他",
};

export const RESPONSIBILITY_LABELS: Record<ResponsibilityRole, string> = {
  lead: "牵头",
  support: "配合",
  responsible: "负责",
  coordinate: "协调",
  supervise: "监督",
  interpret: "解释",
  subject: "对象",
};

export const DEADLINE_LABELS: Record<DeadlineKind, string> = {
  effective: "施行日期",
  expiry: "失效日期",
  due: "完成时限",
  milestone: "阶段节点",
  period: "期限",
};

/** What a deadline means today, as a clerk reads it. */
export const DEADLINE_STATUS_LABELS: Record<DeadlineStatus, string> = {
  overdue: "逾期",
  today: "今天到期",
  open: "未到期",
  undated: "无时限",
  start: "起始日期",
  lapsed: "随文件失效",
};

/** A target's value in words, its verb kept: 下降4%以上, 控制在5%以下, 达到300项. */
export function targetValue(t: { verb?: string | null; comparator: string | null; value: number; unit: string }): string {
  const bound = t.comparator === "≥" ? "以上" : t.comparator === "≤" ? "以下" : "";
  return `${t.verb ?? ""}${t.value}${t.unit}${bound}`;
}

/** The party ledger's 时限 filter. */
export const DUE_FILTER_LABELS = { overdue: "已逾期", open: "未到期", undated: "无日期" } as const;

export const LINK_LABELS: Record<LinkKind, string> = {
  "goal-task": "目标—任务",
  "goal-measure": "目标—保障措施",
  "task-measure": "任务—保障措施",
  reference: "引用",
};

/** "剩余 12 天" / "逾期 30 天" / "今天到期" for a day difference (null: no date). */
export function daysLeftLabel(days: number | null): string {
  if (days === null) return "—";
  if (days === 0) return "今天到期";
  return days > 0 ? `剩余 ${days} 天` : `逾期 ${-days} 天`;
}

/** What happened to a provision between two versions (lib/site/diff.ts). */
export const CHANGE_LABELS: Record<"added" | "removed" | "changed" | "moved", string> = {
  changed: "修改",
  moved: "条号变动",
  added: "新增",
  removed: "删除",
};

/** The kinds of fact a diff compares. */
export const FACT_KIND_LABELS: Record<"party" | "deadline" | "target", string> = {
  party: "责任单位",
  deadline: "时限",
  target: "目标值",
};
