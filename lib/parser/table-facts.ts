/**
 * Stage 12b: what a quota table states (GUIDE.md, tables): each value a row
 * and a target column give is a target — its unit from the cell or the
 * column's header （万人）, its subject the row's and the column's names —
 * and the body or place a row names is a party to it. Baseline columns
 * (2018年实际, 现有) and totals (合计) are not targets.
 */
import { BASELINE_COLUMN, NUMBER_COLUMN, TOTAL_ROW, UNITS } from "./patterns";
import type { Block, Comparator, TableCell } from "./types";

export interface TableTarget {
  subject: string;
  value: number;
  unit: string;
  comparator: Comparator;
  /** The cell holding the value. */
  start: number;
  end: number;
  /** The row's words, for the fact's text. */
  rowStart: number;
  rowEnd: number;
}

export interface TableParty {
  party: string;
  start: number;
  end: number;
}

const UNIT_ALT = UNITS.map((u) => u.replace(/[%‰]/g, (c) => `\\${c}`)).join("|");
const VALUE = new RegExp(`^(\\d+(?:\\.\\d+)?)\\s*(${UNIT_ALT})?$`);
const HEADER_UNIT = new RegExp(`[(（]\\s*(?:单位[:：]\\s*)?(${UNIT_ALT})\\s*[)）]|单位[:：]\\s*(${UNIT_ALT})`);
/** A row subject that can act: a place or a body (北京市, 新疆生产建设兵团, 教育部), or a province named short (河北). */
const ACTOR = /(?:省|市|自治区|自治州|州|盟|县|区|旗|兵团|人民政府|政府|部|委|局|厅|办|署|院|集团|公司|大学|学院)$|^(?:北京|天津|河北|山西|内蒙古|辽宁|吉林|黑龙江|上海|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南|重庆|四川|贵州|云南|西藏|陕西|甘肃|青海|宁夏|新疆|大连|青岛|宁波|厦门|深圳)$/;

const compact = (s: string) => s.replace(/\s+/g, "");

/** Whether a column holds past or baseline figures: its words say so, or it names a year before the document's. */
function isBaseline(column: string, year: number | null): boolean {
  if (BASELINE_COLUMN.test(column)) return true;
  const named = /(\d{4})\s*年/.exec(column);
  return Boolean(named && year && Number(named[1]) < year);
}

/** Targets and parties of one quota table's rows. */
export function quotaFacts(rows: Block[], folded: string, options: { year: number | null }): { targets: TableTarget[]; parties: TableParty[] } {
  const targets: TableTarget[] = [];
  const parties: TableParty[] = [];
  const cellText = (c: TableCell) => compact(folded.slice(c.start, c.end));
  const data = rows.filter((r) => r.table?.row === "data");
  // The subject column: the first column whose cells are mostly words, not numbers.
  const wordy = new Map<number, number>();
  for (const r of data) for (const c of r.cells ?? []) if (c.end > c.start && !VALUE.test(cellText(c)) && !NUMBER_COLUMN.test(c.column ?? "")) wordy.set(c.grid, (wordy.get(c.grid) ?? 0) + 1);
  const subjectColumn = [...wordy].filter(([, n]) => n * 2 >= data.length).map(([g]) => g).sort((a, b) => a - b)[0];
  for (const r of data) {
    const cells = r.cells ?? [];
    const subjectCell = cells.find((c) => c.grid === subjectColumn);
    const subject = subjectCell ? cellText(subjectCell) : "";
    if (!subject || TOTAL_ROW.test(subject)) continue;
    let found = false;
    for (const c of cells) {
      if (c === subjectCell || c.end <= c.start || NUMBER_COLUMN.test(c.column ?? "")) continue;
      const column = compact(c.column ?? "");
      if (isBaseline(column, options.year)) continue;
      const v = VALUE.exec(cellText(c));
      if (!v) continue;
      const unit = v[2] ?? (() => {
        const h = HEADER_UNIT.exec(column);
        return h ? (h[1] ?? h[2] ?? "") : "";
      })();
      const comparator: Comparator = /不低于|不少于|以上|最低/.test(column) ? "≥" : /不超过|以内|以下|上限|最高/.test(column) ? "≤" : "=";
      targets.push({ subject: `${subject}${column ? ` ${column.replace(HEADER_UNIT, "")}` : ""}`, value: Number(v[1]), unit, comparator, start: c.start, end: c.end, rowStart: r.start, rowEnd: r.end });
      found = true;
    }
    if (found && subjectCell && ACTOR.test(subject)) parties.push({ party: subject, start: subjectCell.start, end: subjectCell.end });
  }
  return { targets, parties };
}
