/**
 * The structured query API's endpoints: tasks, deadlines, targets and links
 * across the current documents, with the filters the pages have. Each
 * endpoint declares its parameters (lib/api/params.ts), finds its rows and
 * turns them into the table its CSV writes (the ledger export's columns).
 */
import { DEADLINE_STATUSES, listDeadlines, WORK_DEADLINE_KINDS, type DeadlineItem, type DeadlineStatus } from "../db/deadlines";
import { listLinksAcross, listTargetsAcross, type LinkRow, type TargetRow } from "../db/facts";
import { resolveParty } from "../db/parties";
import { listTasks, type TaskRow } from "../db/tasks";
import { deadlinesTable, linksTable, targetsTable, tasksTable, type Table } from "../export/table";
import { DEADLINE_KINDS, LINK_KINDS, RESPONSIBILITY_ROLES } from "../parser";
import { filtersCaption } from "../site/ledger";
import { STATUSES, type ValidityStatus } from "../status";
import type { ParamSpec, ParamValues } from "./params";

/** Parameters every endpoint has: paging and the CSV format. */
export const PAGING: ParamSpec[] = [
  { name: "limit", type: { kind: "integer", min: 1, max: 1000 }, description: "Items per page (default 100). CSV ignores paging and writes every row." },
  { name: "cursor", type: { kind: "string" }, description: "Where the next page starts: the nextCursor of the previous page." },
  { name: "format", type: { kind: "enum", values: ["json", "csv"] }, description: "json (default) or csv, the ledger export's table with the filters in its first row; Accept: text/csv does the same." },
];

const STATUS: ParamSpec = {
  name: "status",
  type: { kind: "enum", values: [...STATUSES, "all"] },
  multiple: true,
  description: "Validity of the document: 现行有效, 已失效, 尚未施行, or all. Default: documents not expired (现行有效 and 尚未施行), as the pages show them.",
};
const DOCUMENT: ParamSpec = { name: "document", type: { kind: "string" }, description: "A document's slug." };
const ISSUER: ParamSpec = { name: "issuer", type: { kind: "string" }, description: "Part of the issuing body's name (国务院办公厅, 青海省)." };
const KIND: ParamSpec = { name: "kind", type: { kind: "string" }, description: "The document's kind as its title says it (意见, 通知, 实施方案, 条例)." };
const PARTY: ParamSpec = { name: "party", type: { kind: "string" }, description: "A party in any name form: full, short or as a document writes it (工信部, 工业和信息化部, 省经信委)." };
const DUE_BEFORE: ParamSpec = { name: "dueBefore", type: { kind: "date" }, description: "Only dates on or before this day (YYYY-MM-DD)." };
const DUE_AFTER: ParamSpec = { name: "dueAfter", type: { kind: "date" }, description: "Only dates on or after this day (YYYY-MM-DD)." };
const OVERDUE: ParamSpec = { name: "overdue", type: { kind: "boolean" }, description: "true: only what is overdue (a due date or milestone passed, in a document in force)." };
const AS_OF: ParamSpec = { name: "asOf", type: { kind: "date" }, description: "The ledger as it stood that day (YYYY-MM-DD): the documents in force then, each in its version then, statuses and overdue counted on that day." };
const DEADLINE_STATUS: ParamSpec = { name: "deadlineStatus", type: { kind: "enum", values: DEADLINE_STATUSES }, description: "What the deadline means today: overdue, today, open, undated, start (a start or term, never overdue), lapsed (its document is no longer in force)." };
const YEAR: ParamSpec = { name: "year", type: { kind: "integer", min: 1949, max: 2100 }, description: "Year of the date that counts." };
/** The filters tasks and deadlines share: when, whether overdue, which year and validity, as of which day. */
const DEADLINE_FILTERS: ParamSpec[] = [DUE_BEFORE, DUE_AFTER, OVERDUE, DEADLINE_STATUS, YEAR, STATUS, AS_OF, ...PAGING];

export interface Page<T> {
  rows: T[];
  /** Rows before filtering (every row of the documents in scope). */
  total: number;
}

export interface Endpoint<T> {
  name: "tasks" | "deadlines" | "targets" | "links";
  summary: string;
  params: ParamSpec[];
  /** The OpenAPI schema name of one item. */
  item: string;
  find(values: ParamValues, today: string): Promise<Page<T>>;
  table(rows: T[], caption: string): Table;
  /** The filters in words for the CSV's first row. */
  caption(values: ParamValues, today: string): string;
}

const str = (v: ParamValues[string]) => (typeof v === "string" ? v : undefined);
const list = (v: ParamValues[string]) => (Array.isArray(v) ? v : typeof v === "string" ? [v] : []);

/** The validity statuses a query asks for (default: not expired). */
function statusesOf(values: ParamValues): ValidityStatus[] {
  const asked = list(values.status);
  if (asked.includes("all")) return STATUSES;
  return asked.length ? (asked as ValidityStatus[]) : STATUSES.filter((s) => s !== "已失效");
}

const inRange = (day: string | null | undefined, values: ParamValues) =>
  (!values.dueBefore || (day !== null && day !== undefined && day <= (values.dueBefore as string))) && (!values.dueAfter || (day !== null && day !== undefined && day >= (values.dueAfter as string)));

const matchesDocument = (d: { slug: string; issuer: string | null; kind: string | null; status: ValidityStatus }, values: ParamValues, statuses: ValidityStatus[]) =>
  statuses.includes(d.status) && (!values.document || d.slug === values.document) && (!values.issuer || (d.issuer ?? "").includes(values.issuer as string)) && (!values.kind || d.kind === values.kind);

function caption(values: ParamValues, today: string): string {
  const shown = Object.fromEntries(Object.entries(values).filter(([k]) => k !== "format" && k !== "limit" && k !== "cursor").map(([k, v]) => [k, Array.isArray(v) ? v.join("、") : v]));
  return filtersCaption(shown, today);
}

/** The parties a `party` value stands for (any name form), with the name as typed. */
async function partiesOf(values: ParamValues): Promise<{ names: string[]; asWritten: string } | null> {
  const party = str(values.party);
  return party ? { names: await resolveParty(party), asWritten: party } : null;
}

export const TASKS: Endpoint<TaskRow> = {
  name: "tasks",
  summary: "Tasks (provisions whose role is task) with their responsible parties and the deadline that counts, own or inherited from above.",
  item: "Task",
  params: [
    PARTY,
    { name: "role", type: { kind: "enum", values: RESPONSIBILITY_ROLES.filter((r) => r !== "interpret" && r !== "subject") }, description: "The role the party (or any party) holds: lead 牵头, support 配合, responsible 负责, coordinate, supervise." },
    DOCUMENT,
    ISSUER,
    KIND,
    ...DEADLINE_FILTERS,
  ],
  async find(values, today) {
    const party = await partiesOf(values);
    const asOf = str(values.asOf);
    const found = await listTasks({
      today: asOf ?? today,
      asOf,
      all: true,
      ...(party ? { parties: party.names, partyAsWritten: party.asWritten } : {}),
      role: values.role as TaskRow["parties"][number]["role"] | undefined,
      doc: str(values.document),
      issuer: str(values.issuer),
      kind: str(values.kind),
      year: values.year as number | undefined,
      dueBefore: str(values.dueBefore),
      dueAfter: str(values.dueAfter),
      overdue: values.overdue === true,
      status: values.deadlineStatus as DeadlineStatus | undefined,
    });
    const statuses = statusesOf(values);
    const rows = found.rows.filter((t) => statuses.includes(t.document.status) && (values.overdue !== false || t.state?.status !== "overdue"));
    return { rows, total: found.total };
  },
  table: (rows, caption) => tasksTable({ rows, total: rows.length, options: { parties: [], documents: [], years: [], issuers: [], kinds: [] } }, caption),
  caption,
};

export const DEADLINES: Endpoint<DeadlineItem> = {
  name: "deadlines",
  summary: "Dates the documents set (due dates, milestones, terms; with deadlineKind also when they take effect and expire), each with its status today and the responsible parties.",
  item: "Deadline",
  params: [
    PARTY,
    DOCUMENT,
    ISSUER,
    KIND,
    { name: "deadlineKind", type: { kind: "enum", values: DEADLINE_KINDS }, multiple: true, description: "due, milestone, period (default: these three), effective, expiry." },
    ...DEADLINE_FILTERS,
  ],
  async find(values, today) {
    const kinds = list(values.deadlineKind);
    const asOf = str(values.asOf);
    const all = await listDeadlines({ today: asOf ?? today, asOf, allKinds: kinds.length > 0 });
    const party = await partiesOf(values);
    const statuses = statusesOf(values);
    const wanted = kinds.length ? kinds : WORK_DEADLINE_KINDS;
    const rows = all.filter(
      (d) =>
        wanted.includes(d.kind) &&
        matchesDocument(d.document, values, statuses) &&
        (!party || d.parties.some((p) => party.names.includes(p.name) || p.name === party.asWritten)) &&
        inRange(d.day ?? d.date, values) &&
        (values.overdue === undefined || (d.status === "overdue") === values.overdue) &&
        (!values.deadlineStatus || d.status === values.deadlineStatus) &&
        (!values.year || (d.day ?? d.date ?? "").startsWith(String(values.year))),
    );
    return { rows, total: all.length };
  },
  table: deadlinesTable,
  caption,
};

export const TARGETS: Endpoint<TargetRow> = {
  name: "targets",
  summary: "Quantitative targets (目标值) with their verb (下降, 提高到), value and unit, and the tasks that deliver them.",
  item: "Target",
  params: [
    DOCUMENT,
    ISSUER,
    KIND,
    { name: "subject", type: { kind: "string" }, description: "Part of what the target measures (企业综合成本, 覆盖率)." },
    { name: "unit", type: { kind: "string" }, description: "The unit exactly (%, 万吨, 项)." },
    { name: "served", type: { kind: "boolean" }, description: "true: only targets a task is found delivering; false: only those without one." },
    DUE_BEFORE,
    DUE_AFTER,
    STATUS,
    ...PAGING,
  ],
  async find(values, today) {
    const all = await listTargetsAcross({ today });
    const statuses = statusesOf(values);
    const rows = all.filter(
      (t) =>
        matchesDocument(t.document, values, statuses) &&
        (!values.subject || t.subject.includes(values.subject as string)) &&
        (!values.unit || t.unit === values.unit) &&
        (values.served === undefined || t.serves.length > 0 === values.served) &&
        inRange(t.deadline, values),
    );
    return { rows, total: all.length };
  },
  table: targetsTable,
  caption,
};

export const LINKS: Endpoint<LinkRow> = {
  name: "links",
  summary: "Links between a document's goals, tasks and safeguard measures, each with its strength and the evidence for it.",
  item: "Link",
  params: [
    DOCUMENT,
    ISSUER,
    KIND,
    { name: "linkKind", type: { kind: "enum", values: LINK_KINDS }, multiple: true, description: "goal-task, goal-measure, task-measure, reference." },
    { name: "method", type: { kind: "enum", values: ["explicit", "inferred"] }, description: "explicit (the document refers to the other provision) or inferred (shared terms)." },
    { name: "minStrength", type: { kind: "number", min: 0, max: 1 }, description: "Only links at least this strong: 1 explicit, 0.8 shared heading term, 0.6 shared term of four or more characters, 0.4 shared words." },
    { name: "provision", type: { kind: "string" }, description: "Only links of this provision id (either end); use with document." },
    STATUS,
    ...PAGING,
  ],
  async find(values, today) {
    const all = await listLinksAcross({ today });
    const statuses = statusesOf(values);
    const kinds = list(values.linkKind);
    const rows = all.filter(
      (l) =>
        matchesDocument(l.document, values, statuses) &&
        (!kinds.length || kinds.includes(l.kind)) &&
        (!values.method || l.method === values.method) &&
        (values.minStrength === undefined || l.strength >= (values.minStrength as number)) &&
        (!values.provision || l.from.id === values.provision || l.to.id === values.provision),
    );
    return { rows, total: all.length };
  },
  table: linksTable,
  caption,
};

export const ENDPOINTS = { tasks: TASKS, deadlines: DEADLINES, targets: TARGETS, links: LINKS } as const;
