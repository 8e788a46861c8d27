/**
 * How corrections read on the pages and in the audit export: Chinese names
 * of facts, actions and states, a fact's fields in a few words, and the mark
 * a corrected fact carries (what the parse said, who changed it, when, why).
 */
import { isResponsibilityRole, isRole, type DeadlineKind, type LinkKind } from "../parser";
import type { Correction, CorrectionState, NotAppliedReason, Trace } from "../db/corrections-apply";
import { NEEDS_REVIEW } from "../db/review";
import { DEADLINE_LABELS, LINK_LABELS, RESPONSIBILITY_LABELS, ROLE_LABELS, targetValue } from "./labels";

export const FACT_LABELS: Record<Correction["fact"], string> = {
  responsibility: "责任单位",
  deadline: "时限",
  target: "目标值",
  role: "条款类型",
  link: "关联",
  message: "解析提示",
};

export const ACTION_LABELS: Record<Correction["action"], string> = { add: "添加", remove: "删除", change: "修改", dismiss: "忽略" };

export const STATUS_LABELS: Record<CorrectionState["status"], string> = { applied: "已生效", "needs-review": "待复核", undone: "已撤销" };

export const REASON_LABELS: Record<NotAppliedReason, string> = {
  "provision-changed": "新版本中该条款文字已改",
  "provision-gone": "新版本中已无该条款",
  "fact-gone": "新版本中已无所改的要素",
};

/** What a parser message is about, by its ruleId. */
export const MESSAGE_LABELS: Record<string, string> = {
  "party-rejected": "未采纳的单位名称",
  "party-unsure": "待确认的单位名称",
  "deadline-unsure": "待确认的时限",
  "target-unsure": "待确认的指标",
  "links-skipped": "未推断的关联",
  "unplaced-text": "未归位的文字",
  "numbering-gap": "编号跳号",
  "numbering-repeat": "编号重复",
  "table-columns": "未识别的表格",
  decode: "编码提示",
};

/** The review queue's kind of a correction that no longer applies. */
export const NEEDS_REVIEW_LABEL = "校正待复核";

/** A review entry's kind in words (a parser ruleId, or a correction needing a look). */
export function messageLabel(ruleId: string): string {
  return ruleId === NEEDS_REVIEW ? NEEDS_REVIEW_LABEL : (MESSAGE_LABELS[ruleId] ?? ruleId);
}

const str = (v: unknown) => (typeof v === "string" ? v : v === null || v === undefined ? "" : String(v));

/** A fact's fields in a few words: 省财政厅（牵头）, “2017年底前” 完成时限 2017-12-31, 企业综合成本 下降4%. */
export function factSummary(fact: Correction["fact"], row: Record<string, unknown> | null): string {
  if (!row) return "—";
  switch (fact) {
    case "responsibility": {
      const role = str(row.role);
      return `${str(row.party)}（${isResponsibilityRole(role) ? RESPONSIBILITY_LABELS[role] : role}）`;
    }
    case "deadline":
      return `“${str(row.text)}” ${DEADLINE_LABELS[row.kind as DeadlineKind] ?? str(row.kind)} ${str(row.date) || "（日期未定）"}`;
    case "target":
      return `${str(row.subject)} ${typeof row.value === "number" ? targetValue({ verb: (row.verb as string | null) ?? null, comparator: (row.comparator as string | null) ?? null, value: row.value, unit: str(row.unit) }) : ""}`.trim();
    case "role": {
      const role = str(row.role);
      return isRole(role) ? ROLE_LABELS[role] : role;
    }
    case "link":
      return `${LINK_LABELS[row.kind as LinkKind] ?? str(row.kind)}：${str(row.from)} ↔ ${str(row.to)}`;
    case "message":
      return `${messageLabel(str(row.ruleId))}：${str(row.words)}`;
  }
}

const TIME = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false });

/** A moment as people here read it: 2026-12-05 16:20 (China time). */
export function shownTime(iso: string): string {
  const parts = Object.fromEntries(TIME.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour === "24" ? "00" : parts.hour}:${parts.minute}`;
}

/** One correction as a corrected fact's mark lists it. */
export interface CorrectionNote {
  id: number;
  action: string;
  editor: string;
  at: string;
  note: string;
}

/** The mark of a corrected fact: what the parse said (null: added by hand) and the corrections that made it so. */
export interface CorrectionMark {
  parsed: string | null;
  by: CorrectionNote[];
}

/** The mark for a fact's trace; null for a fact no correction touched. */
export function correctionMark(fact: Correction["fact"], trace: Trace | undefined): CorrectionMark | null {
  return trace ? traceMark(fact, trace) : null;
}

/** The mark of a fact corrections made what it is. */
export function traceMark(fact: Correction["fact"], trace: Trace): CorrectionMark {
  return {
    parsed: trace.parsed ? factSummary(fact, trace.parsed) : null,
    by: trace.by.map((c) => ({ id: c.id, action: ACTION_LABELS[c.action], editor: c.editor, at: shownTime(c.createdAt), note: c.note })),
  };
}

/** The mark in words, for a tooltip: 人工校正（原解析：…；张三 2026-12-05 16:20：理由）. */
export function markText(mark: CorrectionMark): string {
  const last = mark.by.at(-1);
  return `人工校正（原解析：${mark.parsed ?? "无，人工添加"}${last ? `；${last.editor} ${last.at}：${last.note}` : ""}）`;
}
