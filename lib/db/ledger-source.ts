/**
 * The facts a ledger is made of, read once: current documents with their
 * validity, their provisions (with parents), and every responsibility and
 * deadline by provision. Tasks, deadlines and party ledgers are computed
 * from this (lib/db/tasks.ts, lib/db/deadlines.ts), so that every page counts
 * the same things the same way. Editors' corrections are applied here, once
 * for all of them.
 */
import type { DeadlineKind, ResponsibilityRole } from "../parser";
import { isResponsibilityRole } from "../parser";
import { validityStatus, type ValidityStatus } from "../status";
import { dbReady } from "./client";
import { correctLedgerFacts } from "./ledger-corrections";
import { repealedOn, repealsOf } from "./relations";
import { versionsOn } from "./versions";

export interface LedgerDocument {
  id: number;
  slug: string;
  title: string | null;
  docNumber: string | null;
  issuer: string | null;
  kind: string | null;
  issuedAt: string | null;
  effectiveFrom: string | null;
  status: ValidityStatus;
}

export interface LedgerProvision {
  id: number;
  documentId: number;
  eid: string;
  parentEid: string | null;
  order: number;
  role: string;
  label: string | null;
  heading: string | null;
  citation: string;
  text: string;
}

export interface LedgerResponsibility {
  provisionId: number | null;
  documentId: number;
  party: string;
  mention: string;
  role: ResponsibilityRole;
  words: string;
  /** Set by an editor's correction (ledger-corrections.ts). */
  corrected?: boolean;
}

export interface LedgerDeadline {
  provisionId: number | null;
  documentId: number;
  text: string;
  date: string | null;
  kind: DeadlineKind;
  /** Set by an editor's correction (ledger-corrections.ts). */
  corrected?: boolean;
}

export interface LedgerFacts {
  documents: Map<number, LedgerDocument>;
  provisions: LedgerProvision[];
  /** By document id, then provision eid. */
  byEid: Map<number, Map<string, LedgerProvision>>;
  responsibilities: Map<number, LedgerResponsibility[]>;
  deadlines: Map<number, LedgerDeadline[]>;
  /** Facts of documents as a whole (provision null), by document id. */
  documentResponsibilities: Map<number, LedgerResponsibility[]>;
  documentDeadlines: Map<number, LedgerDeadline[]>;
  /** The document's own text outside its items (前言, 结尾), by document id. */
  passages: Map<number, LedgerProvision[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The facts of the current version of every document (or of one document, or
 * of the documents given), as of `today`; with `asOf`, of the version of each
 * document that applied on that day (statuses then on that day: pass it as `today` too).
 */
export async function loadLedgerFacts(options: { today: string; slug?: string; version?: number; documentIds?: number[]; asOf?: string }): Promise<LedgerFacts> {
  const client = await dbReady();
  const onDay = options.asOf && !options.version ? [...(await versionsOn(options.asOf, options.slug ? [options.slug] : undefined)).values()].map((v) => v.id) : null;
  const documentWhere = onDay
    ? { id: { in: onDay } }
    : options.slug
    ? options.version
      ? { slug: options.slug, version: options.version }
      : { isCurrent: true, slug: options.slug }
    : options.documentIds
      ? { id: { in: options.documentIds } }
      : { isCurrent: true };
  const [docs, repeals] = await Promise.all([
    client.document.findMany({
      where: documentWhere,
      select: { id: true, slug: true, title: true, docNumber: true, issuer: true, kind: true, issuedAt: true, effectiveFrom: true, effectiveUntil: true },
    }),
    repealsOf(options.slug ? [options.slug] : undefined),
  ]);
  const status = (d: (typeof docs)[number]) => validityStatus({ ...d, repealedOn: repealedOn(repeals.get(d.slug)) }, options.today);
  const documents = new Map(docs.map((d) => [d.id, { id: d.id, slug: d.slug, title: d.title, docNumber: d.docNumber, issuer: d.issuer, kind: d.kind, issuedAt: d.issuedAt, effectiveFrom: d.effectiveFrom, status: status(d) }]));
  const ids = [...documents.keys()];
  const [provisions, responsibilities, deadlines] = await Promise.all([
    client.provision.findMany({
      where: { documentId: { in: ids } },
      select: { id: true, documentId: true, eid: true, parentEid: true, order: true, role: true, label: true, heading: true, citation: true, text: true },
      orderBy: [{ documentId: "asc" }, { order: "asc" }],
    }),
    client.responsibility.findMany({
      where: { documentId: { in: ids } },
      select: { provisionId: true, documentId: true, mention: true, role: true, text: true, party: { select: { name: true } } },
      orderBy: [{ documentId: "asc" }, { start: "asc" }],
    }),
    client.deadline.findMany({
      where: { documentId: { in: ids } },
      select: { provisionId: true, documentId: true, text: true, date: true, kind: true },
      orderBy: [{ documentId: "asc" }, { start: "asc" }],
    }),
  ]);
  const facts: LedgerFacts = { documents, provisions, byEid: new Map(), responsibilities: new Map(), deadlines: new Map(), documentResponsibilities: new Map(), documentDeadlines: new Map(), passages: new Map() };
  for (const p of provisions) {
    let inDoc = facts.byEid.get(p.documentId);
    if (!inDoc) facts.byEid.set(p.documentId, (inDoc = new Map()));
    inDoc.set(p.eid, p);
    if (p.role === "other" && /^(?:preamble|closing)/.test(p.eid)) push(facts.passages, p.documentId, p);
  }
  for (const r of responsibilities) {
    const row: LedgerResponsibility = { provisionId: r.provisionId, documentId: r.documentId, party: r.party.name, mention: r.mention, role: isResponsibilityRole(r.role) ? r.role : "responsible", words: r.text };
    if (r.provisionId === null) push(facts.documentResponsibilities, r.documentId, row);
    else push(facts.responsibilities, r.provisionId, row);
  }
  for (const d of deadlines) {
    const row: LedgerDeadline = { provisionId: d.provisionId, documentId: d.documentId, text: d.text, date: d.date, kind: d.kind as DeadlineKind };
    if (d.provisionId === null) push(facts.documentDeadlines, d.documentId, row);
    else push(facts.deadlines, d.provisionId, row);
  }
  await correctLedgerFacts(facts);
  return facts;
}

/** The provision's ancestors, nearest first. */
export function ancestorsOf(facts: LedgerFacts, p: LedgerProvision): LedgerProvision[] {
  const out: LedgerProvision[] = [];
  const inDoc = facts.byEid.get(p.documentId);
  for (let up = p.parentEid ? inDoc?.get(p.parentEid) : undefined; up; up = up.parentEid ? inDoc?.get(up.parentEid) : undefined) out.push(up);
  return out;
}
