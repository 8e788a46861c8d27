/**
 * The reader's view of one document version: provisions nested by parent,
 * each with its facts (parties, deadlines, targets, references) marked in
 * its text and summed up in Chinese, its links to other provisions, and the
 * provision ids that only older versions have (so an old citation still
 * finds its clause). The rows come from lib/db/reader.ts.
 */
import { isResponsibilityRole, type Comparator, type DeadlineKind, type LinkKind, type Relation, type ResponsibilityRole, type Role } from "../parser";
import { getReaderRows, olderProvisions } from "../db/reader";
import { deadlineOf, type FactSource } from "../db/deadlines";
import { loadLedgerFacts } from "../db/ledger-source";
import { partiesOf } from "../db/tasks";
import type { Repeal } from "../db/relations";
import { todayInChina, type ValidityStatus } from "../status";
import { markFacts, type FactSpan, type Run } from "./annotate";
import { DEADLINE_LABELS, RESPONSIBILITY_LABELS, targetValue } from "./labels";
import { correctionMark, factSummary, FACT_LABELS, traceMark, type CorrectionMark } from "./correction-view";

export type FactKind = "party" | "deadline" | "target" | "reference";

/** One extracted fact with the words it came from (provenance). */
export interface ReaderFact {
  /** Unique in the document: the DOM id is `fact-{key}`. */
  key: string;
  kind: FactKind;
  /** The words as written in the source. */
  words: string;
  /** What the fact says, e.g. 省发展改革委（牵头） or 完成时限 2017-12-31. */
  summary: string;
  /** Where it leads: a party's ledger or a referenced document. */
  href: string | null;
  /** Whether its words were found in the text (otherwise it is listed only). */
  placed: boolean;
  start: number;
  end: number;
  /** Set when an editor corrected it: what the parse said, who, when, why. */
  correction: CorrectionMark | null;
}

export interface ProvisionRef {
  id: string;
  label: string | null;
  heading: string | null;
  citation: string;
  role: Role;
}

/** A link seen from one provision: the provision at the other end. */
export interface ReaderLink {
  other: ProvisionRef;
  kind: LinkKind;
  score: number;
  why: string;
  method: "explicit" | "inferred";
  correction: CorrectionMark | null;
}

/** What a task takes from above (its section, the document's closing lines) because its own words do not say it. */
export interface ReaderInherited {
  parties: Array<{ name: string; summary: string; href: string }>;
  partiesFrom: FactSource | null;
  deadline: { words: string; summary: string } | null;
  deadlineFrom: FactSource | null;
}

export interface ReaderProvision extends ProvisionRef {
  parent: string | null;
  depth: number;
  runs: Run[];
  facts: ReaderFact[];
  links: ReaderLink[];
  /** Set on a task whose parties or deadline come from above. */
  inherited: ReaderInherited | null;
  /** Set when an editor changed the provision's role. */
  roleCorrection: CorrectionMark | null;
  /** Facts of the parse an editor removed (shown struck through, with the mark). */
  removed: Array<{ kind: string; summary: string; mark: CorrectionMark }>;
  /** The provision's facts as an editor changes them (the correction panel's fields). */
  editable: EditableFacts;
  children: ReaderProvision[];
}

/** A provision's own facts in the fields a correction names (policy-doc/1), for the correction panel. */
export interface EditableFacts {
  responsibilities: Array<{ party: string; role: ResponsibilityRole }>;
  deadlines: Array<{ text: string; date: string | null; kind: DeadlineKind }>;
  targets: Array<{ subject: string; value: number; unit: string; comparator: Comparator; verb: string | null }>;
  /** Seen from this provision: the provision at the other end. */
  links: Array<{ to: string; citation: string; kind: LinkKind }>;
}

/** Text of the document outside its items (前言, 结尾), with the id a citation or search hit points at. */
export interface ReaderPassage {
  id: string;
  label: string;
  runs: Run[];
  facts: ReaderFact[];
}

export interface TocEntry {
  id: string;
  label: string | null;
  heading: string | null;
  depth: number;
}

export interface ReaderDocument {
  slug: string;
  title: string | null;
  kind: string | null;
  issuer: string | null;
  docNumber: string | null;
  addressees: string[];
  issuedAt: string | null;
  effectiveFrom: string | null;
  effectiveUntil: string | null;
  interpreter: string | null;
  status: ValidityStatus;
  /** The document that repeals this one, and from which day; null when none does. */
  repeal: Repeal | null;
  version: number;
  versions: number[];
  isCurrent: boolean;
  sourceName: string;
  importedAt: string;
  preamble: ReaderPassage | null;
  /** Closing lines after the items (more than one where an enclosed document or attachment closes too). */
  closings: ReaderPassage[];
  /** Facts of the document as a whole (no provision). */
  documentFacts: ReaderFact[];
  provisions: ReaderProvision[];
  toc: TocEntry[];
  /** Provision ids absent from this version but present in an older one → the newest such version. */
  formerProvisions: Record<string, { version: number; citation: string }>;
  counts: { provisions: number; responsibilities: number; deadlines: number; targets: number; links: number; references: number };
  messages: number;
  /** Every item (id and citation): what a link may point at. */
  items: Array<{ id: string; citation: string; heading: string | null }>;
}

interface RawFact extends FactSpan {
  provision: string | null;
  kind: FactKind;
  summary: string;
  href: string | null;
  correction: CorrectionMark | null;
}

/** What a reference does, as its pop-up says it (a title only quoted is mentioned). */
const REFERENCE_VERBS: Record<Relation | "mention", string> = { repeals: "废止", revises: "修订", forwards: "转发", implements: "贯彻落实（依据）", cites: "引用", mention: "提及" };

/** Ids the parser gives the document's passages outside its items (lib/parser/parse.ts). */
const PASSAGE_ID = /^(?:preamble|closing)\d*$/;

const FRONT_MATTER = /^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n/;

function cleanLines(text: string, drop: Set<string>): string {
  return text
    .split("\n")
    .map((line) => line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ""))
    .filter((line) => line && !drop.has(line))
    .join("\n");
}

function deadlineSummary(kind: DeadlineKind, date: string | null): string {
  return `${DEADLINE_LABELS[kind]} ${date ?? "（日期未定）"}`;
}

function targetSummary(t: { subject: string; verb?: string | null; comparator: string | null; value: number; unit: string; baseline: string | null; deadline: string | null }): string {
  const base = t.baseline ? `，基数：${t.baseline}` : "";
  const by = t.deadline ? `，时限 ${t.deadline}` : "";
  return `目标 ${t.subject} ${targetValue(t)}${base}${by}`;
}

/** Per task provision, the parties and deadline it inherits (the ledger's own rule: lib/db/tasks.ts). */
async function inheritedFacts(slug: string, version: number): Promise<Map<string, ReaderInherited>> {
  const today = todayInChina();
  const facts = await loadLedgerFacts({ today, slug, version });
  const out = new Map<string, ReaderInherited>();
  for (const p of facts.provisions) {
    if (p.role !== "task") continue;
    const parties = partiesOf(facts, p);
    const partiesFrom = parties[0]?.inherited ?? null;
    const found = deadlineOf(facts, p, today);
    const deadlineFrom = found?.from ?? null;
    if (!partiesFrom && !deadlineFrom) continue;
    out.set(p.eid, {
      parties: partiesFrom ? parties.map((x) => ({ name: x.name, summary: `${x.name}（${RESPONSIBILITY_LABELS[x.role]}）`, href: `/parties/${encodeURIComponent(x.name)}` })) : [],
      partiesFrom,
      deadline: found && deadlineFrom ? { words: found.deadline.text, summary: deadlineSummary(found.deadline.kind, found.deadline.date) } : null,
      deadlineFrom,
    });
  }
  return out;
}

/** The reader view of a document (current version, or version `version`; status on `day`, default today); null when there is none. */
export async function getReaderDocument(slug: string, version?: number, day?: string): Promise<ReaderDocument | null> {
  const row = await getReaderRows(slug, version, day);
  if (!row) return null;
  const doc = row.document;
  const source = row.sourceText;
  const { traces } = row.corrections;
  const markOf = (fact: Parameters<typeof correctionMark>[0], row: object) => correctionMark(fact, traces.get(row));

  const facts: RawFact[] = [
    ...row.responsibilities.map((r, i) => ({
      key: `r${i}`,
      kind: "party" as const,
      provision: r.provision,
      start: r.start,
      end: r.end,
      summary: `${r.party}（${isResponsibilityRole(r.role) ? RESPONSIBILITY_LABELS[r.role] : r.role}）${r.mention !== r.party ? `，原文作“${r.mention}”` : ""}`,
      href: `/parties/${encodeURIComponent(r.party)}`,
      correction: markOf("responsibility", doc.responsibilities[i]!),
    })),
    ...doc.deadlines.map((d, i) => ({ key: `d${i}`, kind: "deadline" as const, provision: d.provision, start: d.start, end: d.end, summary: deadlineSummary(d.kind, d.date), href: null, correction: markOf("deadline", d) })),
    ...doc.targets.map((t, i) => ({ key: `t${i}`, kind: "target" as const, provision: t.provision, start: t.start, end: t.end, summary: targetSummary(t), href: null, correction: markOf("target", t) })),
    ...row.references.map((r, i) => ({
      key: `ref${i}`,
      kind: "reference" as const,
      provision: r.provision,
      start: r.start,
      end: r.end,
      summary: r.resolved ? `${REFERENCE_VERBS[r.relation ?? "mention"]}本库文件《${r.resolved.title ?? r.resolved.slug}》` : `${REFERENCE_VERBS[r.relation ?? "mention"]}《${r.citedTitle ?? r.citedNumber ?? ""}》（本库未收录）`,
      href: r.resolved ? `/documents/${encodeURIComponent(r.resolved.slug)}` : null,
      correction: null,
    })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);

  const toReaderFact = (f: RawFact, placed: Set<string>): ReaderFact => ({ key: f.key, kind: f.kind, words: source.slice(f.start, f.end), summary: f.summary, href: f.href, placed: placed.has(f.key), start: f.start, end: f.end, correction: f.correction });

  const byProvision = new Map<string | null, RawFact[]>();
  for (const f of facts) byProvision.set(f.provision, [...(byProvision.get(f.provision) ?? []), f]);

  const refOf = new Map<string, ProvisionRef>(doc.provisions.map((p) => [p.id, { id: p.id, label: p.label, heading: p.heading, citation: p.citation, role: p.role }]));
  const linksOf = new Map<string, ReaderLink[]>();
  for (const l of doc.links) {
    const from = refOf.get(l.from);
    const to = refOf.get(l.to);
    if (!from || !to) continue;
    const method = l.method === "explicit" ? "explicit" : "inferred";
    const correction = markOf("link", l);
    linksOf.set(l.from, [...(linksOf.get(l.from) ?? []), { other: to, kind: l.kind, score: l.score, why: l.why, method, correction }]);
    linksOf.set(l.to, [...(linksOf.get(l.to) ?? []), { other: from, kind: l.kind, score: l.score, why: l.why, method, correction }]);
  }
  // Facts of the parse an editor removed, by provision (a link under both its ends).
  const removedOf = new Map<string | null, ReaderProvision["removed"]>();
  for (const r of row.corrections.removed) {
    const mark = traceMark(r.fact, r.trace);
    const item = { kind: FACT_LABELS[r.fact], summary: factSummary(r.fact, r.parsed), mark };
    const places = r.fact === "link" ? [r.parsed.from as string, r.parsed.to as string] : [r.provision];
    for (const place of places) removedOf.set(place, [...(removedOf.get(place) ?? []), item]);
  }
  const editableOf = (id: string): EditableFacts => ({
    responsibilities: doc.responsibilities.filter((r) => r.provision === id).map((r) => ({ party: r.party, role: r.role })),
    deadlines: doc.deadlines.filter((d) => d.provision === id).map((d) => ({ text: d.text, date: d.date, kind: d.kind })),
    targets: doc.targets.filter((t) => t.provision === id).map((t) => ({ subject: t.subject, value: t.value, unit: t.unit, comparator: t.comparator, verb: t.verb ?? null })),
    links: (linksOf.get(id) ?? []).map((l) => ({ to: l.other.id, citation: l.other.citation, kind: l.kind })),
  });

  const inheritedOf = await inheritedFacts(slug, doc.version);
  // The parser's passages (前言, 结尾) are read as passages, not as items.
  const isPassage = (p: { id: string; label: string | null }) => !p.label && PASSAGE_ID.test(p.id);
  const items = doc.provisions.filter((p) => !isPassage(p));
  const nodes = new Map<string, ReaderProvision>();
  const roots: ReaderProvision[] = [];
  for (const p of items) {
    const own = byProvision.get(p.id) ?? [];
    const marked = markFacts(p.text, source, p, own);
    const placed = new Set(marked.placed);
    const parent = p.parent ? nodes.get(p.parent) : undefined;
    const node: ReaderProvision = {
      id: p.id,
      label: p.label,
      heading: p.heading,
      citation: p.citation,
      role: p.role,
      parent: p.parent,
      depth: parent ? parent.depth + 1 : 0,
      runs: marked.runs,
      facts: own.map((f) => toReaderFact(f, placed)),
      links: (linksOf.get(p.id) ?? []).sort((a, b) => b.score - a.score),
      inherited: inheritedOf.get(p.id) ?? null,
      roleCorrection: markOf("role", p),
      removed: removedOf.get(p.id) ?? [],
      editable: editableOf(p.id),
      children: [],
    };
    nodes.set(p.id, node);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }

  // Text outside the items: the parser's passages, else what lies before the first item and after the last.
  const documentLevel = byProvision.get(null) ?? [];
  const drop = new Set([doc.title, doc.docNumber].filter((s): s is string => Boolean(s)));
  const passage = (id: string, label: string, start: number, end: number): ReaderPassage | null => {
    if (end <= start) return null;
    const text = cleanLines(source.slice(start, end), drop);
    if (!text) return null;
    const inside = documentLevel.filter((f) => f.start >= start && f.end <= end);
    const marked = markFacts(text, source, { start, end }, inside);
    const placed = new Set(marked.placed);
    return { id, label, runs: marked.runs, facts: inside.map((f) => toReaderFact(f, placed)) };
  };
  const passages = doc.provisions.filter(isPassage);
  const bodyStart = FRONT_MATTER.exec(source)?.[0].length ?? 0;
  const firstStart = items.length ? Math.min(...items.map((p) => p.start)) : source.length;
  const lastEnd = items.length ? Math.max(...items.map((p) => p.end)) : source.length;
  const ownPreamble = passages.find((p) => p.id === "preamble");
  const preamble = ownPreamble ? passage(ownPreamble.id, "前言", ownPreamble.start, ownPreamble.end) : passage("preamble", "前言", bodyStart, firstStart);
  const ownClosings = passages.filter((p) => p.id !== "preamble");
  const closings = (ownClosings.length ? ownClosings.map((p) => passage(p.id, "结尾", p.start, p.end)) : items.length ? [passage("closing", "结尾", lastEnd, source.length)] : []).filter((x): x is ReaderPassage => x !== null);

  const placedOutside = new Set([...(preamble?.facts ?? []), ...closings.flatMap((c) => c.facts)].filter((f) => f.placed).map((f) => f.key));

  let formerProvisions: ReaderDocument["formerProvisions"] = {};
  if (doc.isCurrent && doc.versions.length > 1) {
    const current = new Set(doc.provisions.map((p) => p.id));
    formerProvisions = {};
    for (const o of await olderProvisions(slug)) if (!current.has(o.eid) && !(o.eid in formerProvisions)) formerProvisions[o.eid] = { version: o.version, citation: o.citation };
  }

  return {
    slug: doc.slug,
    title: doc.title,
    kind: doc.kind,
    issuer: doc.issuer,
    docNumber: doc.docNumber,
    addressees: doc.addressees,
    issuedAt: doc.issuedAt,
    effectiveFrom: doc.effectiveFrom,
    effectiveUntil: doc.effectiveUntil,
    interpreter: doc.interpreter,
    status: doc.status,
    repeal: doc.repeal,
    version: doc.version,
    versions: doc.versions,
    isCurrent: doc.isCurrent,
    sourceName: doc.sourceName,
    importedAt: doc.importedAt,
    preamble,
    closings,
    documentFacts: documentLevel.map((f) => toReaderFact(f, placedOutside)),
    provisions: roots,
    toc: items.filter((p) => (nodes.get(p.id)?.depth ?? 9) <= 1 && (p.heading || p.label)).map((p) => ({ id: p.id, label: p.label, heading: p.heading, depth: nodes.get(p.id)?.depth ?? 0 })),
    formerProvisions,
    counts: {
      provisions: items.length,
      responsibilities: row.responsibilities.length,
      deadlines: doc.deadlines.length,
      targets: doc.targets.length,
      links: doc.links.length,
      references: row.references.length,
    },
    messages: doc.messages.length,
    items: items.map((p) => ({ id: p.id, citation: p.citation, heading: p.heading })),
  };
}
