/**
 * Stage 15: links between goals, the tasks that deliver them and the measures
 * that support them, each with a score and a `why` a reader can check:
 * explicit references inside the document (本意见第二部分, 上述重点任务) and
 * links inferred from shared content words (idf-weighted overlap of
 * Intl.Segmenter words). Linked at the section level, where relations are clear.
 */
import { allMatches } from "./matches";
import { chineseToNumber } from "./numerals";
import type { LinkKind, LinkOut, ProvisionNode, Role } from "./types";
import { CJK_RUN, POLICY_STOPWORDS, contentBigrams, contentWords, sharedStretches, wordSegments, type Bigram } from "./words";

export interface LinkUnit {
  node: ProvisionNode;
  role: Role;
  /** Heading and all text of the provision and its descendants. */
  text: string;
  heading: string;
}

const TASK_REFERENCE = /((?:上述|以上|前述|本(?:实施)?(?:意见|方案|通知|规划|计划)(?:确定|提出|明确|部署)?的)?)(?:重点|主要|各项)(?:工作)?任务/;
/** Carrying out the document as a whole (抓好本实施意见的贯彻落实): its substance is its task parts. */
const IMPLEMENT_DOCUMENT = /(本(?:实施)?(?:意见|方案|通知|规划|计划))的?贯彻落实/;
/** A heading that names a kind of part (试点任务, 工作进度, 基本原则, 工作目标). */
const NAMED_PART = /^[\u4e00-\u9fa5]{2}(?:任务|目标|原则|进度|安排)$/;
/** What the document itself lays down, listed: 本方案确定的原则目标、试点内容和工作进度. */
const DETERMINED_LIST = /本(?:实施)?(?:意见|方案|通知|规划|计划|办法)(?:确定|提出|明确|部署|规定)的([^。；，,;]{2,40})/;
const PART_REFERENCE = /本(?:意见|方案|通知|办法|规定)第([一二三四五六七八九十]+)部分/g;
const GOAL_REFERENCE = /(?:上述|以上|前述|各项)(?:发展|主要|工作)?目标/;
/** The document's projects as a whole (各项目, 上述重点项目, 各工程), not one project or 项目建设单位. */
const PROJECT_REFERENCE = /(?:各|上述|以上|前述|各重点|各类)(?:重点)?(?:项目|工程)(?![建设单位]|资金)/;
/** An item that is a project: its heading ends in 项目 or 工程 (羊城企业家培养项目, 人才安居工程). */
const PROJECT_HEADING = /(?:项目|工程)$/;
/** A name in quotation marks, of two to twenty characters. */
const QUOTED_NAME = /[“"]([^“”"\n]{2,20})[”"]/g;
/** A kind of document or list with at most a generic word before it: no attachment's own name. */
const KIND_OF_DOCUMENT = /^(?:[\u4e00-\u9fa5]{0,2}(?:方案|意见|办法|通知|细则|规划|计划|规定|清单|目录|名单|表|一览表|汇总表|情况表))$/;
/** A pointer to an attachment: （见附件）, （附件2）, 列入附件三, 列于本法附件一; not 安全附件 or 作为合同的附件. */
const ATTACHMENT_REFERENCE = /(?:见|[（(]|列[入于]|载于)(?:本(?:法|办法|条例|规定|意见|方案|通知))?附件\s*([0-9一二三四五六七八九十]*)|附件\s*([0-9一二三四五六七八九十]+)/g;

/** A count of a document's groups (7个方面, 五个方面, 三大类): it may count an attachment's parts. */
const COUNTED_PARTS = /([0-9]+|[一二三四五六七八九十]+)(?:个|大)(?:方面|大项|类|部分)/g;

/** A group's name without its count or points: 知识产权保护方面 of 知识产权保护方面5项 and of …（共5项）（40分）. */
function groupName(heading: string): string {
  return heading.replace(/[（(][0-9.]+分[)）]$/, "").replace(/[（(]?共?[0-9]+项[)）]?$/, "").replace(/[\s“”"]/g, "");
}

/**
 * Inferred links compare units pair by pair and targets with every task: past
 * these sizes (real documents have under 200 units and 100 targets) a file is
 * a data dump, not a policy, and only its explicit references are linked.
 */
export const MAX_INFERRED_UNITS = 1000;
export const MAX_TARGET_PAIRS = 100_000;

/** A heading that carries points (政务服务“一网通办”（25分）): an evaluation criterion, not a task or measure. */
const SCORED_HEADING = /[（(]\d+(?:\.\d+)?分[)）]\s*$/;

/** Units to link: sections (（一）) under the parts with a role, or the parts themselves; never scored criteria. */
export function linkUnits(root: ProvisionNode, textOf: (n: ProvisionNode) => string): LinkUnit[] {
  const units: LinkUnit[] = [];
  const visit = (node: ProvisionNode, level: number) => {
    for (const child of node.children) {
      if (child.container) {
        visit(child, level);
        continue;
      }
      if (SCORED_HEADING.test(child.heading ?? "")) continue;
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

/** The kind of link between units of two roles, or null when such units are not linked. */
function kindOf(a: Role, b: Role): LinkKind | null {
  if ((a === "goal" && b === "task") || (a === "task" && b === "goal")) return "goal-task";
  if ((a === "goal" && b === "measure") || (a === "measure" && b === "goal")) return "goal-measure";
  if ((a === "task" && b === "measure") || (a === "measure" && b === "task")) return "task-measure";
  return null;
}

/** Stage 15 entry point. */
export interface LinkOptions {
  /** How shared content is measured: character bigrams (default, fast) or Intl.Segmenter words. */
  terms?: "bigrams" | "words";
}

/** Two units (indices into the link units) that share content terms, and the terms, rarest first. */
interface Candidate<T> {
  a: number;
  b: number;
  kind: LinkKind;
  score: number;
  shared: T[];
}

/** The items under `node` (at any depth) that `test` accepts. */
function countItems(node: ProvisionNode, test: (n: ProvisionNode) => boolean): number {
  let n = 0;
  for (const c of node.children) n += (test(c) ? 1 : 0) + countItems(c, test);
  return n;
}

/** The top-level part `node` lies in (一、…), below the root and any container (附件). */
function partOf(node: ProvisionNode): ProvisionNode {
  let n = node;
  while (n.parent && n.parent.parent && !n.parent.container) n = n.parent;
  return n;
}

/** Whether `node` is `ancestor` or lies under it. */
function isWithin(node: ProvisionNode, ancestor: ProvisionNode): boolean {
  for (let n: ProvisionNode | null = node; n; n = n.parent) if (n === ancestor) return true;
  return false;
}

/** A bracketed responsibility annotation (（工业和信息化部、发展改革委等负责）). */
const ANNOTATION_TEXT = /[(（][^()（）]{2,200}?(?:负责|牵头|配合|参与|单位[:：])[^()（）]{0,40}[)）]/g;

/** A goal's task links keep those scoring at least this share of its best one. */
const GOAL_SHARE = 0.2;
const THRESHOLD: Record<LinkKind, number> = { "goal-task": 1.5, "goal-measure": 10, "task-measure": 10, reference: 1 };

/**
 * Pairs of units whose shared content terms, weighted by rarity among the
 * units (idf; doubled for a heading's terms), reach their kind's threshold;
 * strongest first (ties in unit order). `texts` are the units' heading and text.
 */
function inferredCandidates<T>(units: LinkUnit[], texts: string[], termsOf: (text: string) => Set<T>): Array<Candidate<T>> {
  const words = texts.map(termsOf);
  const headingWords = units.map((u) => termsOf(u.heading));
  const df = new Map<T, number>();
  for (const set of words) for (const w of set) df.set(w, (df.get(w) ?? 0) + 1);
  const n = units.length;
  const idf = (w: T) => Math.log((n + 1) / (df.get(w) ?? 1));
  // Goals are delivered by tasks: any shared word that is not everywhere links them.
  // Measures support specific things: only words rare among the units count.
  const goalTaskMaxDf = Math.max(2, Math.floor(n * 0.6));
  // A unit's terms that another unit also has (df ≥ 2), under each ceiling, in the unit's order:
  // the terms a pair can share, without testing the rest pair by pair.
  const sharableGoalTask: T[][] = [];
  const sharableRare: T[][] = [];
  for (const set of words) {
    const goalTask: T[] = [];
    const rare: T[] = [];
    for (const w of set) {
      const d = df.get(w) ?? 0;
      if (d < 2) continue;
      if (d <= goalTaskMaxDf) goalTask.push(w);
      if (d <= 3) rare.push(w);
    }
    sharableGoalTask.push(goalTask);
    sharableRare.push(rare);
  }
  // Items of one part share its subject: words link units of different parts, not siblings.
  const parts = units.map((u) => partOf(u.node));
  const candidates: Array<Candidate<T>> = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const kind = kindOf(units[i]!.role, units[j]!.role);
      if (!kind || parts[i] === parts[j]) continue;
      const other = words[j]!;
      const shared = (kind === "goal-task" ? sharableGoalTask : sharableRare)[i]!.filter((w) => other.has(w));
      if (!shared.length) continue;
      let score = 0;
      for (const w of shared) score += idf(w) * (headingWords[i]!.has(w) || headingWords[j]!.has(w) ? 2 : 1);
      if (score < THRESHOLD[kind]) continue;
      candidates.push({ a: i, b: j, kind, score, shared });
    }
  }
  // Rarest shared terms first.
  for (const c of candidates) c.shared.sort((x, y) => idf(y) - idf(x));
  return candidates.sort((x, y) => y.score - x.score);
}

export function findLinks(root: ProvisionNode, textOf: (n: ProvisionNode) => string, options: LinkOptions = {}, ownText: (n: ProvisionNode) => string = textOf, units: LinkUnit[] = linkUnits(root, textOf)): LinkOut[] {
  const links: LinkOut[] = [];
  const seen = new Set<string>();
  const keyOf = (from: ProvisionNode, to: ProvisionNode) => [from.id, to.id].sort().join("|");
  const add = (from: ProvisionNode, to: ProvisionNode, kind: LinkKind, score: number, why: string, method: "explicit" | "inferred") => {
    if (from === to) return;
    const key = keyOf(from, to);
    if (seen.has(key)) return;
    seen.add(key);
    links.push({ from: from.id, to: to.id, kind, score: Math.round(score * 100) / 100, why, method });
  };

  // Explicit references: 上述重点任务 → the task part; 本意见第二部分 → part two.
  const tops = root.children.flatMap((c) => (c.container ? c.children : [c]));
  const taskParts = tops.filter((t) => t.role === "task");
  const projectParts = tops.filter((t) => countItems(t, (n) => PROJECT_HEADING.test(n.heading ?? "")) >= 2);
  const partsAndSections = tops.flatMap((t) => [t, ...t.children.filter((c) => c.marker && !c.marker.inline)]);
  // Parts and sections headed by what they are (试点任务, 工作进度, 基本原则): other provisions name them so.
  const namedParts = partsAndSections.filter((t) => NAMED_PART.test(t.heading ?? ""));
  const kindCount = new Map<string, number>();
  for (const t of namedParts) kindCount.set(t.heading!.slice(-2), (kindCount.get(t.heading!.slice(-2)) ?? 0) + 1);
  // Items headed by a short phrase of their own (摸底排查, 全面整改): a provision that lists that phrase
  // with others (摸底排查、全面整改等各项任务) names the item.
  const headed = partsAndSections.filter((t) => /^[\u4e00-\u9fa5]{4,10}$/.test(t.heading ?? "") && !NAMED_PART.test(t.heading!));
  const headingCount = new Map<string, number>();
  for (const t of headed) headingCount.set(t.heading!, (headingCount.get(t.heading!) ?? 0) + 1);
  for (const u of units) {
    const own = u.text;
    const m = TASK_REFERENCE.exec(own) ?? IMPLEMENT_DOCUMENT.exec(own);
    if (m && u.role !== "task" && taskParts.length) {
      // The part the document calls its tasks (二、重点任务); else, when the words point inside the
      // document (上述, 本意见确定的), all its task parts. Bare 重点任务 may be another document's.
      const named = taskParts.filter((t) => /任务/.test(t.heading ?? ""));
      const targets = named.length ? named : m[1] ? taskParts : [];
      for (const t of targets) {
        if (isWithin(u.node, t)) continue;
        add(u.node, t, u.role === "goal" ? "goal-task" : "task-measure", 1, `${m[0]} ↔ ${t.marker?.label ?? t.containerLabel ?? ""}${t.heading ?? ""}`, "explicit");
      }
    }
    // 各项目牵头单位…: the parts whose items are the document's projects (…开发项目, …工程).
    const pr = PROJECT_REFERENCE.exec(own);
    if (pr) {
      for (const t of projectParts) {
        if (!isWithin(u.node, t)) add(u.node, t, u.role === "goal" ? "goal-task" : "task-measure", 1, `${pr[0]} ↔ ${t.marker?.label ?? t.containerLabel ?? ""}${t.heading ?? ""}`, "explicit");
      }
    }
    const g = GOAL_REFERENCE.exec(own);
    if (g && u.role !== "goal") {
      for (const goal of units.filter((x) => x.role === "goal")) add(goal.node, u.node, u.role === "task" ? "goal-task" : "goal-measure", 1, `${g[0]} ↔ ${goal.heading}`, "explicit");
    }
    // 按照本方案确定的原则目标、试点内容和工作进度: the parts those words head (基本原则, 工作目标, 四、工作进度).
    const listed = DETERMINED_LIST.exec(own)?.[1] ?? "";
    for (const t of namedParts) {
      if (isWithin(u.node, t) || isWithin(t, u.node)) continue;
      const heading = t.heading!;
      const kind = heading.slice(-2);
      const said = own.includes(heading) ? heading : listed && (listed.includes(heading) || (listed.includes(kind) && kindCount.get(kind) === 1)) ? kind : "";
      if (said) add(u.node, t, "reference", 1, `${said} ↔ ${t.marker?.label ?? ""}${heading}`, "explicit");
    }
    for (const t of headed) {
      const heading = t.heading!;
      if (headingCount.get(heading)! > 1 || isWithin(u.node, t) || isWithin(t, u.node)) continue;
      const at = own.indexOf(heading);
      if (at >= 0 && (/^[、和及与等]/.test(own.slice(at + heading.length)) || /[、“"]$/.test(own.slice(0, at)))) add(u.node, t, "reference", 1, `${heading} ↔ ${t.marker?.label ?? ""}${heading}`, "explicit");
    }
    PART_REFERENCE.lastIndex = 0;
    for (let p = PART_REFERENCE.exec(own); p; p = PART_REFERENCE.exec(own)) {
      const n = chineseToNumber(p[1]!);
      const target = tops.find((t) => t.marker?.style === "cn-dun" && t.marker.ordinal === n);
      if (target && target !== u.node) add(u.node, target, "reference", 1, `${p[0]} ↔ ${target.marker?.label ?? ""}${target.heading ?? ""}`, "explicit");
    }
  }

  // A provision that sends the reader to an attachment is linked to it, from its section.
  const attachments = root.children.filter((c) => c.container === "attachment");
  if (attachments.length) {
    const numberOf = (label: string) => (/([0-9]+|[一二三四五六七八九十]+)\s*$/.exec(label)?.[1] ?? "");
    const sameNumber = (a: string, b: string) => a === b || chineseToNumber(a) === Number(b) || chineseToNumber(b) === Number(a);
    // An attachment's title ends in what it is (…考评指标, …任务分工表); a kind of document alone (实施方案) names none.
    const titlePhrases = attachments.flatMap((a): Array<[ProvisionNode, string, string[]]> => {
      const title = a.heading && a.heading !== a.containerLabel ? a.heading.replace(/[\s《》“”"]/g, "") : "";
      const phrases: string[] = [];
      for (let n = title.length; n >= 4; n--) {
        const t = title.slice(title.length - n);
        if (!KIND_OF_DOCUMENT.test(t)) phrases.push(t);
      }
      return phrases.length ? [[a, title, phrases]] : [];
    });
    // The title as a name of its own: not the head of a larger one (绩效考核指标体系 is the system, not the
    // list), nor a common noun after a determiner (其他绩效考核指标).
    const mentions = (text: string, phrase: string, title: string) => {
      for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
        // Where the words of the title begin in the text (效考核指标 is read from 绩效考核指标).
        let start = at;
        for (let k = title.length - phrase.length; k > 0 && start > 0 && text[start - 1] === title[k - 1]; k--) start--;
        if (/(?:其他|其它|各项|有关|相关)$/.test(text.slice(Math.max(0, start - 2), start))) continue;
        if (!/^(?:体系|制度|机制|工作|建设|管理|办法|方案)/.test(text.slice(at + phrase.length))) return true;
      }
      return false;
    };
    const visit = (node: ProvisionNode, section: ProvisionNode | null, depth: number) => {
      for (const child of node.children) {
        if (child.container) {
          if (child.container !== "attachment") visit(child, null, depth);
          continue;
        }
        const from = depth < 2 ? child : section!;
        const own = child.spans.length ? ownText(child) : "";
        // Or names an attachment by its title's last words (考评指标 of 包头市数字政府建设考评指标).
        for (const [a, title, phrases] of titlePhrases) {
          const named = phrases.find((t) => mentions(own, t, title));
          if (named && !isWithin(child, a)) add(from, a, "reference", 1, `${named} ↔ ${a.containerLabel ?? "附件"} ${a.heading}`, "explicit");
        }
        ATTACHMENT_REFERENCE.lastIndex = 0;
        for (let m = ATTACHMENT_REFERENCE.exec(own); m; m = ATTACHMENT_REFERENCE.exec(own)) {
          const n = m[1] || m[2] || "";
          const target = n ? attachments.find((a) => sameNumber(numberOf(a.containerLabel ?? ""), n)) ?? (attachments.length === 1 ? attachments[0] : undefined) : attachments.length === 1 ? attachments[0] : undefined;
          if (target) add(from, target, "reference", 1, `${m[0].replace(/^[（(]/, "")} ↔ ${target.containerLabel ?? "附件"}${target.heading && target.heading !== target.containerLabel ? ` ${target.heading}` : ""}`, "explicit");
        }
        visit(child, from, depth + 1);
      }
    };
    visit(root, null, 0);

    // An attachment that details what the body sums up: the body's part groups its items under the
    // same headings (（一）知识产权保护方面5项 ↔ 一、知识产权保护方面（共5项）), or counts its N parts (7个方面).
    const groupsOf = (node: ProvisionNode) => new Set(node.children.filter((c) => c.marker && !c.marker.inline).map((c) => groupName(c.heading ?? "")).filter((h) => h.length >= 4));
    for (const a of attachments) {
      const parts = a.children.filter((c) => c.marker && !c.marker.inline && c.marker.style === "cn-dun");
      const groups = groupsOf(a);
      for (const part of tops) {
        if (part.container) continue;
        const shared = [...groupsOf(part)].filter((h) => groups.has(h));
        if (shared.length >= 2) add(part, a, "reference", 1, `分组相同：${shared.slice(0, 3).join("、")} ↔ ${a.containerLabel ?? "附件"} ${a.heading}`, "explicit");
      }
      if (parts.length < 3) continue;
      for (const u of units) {
        if (isWithin(u.node, a)) continue;
        for (const m of allMatches(COUNTED_PARTS, ownText(u.node))) {
          const n = /^[0-9]+$/.test(m[1]!) ? Number(m[1]) : chineseToNumber(m[1]!);
          if (n === parts.length) add(u.node, a, "reference", 1, `${m[0]} ↔ ${a.containerLabel ?? "附件"}的${n}个部分`, "explicit");
        }
      }
    }
  }

  if (units.length > MAX_INFERRED_UNITS) return links;
  // A quoted name (“国际人才港”, “一网通办”) is a named programme: two units that name the same rare one are linked.
  const namers = new Map<string, number[]>();
  units.forEach((u, i) => {
    if (!u.text.includes("“") && !u.text.includes('"')) return;
    for (const q of new Set(allMatches(QUOTED_NAME, u.text).map((m) => m[1]!))) namers.set(q, [...(namers.get(q) ?? []), i]);
  });
  for (const [name, named] of namers) {
    if (named.length < 2 || named.length > 3) continue;
    for (let x = 0; x < named.length; x++) {
      for (let y = x + 1; y < named.length; y++) {
        const [i, j] = [named[x]!, named[y]!];
        const kind = kindOf(units[i]!.role, units[j]!.role);
        if (!kind || isWithin(units[i]!.node, units[j]!.node) || isWithin(units[j]!.node, units[i]!.node)) continue;
        const [from, to] = units[i]!.role === "goal" || (units[i]!.role === "task" && units[j]!.role === "measure") ? [i, j] : [j, i];
        add(units[from]!.node, units[to]!.node, kind, 0.8, `共同提法“${name}”`, "inferred");
      }
    }
  }
  // Inferred links from shared content terms, weighted by rarity among the link units.
  // What units are about, without who does it: annotations （A牵头，B配合） name parties, not content.
  const texts = units.map((u) => `${u.heading} ${u.text.replace(ANNOTATION_TEXT, "")}`);
  const inferred = <T>(candidates: Array<Candidate<T>>, describe: (c: Candidate<T>, from: number, to: number) => string[]) => {
    const perMeasure = new Map<number, number>();
    // A goal is served by the tasks that share most with it, not by every task naming a common word.
    const bestOf = new Map<number, number>();
    for (const c of candidates) {
      if (c.kind !== "goal-task") continue;
      const g = units[c.a]!.role === "goal" ? c.a : c.b;
      bestOf.set(g, Math.max(bestOf.get(g) ?? 0, c.score));
    }
    for (const c of candidates) {
      if (c.kind === "goal-task") {
        const g = units[c.a]!.role === "goal" ? c.a : c.b;
        if (c.score < GOAL_SHARE * bestOf.get(g)!) continue;
      }
      const a = units[c.a]!;
      const b = units[c.b]!;
      // A measure supports a few tasks, not all of them.
      if (c.kind === "task-measure") {
        const m = a.role === "measure" ? c.a : c.b;
        if ((perMeasure.get(m) ?? 0) >= 3) continue;
        perMeasure.set(m, (perMeasure.get(m) ?? 0) + 1);
      }
      const [from, to] = a.role === "goal" || (a.role === "task" && b.role === "measure") ? [c.a, c.b] : [c.b, c.a];
      // A pair already linked keeps its first link: no need to say what it shares.
      if (seen.has(keyOf(units[from]!.node, units[to]!.node))) continue;
      const { strength, why } = evidence(units[from]!, units[to]!, describe(c, from, to));
      add(units[from]!.node, units[to]!.node, c.kind, strength, why, "inferred");
    }
  };
  if (options.terms === "words") {
    inferred(inferredCandidates(units, texts, (t) => new Set(contentWords(t))), (c) => c.shared.slice(0, 4));
  } else {
    // Windows around shared stretches, segmented once per document (a unit is in several links).
    const segmented = new Map<string, string[]>();
    inferred(inferredCandidates(units, texts, contentBigrams), (c, from, to) => sharedWords(texts[from]!, texts[to]!, new Set(c.shared), segmented));
  }
  // A measure that names what a task's heading (or its task part's heading) is about supports it.
  for (const [task, measure, phrase] of headingTerms(units, texts)) {
    if (!seen.has(keyOf(task, measure))) add(task, measure, "task-measure", 0.6, `任务标题“${phrase}”`, "inferred");
  }
  return links;
}

/** A body that acts (临港地区管委会, 教育行政部门): who does a task, not what it is about. */
const ACTING_BODY = /(?:委员会|管委会|领导小组|办公室|部门|政府|单位|机关|机构)$/;

/** A phrase without the policy stopwords (加快, 建设, 体系) at either end, nor function characters. */
function trimStopwords(phrase: string): string {
  let t = phrase;
  for (let cut = true; cut; ) {
    cut = false;
    for (const n of [3, 2]) {
      if (t.length > n && POLICY_STOPWORDS.has(t.slice(0, n))) t = t.slice(n);
      else if (t.length > n && POLICY_STOPWORDS.has(t.slice(-n))) t = t.slice(0, -n);
      else continue;
      cut = true;
      break;
    }
  }
  return t.replace(FUNCTION_EDGES, "");
}

/**
 * Measures that name what a task is about: the longest stretch of a task
 * unit's heading, or of the heading of the task part it lies in, that the
 * measure's text has (困难企业 of 支持困难企业开展职工在岗培训; 就业创业 of
 * 二、鼓励支持就业创业), four characters or more once stock words are cut
 * off, not a body that acts, and in the text of at most one task unit: a
 * term only that task is about. A part's heading links the part.
 * `texts` are the units' heading and text, without annotations.
 */
function headingTerms(units: LinkUnit[], texts: string[]): Array<[ProvisionNode, ProvisionNode, string]> {
  const tasks = units.flatMap((u, i) => (u.role === "task" ? [i] : []));
  const parts = units.map((u) => partOf(u.node));
  const out: Array<[ProvisionNode, ProvisionNode, string]> = [];
  // Whether a phrase is in the text of one task unit at most, once per phrase.
  const own = new Map<string, boolean>();
  const inOneTask = (phrase: string) => {
    let known = own.get(phrase);
    if (known === undefined) {
      let n = 0;
      for (const k of tasks) if (texts[k]!.includes(phrase) && ++n > 1) break;
      own.set(phrase, (known = n <= 1));
    }
    return known;
  };
  units.forEach((m, i) => {
    if (m.role !== "measure") return;
    for (const t of tasks) {
      if (parts[t] === parts[i]) continue;
      const task = units[t]!.node;
      const headed: Array<[ProvisionNode, string]> = [[task, units[t]!.heading]];
      if (parts[t] !== task) headed.push([parts[t]!, parts[t]!.heading ?? ""]);
      for (const [node, heading] of headed) {
        const phrase = trimStopwords(longestShared(heading, texts[i]!));
        if (phrase.length < 4 || POLICY_STOPWORDS.has(phrase) || ACTING_BODY.test(phrase)) continue;
        if (!inOneTask(phrase)) continue;
        out.push([node, m.node, phrase]);
        break;
      }
    }
  });
  return out;
}

/**
 * What two linked units share, as words a reader recognises: each shared
 * bigram stretch of the first unit (what the score used: 革举措, 广工)
 * grown to the whole words it touches (改革举措, 推广工作), found by
 * segmenting only a few characters around it, kept when the second unit
 * has them too; else the whole words inside the stretch (薄弱环节 of
 * 薄弱环节机); never a piece that starts or ends on a function character.
 * Segmenting whole units would cost a quarter of the parse. `fromText` and
 * `toText` are the units' heading and text.
 */
function sharedWords(fromText: string, toText: string, grams: Set<Bigram>, segmented: Map<string, string[]>): string[] {
  const out = new Set<string>();
  for (const m of allMatches(CJK_RUN, fromText)) {
    // At five words no more are taken.
    if (out.size >= 5) break;
    const run = m[0];
    for (const stretch of sharedStretches(run, grams)) {
      if (out.size >= 5) break;
      const at = run.indexOf(stretch);
      // Eight characters either side, so that the words the stretch touches are whole in the
      // window; its own edges may be cut mid-word.
      const w0 = Math.max(0, at - 8);
      const w1 = Math.min(run.length, at + stretch.length + 8);
      const window = run.slice(w0, w1);
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
      // A window's edge segment is a piece of a word when the run goes on past it (育 of 体育).
      const lastWhole = w1 < run.length ? bounds.length - 2 : bounds.length - 1;
      const firstWhole = w0 > 0 ? 1 : 0;
      // Growing stops at 的: what it joins is a phrase, not a term.
      const joinable = (k: number) => !run.slice(bounds[k]![0], bounds[k]![1]).includes("的");
      while (last >= 0 && last + 1 <= lastWhole && joinable(last + 1) && toText.includes(run.slice(a, bounds[last + 1]![1]))) b = bounds[++last]![1];
      while (first > firstWhole && joinable(first - 1) && toText.includes(run.slice(bounds[first - 1]![0], b))) a = bounds[--first]![0];
      const grown = run.slice(a, b);
      const inner = inside.join("");
      if (isSharedWord(grown, toText)) out.add(grown);
      else if (isSharedWord(inner, toText)) out.add(inner);
      else for (const w of inside) if (isSharedWord(w, toText)) out.add(w);
    }
  }
  // Longest first, and none inside one already taken.
  const words: string[] = [];
  for (const w of [...out].sort((x, y) => y.length - x.length)) if (!words.some((t) => t.includes(w))) words.push(w);
  return words.slice(0, 4);
}

/** Characters that start or end no shared term (的, 和, 对…): a piece on them is cut mid-phrase. */
const FUNCTION_CHARS = "的和与及等在对是为了要并或把被将从向于以其之而由";
const FUNCTION_EDGE = new RegExp(`^[${FUNCTION_CHARS}]|[${FUNCTION_CHARS}]$`);
const FUNCTION_EDGES = new RegExp(`^[${FUNCTION_CHARS}]+|[${FUNCTION_CHARS}]+$`, "g");

/**
 * A word worth showing as shared: two or more characters, in the other unit's
 * text, not starting or ending on a function character, and no phrase joined
 * by 的 (力的体育 is two pieces, not a term).
 */
function isSharedWord(w: string, toText: string): boolean {
  return w.length >= 2 && toText.includes(w) && !FUNCTION_EDGE.test(w) && !w.includes("的");
}

/**
 * How strong an inferred link is, by the evidence a reader can check (an
 * explicit reference is 1): 0.8 when both headings name the same term of
 * three characters or more (降成本 in 降成本目标 and 多措并举降成本); 0.6 when
 * the texts share a term of four characters or more that few units use
 * (技术改造项目); 0.4 when they share only shorter distinctive words.
 */
export function evidence(from: LinkUnit, to: LinkUnit, shared: string[]): { strength: number; why: string } {
  const inHeadings = longestShared(from.heading, to.heading).replace(FUNCTION_EDGES, "");
  if (inHeadings.length >= 3 && !POLICY_STOPWORDS.has(inHeadings)) return { strength: 0.8, why: `标题共有“${inHeadings}”` };
  const term = shared.find((w) => w.length >= 4);
  if (term) return { strength: 0.6, why: `共同术语“${term}”${shared.length > 1 ? `；另有：${shared.filter((w) => w !== term).join("、")}` : ""}` };
  return { strength: 0.4, why: `共同词语：${shared.join("、")}` };
}

/** A task a target is delivered by, and the words both name. */
export interface TargetServed {
  provision: string;
  why: string;
}

/** The longest run of Chinese characters of `a` that `b` contains. */
function longestShared(a: string, b: string): string {
  let best = "";
  for (let i = 0; i < a.length; i++) {
    for (let j = i + best.length + 1; j <= a.length; j++) {
      const sub = a.slice(i, j);
      if (!/^[\u4e00-\u9fff]+$/.test(sub) || !b.includes(sub)) break;
      best = sub;
    }
  }
  return best;
}

/**
 * The tasks that deliver each target (issue 23: the seed's 企业综合成本下降4%
 * is served by （四）多措并举降成本, whose text names 企业综合成本): the task
 * section whose heading and text share the longest term with the target's
 * subject, three characters or more and not a word every policy uses.
 */
export function linkTargets(root: ProvisionNode, targets: Array<{ provision: string | null; subject: string }>, textOf: (n: ProvisionNode) => string, all: LinkUnit[] = linkUnits(root, textOf)): Array<TargetServed[]> {
  if (all.length * targets.length > MAX_TARGET_PAIRS) return targets.map(() => []);
  const units = all.filter((u) => u.role === "task");
  return targets.map((t) => {
    const subject = t.subject.replace(/[^\u4e00-\u9fff]/g, "").slice(-24);
    if (subject.length < 3) return [];
    let best: { unit: LinkUnit; term: string; heading: boolean } | null = null;
    for (const u of units) {
      if (u.node.id === t.provision) continue;
      const inHeading = longestShared(subject, u.heading);
      const inText = longestShared(subject, `${u.heading}${u.text}`);
      const term = inHeading.length >= inText.length - 1 && inHeading.length >= 2 ? inHeading : inText;
      if (term.length < 3 || POLICY_STOPWORDS.has(term)) continue;
      const heading = term === inHeading;
      if (!best || term.length > best.term.length || (term.length === best.term.length && heading && !best.heading)) best = { unit: u, term, heading };
    }
    return best ? [{ provision: best.unit.node.id, why: `${best.term} ↔ ${best.unit.node.marker?.label ?? ""}${best.unit.heading}` }] : [];
  });
}
