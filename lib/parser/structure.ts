/**
 * Stage 6: sectionise. Builds the provision tree from the labelled blocks.
 * A label nests under the nearest open label of an outer rank; a label of a
 * style already open closes it and becomes its sibling, so numbering that runs
 * on across parts still nests under its part, skipped levels are fine, and
 * numbering may restart in every section. Inline labels (一是……二是……) nest
 * under the provision whose paragraph holds them and close with it.
 */
import type { Block, LabelStyle, Marker, ProvisionNode } from "./types";

/** Conventional depth of each style (GB/T 9704 and legal texts): outer styles are smaller. */
export const RANK: Record<LabelStyle, number> = {
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
function placeInline(owner: ProvisionNode, block: Block, ownSpanStart: number): void {
  const markers = block.inline;
  if (!markers.length) {
    owner.spans.push([ownSpanStart, block.end]);
    return;
  }
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
    const end = markers[k + 1]?.start ?? block.end;
    node.spans.push([m.start, end]);
    local.push(node);
  });
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
      case "enclosure-title": {
        const node = newNode(null, root, "enclosure");
        node.heading = enclosureTitle ?? folded.slice(block.start, block.end);
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
        // The attachment's own title is the next title-like line.
        const next = blocks[k + 1];
        if (next && !next.marker && next.kind === "text" && next.zone === "body" && next.end - next.start <= 60) {
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
    if (block.cells) {
      // A table row: labelled cells nest like lines, other cells are text of the row's last provision.
      let rowOwner: ProvisionNode | null = null;
      for (const cell of block.cells) {
        if (cell.marker) {
          const parent = place(stack, cell.marker);
          const node = newNode(cell.marker, parent);
          parent.children.push(node);
          stack.push(node);
          placeInline(node, { ...block, start: cell.start, end: cell.end, inline: cell.inline, cells: undefined }, cell.start);
          rowOwner = node;
        } else {
          const owner = rowOwner ?? stack.at(-1)!;
          if (owner === root) documentSpans.push([cell.start, cell.end]);
          else placeInline(owner, { ...block, start: cell.start, end: cell.end, inline: cell.inline, cells: undefined }, cell.start);
        }
      }
      continue;
    }
    if (block.marker) {
      const parent = place(stack, block.marker);
      const node = newNode(block.marker, parent);
      parent.children.push(node);
      stack.push(node);
      placeInline(node, block, block.start);
    } else {
      const owner = stack.at(-1)!;
      if (owner === root) {
        if (block.inline.length) placeInline(root, block, block.start);
        else documentSpans.push([block.start, block.end]);
      } else {
        placeInline(owner, block, block.start);
      }
    }
  }
  // Inline items under the root (a preamble with 一是/二是) keep their spans; the root's own go to the document.
  documentSpans.push(...root.spans);
  root.spans = [];
  return { root, documentSpans };
}
