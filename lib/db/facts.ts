/**
 * Targets and links across the current documents, each with its document
 * and provision, for the structured query API (lib/api). Tasks and
 * deadlines come from lib/db/tasks.ts and lib/db/deadlines.ts.
 */
import type { LinkKind, Role } from "../parser";
import { validityStatus, type ValidityStatus } from "../status";
import { dbReady } from "./client";
import { servesOf } from "./documents";

export interface FactDocument {
  slug: string;
  title: string | null;
  docNumber: string | null;
  issuer: string | null;
  kind: string | null;
  status: ValidityStatus;
}

export interface FactProvision {
  id: string;
  citation: string;
  heading: string | null;
  role: Role;
}

export interface TargetRow {
  document: FactDocument;
  provision: FactProvision | null;
  subject: string;
  /** 下降, 提高到, 控制在: what happens to the quantity. */
  verb: string | null;
  comparator: string | null;
  value: number;
  unit: string;
  baseline: string | null;
  deadline: string | null;
  /** The words it came from. */
  text: string;
  /** The provisions that deliver it, with the words both name. */
  serves: Array<{ provision: FactProvision; why: string }>;
}

export interface LinkRow {
  document: FactDocument;
  from: FactProvision;
  to: FactProvision;
  kind: LinkKind;
  /** 1 explicit; inferred by evidence: 0.8 shared heading term, 0.6 shared term, 0.4 shared words. */
  strength: number;
  why: string;
  method: "explicit" | "inferred";
}

const DOCUMENT = { slug: true, title: true, docNumber: true, issuer: true, kind: true, issuedAt: true, effectiveFrom: true, effectiveUntil: true } as const;
const PROVISION = { id: true, eid: true, citation: true, heading: true, role: true } as const;

function factDocument(d: { slug: string; title: string | null; docNumber: string | null; issuer: string | null; kind: string | null; issuedAt: string | null; effectiveFrom: string | null; effectiveUntil: string | null }, today: string): FactDocument {
  return { slug: d.slug, title: d.title, docNumber: d.docNumber, issuer: d.issuer, kind: d.kind, status: validityStatus(d, today) };
}

const factProvision = (p: { eid: string; citation: string; heading: string | null; role: string }): FactProvision => ({ id: p.eid, citation: p.citation, heading: p.heading, role: p.role as Role });

/** Every target of the current documents, by document and place in the text. */
export async function listTargetsAcross(options: { today: string }): Promise<TargetRow[]> {
  const client = await dbReady();
  const rows = await client.target.findMany({
    where: { document: { isCurrent: true } },
    orderBy: [{ documentId: "asc" }, { start: "asc" }],
    select: { documentId: true, subject: true, verb: true, comparator: true, value: true, unit: true, baseline: true, deadline: true, text: true, serves: true, document: { select: DOCUMENT }, provision: { select: PROVISION } },
  });
  // The provisions targets serve, looked up by document and id.
  const wanted = rows.flatMap((t) => servesOf(t.serves).map((s) => ({ documentId: t.documentId, eid: s.provision })));
  const served = wanted.length
    ? await client.provision.findMany({ where: { OR: [...new Set(wanted.map((w) => w.documentId))].map((documentId) => ({ documentId, eid: { in: wanted.filter((w) => w.documentId === documentId).map((w) => w.eid) } })) }, select: { documentId: true, ...PROVISION } })
    : [];
  const byKey = new Map(served.map((p) => [`${p.documentId}|${p.eid}`, factProvision(p)]));
  return rows.map((t) => ({
    document: factDocument(t.document, options.today),
    provision: t.provision ? factProvision(t.provision) : null,
    subject: t.subject,
    verb: t.verb,
    comparator: t.comparator,
    value: t.value,
    unit: t.unit,
    baseline: t.baseline,
    deadline: t.deadline,
    text: t.text,
    serves: servesOf(t.serves).flatMap((s) => {
      const provision = byKey.get(`${t.documentId}|${s.provision}`);
      return provision ? [{ provision, why: s.why }] : [];
    }),
  }));
}

/** Every link between provisions of the current documents, strongest first within a document. */
export async function listLinksAcross(options: { today: string }): Promise<LinkRow[]> {
  const client = await dbReady();
  const rows = await client.link.findMany({
    where: { document: { isCurrent: true } },
    orderBy: [{ documentId: "asc" }, { score: "desc" }, { id: "asc" }],
    select: { kind: true, score: true, why: true, method: true, document: { select: DOCUMENT }, from: { select: PROVISION }, to: { select: PROVISION } },
  });
  return rows.map((l) => ({
    document: factDocument(l.document, options.today),
    from: factProvision(l.from),
    to: factProvision(l.to),
    kind: l.kind as LinkKind,
    strength: l.score,
    why: l.why,
    method: l.method === "explicit" ? "explicit" : "inferred",
  }));
}
