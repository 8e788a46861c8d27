/**
 * Reading stored corrections: the rows of some documents (what every read
 * applies), and the audit log of every correction and undo. Plain data; the
 * rules that apply them are corrections-apply.ts.
 */
import { dbReady } from "./client";
import type { Correction, CorrectionAction, CorrectionFact, MessageRef } from "./corrections-apply";

/** A Correction row as Prisma returns it. */
export interface CorrectionRow {
  id: number;
  key: string;
  slug: string;
  version: number;
  provision: string | null;
  provisionText: string;
  provisionStart: number;
  fact: string;
  action: string;
  value: string;
  original: string | null;
  message: string | null;
  note: string;
  editor: string;
  createdAt: Date;
  undoneAt: Date | null;
  undoneBy: string | null;
  undoNote: string | null;
}

function json<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** A row as a correction (its JSON fields read). */
export function correctionOf(row: CorrectionRow): Correction {
  return {
    id: row.id,
    key: row.key,
    document: row.slug,
    version: row.version,
    provision: row.provision,
    provisionText: row.provisionText,
    provisionStart: row.provisionStart,
    fact: row.fact as CorrectionFact | "message",
    action: row.action as CorrectionAction | "dismiss",
    value: json<Record<string, unknown>>(row.value, {}),
    original: json<Record<string, unknown> | null>(row.original, null),
    message: json<MessageRef | null>(row.message, null),
    note: row.note,
    editor: row.editor,
    createdAt: row.createdAt.toISOString(),
    undoneAt: row.undoneAt?.toISOString() ?? null,
    undoneBy: row.undoneBy,
    undoNote: row.undoNote,
  };
}

/** Every correction of the documents (undone ones too), in the order they were made. */
export async function loadCorrections(slugs: string[]): Promise<Correction[]> {
  if (!slugs.length) return [];
  const client = await dbReady();
  const rows = await client.correction.findMany({ where: { slug: slugs.length === 1 ? slugs[0]! : { in: slugs } }, orderBy: { id: "asc" } });
  return rows.map(correctionOf);
}

/** Editors' decisions on parser messages not undone (accepted as a fact, or dismissed), in the order made. */
export async function messageDecisions(): Promise<Correction[]> {
  const client = await dbReady();
  return (await client.correction.findMany({ where: { message: { not: null }, undoneAt: null }, orderBy: { id: "asc" } })).map(correctionOf);
}

/** Slugs that have corrections of facts not undone (the documents whose reads change). */
export async function correctedSlugs(slugs?: string[]): Promise<Set<string>> {
  const client = await dbReady();
  const rows = await client.correction.findMany({
    where: { undoneAt: null, fact: { not: "message" }, ...(slugs ? { slug: { in: slugs } } : {}) },
    select: { slug: true },
    distinct: ["slug"],
  });
  return new Set(rows.map((r) => r.slug));
}

/** Ids of the current versions of documents with corrections of facts not undone. */
export async function correctedDocumentIds(): Promise<number[]> {
  const slugs = [...(await correctedSlugs())];
  if (!slugs.length) return [];
  const client = await dbReady();
  return (await client.document.findMany({ where: { isCurrent: true, slug: { in: slugs } }, select: { id: true } })).map((d) => d.id);
}

/** One correction of a document by id; null when the document has none with that id. */
export async function findCorrection(slug: string, id: number): Promise<Correction | null> {
  const client = await dbReady();
  const row = await client.correction.findFirst({ where: { id, slug } });
  return row ? correctionOf(row) : null;
}

export interface LogQuery {
  editor?: string;
  /** Document slug. */
  document?: string;
}

/** One line of the audit log: a correction made, or undone. */
export interface LogEntry {
  event: "made" | "undone";
  at: string;
  editor: string;
  note: string | null;
  correction: Correction;
}

/** Every correction and undo, newest first, filtered by editor (who made or undid it) and document. */
export async function correctionLog(query: LogQuery = {}): Promise<{ entries: LogEntry[]; editors: string[]; documents: string[] }> {
  const client = await dbReady();
  const rows = (await client.correction.findMany({ where: query.document ? { slug: query.document } : {}, orderBy: { id: "asc" } })).map(correctionOf);
  const entries: LogEntry[] = [];
  for (const c of rows) {
    entries.push({ event: "made", at: c.createdAt, editor: c.editor, note: c.note, correction: c });
    if (c.undoneAt) entries.push({ event: "undone", at: c.undoneAt, editor: c.undoneBy ?? "", note: c.undoNote, correction: c });
  }
  const all = await client.correction.findMany({ select: { editor: true, undoneBy: true, slug: true } });
  const editors = [...new Set(all.flatMap((r) => (r.undoneBy ? [r.editor, r.undoneBy] : [r.editor])))].sort();
  const documents = [...new Set(all.map((r) => r.slug))].sort();
  const shown = entries.filter((e) => !query.editor || e.editor === query.editor).sort((a, b) => b.at.localeCompare(a.at) || b.correction.id - a.correction.id);
  return { entries: shown, editors, documents };
}
