/**
 * Stage 6: sectionise. Builds the provision tree from the labelled blocks.
 * A label nests under the nearest open label of an outer rank; a label of a
 * style already open closes it and becomes its sibling, so numbering that runs
 * on across parts still nests under its part, skipped levels are fine, and
 * numbering may restart in every section. Inline labels (一是……二是……) nest
 * under the provision whose paragraph holds them and close with it.
 */
import { ATTACHMENT_WITH_TITLE, NUMBER_COLUMN, TASK_COLUMN } from "./patterns";
import type { Block, LabelStyle, Marker, ProvisionNode } from "./types";

/** Conventional depth of each style (GB/T 9704 and legal texts): outer styles are smaller. */
export const RANK: Record<LabelStyle, number> = {
  book: 0,
  subbook: 0.5,
  part: 0,
  chapter: 1,
  section: 2,
  article: 3,
  "cn-dun": 4,
  decimal: 4,
  "cn-paren": 5,
  "cn-enclosed": 5,
  "arabic-dot": 6,
  "arabic-paren": 7,
  circled: 8,
  "cn-shi": 9,
  bullet: 10,
  note: 4,
};

export function newNode(marker: Marker | null, parent: ProvisionNode | null, container: ProvisionNode["container"] = null): ProvisionNode {
  return { marker, container, heading: null, spans: [], children: [], parent, role: "other", id: "", citation: "", depth: parent ? parent.depth + 1 : 0 };
}

function sameLevel(a: Marker, b: Marker): boolean {
  if (a.style !== b.style) return false;
  if (a.style === "decimal") return (a.path?.length ?? 0) === (b.path?.length ?? 0);
  return true;
}

/** Finds the parent for a block-level marker and trims the stack of open nodes. */
function place(stack: ProvisionNode[], marker: Marker): ProvisionNode {
  // Decimal labels name their parent: 1.2.3 sits under 1.2.
  if (marker.style === "decimal" && marker.path) {
    const parentPath = marker.path.slice(0, -1).join(".");
    for (let i = stack.length - 1; i >= 1; i--) {
      const m = stack[i]!.marker;
      if (m?.style === "decimal" && m.path?.join(".") === parentPath) {
        stack.length = i + 1;
        return stack[i]!;
      }
    }
  }
  for (let i = stack.length - 1; i >= 1; i--) {
    const m = stack[i]!.marker;
    if (m && sameLevel(m, marker)) {
      stack.length = i;
      return stack[i - 1]!;
    }
  }
  const rank = marker.style === "decimal" ? RANK.decimal + (marker.path?.length ?? 1) - 1 : RANK[marker.style];
  while (stack.length > 1) {
    const top = stack.at(-1)!.marker;
    const topRank = top ? (top.style === "decimal" ? RANK.decimal + (top.path?.length ?? 1) - 1 : RANK[top.style]) : -1;
    if (topRank >= rank) stack.pop();
    else break;
  }
  return stack.at(-1)!;
}

/** Adds inline labels of one block under `owner`, splitting the block's text among them. */
function placeInline(owner: ProvisionNode, block: Block, ownSpanStart: number, folded: string): void {
  const markers = block.inline;
  if (!markers.length) {
    owner.spans.push([ownSpanStart, block.end]);
    return;
  }
  // A responsibility annotation closing the paragraph (（6月底完成，牵头单位：…）) is the whole item's, not its last point's.
  const lastStart = markers.at(-1)!.start;
  const annotation = TRAILING_ANNOTATION.exec(folded.slice(lastStart, block.end));
  const pointsEnd = annotation && annotation.index > 0 ? lastStart + annotation.index : block.end;
  if (markers[0]!.start > ownSpanStart) owner.spans.push([ownSpanStart, markers[0]!.start]);
  // Nest inline styles by order of appearance within the paragraph.
  const local: ProvisionNode[] = [owner];
  markers.forEach((m, k) => {
    let parent: ProvisionNode | null = null;
    for (let i = local.length - 1; i >= 1; i--) {
      if (local[i]!.marker?.style === m.style) {
        local.length = i;
        parent = local[i - 1]!;
        break;
      }
    }
    // An inline run continuing the block's own label (一是 … 二是 on one line) are siblings.
    if (!parent && owner.marker?.style === m.style && owner.parent) {
      parent = owner.parent;
      local.length = 1;
    }
    parent ??= local.at(-1)!;
    const node = newNode(m, parent);
    parent.children.push(node);
    const end = markers[k + 1]?.start ?? pointsEnd;
    node.spans.push([m.start, end]);
    local.push(node);
  });
  if (pointsEnd < block.end) owner.spans.push([pointsEnd, block.end]);
}

/** A bracketed annotation of who acts or by when, at the end of a paragraph. */
const TRAILING_ANNOTATION = /[（(][^（）()]{0,200}?(?:牵头|负责|配合|参与|完成|单位[:：]|部门[:：])[^（）()]{0,80}[)）][。；;]?\s*$/;

/** Styles of the items an article lists (项, 目). */
const ITEM_STYLES = new Set(["cn-paren", "cn-enclosed", "arabic-dot", "arabic-paren", "circled", "cn-dun"]);

/** The article a chain of items (（一）, 1.) stands under, when `node` is such an item. */
function articleOfItem(node: ProvisionNode): ProvisionNode | null {
  let n: ProvisionNode | null = node;
  if (!n.marker || n.marker.inline || !ITEM_STYLES.has(n.marker.style)) return null;
  while (n && n.marker && !n.marker.inline && ITEM_STYLES.has(n.marker.style)) n = n.parent;
  return n?.marker?.style === "article" ? n : null;
}

/** Whether the next labelled block goes on with a list `node` is in (its next ordinal at one of its levels). */
function listGoesOn(node: ProvisionNode, blocks: Block[], k: number): boolean {
  let next: Marker | null = null;
  for (let j = k + 1; j < blocks.length && !next; j++) {
    if (blocks[j]!.zone !== "body") break;
    next = blocks[j]!.marker;
  }
  if (!next) return false;
  for (let n: ProvisionNode | null = node; n && n.marker && ITEM_STYLES.has(n.marker.style); n = n.parent) {
    if (sameLevel(n.marker, next) && next.ordinal === n.marker.ordinal + 1) return true;
  }
  return false;
}

export interface Tree {
  root: ProvisionNode;
  /** Document-level spans (preamble, closing lines, text outside any provision). */
  documentSpans: Array<[number, number]>;
}

/** Stage 6 entry point. */
export function buildTree(blocks: Block[], folded: string, enclosureTitle: string | null): Tree {
  const root = newNode(null, null);
  const documentSpans: Array<[number, number]> = [];
  let stack: ProvisionNode[] = [root];
  let attachmentCount = 0;
  /** The last item row of the current table, which continuation rows add to. */
  let lastRow: ProvisionNode | null = null;
  let rowsInTable = 0;
  let currentTable = -1;
  /** How deep the stack was where the current table started: after it, text goes back to the provision holding it. */
  let tableDepth = 0;
  const leaveTable = () => {
    if (tableDepth > 0 && stack.length > tableDepth) stack.length = tableDepth;
    tableDepth = 0;
    while (stack.length > 1 && stack.at(-1)!.row) stack.pop();
  };
  const textOf = (owner: ProvisionNode, start: number, end: number) => {
    if (owner === root) documentSpans.push([start, end]);
    else owner.spans.push([start, end]);
  };
  for (let k = 0; k < blocks.length; k++) {
    const block = blocks[k]!;
    switch (block.zone) {
      case "title":
      case "docNumber":
      case "addressees":
      case "signature":
      case "date":
      case "note":
      case "toc":
        continue;
      case "closing":
      case "preamble":
        documentSpans.push([block.start, block.end]);
        continue;
      case "legend":
        leaveTable();
        textOf(stack.at(-1)!, block.start, block.end);
        continue;
      case "enclosure-title": {
        const node = newNode(null, root, "enclosure");
        node.heading = enclosureTitle ?? folded.slice(block.start, block.end);
        node.spans.push([block.start, block.end]);
        root.children.push(node);
        stack = [node];
        continue;
      }
      case "part-title": {
        // A further document in the same notice: a part of its own, cited by its title.
        const node = newNode(null, root, "part");
        node.heading = folded.slice(block.start, block.end).replace(/\s+/g, "");
        node.containerLabel = node.heading;
        node.spans.push([block.start, block.end]);
        root.children.push(node);
        stack = [node];
        continue;
      }
      case "attachment-title": {
        attachmentCount++;
        const node = newNode(null, root, "attachment");
        node.spans.push([block.start, block.end]);
        node.containerLabel = folded.slice(block.start, block.end).replace(/[\s:：]+/g, "") || "附件";
        // The attachment's own title: on its line after the mark (附件1：查处…规程), else the next title-like line.
        const withTitle = ATTACHMENT_WITH_TITLE.exec(folded.slice(block.start, block.end).trim());
        const next = blocks[k + 1];
        if (withTitle) {
          node.containerLabel = withTitle[1]!.replace(/\s+/g, "");
          node.heading = withTitle[2]!;
        } else if (next && !next.marker && next.kind === "text" && next.zone === "body" && next.end - next.start <= 60) {
          node.heading = folded.slice(next.start, next.end).trim();
          node.spans.push([next.start, next.end]);
          k++;
        }
        node.id = `att${attachmentCount}`;
        root.children.push(node);
        stack = [node];
        continue;
      }
      default:
        break;
    }
    if (block.cells && block.table) {
      if (block.table.id !== currentTable) {
        leaveTable();
        currentTable = block.table.id;
        lastRow = null;
        rowsInTable = 0;
        tableDepth = stack.length;
      }
      const row = block.table.row;
      const cells = block.cells.filter((c) => c.end > c.start);
      const labelled = row === "item" || row === "category" ? cells.find((c) => c.marker) : undefined;
      if (row === "continuation" && lastRow) {
        for (const cell of cells) placeInline(lastRow, { ...block, start: cell.start, end: cell.end, inline: cell.inline, cells: undefined }, cell.start, folded);
        continue;
      }
      if (labelled && (row === "category" || row === "item")) {
        // A labelled row (一、…方面 over its items, or 1. in the task cell) nests like a labelled line.
        while (stack.length > 1 && stack.at(-1)!.row) stack.pop();
        const parent = place(stack, labelled.marker!);
        const node = newNode(labelled.marker!, parent);
        parent.children.push(node);
        stack.push(node);
        for (const cell of cells) placeInline(node, { ...block, start: cell.start, end: cell.end, inline: cell.inline, cells: undefined }, cell.start, folded);
        lastRow = row === "item" ? node : null;
        continue;
      }
      if (row === "item") {
        // An item without a label of its own: a row of the table, under the provision holding the table.
        while (stack.length > 1 && stack.at(-1)!.row) stack.pop();
        const parent = stack.at(-1)!;
        const node = newNode(null, parent);
        node.row = { number: block.table.number, ordinal: ++rowsInTable };
        // Its heading: the task cell when short (| 3 | 科技创新专板 | 设置专板。 |).
        const task = cells.find((c) => c.column && TASK_COLUMN.test(c.column) && !NUMBER_COLUMN.test(c.column)) ?? cells.find((c) => !(c.column && NUMBER_COLUMN.test(c.column)));
        if (task && task.end - task.start <= 60) node.heading = folded.slice(task.start, task.end).replace(/\s+/g, "");
        parent.children.push(node);
        stack.push(node);
        for (const cell of cells) placeInline(node, { ...block, start: cell.start, end: cell.end, inline: cell.inline, cells: undefined }, cell.start, folded);
        lastRow = node;
        continue;
      }
      // Header, data and unlabelled category rows: text of the provision holding the table.
      while (stack.length > 1 && stack.at(-1)!.row) stack.pop();
      for (const cell of cells) textOf(stack.at(-1)!, cell.start, cell.end);
      continue;
    }
    // Text after a table belongs to the provision that holds the table, not to its last row.
    if (!block.marker) leaveTable();
    else {
      tableDepth = 0;
      while (stack.length > 1 && stack.at(-1)!.row) stack.pop();
    }
    if (block.marker) {
      const parent = place(stack, block.marker);
      const node = newNode(block.marker, parent);
      parent.children.push(node);
      stack.push(node);
      placeInline(node, block, block.start, folded);
    } else {
      // A paragraph after an article's last item is the article's next paragraph (款), not the item's:
      // 项 are single paragraphs, and text between them continues the item only when the list goes on.
      const article = articleOfItem(stack.at(-1)!);
      if (article && !listGoesOn(stack.at(-1)!, blocks, k)) stack.length = stack.indexOf(article) + 1;
      const owner = stack.at(-1)!;
      if (owner === root) {
        if (block.inline.length) placeInline(root, block, block.start, folded);
        else documentSpans.push([block.start, block.end]);
      } else {
        placeInline(owner, block, block.start, folded);
      }
    }
  }
  // Inline items under the root (a preamble with 一是/二是) keep their spans; the root's own go to the document.
  documentSpans.push(...root.spans);
  root.spans = [];
  return { root, documentSpans };
}
