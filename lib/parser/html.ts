/**
 * Stage 2 for HTML (a saved government page, or .docx converted by mammoth):
 * finds the article body, drops navigation, scripts and frames, and writes the
 * text one paragraph per line, tables as `| a | b |` rows.
 */
import { fromHtml } from "hast-util-from-html";
import type { Element, ElementContent, Root, RootContent } from "hast";
import { InputError } from "./errors";

const DROP = new Set(["script", "style", "noscript", "iframe", "frame", "frameset", "nav", "header", "footer", "aside", "form", "button", "select", "option", "textarea", "svg", "template", "object", "embed", "head", "input", "map", "canvas", "video", "audio"]);
const BLOCK = new Set(["p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tbody", "thead", "tfoot", "center", "figure", "figcaption", "address", "body", "html", "hr"]);
const CONTENT_HINT = /ucap-content|trs_editor|article|content|zoom|pages_content|detail|zhengwen|\bzw\b|main-text|maintext|textbox|con_text|bt_content/i;

type Node = Root | RootContent | ElementContent;

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
        const score = m.cjk - 3 * m.link - 0.15 * total * depthPenalty(m.cjk, total);
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

function depthPenalty(cjk: number, total: number): number {
  return total ? cjk / total : 0;
}

/** Writes the text of a subtree, one block per line. */
function render(node: Node): string {
  const lines: string[] = [];
  let current = "";
  const flush = () => {
    const line = current.replace(/[ \t\r\n\f]+/g, " ").trim();
    if (line) lines.push(line);
    current = "";
  };
  const cellText = (cell: Element): string => {
    const inner = render(cell).split("\n").join(" ");
    return inner.replace(/\|/g, "｜").trim();
  };
  const walk = (n: Node) => {
    if (n.type === "text") {
      current += n.value;
      return;
    }
    if (!isElement(n)) {
      if ("children" in n) for (const c of n.children as Node[]) walk(c);
      return;
    }
    if (DROP.has(n.tagName)) return;
    if (n.tagName === "br") {
      flush();
      return;
    }
    if (n.tagName === "tr") {
      flush();
      const cells = n.children.filter((c): c is Element => isElement(c) && (c.tagName === "td" || c.tagName === "th"));
      if (cells.length) lines.push(`| ${cells.map(cellText).join(" | ")} |`);
      return;
    }
    const block = BLOCK.has(n.tagName);
    if (block) flush();
    for (const c of n.children) walk(c);
    if (block) flush();
  };
  walk(node);
  flush();
  return lines.join("\n");
}

export interface HtmlText {
  text: string;
  title: string | null;
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
      if (node.tagName === "title") title = render(node).replace(/[_|\-–—].{0,20}(网|网站|门户)$/, "").trim() || null;
    }
    for (const c of node.children as Node[]) findTitle(c);
  };
  findTitle(root);
  const body = options.wholeBody ? root : findBody(root);
  return { text: render(body), title };
}
