import type { ResponsibilityRole, Role } from "@/lib/parser";
import { RESPONSIBILITY_LABELS, ROLE_LABELS } from "@/lib/site/labels";
import type { ValidityStatus } from "@/lib/status";

/** 现行有效 / 已失效 / 已废止 / 尚未施行 */
export function StatusBadge({ status }: { status: ValidityStatus }) {
  return <span className={`badge status-${status}`}>{status}</span>;
}

/** A provision's role: 总体要求 / 基本原则 / 目标 / 任务 / 保障措施 / 其他. */
export function RoleBadge({ role }: { role: Role }) {
  return <span className={`badge role role-${role}`}>{ROLE_LABELS[role]}</span>;
}

/** A party's role in a responsibility: 牵头 / 配合 / 负责 …. */
export function DutyBadge({ role }: { role: ResponsibilityRole }) {
  return <span className={`badge duty duty-${role}`}>{RESPONSIBILITY_LABELS[role]}</span>;
}
