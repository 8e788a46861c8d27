/**
 * Stage 9: ids and citations, in a pass of their own (no global counters).
 * Ids follow the label path like Akoma Ntoso eIds: 二、（四）三是 → p2__s4__x3;
 * a citation says the same in words: 第二部分第（四）项第三点.
 */
import { numberToChinese } from "./numerals";
import type { LabelStyle, ProvisionNode } from "./types";

const PREFIX: Record<LabelStyle, string> = {
  book: "bk",
  subbook: "sbk",
  part: "prt",
  chapter: "chp",
  section: "sec",
  article: "art",
  "cn-dun": "p",
  "cn-paren": "s",
  "cn-enclosed": "e",
  decimal: "d",
  "arabic-dot": "i",
  "arabic-paren": "n",
  circled: "c",
  "cn-shi": "x",
  bullet: "b",
  note: "note",
};

/** How a person cites one level: 第二部分, 第（四）项, 第三点, 第十二条. */
function citeLevel(node: ProvisionNode, bulletIndex: number): string {
  const m = node.marker;
  if (!m) {
    if (node.row) return node.row.number !== null ? `序号${node.row.number}` : `表格第${numberToChinese(node.row.ordinal)}行`;
    if (node.container === "passage") return node.heading ?? "";
    return (node.container === "enclosure" || node.container === "part") && node.heading ? `《${node.heading}》` : node.heading ?? "";
  }
  const cn = numberToChinese(m.ordinal);
  switch (m.style) {
    case "part":
      return `第${cn}部分`;
    case "cn-dun":
      // 一、 listing an article's items is an item (第六条第一项), not a part.
      return node.parent?.marker?.style === "article" ? `第${cn}项` : `第${cn}部分`;
    case "book":
      return `第${cn}编`;
    case "subbook":
      return `第${cn}分编`;
    case "chapter":
      return `第${cn}章`;
    case "section":
      return `第${cn}节`;
    case "article":
      return m.insert ? `第${cn}条之${numberToChinese(m.insert)}` : `第${cn}条`;
    case "cn-paren":
    case "cn-enclosed":
      return `第（${cn}）项`;
    case "arabic-dot":
      return `第${m.ordinal}项`;
    case "arabic-paren":
      return `第（${m.ordinal}）目`;
    case "circled":
      return `第${m.label}目`;
    case "decimal":
      return `第${m.path?.join(".") ?? m.ordinal}节`;
    case "cn-shi":
      return `第${cn}点`;
    case "bullet":
      return `第${numberToChinese(bulletIndex)}点`;
    case "note":
      return "注";
  }
}

/** Stage 9 entry point: sets `id` and `citation` on every node under the root. */
export function assignIds(root: ProvisionNode): void {
  let attachments = 0;
  let enclosures = 0;
  let parts = 0;
  const walk = (parent: ProvisionNode, parentId: string, parentCitation: string) => {
    const used = new Map<string, number>();
    let bullets = 0;
    for (const node of parent.children) {
      let segment: string;
      if (node.container === "attachment") segment = `att${++attachments}`;
      else if (node.container === "enclosure") segment = enclosures++ ? `encl${enclosures}` : "encl";
      else if (node.container === "part") segment = `part${++parts}`;
      else if (node.container === "passage") segment = node.containerLabel ?? "passage";
      else if (node.row) segment = `r${node.row.number ?? node.row.ordinal}`;
      else if (!node.marker) segment = "para";
      else if (node.marker.style === "bullet") segment = `b${++bullets}`;
      else if (node.marker.style === "decimal") segment = `d${(node.marker.path ?? [node.marker.ordinal]).join("-")}`;
      else segment = `${PREFIX[node.marker.style]}${node.marker.ordinal}${node.marker.insert ? `-${node.marker.insert}` : ""}`;
      const n = (used.get(segment) ?? 0) + 1;
      used.set(segment, n);
      if (n > 1) segment += `_${n}`;
      node.id = parentId ? `${parentId}__${segment}` : segment;
      const own = node.container === "attachment" ? (attachments > 1 || node.id !== "att1" ? `附件${attachments}` : "附件") : citeLevel(node, bullets);
      node.citation = `${parentCitation}${own}`;
      walk(node, node.id, node.citation);
    }
  };
  walk(root, "", "");
}
