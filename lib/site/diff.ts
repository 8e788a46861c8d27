/**
 * What changed between two versions of a document, provision by provision:
 * added, removed, changed (with the changed words marked) and moved — the
 * same text under a new label (a renumbered article), not a removal and an
 * addition — and the facts (parties, deadlines, targets) that came or went.
 * Provisions are matched by their text without the label: the same text
 * first (unchanged when the label is the same too, else moved), then the most
 * alike of the rest (changed), the rest removed or added.
 */
import type { PolicyDoc, ProvisionOut } from "../parser";
import { getDocument } from "../db/documents";
import { listVersions } from "../db/versions";
import { DEADLINE_LABELS, RESPONSIBILITY_LABELS, targetValue } from "./labels";
import { similarity, textDiff, type TextRun } from "./text-diff";

export type ProvisionChange = "added" | "removed" | "changed" | "moved";
export const PROVISION_CHANGES: ProvisionChange[] = ["changed", "moved", "added", "removed"];

/** A provision as a diff shows it. */
export interface DiffProvision {
  id: string;
  label: string | null;
  heading: string | null;
  citation: string;
  text: string;
}

export interface ProvisionDiff {
  change: ProvisionChange;
  from: DiffProvision | null;
  to: DiffProvision | null;
  /** Changed: the text from → to, kept, deleted and inserted runs. */
  runs?: TextRun[];
}

export type FactKind = "party" | "deadline" | "target";

export interface FactDiff {
  change: "added" | "removed";
  kind: FactKind;
  /** The provision it stands in, in each version (null: the document as a whole, or absent from that version). */
  provision: { from: string | null; to: string | null };
  /** What the fact says, e.g. 省财政厅（牵头）, 完成时限 2017-12-31. */
  summary: string;
  /** The words it came from. */
  words: string;
}

export interface VersionDiff {
  from: number;
  to: number;
  provisions: ProvisionDiff[];
  facts: FactDiff[];
  counts: Record<ProvisionChange, number> & { unchanged: number; facts: number };
}

/** What the diff reads of a version: its provisions and facts (policy-doc/1). */
export type DiffInput = Pick<PolicyDoc, "provisions" | "responsibilities" | "deadlines" | "targets"> & { version: number };

/** Changed text this alike or more is the same provision rewritten; less is a removal and an addition. */
const SAME_PROVISION = 0.5;
/** Or this alike, for an item under the same label in the same (matched) provision: （四） of 第二十五条 rewritten. */
const SAME_PLACE = 0.25;

const view = (p: ProvisionOut): DiffProvision => ({ id: p.id, label: p.label, heading: p.heading, citation: p.citation, text: p.text });

/** A provision's text without its label and spaces, full-width and half-width forms alike: what stays when it is renumbered. */
function body(p: ProvisionOut): string {
  let text = p.text;
  if (p.label && text.startsWith(p.label)) text = text.slice(p.label.length);
  return text.normalize("NFKC").replace(/\s+/g, "");
}

/** The facts of a version by provision id (null: the document's own), each as key → fact. */
function factsOf(doc: DiffInput): Map<string | null, Map<string, Omit<FactDiff, "change" | "provision">>> {
  const out = new Map<string | null, Map<string, Omit<FactDiff, "change" | "provision">>>();
  const add = (provision: string | null, key: string, fact: Omit<FactDiff, "change" | "provision">) => {
    let inProvision = out.get(provision);
    if (!inProvision) out.set(provision, (inProvision = new Map()));
    inProvision.set(key, fact);
  };
  for (const r of doc.responsibilities) add(r.provision, `party|${r.party}|${r.role}`, { kind: "party", summary: `${r.party}（${RESPONSIBILITY_LABELS[r.role] ?? r.role}）`, words: r.text });
  for (const d of doc.deadlines) add(d.provision, `deadline|${d.text}|${d.date}|${d.kind}`, { kind: "deadline", summary: `${DEADLINE_LABELS[d.kind]} ${d.date ?? "（日期未定）"}`, words: d.text });
  for (const t of doc.targets) add(t.provision, `target|${t.subject}|${t.value}|${t.unit}|${t.comparator}`, { kind: "target", summary: `目标 ${t.subject} ${targetValue(t)}`, words: t.text });
  return out;
}

/** The diff between two versions of one document. */
export function diffVersions(a: DiffInput, b: DiffInput): VersionDiff {
  const pairs: Array<{ a: number | null; b: number | null; change: ProvisionChange | "unchanged" }> = [];
  const bodiesA = a.provisions.map(body);
  const bodiesB = b.provisions.map(body);
  const takenA = new Set<number>();
  const takenB = new Set<number>();
  const sameLabel = (i: number, j: number) => a.provisions[i]!.label === b.provisions[j]!.label && (a.provisions[i]!.label !== null || a.provisions[i]!.id === b.provisions[j]!.id);

  // 1. The same text: unchanged under the same label, else moved (renumbered).
  const byBody = new Map<string, number[]>();
  bodiesB.forEach((text, j) => {
    if (text) byBody.set(text, [...(byBody.get(text) ?? []), j]);
  });
  bodiesA.forEach((text, i) => {
    const candidates = (byBody.get(text) ?? []).filter((j) => !takenB.has(j));
    if (!text || !candidates.length) return;
    const j = candidates.find((c) => sameLabel(i, c)) ?? candidates[0]!;
    takenA.add(i);
    takenB.add(j);
    pairs.push({ a: i, b: j, change: sameLabel(i, j) ? "unchanged" : "moved" });
  });

  // 2. The most alike of the rest: changed. Ties go to the same label, then to the nearest place.
  const candidates: Array<{ i: number; j: number; score: number; same: boolean; distance: number }> = [];
  for (let i = 0; i < a.provisions.length; i++) {
    if (takenA.has(i)) continue;
    for (let j = 0; j < b.provisions.length; j++) {
      if (takenB.has(j)) continue;
      const score = similarity(bodiesA[i]!, bodiesB[j]!);
      if (score >= SAME_PROVISION) candidates.push({ i, j, score, same: sameLabel(i, j), distance: Math.abs(i / Math.max(1, a.provisions.length) - j / Math.max(1, b.provisions.length)) });
    }
  }
  candidates.sort((x, y) => y.score - x.score || Number(y.same) - Number(x.same) || x.distance - y.distance);
  for (const c of candidates) {
    if (takenA.has(c.i) || takenB.has(c.j)) continue;
    takenA.add(c.i);
    takenB.add(c.j);
    pairs.push({ a: c.i, b: c.j, change: "changed" });
  }

  // 2b. Items left under the same label in provisions matched to each other: changed when somewhat alike.
  const pairOfA = new Map<string, string>();
  for (const p of pairs) if (p.a !== null && p.b !== null) pairOfA.set(a.provisions[p.a]!.id, b.provisions[p.b]!.id);
  for (let i = 0; i < a.provisions.length; i++) {
    const pa = a.provisions[i]!;
    if (takenA.has(i) || !pa.parent || !pa.label) continue;
    const j = b.provisions.findIndex((pb, k) => !takenB.has(k) && pb.parent !== null && pairOfA.get(pa.parent!) === pb.parent && pb.label === pa.label);
    if (j < 0 || similarity(bodiesA[i]!, bodiesB[j]!) < SAME_PLACE) continue;
    takenA.add(i);
    takenB.add(j);
    pairs.push({ a: i, b: j, change: "changed" });
  }

  // 3. The rest: removed and added.
  a.provisions.forEach((_, i) => {
    if (!takenA.has(i)) pairs.push({ a: i, b: null, change: "removed" });
  });
  b.provisions.forEach((_, j) => {
    if (!takenB.has(j)) pairs.push({ a: null, b: j, change: "added" });
  });

  // In the order of the new version; a removed provision after where its predecessor went.
  const placeOf = new Map<number, number>();
  for (const p of pairs) if (p.a !== null && p.b !== null) placeOf.set(p.a, p.b);
  const key = (p: (typeof pairs)[number]): number => {
    if (p.b !== null) return p.b;
    for (let i = p.a! - 1; i >= 0; i--) {
      const at = placeOf.get(i);
      if (at !== undefined) return at + 0.5 + p.a! * 1e-6;
    }
    return -1 + p.a! * 1e-6;
  };
  pairs.sort((x, y) => key(x) - key(y));

  const provisions: ProvisionDiff[] = [];
  const counts: VersionDiff["counts"] = { added: 0, removed: 0, changed: 0, moved: 0, unchanged: 0, facts: 0 };
  for (const p of pairs) {
    counts[p.change]++;
    if (p.change === "unchanged") continue;
    const from = p.a !== null ? a.provisions[p.a]! : null;
    const to = p.b !== null ? b.provisions[p.b]! : null;
    provisions.push({ change: p.change, from: from && view(from), to: to && view(to), ...(p.change === "changed" ? { runs: textDiff(from!.text, to!.text) } : {}) });
  }

  // Facts: those of each pair of provisions (and of the documents as a whole) that came or went.
  const factsA = factsOf(a);
  const factsB = factsOf(b);
  const facts: FactDiff[] = [];
  // An id undefined: the provision is absent from that version (null: the document as a whole).
  const compare = (idA: string | null | undefined, idB: string | null | undefined) => {
    const before = idA === undefined ? new Map() : (factsA.get(idA) ?? new Map());
    const after = idB === undefined ? new Map() : (factsB.get(idB) ?? new Map());
    const provision = { from: idA ?? null, to: idB ?? null };
    for (const [k, f] of before) if (!after.has(k)) facts.push({ change: "removed", ...f, provision });
    for (const [k, f] of after) if (!before.has(k)) facts.push({ change: "added", ...f, provision });
  };
  compare(null, null);
  for (const p of pairs) compare(p.a !== null ? a.provisions[p.a]!.id : undefined, p.b !== null ? b.provisions[p.b]!.id : undefined);
  counts.facts = facts.length;
  return { from: a.version, to: b.version, provisions, facts, counts };
}

/** A diff that cannot be made: a version that does not exist, or the same version twice (HTTP 404 / 400, exit 2). */
export class DiffError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404,
  ) {
    super(message);
  }
}

export interface DocumentDiff {
  slug: string;
  title: string | null;
  versions: number[];
  current: number;
  diff: VersionDiff;
}

/**
 * The diff of a stored document between versions `from` and `to` (by
 * default, the current version against the last one before it with other text).
 */
export async function documentDiff(slug: string, options: { from?: number; to?: number } = {}): Promise<DocumentDiff> {
  const versions = await listVersions(slug);
  if (!versions.length) throw new DiffError(`no document "${slug}"`, 404);
  const numbers = versions.map((v) => v.version);
  const current = versions.find((v) => v.isCurrent)?.version ?? numbers.at(-1)!;
  const to = options.to ?? current;
  const earlier = versions.filter((v) => v.version < to);
  // The default: the newest earlier version whose text differs (skipping re-parses of the same text).
  const lastText = [...versions].reverse().find((v) => v.version <= to && !v.sameTextAsPrevious)?.version ?? to;
  const from = options.from ?? (earlier.filter((v) => v.version < lastText).at(-1)?.version ?? earlier.at(-1)?.version);
  if (from === undefined) throw new DiffError(`"${slug}" has one version only (${to}); nothing to compare`, 400);
  for (const [name, n] of [["from", from], ["to", to]] as const) if (!numbers.includes(n)) throw new DiffError(`bad parameter ${name}: "${slug}" has no version ${n} (versions: ${numbers.join(", ")})`, 404);
  if (from === to) throw new DiffError(`bad parameters: from and to are both version ${from}`, 400);
  const [a, b] = await Promise.all([getDocument(slug, from), getDocument(slug, to)]);
  if (!a || !b) throw new DiffError(`no document "${slug}"`, 404);
  return { slug, title: b.title ?? a.title, versions: numbers, current, diff: diffVersions(a, b) };
}
