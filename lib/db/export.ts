/**
 * Everything stored, as one JSON value (`policykb-export/1`): every version of
 * every document with its source text and facts, the parties with their
 * aliases, and the editors' corrections. A document's facts are as every read
 * gives them, corrections applied (marked `corrected: true`); where they
 * differ from the parse, `parsed` keeps the parse, so that `policykb ingest`
 * restores the store as it was. Exporting again gives the same JSON.
 */
import { z } from "zod";
import { dbReady } from "./client";
import { chunks } from "./sql";
import { loadCorrections } from "./correction-rows";
import { applyCorrections, type Correction } from "./corrections-apply";
import { servesOf } from "./documents";
import { relationOf } from "./relations";
import { RELATIONS, type PolicyDoc, type ParseMessage, type ResponsibilityRole, type DeadlineKind, type Comparator, type LinkKind, type Role } from "../parser";

/** A version's facts as parsed, where corrections change them: the roles of corrected provisions, and every fact. */
export interface ParsedFacts {
  roles: Record<string, Role>;
  responsibilities: PolicyDoc["responsibilities"];
  deadlines: PolicyDoc["deadlines"];
  targets: PolicyDoc["targets"];
  links: PolicyDoc["links"];
}

export interface ExportedDocument extends PolicyDoc {
  slug: string;
  version: number;
  isCurrent: boolean;
  sourceName: string;
  contentHash: string;
  importedAt: string;
  sourceText: string;
  messages: ParseMessage[];
  /** Present when corrections change this version's facts: the facts as parsed. */
  parsed?: ParsedFacts;
}

/** A correction as exported: as stored, without its row id. */
export type ExportedCorrection = Omit<Correction, "id">;

export interface ExportedParty {
  name: string;
  kind: string;
  aliases: Array<{ alias: string; source: string }>;
}

export interface Export {
  schema: "policykb-export/1";
  documents: ExportedDocument[];
  parties: ExportedParty[];
  /** Every correction (undone ones too), in the order made; absent in exports made before corrections. */
  corrections?: ExportedCorrection[];
}

/** A version's facts with the corrections applied, and the parse where they differ. */
function corrected(doc: ExportedDocument, corrections: Correction[]): ExportedDocument {
  if (!corrections.length) return doc;
  const applied = applyCorrections(doc, corrections);
  if (!applied.traces.size && !applied.removed.length) return doc;
  const roles = Object.fromEntries(doc.provisions.filter((p, i) => applied.provisions[i]!.role !== p.role).map((p) => [p.id, p.role]));
  const { sourceText, messages, ...rest } = doc;
  return {
    ...rest,
    provisions: applied.provisions,
    responsibilities: applied.responsibilities,
    deadlines: applied.deadlines,
    targets: applied.targets,
    links: applied.links,
    sourceText,
    messages,
    parsed: { roles, responsibilities: doc.responsibilities, deadlines: doc.deadlines, targets: doc.targets, links: doc.links },
  };
}

/** Reads the whole store in a stable order. */
export async function exportAll(): Promise<Export> {
  const client = await dbReady();
  const documents = await client.document.findMany({
    orderBy: [{ slug: "asc" }, { version: "asc" }],
    include: {
      provisions: { orderBy: { order: "asc" } },
      responsibilities: { orderBy: { id: "asc" }, include: { provision: { select: { eid: true } } } },
      deadlines: { orderBy: { id: "asc" }, include: { provision: { select: { eid: true } } } },
      targets: { orderBy: { id: "asc" }, include: { provision: { select: { eid: true } } } },
      links: { orderBy: { id: "asc" }, include: { from: { select: { eid: true } }, to: { select: { eid: true } } } },
      references: { orderBy: { id: "asc" }, include: { provision: { select: { eid: true } } } },
    },
  });
  const parties = await client.party.findMany({ orderBy: { name: "asc" }, include: { aliases: { orderBy: { alias: "asc" } } } });
  const corrections = await loadCorrections([...new Set((await client.correction.findMany({ select: { slug: true }, distinct: ["slug"] })).map((c) => c.slug))]);
  const correctionsOf = (slug: string) => corrections.filter((c) => c.document === slug);
  return {
    schema: "policykb-export/1",
    documents: documents.map((d): ExportedDocument => ({
      schema: "policy-doc/1",
      slug: d.slug,
      version: d.version,
      isCurrent: d.isCurrent,
      sourceName: d.sourceName,
      contentHash: d.contentHash,
      importedAt: d.importedAt.toISOString(),
      title: d.title,
      kind: d.kind,
      issuer: d.issuer,
      docNumber: d.docNumber,
      addressees: JSON.parse(d.addressees) as string[],
      issuedAt: d.issuedAt,
      effectiveFrom: d.effectiveFrom,
      effectiveUntil: d.effectiveUntil,
      interpreter: d.interpreter,
      provisions: d.provisions.map((p) => ({ id: p.eid, parent: p.parentEid, label: p.label, heading: p.heading, role: p.role as Role, citation: p.citation, text: p.text, start: p.start, end: p.end })),
      responsibilities: d.responsibilities.map((r) => ({ provision: r.provision?.eid ?? null, party: r.mention, role: r.role as ResponsibilityRole, text: r.text, start: r.start, end: r.end })),
      deadlines: d.deadlines.map((x) => ({ provision: x.provision?.eid ?? null, text: x.text, date: x.date, kind: x.kind as DeadlineKind, start: x.start, end: x.end })),
      targets: d.targets.map((t) => ({ provision: t.provision?.eid ?? null, subject: t.subject, value: t.value, unit: t.unit, comparator: t.comparator as Comparator, verb: t.verb, serves: servesOf(t.serves), baseline: t.baseline, deadline: t.deadline, text: t.text, start: t.start, end: t.end })),
      links: d.links.map((l) => ({ from: l.from.eid, to: l.to.eid, kind: l.kind as LinkKind, score: l.score, why: l.why, method: l.method as "explicit" | "inferred" })),
      references: d.references.map((r) => ({ provision: r.provision?.eid ?? null, title: r.citedTitle, docNumber: r.citedNumber, relation: relationOf(r.relation), text: r.text, start: r.start, end: r.end })),
      sourceText: d.sourceText,
      messages: JSON.parse(d.messages) as ParseMessage[],
    })).map((d) => corrected(d, correctionsOf(d.slug))),
    parties: parties.map((p) => ({ name: p.name, kind: p.kind, aliases: p.aliases.map((a) => ({ alias: a.alias, source: a.source })) })),
    corrections: corrections.map(({ id: _id, ...c }) => c),
  };
}

/** The facts a version was parsed with (what the store keeps): `parsed` where corrections changed them. */
export function parsedFactsOf(d: ExportedDocument): Pick<PolicyDoc, "provisions" | "responsibilities" | "deadlines" | "targets" | "links"> {
  const plain = <T extends object>(rows: T[]) => rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== "corrected")) as T);
  const roles = d.parsed?.roles ?? {};
  return {
    provisions: plain(d.provisions).map((p) => (p.id in roles ? { ...p, role: roles[p.id]! } : p)),
    responsibilities: plain(d.parsed?.responsibilities ?? d.responsibilities),
    deadlines: plain(d.parsed?.deadlines ?? d.deadlines),
    targets: plain(d.parsed?.targets ?? d.targets),
    links: plain(d.parsed?.links ?? d.links),
  };
}

const span = { start: z.number().int(), end: z.number().int() };
const responsibilityRow = z.object({ provision: z.string().nullable(), party: z.string().min(1), role: z.string(), text: z.string(), ...span });
const deadlineRow = z.object({ provision: z.string().nullable(), text: z.string(), date: z.string().nullable(), kind: z.string(), ...span });
const targetRow = z.object({ provision: z.string().nullable(), subject: z.string(), value: z.number(), unit: z.string(), comparator: z.string().nullable(), verb: z.string().nullable().optional(), serves: z.array(z.object({ provision: z.string(), why: z.string() })).optional(), baseline: z.string().nullable(), deadline: z.string().nullable(), text: z.string(), ...span });
const linkRow = z.object({ from: z.string(), to: z.string(), kind: z.string(), score: z.number(), why: z.string(), method: z.string() });
const json = z.record(z.string(), z.unknown());
const correctionRow = z.object({
  key: z.string().min(1),
  document: z.string().min(1),
  version: z.number().int().positive(),
  provision: z.string().nullable(),
  provisionText: z.string(),
  provisionStart: z.number().int(),
  fact: z.enum(["responsibility", "deadline", "target", "role", "link", "message"]),
  action: z.enum(["add", "remove", "change", "dismiss"]),
  value: json,
  original: json.nullable(),
  message: z.object({ ruleId: z.string(), reason: z.string(), words: z.string() }).nullable(),
  note: z.string(),
  editor: z.string(),
  createdAt: z.string().refine((s) => !Number.isNaN(Date.parse(s)), "a date and time"),
  undoneAt: z.string().refine((s) => !Number.isNaN(Date.parse(s)), "a date and time").nullable(),
  undoneBy: z.string().nullable(),
  undoNote: z.string().nullable(),
});
const exportSchema = z.object({
  schema: z.literal("policykb-export/1"),
  documents: z.array(
    z.object({
      slug: z.string().min(1),
      version: z.number().int().positive(),
      isCurrent: z.boolean(),
      sourceName: z.string(),
      contentHash: z.string().min(1),
      importedAt: z.string().refine((s) => !Number.isNaN(Date.parse(s)), "a date and time"),
      title: z.string().nullable(),
      kind: z.string().nullable(),
      issuer: z.string().nullable(),
      docNumber: z.string().nullable(),
      addressees: z.array(z.string()),
      issuedAt: z.string().nullable(),
      effectiveFrom: z.string().nullable(),
      effectiveUntil: z.string().nullable(),
      interpreter: z.string().nullable(),
      provisions: z.array(z.object({ id: z.string().min(1), parent: z.string().nullable(), label: z.string().nullable(), heading: z.string().nullable(), role: z.string(), citation: z.string(), text: z.string(), ...span })),
      responsibilities: z.array(responsibilityRow),
      deadlines: z.array(deadlineRow),
      targets: z.array(targetRow),
      links: z.array(linkRow),
      references: z.array(z.object({ provision: z.string().nullable(), title: z.string().nullable(), docNumber: z.string().nullable(), relation: z.enum(RELATIONS).nullable().optional(), text: z.string(), ...span })),
      sourceText: z.string(),
      messages: z.array(z.unknown()),
      parsed: z.object({ roles: z.record(z.string(), z.string()), responsibilities: z.array(responsibilityRow), deadlines: z.array(deadlineRow), targets: z.array(targetRow), links: z.array(linkRow) }).optional(),
    }),
  ),
  parties: z.array(z.object({ name: z.string().min(1), kind: z.string(), aliases: z.array(z.object({ alias: z.string().min(1), source: z.string() })) })),
  corrections: z.array(correctionRow).optional(),
});

/** Whether a JSON value claims to be a PolicyKB export (its schema field). */
export function isExport(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as { schema?: unknown }).schema === "policykb-export/1";
}

/** What is wrong with a value that claims to be an export, in one line (where and what); null when it is a whole export. */
export function exportProblem(value: unknown): string | null {
  const result = exportSchema.safeParse(value);
  if (result.success) return null;
  const issue = result.error.issues[0]!;
  const where = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "");
  return `${where || "export"}: ${issue.message}`;
}

/** Restores parties and aliases of an export (before its documents); those already stored stay as they are. */
export async function restoreParties(parties: ExportedParty[]): Promise<void> {
  const client = await dbReady();
  // In bulk: a library has thousands of aliases, too many for one round trip each in a transaction.
  await client.$transaction(async (tx) => {
    const ids = new Map<string, number>();
    for (const names of chunks(parties.map((p) => p.name))) {
      for (const row of await tx.party.findMany({ where: { name: { in: names } }, select: { id: true, name: true } })) ids.set(row.name, row.id);
    }
    const missing = parties.filter((p) => !ids.has(p.name));
    for (const part of chunks(missing)) await tx.party.createMany({ data: part.map((p) => ({ name: p.name, kind: p.kind })) });
    for (const names of chunks(missing.map((p) => p.name))) {
      for (const row of await tx.party.findMany({ where: { name: { in: names } }, select: { id: true, name: true } })) ids.set(row.name, row.id);
    }
    const aliases = new Map(parties.flatMap((p) => p.aliases.map((a) => [a.alias, { alias: a.alias, partyId: ids.get(p.name)!, source: a.source }] as const)));
    const stored = new Set<string>();
    for (const names of chunks([...aliases.keys()])) {
      for (const row of await tx.partyAlias.findMany({ where: { alias: { in: names } }, select: { alias: true } })) stored.add(row.alias);
    }
    for (const part of chunks([...aliases.values()].filter((a) => !stored.has(a.alias)))) await tx.partyAlias.createMany({ data: part });
  }, { timeout: 60_000 });
}
