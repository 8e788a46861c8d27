/**
 * Types of the parser: the `policy-doc/1` output (../shared/CONTRACT.md §2)
 * and the typed tree the pipeline stages pass along.
 */

/** What a provision is for: the one list of provision roles (search, site and store read it from here). */
export const ROLES = ["requirement", "principle", "goal", "task", "measure", "other"] as const;
export type Role = (typeof ROLES)[number];
/** What a party is asked to do: the one list of responsibility roles. */
export const RESPONSIBILITY_ROLES = ["lead", "support", "responsible", "coordinate", "supervise", "interpret", "subject"] as const;
export type ResponsibilityRole = (typeof RESPONSIBILITY_ROLES)[number];
export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
export const isResponsibilityRole = (value: string): value is ResponsibilityRole => (RESPONSIBILITY_ROLES as readonly string[]).includes(value);
/** Kinds of deadline, link and target comparator: the one list of each. */
export const DEADLINE_KINDS = ["due", "milestone", "period", "effective", "expiry"] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
export const LINK_KINDS = ["goal-task", "goal-measure", "task-measure", "reference"] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
export const COMPARATORS = ["≥", "≤", "="] as const;
export type Comparator = (typeof COMPARATORS)[number] | null;
/** What a document does to a document it names: the one list of relations between documents. */
export const RELATIONS = ["repeals", "revises", "forwards", "implements", "cites"] as const;
export type Relation = (typeof RELATIONS)[number];
export const isRelation = (value: string): value is Relation => (RELATIONS as readonly string[]).includes(value);

/** A problem with the content, with its place in the source text. */
export interface ParseMessage {
  reason: string;
  ruleId: string;
  start: number;
  end: number;
}

export interface Metadata {
  title: string | null;
  kind: string | null;
  issuer: string | null;
  docNumber: string | null;
  addressees: string[];
  issuedAt: string | null;
  effectiveFrom: string | null;
  effectiveUntil: string | null;
  interpreter: string | null;
}

export interface ProvisionOut {
  id: string;
  parent: string | null;
  label: string | null;
  heading: string | null;
  role: Role;
  citation: string;
  text: string;
  start: number;
  end: number;
}

export interface ResponsibilityOut {
  provision: string | null;
  party: string;
  role: ResponsibilityRole;
  /** The words it came from. */
  text: string;
  start: number;
  end: number;
}

export interface DeadlineOut {
  provision: string | null;
  text: string;
  date: string | null;
  kind: DeadlineKind;
  /**
   * For a date the text sets only relative to an unstated start (一年破局、
   * 三年提升; 通过三年努力): the date counted from the effective date, kept apart
   * from `date` because the start is an assumption.
   */
  estimate?: string;
  /** A window's first day (1997年4―6月: date 1997-06-30, from 1997-04-01). */
  from?: string;
  start: number;
  end: number;
}

export interface TargetOut {
  provision: string | null;
  subject: string;
  value: number;
  unit: string;
  comparator: Comparator;
  /** The verb that says what happens to the quantity (下降, 提高到, 控制在): 下降 ≥4% reads as a decrease. */
  verb?: string | null;
  /** The tasks that deliver the target, with the words both name. */
  serves?: Array<{ provision: string; why: string }>;
  baseline: string | null;
  deadline: string | null;
  text: string;
  start: number;
  end: number;
}

export interface LinkOut {
  from: string;
  to: string;
  kind: LinkKind;
  score: number;
  why: string;
  method: "explicit" | "inferred";
}

export interface ReferenceOut {
  provision: string | null;
  /** Cited title without 《》, or null when only a 文号 is cited. */
  title: string | null;
  docNumber: string | null;
  /** What this document does to the one it names (relations.ts): a plain citation when nothing more, null for a title only quoted. */
  relation?: Relation | null;
  text: string;
  start: number;
  end: number;
}

/** The `policy-doc/1` JSON. */
export interface PolicyDoc extends Metadata {
  schema: "policy-doc/1";
  provisions: ProvisionOut[];
  responsibilities: ResponsibilityOut[];
  deadlines: DeadlineOut[];
  targets: TargetOut[];
  links: LinkOut[];
  references: ReferenceOut[];
}

// ---- the tree the stages share ------------------------------------------------

/** Numbering styles of Chinese official documents (GB/T 9704 and legal texts). */
export type LabelStyle =
  | "book" // 第一编 (of a code or a long law)
  | "subbook" // 第一分编
  | "part" // 第一部分
  | "chapter" // 第一章
  | "section" // 第一节
  | "article" // 第一条
  | "cn-dun" // 一、
  | "cn-paren" // （一）
  | "cn-enclosed" // ㈠
  | "decimal" // 1.1 / 1.1.1
  | "arabic-dot" // 1. / 1． / 1、
  | "arabic-paren" // （1） / ⑴
  | "circled" // ①
  | "cn-shi" // 一是 / 一要
  | "bullet" // --- / —— / •
  | "note"; // 注： / 备注： heading a list of notes

/** A numbering label found in the text. */
export interface Marker {
  style: LabelStyle;
  /** Ordinal value (一 → 1); bullets count 0. */
  ordinal: number;
  /** Decimal labels: the number path (1.2.3 → [1, 2, 3]). */
  path?: number[];
  /** An article inserted after another (第一百二十条之一 → 1). */
  insert?: number;
  /** The label as written in the source. */
  label: string;
  /** Span of the label in the source text. */
  start: number;
  end: number;
  /** True for labels standing inside a paragraph (一是……二是……). */
  inline: boolean;
}

/** A line-level block of the source text (paragraph, heading line, table row). */
export interface Block {
  start: number;
  end: number;
  kind: "text" | "table";
  /** A numbering label at the start of the block, if any. */
  marker: Marker | null;
  /** Labels inside the block (inline items). */
  inline: Marker[];
  /** Set by the zoning stage. */
  zone: Zone;
  /** Table rows: the cells, each with its label if it has one. */
  cells?: TableCell[];
  /** Alignment the page gives the line (HTML): a title block is centred, a 落款 set right. */
  align?: "center" | "right" | null;
  /** Table rows: the table they belong to and what the row is (set by the tables stage). */
  table?: TableRowInfo;
}

/** What a table is for, read from its columns (tables.ts). */
export type TableKind = "task" | "quota" | "indicator" | "list";

/** A table row's part in its table. */
export interface TableRowInfo {
  /** Rows of one table share the id. */
  id: number;
  kind: TableKind;
  /** header: column names; category: a row spanning the table (一、…方面); item: one task; continuation: more of the item above; data: text only. */
  row: "header" | "category" | "item" | "continuation" | "data";
  /** The row's number in a row-number column (序号), when it has one. */
  number: number | null;
}

/** One cell of a table row (`| a | b |`). */
export interface TableCell {
  start: number;
  end: number;
  marker: Marker | null;
  inline: Marker[];
  /** The column's header (序号, 指导部门 …), when the table has a header row. */
  column: string | null;
  /** The cell's first grid column and how many it spans (from the page's layout, or inferred). */
  grid: number;
  span: number;
  /** How many rows it covers (rowspan): the rows below share its value. */
  rows: number;
}

/**
 * What a block is in the document's layout: metadata lines (title, 文号,
 * addressees, signature, date) are not provisions; `toc` lines are a table of
 * contents; `closing` lines speak for the whole document.
 */
export type Zone =
  | "body"
  | "title"
  | "docNumber"
  | "addressees"
  | "signature"
  | "date"
  | "note"
  | "toc"
  | "closing"
  | "preamble"
  /** The title of a document printed after its cover notice (印发/转发). */
  | "enclosure-title"
  /** The title line of a further document printed after the first, its numbering restarting. */
  | "part-title"
  | "attachment-title"
  /** 注：1.… lines explaining a table or a list: text of the provision that holds them, not provisions. */
  | "legend";

/** A node of the provision tree. */
export interface ProvisionNode {
  marker: Marker | null;
  /** Container nodes (an enclosed document, a further document, an attachment) have no marker; a passage is the document's own text outside its items (前言, 结尾). */
  container: "enclosure" | "part" | "attachment" | "passage" | null;
  /** A task table's row: one item without a label of its own (its 序号, when it has one). */
  row?: { number: number | null; ordinal: number };
  /** An attachment's own line (附件, 附件2) is its label. */
  containerLabel?: string;
  heading: string | null;
  /** Spans of the node's own text (not its children's), in source order. */
  spans: Array<[number, number]>;
  children: ProvisionNode[];
  parent: ProvisionNode | null;
  role: Role;
  id: string;
  citation: string;
  depth: number;
}

/** A table cell's place in its table's grid, as the page lays it out. */
export interface CellLayout {
  column: number;
  columns: number;
  rows: number;
  header: boolean;
}

/** What a format says by layout rather than words (HTML, .docx), keyed by offsets in the text. */
export interface SourceLayout {
  /** Lines set centred or right-aligned, by their start offset. */
  align: Map<number, "center" | "right">;
  /** Table rows by their start offset: each cell's range and place in the grid. */
  rows: Map<number, { table: number; cells: Array<CellLayout & { start: number; end: number }> }>;
}

/** What the decode/extract stages give the rest of the pipeline. */
export interface SourceDocument {
  /** The decoded text all offsets refer to. */
  text: string;
  /** Length-preserving folded copy for matching (full-width → ASCII, ideographic space → space). */
  folded: string;
  /** Where the body starts (after front matter). */
  bodyStart: number;
  /** Markdown markup positions hidden from provision text (same length as text; 1 = markup). */
  markup: Uint8Array | null;
  /** Block ranges given by the format (Markdown, HTML); null for plain text. */
  blockRanges: Array<[number, number]> | null;
  /** Metadata from YAML front matter or the format, overriding what the parser finds. */
  given: Partial<Metadata> & Record<string, unknown>;
  format: "txt" | "md" | "html" | "docx";
  encoding: string;
  /** Layout of lines and table cells where the format gives it; null for plain text and Markdown. */
  layout: SourceLayout | null;
  /** The title a page declares apart from its text (HTML `<title>`), a hint for the title block. */
  titleHint: string | null;
}
