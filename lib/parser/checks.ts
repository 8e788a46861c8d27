/**
 * Stage 16: checks that become messages with a position — numbering that skips
 * or repeats a number among siblings (（一）（三）), which a reader should look at.
 * Nothing is dropped; these only point at places in the text.
 */
import type { ParseMessage, ProvisionNode } from "./types";

export function numberingMessages(root: ProvisionNode): ParseMessage[] {
  const out: ParseMessage[] = [];
  const visit = (node: ProvisionNode) => {
    let previous: ProvisionNode | null = null;
    for (const child of node.children) {
      const m = child.marker;
      if (m && m.style !== "bullet" && m.style !== "note" && previous?.marker?.style === m.style) {
        const before = previous.marker.ordinal;
        if (m.ordinal === before) {
          out.push({ reason: `label ${m.label} repeats the one before it`, ruleId: "numbering-repeat", start: m.start, end: m.end });
        } else if (m.ordinal !== before + 1 && m.style !== "decimal") {
          out.push({ reason: `numbering goes from ${previous.marker.label} to ${m.label}`, ruleId: "numbering-gap", start: m.start, end: m.end });
        }
      }
      if (m) previous = child;
      visit(child);
    }
  };
  visit(root);
  return out;
}
