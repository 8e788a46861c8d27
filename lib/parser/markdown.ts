/**
 * Stage 2 for Markdown: YAML front matter and the positions of Markdown syntax.
 * remark (unified + remark-parse + remark-gfm) parses the body; every character
 * that is syntax rather than text (heading marks, emphasis, link targets,
 * bullets of unordered lists, HTML) is marked so that later stages neither
 * match nor show it, while offsets keep pointing into the original file.
 * Ordered-list markers (1.) stay: they are numbering labels.
 */
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import { parse as parseYaml, YAMLParseError } from "yaml";
import type { Nodes, Root } from "mdast";
import { InputError } from "./errors";

const markdownParser = unified().use(remarkParse).use(remarkGfm);

export interface FrontMatter {
  data: Record<string, unknown>;
  /** Offset where the body starts. */
  bodyStart: number;
}

/** Anything remark would read as syntax: block markers, setext underlines, indented code, inline markup. */
const MARKDOWN_SYNTAX = /^(?: {0,3}(?:#{1,6}\s|>|[*+-]\s|\d{1,9}[.)]\s|\||=+\s*$|-{3,}\s*$|\*{3,}\s*$|_{3,}\s*$|`{3,}|~{3,})| {4,}\S)|\*\*|__|\]\(|\]\[|<[a-z/!]|`|\\[\\`*_{}[\]()#+\-.!]/im;

const FRONT_MATTER = /^(?:\uFEFF)?---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/;

/**
 * A front-matter line of the form almost every document uses: `title: "…"` —
 * an ASCII key, a double-quoted value with no escapes, quotes, control or
 * line-separator characters, characters beyond the BMP or non-characters.
 */
const QUOTED_ENTRY = /^([A-Za-z][A-Za-z0-9_]*): "([^"\\\p{Cc}\p{Cs}\u2028\u2029\ufeff\ufffe\uffff\u{10000}-\u{10ffff}]*)"$/u;
/** Keys YAML would not read as a string (null, booleans), left to the YAML parser. */
const NOT_STRING_KEY = /^(?:null|true|false|yes|no|on|off|y|n)$/i;

/**
 * Front matter made only of QUOTED_ENTRY lines with distinct keys, read
 * directly: what the YAML parser gives for them, at a fraction of its cost.
 * Null for anything else, which the YAML parser reads (and reports).
 */
function quotedEntries(yaml: string): Record<string, string> | null {
  const data: Record<string, string> = {};
  for (const line of yaml.split("\n")) {
    const m = QUOTED_ENTRY.exec(line);
    if (!m || NOT_STRING_KEY.test(m[1]!) || Object.hasOwn(data, m[1]!)) return null;
    data[m[1]!] = m[2]!;
  }
  return data;
}

/** Splits YAML front matter from the body. Malformed YAML is an InputError. */
export function frontMatter(text: string): FrontMatter {
  const m = FRONT_MATTER.exec(text);
  if (!m) return { data: {}, bodyStart: 0 };
  const simple = quotedEntries(m[1] ?? "");
  if (simple) return { data: simple, bodyStart: m[0].length };
  let data: unknown;
  try {
    data = parseYaml(m[1] ?? "", { schema: "core", uniqueKeys: true });
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` at line ${error.linePos[0].line + 1}` : "";
    const reason = String((error as Error).message).split("\n")[0];
    throw new InputError(`front matter is not valid YAML${where}: ${reason}`, "front-matter");
  }
  if (data == null) data = {};
  if (typeof data !== "object" || Array.isArray(data)) {
    throw new InputError("front matter must be a mapping of keys to values", "front-matter");
  }
  return { data: data as Record<string, unknown>, bodyStart: m[0].length };
}

/** An ATX heading line: up to three spaces, 1–6 #, then a space, a tab or the end of the line. */
const ATX_HEADING = /^( {0,3})(#{1,6})(?=[ \t]|$)([^\n]*)$/gm;
/** An HTML comment block: <!-- at the start of a line, to the end of the line holding --> (CommonMark HTML block 2). */
const COMMENT_BLOCK = /^ {0,3}<!--[\s\S]*?-->[^\n]*|^ {0,3}<!--[\s\S]*$/gm;

/**
 * Marks ATX headings' # sequences and HTML comment blocks in `mask` when
 * they are the body's only Markdown syntax (true); false, with `mask`
 * untouched, when anything else is there for remark to read. The caller
 * unmarks newlines, as for remark's marks.
 */
function headingsAndComments(body: string, mask: Uint8Array, bodyStart: number): boolean {
  const marks: Array<[number, number]> = [];
  let rest = body;
  const blank = (s: number, e: number) => {
    rest = rest.slice(0, s) + "x".repeat(e - s) + rest.slice(e);
  };
  for (const m of body.matchAll(COMMENT_BLOCK)) {
    marks.push([m.index + m[0].indexOf("<"), m.index + m[0].length]);
    blank(m.index, m.index + m[0].length);
  }
  for (const m of rest.matchAll(ATX_HEADING)) {
    const hashes = m.index + m[1]!.length;
    const line = m[3]!;
    const contentStart = hashes + m[2]!.length + (/^[ \t]*/.exec(line)?.[0].length ?? 0);
    const content = body.slice(contentStart, m.index + m[0].length);
    // An optional closing sequence (## 总则 ##) and the spaces around it are syntax too.
    const closing = /(?:^|[ \t]+)#+[ \t]*$|[ \t]+$/.exec(content);
    const contentEnd = contentStart + (closing ? closing.index : content.length);
    marks.push([hashes, contentStart], [contentEnd, m.index + m[0].length]);
    blank(hashes, contentStart);
    blank(contentEnd, m.index + m[0].length);
  }
  if (!marks.length || MARKDOWN_SYNTAX.test(rest)) return false;
  for (const [s, e] of marks) mask.fill(1, bodyStart + s, bodyStart + e);
  return true;
}

/**
 * Marks Markdown syntax in `text` (from `bodyStart`): 1 = syntax, 0 = text.
 * The front matter itself is marked too.
 */
export function markdownMarkup(text: string, bodyStart: number): Uint8Array {
  const mask = new Uint8Array(text.length);
  mask.fill(1, 0, bodyStart);
  const body = text.slice(bodyStart);
  // Plain text saved as .md (most policy documents): nothing for remark to find.
  if (!MARKDOWN_SYNTAX.test(body)) return mask;
  // Plain text with ATX headings (## 第一章 总则) and HTML comment blocks only, as laws are often
  // saved: those marks are found line by line, a fraction of remark's cost, with the same result.
  if (!headingsAndComments(body, mask, bodyStart)) markRemarkSyntax(text, body, bodyStart, mask);
  // Newlines always separate lines.
  for (let i = bodyStart; i < text.length; i++) if (text.charCodeAt(i) === 10) mask[i] = 0;
  return mask;
}

/** Marks what remark reads as syntax in the body (from `bodyStart` of `text`). */
function markRemarkSyntax(text: string, body: string, bodyStart: number, mask: Uint8Array): void {
  const tree = markdownParser.parse(body) as Root;
  // Block containers: everything inside is syntax unless a text-bearing node unmarks it.
  const markRange = (s: number, e: number, v: 0 | 1) => mask.fill(v, bodyStart + s, bodyStart + e);
  const visit = (node: Nodes, inOrderedList: boolean) => {
    const pos = node.position;
    const s = pos?.start.offset;
    const e = pos?.end.offset;
    if (s === undefined || e === undefined) return;
    switch (node.type) {
      case "root":
        break;
      case "heading":
      case "paragraph":
      case "blockquote":
      case "list":
      case "emphasis":
      case "strong":
      case "delete":
      case "link":
      case "linkReference":
        markRange(s, e, 1);
        break;
      case "listItem": {
        markRange(s, e, 1);
        const first = node.children[0]?.position?.start.offset;
        if (inOrderedList && first !== undefined) markRange(s, first, 0);
        break;
      }
      case "table":
      case "tableRow":
        // Table rows stay as written: `| a | b |` is how the parser reads a row.
        markRange(s, e, 0);
        return;
      case "text":
      case "inlineCode":
      case "code":
        markRange(s, e, 0);
        if (node.type === "code") {
          // Fences are syntax; the code's own lines are text.
          const fence = body.slice(s, e).match(/^(```|~~~)[^\n]*\n/);
          if (fence) markRange(s, s + fence[0].length, 1);
          const tail = body.slice(s, e).match(/\n(```|~~~)\s*$/);
          if (tail) markRange(e - tail[0].length + 1, e, 1);
        }
        return;
      case "html":
      case "thematicBreak":
      case "definition":
      case "image":
      case "imageReference":
        markRange(s, e, 1);
        return;
      case "break":
        markRange(s, e, 1);
        return;
      default:
        break;
    }
    if ("children" in node) {
      // List items learn from their list whether their marker is a numbering label.
      const childOrdered = node.type === "list" ? node.ordered === true : false;
      for (const child of node.children as Nodes[]) visit(child, childOrdered);
    }
  };
  visit(tree, false);
  // CommonMark does not see **…** as strong emphasis when it closes after Chinese
  // punctuation (**（一）指导思想。**坚持…); such pairs are still syntax to a reader.
  const body2 = text.slice(bodyStart);
  for (const m of body2.matchAll(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g)) {
    const at = bodyStart + (m.index ?? 0);
    if (mask[at] === 1) continue;
    mask.fill(1, at, at + 2);
    mask.fill(1, at + m[0].length - 2, at + m[0].length);
  }
}
