/**
 * Stage 15: links between goals, the tasks that deliver them and the measures
 * that support them, each with a score and a `why` a reader can check:
 * explicit references inside the document (本意见第二部分, 上述重点任务) and
 * links inferred from shared content words (idf-weighted overlap of
 * Intl.Segmenter words). Linked at the section level, where relations are clear.
 */
import { chineseToNumber } from "./numerals";
import type { LinkKind, LinkOut, ProvisionNode, Role } from "./types";
import { contentGrams, contentWords, sharedStretches, wordSegments } from "./words";

export interface LinkUnit {
  node: ProvisionNode;
  role: Role;
  /** Heading and all text of the provision and its descendants. */
  text: string;
  heading: string;
}

const TASK_REFERENCE = /(?:上述|以上|前述|各项|本意见(?:确定|提出|明确)?的|本方案(?:确定|提出)?的|本通知(?:明确)?的)?(?:重点|主要|各项)(?:工作)?任务|重点工作任务/;
const PART_REFERENCE = /本(?:意见|方案|通知|办法|规定)第([一二三四五六七八九十]+)部分/g;
const GOAL_REFERENCE = /(?:上述|以上|前述|各项)(?:发展|主要|工作)?目标/;

/** Units to link: sections (（一）) under the parts with a role, or the parts themselves. */
export function linkUnits(root: ProvisionNode, textOf: (n: ProvisionNode) => string): LinkUnit[] {
  const units: LinkUnit[] = [];
  const visit = (node: ProvisionNode, level: number) => {
    for (const child of node.children) {
      if (child.container) {
        visit(child, level);
        continue;
      }
      if (child.role === "other" || child.role === "requirement" || child.role === "principle") {
        if (level === 0) visit(child, level + 1);
        continue;
      }
      const sectionChildren = child.children.filter((c) => c.marker && !c.marker.inline && c.marker.style !== "bullet");
      // A part with sections links through its sections (a goal part through its goal items).
      if (level === 0 && sectionChildren.length) {
        for (const c of sectionChildren) {
          if (c.role === "goal" || c.role === "task" || c.role === "measure") units.push(unit(c));
        }
      } else {
        units.push(unit(child));
      }
    }
  };
  const unit = (node: ProvisionNode): LinkUnit => ({ node, role: node.role, text: textOf(node), heading: node.heading ?? "" });
  visit(root, 0);
  return units;
}

function kindOf(a: Role, b: Role): LinkKind | null {
  const pair = [a, b].sort().join("-");
  if (pair === "goal-task") return "goal-task";
  if (pair === "goal-measure") return "goal-measure";
  if (pair === "measure-task") return "task-measure";
  return null;
}

/** Stage 15 entry point. */
export interface LinkOptions {
  /** How shared content is measured: character bigrams (default, fast) or Intl.Segmenter words. */
  terms?: "bigrams" | "words";
}

export function findLinks(root: ProvisionNode, textOf: (n: ProvisionNode) => string, options: LinkOptions = {}): LinkOut[] {
  const units = linkUnits(root, textOf);
  const links: LinkOut[] = [];
  const seen = new Set<string>();
  const add = (from: ProvisionNode, to: ProvisionNode, kind: LinkKind, score: number, why: string, method: "explicit" | "inferred") => {
    if (from === to) return;
    const key = [from.id, to.id].sort().join("|");
    if (seen.has(key)) return;
    seen.add(key);
    links.push({ from: from.id, to: to.id, kind, score: Math.round(score * 100) / 100, why, method });
  };

  // Explicit references: 上述重点任务 → the task part; 本意见第二部分 → part two.
  const tops = root.children.flatMap((c) => (c.container ? c.children : [c]));
  const taskParts = tops.filter((t) => t.role === "task");
  for (const u of units) {
    const own = u.text;
    const m = TASK_REFERENCE.exec(own);
    if (m && u.role !== "task" && taskParts.length) {
      const named = taskParts.filter((t) => /任务/.test(t.heading ?? ""));
      for (const t of named.length ? named : taskParts) add(u.node, t, u.role === "goal" ? "goal-task" : "task-measure", 1, `${m[0]} ↔ ${t.marker?.label ?? ""}${t.heading ?? ""}`, "explicit");
    }
    const g = GOAL_REFERENCE.exec(own);
    if (g && u.role !== "goal") {
      for (const goal of units.filter((x) => x.role === "goal")) add(goal.node, u.node, u.role === "task" ? "goal-task" : "goal-measure", 1, `${g[0]} ↔ ${goal.heading}`, "explicit");
    }
    PART_REFERENCE.lastIndex = 0;
    for (let p = PART_REFERENCE.exec(own); p; p = PART_REFERENCE.exec(own)) {
      const n = chineseToNumber(p[1]!);
      const target = tops.find((t) => t.marker?.style === "cn-dun" && t.marker.ordinal === n);
      if (target && target !== u.node) add(u.node, target, "reference", 1, `${p[0]} ↔ ${target.marker?.label ?? ""}${target.heading ?? ""}`, "explicit");
    }
  }

  // Inferred links from shared content terms, weighted by rarity among the link units.
  const terms = options.terms === "words" ? (t: string) => new Set(contentWords(t)) : contentGrams;
  const words = units.map((u) => terms(`${u.heading} ${u.text}`));
  const headingWords = units.map((u) => terms(u.heading));
  const df = new Map<string, number>();
  for (const set of words) for (const w of set) df.set(w, (df.get(w) ?? 0) + 1);
  const n = units.length;
  const idf = (w: string) => Math.log((n + 1) / (df.get(w) ?? 1));
  const candidates: Array<{ a: number; b: number; score: number; shared: string[] }> = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const kind = kindOf(units[i]!.role, units[j]!.role);
      if (!kind) continue;
      // Goals are delivered by tasks: any shared word that is not everywhere links them.
      // Measures support specific things: only words rare among the units count.
      const maxDf = kind === "goal-task" ? Math.max(2, Math.floor(n * 0.6)) : 3;
      const shared = [...words[i]!].filter((w) => words[j]!.has(w) && (df.get(w) ?? 0) <= maxDf);
      if (!shared.length) continue;
      let score = 0;
      for (const w of shared) score += idf(w) * (headingWords[i]!.has(w) || headingWords[j]!.has(w) ? 2 : 1);
      candidates.push({ a: i, b: j, score, shared: shared.sort((x, y) => idf(y) - idf(x)) });
    }
  }
  const THRESHOLD: Record<LinkKind, number> = { "goal-task": 1.5, "goal-measure": 10, "task-measure": 10, reference: 1 };
  const perMeasure = new Map<number, number>();
  // Windows around shared stretches, segmented once per document (a unit is in several links).
  const segmented = new Map<string, string[]>();
  for (const c of candidates.sort((x, y) => y.score - x.score)) {
    const a = units[c.a]!;
    const b = units[c.b]!;
    const kind = kindOf(a.role, b.role)!;
    if (c.score < THRESHOLD[kind]) continue;
    // A measure supports a few tasks, not all of them.
    if (kind === "task-measure") {
      const m = a.role === "measure" ? c.a : c.b;
      if ((perMeasure.get(m) ?? 0) >= 3) continue;
      perMeasure.set(m, (perMeasure.get(m) ?? 0) + 1);
    }
    const [from, to] = a.role === "goal" || (a.role === "task" && b.role === "measure") ? [a, b] : [b, a];
    const why = options.terms === "words" ? c.shared.slice(0, 4) : sharedWords(from, to, new Set(c.shared), segmented);
    add(from.node, to.node, kind, Math.min(1, c.score / 12), `共同词语：${why.join("、")}`, "inferred");
  }
  return links;
}

/**
 * What two linked units share, as words a reader recognises: each shared
 * bigram stretch of the first unit (what the score used: 革举措, 广工)
 * grown to the whole words it touches (改革举措, 推广工作), found by
 * segmenting only a few characters around it, kept when the second unit
 * has them too; else the whole words inside the stretch (薄弱环节 of
 * 薄弱环节机); never a piece that starts or ends on a function character.
 * Segmenting whole units would cost a quarter of the parse.
 */
function sharedWords(from: LinkUnit, to: LinkUnit, grams: Set<string>, segmented: Map<string, string[]>): string[] {
  const toText = `${to.heading} ${to.text}`;
  const out = new Set<string>();
  for (const m of `${from.heading} ${from.text}`.matchAll(/[\u4e00-\u9fff]+/g)) {
    const run = m[0];
    for (const stretch of sharedStretches(run, grams)) {
      if (out.size >= 5) break;
      const at = run.indexOf(stretch);
      const w0 = Math.max(0, at - 4);
      const window = run.slice(w0, Math.min(run.length, at + stretch.length + 4));
      const stop = at + stretch.length;
      // The words the stretch touches (grown), and those wholly inside it (inner).
      let a = at;
      let b = stop;
      const inside: string[] = [];
      let pos = w0;
      let segments = segmented.get(window);
      if (!segments) {
        segments = wordSegments(window);
        segmented.set(window, segments);
      }
      const bounds: Array<[number, number]> = [];
      let first = -1;
      let last = -1;
      for (const seg of segments) {
        const end = pos + seg.length;
        if (end > at && pos < stop) {
          a = Math.min(a, pos);
          b = Math.max(b, end);
          if (first < 0) first = bounds.length;
          last = bounds.length;
          if (pos >= at && end <= stop) inside.push(seg);
        }
        bounds.push([pos, end]);
        pos = end;
      }
      // ICU cuts words it does not know into characters (扶|贫, 集|约|化): take in neighbouring
      // segments while the other unit still has the longer string.
      for (let k = 0; k < 2 && last >= 0 && last + 1 < bounds.length && toText.includes(run.slice(a, bounds[last + 1]![1])); k++) b = bounds[++last]![1];
      for (let k = 0; k < 2 && first > 0 && toText.includes(run.slice(bounds[first - 1]![0], b)); k++) a = bounds[--first]![0];
      const usable = (w: string) => w.length >= 2 && toText.includes(w) && !FUNCTION_EDGE.test(w);
      const grown = run.slice(a, b);
      const inner = inside.join("");
      if (usable(grown)) out.add(grown);
      else if (usable(inner)) out.add(inner);
      else for (const w of inside) if (usable(w)) out.add(w);
    }
  }
  // Longest first, and none inside one already taken.
  const words: string[] = [];
  for (const w of [...out].sort((x, y) => y.length - x.length)) if (!words.some((t) => t.includes(w))) words.push(w);
  return words.slice(0, 4);
}

const FUNCTION_EDGE = /^[的和与及等在对是为了要并或把被将从向于以其之而由]|[的和与及等在对是为了要并或把被将从向于以其之而由]$/;
