/**
 * Everything stored, as one JSON value (`policykb-export/1`): every version of
 * every document with its source text and facts, and the parties with their
 * aliases. `policykb ingest` reads it back; exporting again gives the same JSON.
 */
import { z } from "zod";
import { dbReady } from "./client";
import { RELATIONS, type PolicyDoc, type ParseMessage, type ResponsibilityRole, type DeadlineKind, type Comparator, type LinkKind, type Role } from "../parser";
import { relationOf } from "./relations";

export interface ExportedDocument extends PolicyDoc {
  slug: string;
  version: number;
  isCurrent: boolean;
  sourceName: string;
  contentHash: string;
  importedAt: string;
  sourceText: string;
  messages: ParseMessage[];
}

export interface ExportedParty {
  name: string;
  kind: string;
  aliases: Array<{ alias: string; source: string }>;
}

export interface Export {
  schema: "policykb-export/1";
  documents: ExportedDocument[];
  parties: ExportedParty[];
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
  return {
    schema: "policykb-export/1",
    documents: documents.map((d) => ({
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
      targets: d.targets.map((t) => ({ provision: t.provision?.eid ?? null, subject: t.subject, value: t.value, unit: t.unit, comparator: t.comparator as Comparator, baseline: t.baseline, deadline: t.deadline, text: t.text, start: t.start, end: t.end })),
      links: d.links.map((l) => ({ from: l.from.eid, to: l.to.eid, kind: l.kind as LinkKind, score: l.score, why: l.why, method: l.method as "explicit" | "inferred" })),
      references: d.references.map((r) => ({ provision: r.provision?.eid ?? null, title: r.citedTitle, docNumber: r.citedNumber, relation: relationOf(r.relation), text: r.text, start: r.start, end: r.end })),
      sourceText: d.sourceText,
      messages: JSON.parse(d.messages) as ParseMessage[],
    })),
    parties: parties.map((p) => ({ name: p.name, kind: p.kind, aliases: p.aliases.map((a) => ({ alias: a.alias, source: a.source })) })),
  };
}

const span = { start: z.number().int(), end: z.number().int() };
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
      responsibilities: z.array(z.object({ provision: z.string().nullable(), party: z.string().min(1), role: z.string(), text: z.string(), ...span })),
      deadlines: z.array(z.object({ provision: z.string().nullable(), text: z.string(), date: z.string().nullable(), kind: z.string(), ...span })),
      targets: z.array(z.object({ provision: z.string().nullable(), subject: z.string(), value: z.number(), unit: z.string(), comparator: z.string().nullable(), baseline: z.string().nullable(), deadline: z.string().nullable(), text: z.string(), ...span })),
      links: z.array(z.object({ from: z.string(), to: z.string(), kind: z.string(), score: z.number(), why: z.string(), method: z.string() })),
      references: z.array(z.object({ provision: z.string().nullable(), title: z.string().nullable(), docNumber: z.string().nullable(), relation: z.enum(RELATIONS).nullable().optional(), text: z.string(), ...span })),
      sourceText: z.string(),
      messages: z.array(z.unknown()),
    }),
  ),
  parties: z.array(z.object({ name: z.string().min(1), kind: z.string(), aliases: z.array(z.object({ alias: z.string().min(1), source: z.string() })) })),
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

/** Restores parties and aliases of an export (before its documents). */
export async function restoreParties(parties: ExportedParty[]): Promise<void> {
  const client = await dbReady();
  await client.$transaction(async (tx) => {
    for (const p of parties) {
      const party = await tx.party.upsert({ where: { name: p.name }, create: { name: p.name, kind: p.kind }, update: {}, select: { id: true } });
      for (const a of p.aliases) await tx.partyAlias.upsert({ where: { alias: a.alias }, create: { alias: a.alias, partyId: party.id, source: a.source }, update: {} });
    }
    // One upsert a party and alias: a large library's parties take longer than Prisma's default 5 s (as long as writeTransaction allows).
  }, { timeout: 120_000, maxWait: 60_000 });
}
