/**
 * Document queries for the site and the API: lists, one document as
 * policy-doc/1, counts. Returns plain objects.
 */
import type { PolicyDoc, ParseMessage } from "../parser";
import { documentYear, validityStatus, type ValidityStatus } from "../status";
import { dbReady } from "./client";
import { loadCorrections } from "./correction-rows";
import { applyCorrections, type Corrected, type CorrectedFacts } from "./corrections-apply";
import { relationOf, repealedOn, repealsOf, type Repeal } from "./relations";
import { versionsOn } from "./versions";

export interface DocumentSummary {
  slug: string;
  title: string | null;
  kind: string | null;
  issuer: string | null;
  docNumber: string | null;
  issuedAt: string | null;
  effectiveFrom: string | null;
  effectiveUntil: string | null;
  status: ValidityStatus;
  provisionCount: number;
  version: number;
  /** The stored row of the version listed (for counts over the same versions). */
  id: number;
  /** Whether the version listed is the current one (with asOf, an older one may be listed). */
  isCurrent: boolean;
}

/**
 * The current version of every document, newest first; with `asOf`, the
 * collection as it stood that day: the version of each document that applied
 * then, of the documents in force then (by their dates and repeals).
 */
export async function listDocuments(options: { asOf?: string } = {}): Promise<DocumentSummary[]> {
  const client = await dbReady();
  const ids = options.asOf ? [...(await versionsOn(options.asOf)).values()].map((v) => v.id) : null;
  const [rows, repeals] = await Promise.all([client.document.findMany({
    where: ids ? { id: { in: ids } } : { isCurrent: true },
    select: { id: true, slug: true, title: true, kind: true, issuer: true, docNumber: true, issuedAt: true, effectiveFrom: true, effectiveUntil: true, version: true, isCurrent: true, _count: { select: { provisions: true } } },
  }), repealsOf()]);
  return rows
    .map((d) => ({
      id: d.id,
      isCurrent: d.isCurrent,
      slug: d.slug,
      title: d.title,
      kind: d.kind,
      issuer: d.issuer,
      docNumber: d.docNumber,
      issuedAt: d.issuedAt,
      effectiveFrom: d.effectiveFrom,
      effectiveUntil: d.effectiveUntil,
      status: validityStatus({ ...d, repealedOn: repealedOn(repeals.get(d.slug)) }, options.asOf),
      provisionCount: d._count.provisions,
      version: d.version,
    }))
    .filter((d) => !options.asOf || d.status === "现行有效")
    .sort((a, b) => (b.issuedAt ?? b.effectiveFrom ?? "").localeCompare(a.issuedAt ?? a.effectiveFrom ?? "") || a.slug.localeCompare(b.slug));
}

export interface StoredDocument extends PolicyDoc {
  /** Facts (and provisions whose role) an editor corrected are marked `corrected: true`. */
  provisions: Array<Corrected<PolicyDoc["provisions"][number]>>;
  responsibilities: Array<Corrected<PolicyDoc["responsibilities"][number]>>;
  deadlines: Array<Corrected<PolicyDoc["deadlines"][number]>>;
  targets: Array<Corrected<PolicyDoc["targets"][number]>>;
  links: Array<Corrected<PolicyDoc["links"][number]>>;
  slug: string;
  status: ValidityStatus;
  /** The document that repeals this one and from which day (the status says whether that day has come); null when none does. */
  repeal: Repeal | null;
  version: number;
  versions: number[];
  isCurrent: boolean;
  sourceName: string;
  importedAt: string;
  messages: ParseMessage[];
}

/** One document (the current version, or a given one) as policy-doc/1 plus slug and status (on `day`, default today), its corrections applied (corrected facts marked `corrected: true`). */
export async function getDocument(slug: string, version?: number, day?: string): Promise<StoredDocument | null> {
  return (await getCorrectedDocument(slug, version, day))?.document ?? null;
}

/** A document version as parsed, and with its corrections applied: the corrected facts, what made them so, and each correction's state. */
export async function getCorrectedDocument(slug: string, version?: number, day?: string): Promise<{ parsed: StoredDocument; document: StoredDocument; corrections: CorrectedFacts<StoredDocument["provisions"][number]> } | null> {
  const parsed = await getParsedDocument(slug, version, day);
  if (!parsed) return null;
  const corrections = applyCorrections(parsed, await loadCorrections([slug]));
  const { provisions, responsibilities, deadlines, targets, links } = corrections;
  return { parsed, document: { ...parsed, provisions, responsibilities, deadlines, targets, links }, corrections };
}

/** One document (the current version, or a given one) as policy-doc/1 plus slug and status (on `day`, default today), as parsed (no corrections). */
export async function getParsedDocument(slug: string, version?: number, day?: string): Promise<StoredDocument | null> {
  const client = await dbReady();
  const d = await client.document.findFirst({
    where: version ? { slug, version } : { slug, isCurrent: true },
    include: {
      provisions: { orderBy: { order: "asc" } },
      responsibilities: { orderBy: { id: "asc" }, include: { provision: { select: { eid: true } } } },
      deadlines: { orderBy: { id: "asc" }, include: { provision: { select: { eid: true } } } },
      targets: { orderBy: { id: "asc" }, include: { provision: { select: { eid: true } } } },
      links: { orderBy: { id: "asc" }, include: { from: { select: { eid: true } }, to: { select: { eid: true } } } },
      references: { orderBy: { id: "asc" }, include: { provision: { select: { eid: true } }, resolvedDocument: { select: { slug: true } } } },
    },
  });
  if (!d) return null;
  const versions = await client.document.findMany({ where: { slug }, select: { version: true }, orderBy: { version: "asc" } });
  const repeal = (await repealsOf([slug])).get(slug);
  return {
    schema: "policy-doc/1",
    slug: d.slug,
    status: validityStatus({ ...d, repealedOn: repealedOn(repeal) }, day),
    repeal: repeal ?? null,
    version: d.version,
    versions: versions.map((v) => v.version),
    isCurrent: d.isCurrent,
    sourceName: d.sourceName,
    importedAt: d.importedAt.toISOString(),
    messages: JSON.parse(d.messages) as ParseMessage[],
    title: d.title,
    kind: d.kind,
    issuer: d.issuer,
    docNumber: d.docNumber,
    addressees: JSON.parse(d.addressees) as string[],
    issuedAt: d.issuedAt,
    effectiveFrom: d.effectiveFrom,
    effectiveUntil: d.effectiveUntil,
    interpreter: d.interpreter,
    provisions: d.provisions.map((p) => ({ id: p.eid, parent: p.parentEid, label: p.label, heading: p.heading, role: p.role as PolicyDoc["provisions"][number]["role"], citation: p.citation, text: p.text, start: p.start, end: p.end })),
    responsibilities: d.responsibilities.map((r) => ({ provision: r.provision?.eid ?? null, party: r.mention, role: r.role as PolicyDoc["responsibilities"][number]["role"], text: r.text, start: r.start, end: r.end })),
    deadlines: d.deadlines.map((x) => ({ provision: x.provision?.eid ?? null, text: x.text, date: x.date, kind: x.kind as PolicyDoc["deadlines"][number]["kind"], start: x.start, end: x.end })),
    targets: d.targets.map((t) => ({ provision: t.provision?.eid ?? null, subject: t.subject, value: t.value, unit: t.unit, comparator: t.comparator as PolicyDoc["targets"][number]["comparator"], baseline: t.baseline, deadline: t.deadline, verb: t.verb, serves: servesOf(t.serves), text: t.text, start: t.start, end: t.end })),
    links: d.links.map((l) => ({ from: l.from.eid, to: l.to.eid, kind: l.kind as PolicyDoc["links"][number]["kind"], score: l.score, why: l.why, method: l.method as "explicit" | "inferred" })),
    references: d.references.map((r) => ({ provision: r.provision?.eid ?? null, title: r.citedTitle, docNumber: r.citedNumber, relation: relationOf(r.relation), text: r.text, start: r.start, end: r.end, resolved: r.resolvedDocument?.slug ?? null })),
  };
}

export interface Counts {
  documents: number;
  provisions: number;
  parties: number;
  openDeadlines: number;
}

/** Counts for the home page and /api/health (current versions only; or, given `documentIds`, of those versions). */
export async function counts(today: string, options: { documentIds?: number[] } = {}): Promise<Counts> {
  const client = await dbReady();
  const document = options.documentIds ? { id: { in: options.documentIds } } : { isCurrent: true };
  const [documents, provisions, parties, openDeadlines] = await Promise.all([
    client.document.count({ where: document }),
    client.provision.count({ where: { document } }),
    client.party.count({ where: { responsibilities: { some: { document } } } }),
    client.deadline.count({ where: { document, date: { gte: today }, kind: { in: ["due", "milestone"] } } }),
  ]);
  return { documents, provisions, parties, openDeadlines };
}

export interface DocumentFilters {
  kind?: string;
  issuer?: string;
  status?: ValidityStatus;
  /** Year of issue (or of taking effect when no issue date). */
  year?: number;
}

export interface FilterOption {
  value: string;
  count: number;
}

export interface DocumentListing {
  documents: DocumentSummary[];
  /** Documents before filtering. */
  total: number;
  /** Values each filter can take, with how many documents have them (over all documents). */
  options: { kind: FilterOption[]; issuer: FilterOption[]; status: FilterOption[]; year: FilterOption[] };
}

function optionsOf(values: Array<string | null>, order: (a: FilterOption, b: FilterOption) => number): FilterOption[] {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort(order);
}

/** Current documents (or those in force on `asOf`) matching the filters (newest first), with the filters' options. */
export async function findDocuments(filters: DocumentFilters = {}, options: { asOf?: string } = {}): Promise<DocumentListing> {
  const all = await listDocuments(options);
  const documents = all.filter(
    (d) =>
      (!filters.kind || d.kind === filters.kind) &&
      (!filters.issuer || d.issuer === filters.issuer) &&
      (!filters.status || d.status === filters.status) &&
      (!filters.year || documentYear(d) === filters.year),
  );
  const byCount = (a: FilterOption, b: FilterOption) => b.count - a.count || a.value.localeCompare(b.value, "zh-Hans-CN");
  return {
    documents,
    total: all.length,
    options: {
      kind: optionsOf(all.map((d) => d.kind), byCount),
      issuer: optionsOf(all.map((d) => d.issuer), byCount),
      status: optionsOf(all.map((d) => d.status), byCount),
      year: optionsOf(all.map((d) => documentYear(d)?.toString() ?? null), (a, b) => b.value.localeCompare(a.value)),
    },
  };
}

/** What a document's pages show in their header. */
export interface DocumentHead {
  slug: string;
  title: string | null;
  kind: string | null;
  issuer: string | null;
  docNumber: string | null;
  issuedAt: string | null;
  effectiveFrom: string | null;
  effectiveUntil: string | null;
  status: ValidityStatus;
  /** The document that repeals this one, and from which day; null when none does. */
  repeal: Repeal | null;
  version: number;
  versions: number[];
  isCurrent: boolean;
}

/** The header of a document (current version, or version `version`; status on `day`, default today); null when there is none. */
export async function getDocumentHead(slug: string, version?: number, day?: string): Promise<DocumentHead | null> {
  const client = await dbReady();
  const d = await client.document.findFirst({
    where: version ? { slug, version } : { slug, isCurrent: true },
    select: { slug: true, title: true, kind: true, issuer: true, docNumber: true, issuedAt: true, effectiveFrom: true, effectiveUntil: true, version: true, isCurrent: true },
  });
  if (!d) return null;
  const versions = await client.document.findMany({ where: { slug }, select: { version: true }, orderBy: { version: "asc" } });
  const repeal = (await repealsOf([slug])).get(slug);
  return { ...d, status: validityStatus({ ...d, repealedOn: repealedOn(repeal) }, day), repeal: repeal ?? null, versions: versions.map((v) => v.version) };
}

/** A 文号 written any way (国办发[2019]4号, 国办发（2019） 4号) in the one form GB/T 9704 prescribes: 国办发〔2019〕4号. */
export function normalDocNumber(text: string): string {
  return text.replace(/\s+/g, "").replace(/[[［(（【]\s*(\d{4})\s*[\]］)）】]/, "〔$1〕");
}

const DOC_NUMBER_QUERY = /^[\u4e00-\u9fa5A-Za-z]{1,20}[〔[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*第?\d+号$/;

/**
 * The current document a query names exactly, by its 文号 (any bracket form)
 * or its title (with or without 《》); null when it names none, or several.
 */
export async function documentNamed(query: string): Promise<{ slug: string; title: string | null } | null> {
  const q = query.trim();
  if (!q) return null;
  const client = await dbReady();
  const select = { slug: true, title: true, docNumber: true } as const;
  if (DOC_NUMBER_QUERY.test(q.replace(/\s+/g, ""))) {
    const wanted = normalDocNumber(q);
    const year = /\d{4}/.exec(wanted)![0];
    const rows = await client.document.findMany({ where: { isCurrent: true, docNumber: { contains: year } }, select });
    const hits = rows.filter((d) => d.docNumber && normalDocNumber(d.docNumber) === wanted);
    return hits.length === 1 ? { slug: hits[0]!.slug, title: hits[0]!.title } : null;
  }
  const title = q.replace(/^《(.+)》$/, "$1");
  if (title.length < 4) return null;
  const rows = await client.document.findMany({ where: { isCurrent: true, title }, select, take: 2 });
  return rows.length === 1 ? { slug: rows[0]!.slug, title: rows[0]!.title } : null;
}

/** The stored JSON of the provisions a target serves; [] when unreadable. */
export function servesOf(json: string): Array<{ provision: string; why: string }> {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((x): x is { provision: string; why: string } => typeof x?.provision === "string" && typeof x?.why === "string") : [];
  } catch {
    return [];
  }
}
