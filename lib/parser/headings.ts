/**
 * Stage 7: headings. A provision's heading is its run-in title: the words
 * after the label up to the first 。 (（一）总体要求。坚持… → 总体要求), or the
 * whole line when the line is only a heading (一、重点工作任务). Law articles
 * have none unless they carry a bracketed title (第一条【立法目的】).
 */
import type { ProvisionNode } from "./types";

const MAX_RUN_IN = 40;

/**
 * `n` characters of the source from `offset`, trimmed, with runs of spaces
 * dropped (kept as one space after a Latin letter or digit).
 */
function headingText(raw: string, offset: number, n: number): string {
  return raw.slice(offset, offset + n).replace(/[\s\u3000]+/g, (s, i: number) => (i === 0 ? "" : s.length > 0 && /[A-Za-z0-9]/.test(raw[offset + i - 1] ?? "") ? " " : "")).trim();
}

/** The heading of one provision, from its first span of text. */
export function headingOf(node: ProvisionNode, folded: string, source: string): string | null {
  if (!node.marker) return node.heading;
  const span = node.spans[0];
  if (!span) return null;
  const afterLabel = node.marker.end;
  const raw = source.slice(afterLabel, span[1]);
  const text = folded.slice(afterLabel, span[1]);
  const lead = text.length - text.trimStart().length;
  const body = text.slice(lead).replace(/^[、.:,\s]+/, "");
  const offset = text.length - body.length;
  if (node.marker.style === "article") {
    const bracketed = /^[【[]([^】\]]{1,30})[】\]]/.exec(body);
    return bracketed ? bracketed[1]!.trim() : null;
  }
  const stop = body.search(/[。!?！？;]/);
  const colon = body.search(/[:]/);
  // 1.1 目的 为统一…: a decimal heading ends at the space after its title.
  if (node.marker.style === "decimal") {
    const gap = /^[\u4e00-\u9fa5A-Za-z0-9“”、]{1,20}(?=\s)/.exec(body);
    if (gap) return headingText(raw, offset, gap[0].length);
  }
  if (node.marker.style === "chapter" || node.marker.style === "section" || node.marker.style === "part" || node.marker.style === "book" || node.marker.style === "subbook") {
    const end = stop >= 0 ? stop : body.length;
    return end > 0 && end <= MAX_RUN_IN ? headingText(raw, offset, end) : null;
  }
  const candidates = [stop, colon].filter((x) => x > 0);
  const end = candidates.length ? Math.min(...candidates) : -1;
  if (end > 0 && end <= MAX_RUN_IN) return headingText(raw, offset, end);
  // A short line with no sentence end is a heading of its own.
  if (end < 0 && body.length > 0 && body.length <= MAX_RUN_IN) return headingText(raw, offset, body.length);
  return null;
}
