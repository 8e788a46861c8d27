/**
 * Stage 14b: what a reference does — the relation a document states to the
 * one it names, read from the words around the reference in its sentence:
 * repeals (《…》同时废止, 不再执行, 停止执行), revises (对《…》作如下修改),
 * forwards (《…》…现转发给你们), implements (为贯彻落实《…》; 根据《…》，制定本办法),
 * else a plain citation — or none (null) for a title only quoted: a short
 * name (以下简称《规定》), the document a notice issues itself (现将《…》印发给你们),
 * a proposal to revise it. References listed together (《A》、《B》同时废止)
 * share the words before the first and after the last. Only the words outside
 * the 《》 count: a title quoted whole (《关于废止…的决定》) states no repeal.
 */
import {
  BASIS_LEAD, FORWARD_AFTER, FORWARD_BEFORE, IMPLEMENT_LEAD, MENTION_AFTER, MENTION_BEFORE, PURPOSE_CLAUSE, REFERENCE_LIST_GAP, REPEAL_AFTER, REPEAL_BEFORE, REVISION_AFTER, REVISION_LEAD,
  REVISION_OBJECT,
} from "./patterns";
import type { Relation } from "./types";

/** Where a sentence ends in folded text (。；！？ fold to 。;!?). */
const SENTENCE_END = /[。;!?]/;

/** The relation stated in one sentence to a list of references, given the words before its first and after its last. */
export function relationOfList(before: string, after: string): Relation | null {
  if (MENTION_BEFORE.test(before) || MENTION_AFTER.test(after)) return null;
  if (REPEAL_AFTER.test(after) || REPEAL_BEFORE.test(before)) return "repeals";
  if ((REVISION_OBJECT.test(before) && REVISION_AFTER.test(after)) || (REVISION_LEAD.test(before) && !/^\s*的/.test(after))) return "revises";
  if (FORWARD_BEFORE.test(before) || FORWARD_AFTER.test(after)) return "forwards";
  if (IMPLEMENT_LEAD.test(before)) return "implements";
  if (BASIS_LEAD.test(before) && PURPOSE_CLAUSE.test(before + after)) return "implements";
  return "cites";
}

/** Stage 14b entry point: the relation of each reference (spans relative to `text`, in order) in one piece of folded text. */
export function relationsOf(text: string, refs: ReadonlyArray<{ start: number; end: number }>): Array<Relation | null> {
  const out: Array<Relation | null> = [];
  for (let first = 0; first < refs.length; ) {
    let last = first;
    while (last + 1 < refs.length && REFERENCE_LIST_GAP.test(text.slice(refs[last]!.end, refs[last + 1]!.start))) last++;
    const start = refs[first]!.start;
    const end = refs[last]!.end;
    let from = start;
    while (from > 0 && !SENTENCE_END.test(text.charAt(from - 1))) from--;
    let to = end;
    while (to < text.length && !SENTENCE_END.test(text.charAt(to))) to++;
    const relation = relationOfList(text.slice(from, start), text.slice(end, to));
    for (let k = first; k <= last; k++) out.push(relation);
    first = last + 1;
  }
  return out;
}
