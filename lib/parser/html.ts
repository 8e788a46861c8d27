/**
 * Stage 2 for HTML (a saved government page, or .docx converted by mammoth):
 * finds the article body, drops navigation, scripts and frames, and writes the
 * text one paragraph per line, data tables as `| a | b |` rows. What the page
 * says by layout rather than words is kept beside the text: which lines are
 * centred or set right (a title block, a 落款), and each table cell's place in
 * its table's grid (rowspan and colspan), which the text rows cannot show.
 */
import { fromHtml } from "hast-util-from-html";
import type { Element, ElementContent, Root, RootContent } from "hast";
import { InputError } from "./errors";
import type { CellLayout, SourceLayout } from "./types";

const DROP = new Set(["script", "style", "noscript", "iframe", "frame", "frameset", "nav", "header", "footer", "aside", "form", "button", "select", "option", "textarea", "svg", "template", "object", "embed", "head", "input", "map", "canvas", "video", "audio"]);
const BLOCK = new Set(["p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "center", "figure", "figcaption", "address", "body", "html", "hr"]);
const CONTENT_HINT = /ucap-content|trs_editor|article|content|zoom|pages_content|detail|zhengwen|\bzw\b|main-text|maintext|textbox|con_text|bt_content/i;

type Node = Root | RootContent | ElementContent;
type Align = "center" | "right";

function isElement(node: Node): node is Element {
  return node.type === "element";
}

function classOf(el: Element): string {
  const p = el.properties ?? {};
  const cls = Array.isArray(p.className) ? p.className.join(" ") : String(p.className ?? "");
  return `${String(p.id ?? "")} ${cls}`;
}

/** Counts CJK characters of the text under a node, and of the part inside links. */
function measure(node: Node, memo: Map<Node, { cjk: number; link: number }>, inLink = false): { cjk: number; link: number } {
  const cached = memo.get(node);
  if (cached && !inLink) return cached;
  let cjk = 0;
  let link = 0;
  if (node.type === "text") {
    for (const ch of node.value) if (/[\u4e00-\u9fff]/.test(ch)) cjk++;
    if (inLink) link = cjk;
  } else if ("children" in node && !(isElement(node) && DROP.has(node.tagName))) {
    const here = inLink || (isElement(node) && node.tagName === "a");
    for (const child of node.children as Node[]) {
      const m = measure(child, memo, here);
      cjk += m.cjk;
      link += m.link;
    }
  }
  const result = { cjk, link };
  if (!inLink) memo.set(node, result);
  return result;
}

/** The element that holds the article: a known content container, or the densest block. */
function findBody(root: Root): Node {
  const memo = new Map<Node, { cjk: number; link: number }>();
  const total = measure(root, memo).cjk;
  let hinted: Element | null = null;
  let best: Element | null = null;
  let bestScore = -Infinity;
  const walk = (node: Node) => {
    if (!("children" in node)) return;
    if (isElement(node)) {
      if (DROP.has(node.tagName)) return;
      const m = measure(node, memo);
      if (CONTENT_HINT.test(classOf(node)) && m.cjk - m.link >= 100 && (!hinted || m.cjk > measure(hinted, memo).cjk)) hinted = node;
      if (["div", "td", "article", "section", "main", "body"].includes(node.tagName)) {
        // Prefer the smallest block that still holds most of the text.
        const score = m.cjk - 3 * m.link - 0.15 * total * (total ? m.cjk / total : 0);
        if (score > bestScore) {
          bestScore = score;
          best = node;
        }
      }
    }
    for (const child of node.children as Node[]) walk(child);
  };
  walk(root);
  return hinted ?? best ?? root;
}

/** The alignment an element sets (`align="center"`, `text-align: right`, `<center>`); "start" when it sets it back. */
function alignOf(el: Element): Align | "start" | null {
  if (el.tagName === "center") return "center";
  const p = el.properties ?? {};
  const value = (/text-align\s*:\s*([a-z]+)/i.exec(String(p.style ?? ""))?.[1] ?? String(p.align ?? "")).toLowerCase();
  if (value === "center" || value === "middle") return "center";
  if (value === "right") return "right";
  if (value === "left" || value === "justify" || value === "start") return "start";
  return null;
}

function spanOf(el: Element, name: "rowSpan" | "colSpan"): number {
  const n = Number(el.properties?.[name] ?? 1);
  return Number.isFinite(n) && n >= 1 ? Math.min(Math.floor(n), 1000) : 1;
}

const cellsOf = (row: Element): Element[] => row.children.filter((c): c is Element => isElement(c) && (c.tagName === "td" || c.tagName === "th"));

/** The rows of a table, not those of tables nested in its cells. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  const walk = (n: Element) => {
    for (const c of n.children) {
      if (!isElement(c)) continue;
      if (c.tagName === "tr") rows.push(c);
      else if (c.tagName === "thead" || c.tagName === "tbody" || c.tagName === "tfoot") walk(c);
    }
  };
  walk(table);
  return rows;
}

function containsTable(el: Element): boolean {
  return el.children.some((c) => isElement(c) && (c.tagName === "table" || containsTable(c)));
}

/**
 * Whether a table holds data (rows and columns a reader compares) rather
 * than page layout: at least two rows of which two have two or more cells,
 * and no table nested inside (pages built of tables nest them).
 */
function isDataTable(table: Element): boolean {
  const rows = rowsOf(table);
  if (rows.length < 2 || containsTable(table)) return false;
  return rows.filter((r) => cellsOf(r).reduce((n, c) => n + spanOf(c, "colSpan"), 0) >= 2).length >= 2;
}

interface Line {
  text: string;
  align: Align | null;
  /** Table rows: each cell's text range within `text` and its place in the grid. */
  cells?: Array<{ from: number; to: number } & CellLayout>;
  table?: number;
}

/** Wide characters: CJK ideographs, CJK and full-width punctuation, Chinese quotation marks. */
const WIDE = "[\\u3000-\\u303f\\u4e00-\\u9fff\\uff01-\\uff60\\u2018\\u2019\\u201c\\u201d]";
/**
 * White space holding a line break next to a wide character: Chinese sets no space between words, so a
 * break in the markup (共5</span>\n<span>项) is none. CSS Text 3 drops it between two wide characters;
 * here one is enough, since a Chinese page sets no space between a number or a Latin word and Chinese either.
 */
const WIDE_BREAK = new RegExp(`(${WIDE})[ \\t\\r\\f]*\\n[ \\t\\r\\n\\f]*(?=\\S)|(\\S)[ \\t\\r\\f]*\\n[ \\t\\r\\n\\f]*(?=${WIDE})`, "g");

/** Writes the text of a subtree, one block per line, with the layout of each line. */
function render(node: Node): Line[] {
  const lines: Line[] = [];
  let current = "";
  let currentAlign: Align | null = null;
  let tables = 0;
  const flush = () => {
    // A line break in the markup beside a wide (CJK) character is no space.
    const text = current.replace(WIDE_BREAK, "$1$2").replace(/[ \t\r\n\f]+/g, " ").trim();
    if (text) lines.push({ text, align: currentAlign });
    current = "";
    currentAlign = null;
  };
  const cellText = (cell: Element): string =>
    render(cell)
      .map((l) => l.text)
      .join(" ")
      .replace(/\|/g, "｜")
      .trim();
  const dataTable = (table: Element) => {
    flush();
    const id = tables++;
    // Grid columns taken by cells spanning down from rows above: column → rows still covered below.
    const pending = new Map<number, number>();
    for (const [r, row] of rowsOf(table).entries()) {
      let column = 0;
      const cells: NonNullable<Line["cells"]> = [];
      let text = "|";
      for (const cell of cellsOf(row)) {
        while ((pending.get(column) ?? 0) > 0) column++;
        const columns = spanOf(cell, "colSpan");
        const rows = spanOf(cell, "rowSpan");
        text += " ";
        const from = text.length;
        text += cellText(cell);
        cells.push({ from, to: text.length, column, columns, rows, header: cell.tagName === "th" });
        text += " |";
        column += columns;
      }
      for (const [col, left] of pending) {
        if (left <= 1) pending.delete(col);
        else pending.set(col, left - 1);
      }
      for (const c of cells) if (c.rows > 1) for (let k = 0; k < c.columns; k++) pending.set(c.column + k, c.rows - 1);
      if (cells.some((c) => c.to > c.from) || r === 0) lines.push({ text, align: null, cells, table: id });
    }
  };
  const walk = (n: Node, align: Align | null) => {
    if (n.type === "text") {
      if (!current.trim()) currentAlign = align;
      current += n.value;
      return;
    }
    if (!isElement(n)) {
      if ("children" in n) for (const c of n.children as Node[]) walk(c, align);
      return;
    }
    if (DROP.has(n.tagName)) return;
    if (n.tagName === "br") {
      flush();
      return;
    }
    if (n.tagName === "table" && isDataTable(n)) {
      dataTable(n);
      return;
    }
    const set = alignOf(n);
    const own = set === "start" ? null : (set ?? align);
    const block = BLOCK.has(n.tagName);
    if (block) flush();
    for (const c of n.children) walk(c, own);
    if (block) flush();
  };
  walk(node, null);
  flush();
  return lines;
}

export interface HtmlText {
  text: string;
  title: string | null;
  layout: SourceLayout;
}

/** Joins rendered lines into the text and the layout keyed by offsets in it. */
function assemble(lines: Line[]): { text: string; layout: SourceLayout } {
  const layout: SourceLayout = { align: new Map(), rows: new Map() };
  let text = "";
  for (const line of lines) {
    if (text) text += "\n";
    const start = text.length;
    if (line.align) layout.align.set(start, line.align);
    if (line.cells) {
      layout.rows.set(start, { table: line.table ?? 0, cells: line.cells.map(({ from, to, ...cell }) => ({ ...cell, start: start + from, end: start + to })) });
    }
    text += line.text;
  }
  return { text, layout };
}

/** The article text of an HTML page; a page nested too deeply to walk is refused with one line. */
export function htmlToText(html: string, options: { wholeBody?: boolean } = {}): HtmlText {
  try {
    return readHtml(html, options);
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) throw new InputError("HTML is nested too deeply to read (thousands of levels of elements)", "unsupported");
    throw error;
  }
}

function readHtml(html: string, options: { wholeBody?: boolean }): HtmlText {
  const root = fromHtml(html);
  let title: string | null = null;
  const findTitle = (node: Node) => {
    if (title || !("children" in node)) return;
    if (isElement(node)) {
      const p = node.properties ?? {};
      if (node.tagName === "meta" && /articletitle|^title$/i.test(String(p.name ?? "")) && p.content) title = String(p.content).trim();
      if (node.tagName === "title") {
        title =
          render(node)
            .map((l) => l.text)
            .join("")
            .replace(/[_|\-–—].{0,20}(网|网站|门户)$/, "")
            .trim() || null;
      }
    }
    for (const c of node.children as Node[]) findTitle(c);
  };
  findTitle(root);
  const body = options.wholeBody ? root : findBody(root);
  const { text, layout } = assemble(render(body));
  return { text, title, layout };
}
