/**
 * Corrections through the site and the API: who is asking (editors.ts), what
 * they ask (correction-request.ts), storing and undoing (lib/db), keeping
 * search up to date, and the JSON the API answers with — one line of reason
 * and the right status for every refusal, never a 500 for a bad request.
 */
import { CorrectionRefused, createCorrection, reapplyCorrection, undoCorrection } from "../db/corrections";
import { loadCorrections } from "../db/correction-rows";
import type { Correction, CorrectionState } from "../db/corrections-apply";
import { getCorrectedDocument } from "../db/documents";
import { refreshIndex } from "../search";
import { CorrectionRequestError, correctionInputOf, jsonBodyOf } from "./correction-request";
import { EditorError, requireEditor } from "./editors";

/** A correction as the API gives it: as stored, and what it does to the current version. */
export interface CorrectionJson {
  id: number;
  document: string;
  version: number;
  provision: string | null;
  fact: Correction["fact"];
  action: Correction["action"];
  value: Record<string, unknown>;
  original: Record<string, unknown> | null;
  message: Correction["message"];
  note: string;
  editor: string;
  createdAt: string;
  undoneAt: string | null;
  undoneBy: string | null;
  undoNote: string | null;
  /** In the current version: applied, kept but needing a look (reason says why), or undone. */
  status: CorrectionState["status"];
  reason: CorrectionState["reason"];
}

export function correctionJson(c: Correction, state: CorrectionState | undefined): CorrectionJson {
  const status = c.undoneAt ? "undone" : (state?.status ?? "applied");
  return {
    id: c.id,
    document: c.document,
    version: c.version,
    provision: c.provision,
    fact: c.fact,
    action: c.action,
    value: c.value,
    original: c.original,
    message: c.message,
    note: c.note,
    editor: c.editor,
    createdAt: c.createdAt,
    undoneAt: c.undoneAt,
    undoneBy: c.undoneBy,
    undoNote: c.undoNote,
    status,
    reason: status === "needs-review" ? (state?.reason ?? null) : null,
  };
}

/** Search sees a correction at once in this process (other servers within a second); a failure there never fails the correction, which is stored. */
async function corrected(): Promise<void> {
  try {
    await refreshIndex();
  } catch (error) {
    process.stderr.write(`policykb: search index not refreshed after a correction: ${String((error as Error).message ?? error).split("\n")[0]}\n`);
  }
}

/** The corrections of a document, in the order made, with their state in the current version; null when there is no such document. */
export async function documentCorrections(slug: string): Promise<CorrectionJson[] | null> {
  const doc = await getCorrectedDocument(slug);
  if (!doc) return null;
  const states = doc.corrections.states;
  return (await loadCorrections([slug])).map((c) => correctionJson(c, states.get(c.id)));
}

/** The state of one correction in the current version. */
async function stateOf(c: Correction): Promise<CorrectionState | undefined> {
  return (await getCorrectedDocument(c.document))?.corrections.states.get(c.id);
}

/** POST /api/documents/{slug}/corrections: the editor first (before the body is read), then the body, then the store's checks. */
export async function postCorrection(request: Request, slug: string): Promise<CorrectionJson> {
  const editor = requireEditor(request);
  const input = correctionInputOf(await jsonBodyOf(request), { document: slug, editor });
  const stored = await createCorrection(input);
  await corrected();
  return correctionJson(stored, await stateOf(stored));
}

/** An undo's note: `{ "note": "…" }` as JSON, or `?note=`; optional. */
async function undoNoteOf(request: Request): Promise<string | null> {
  const fromUrl = new URL(request.url).searchParams.get("note");
  if (fromUrl !== null) return fromUrl.trim().slice(0, 500) || null;
  const body = await jsonBodyOf(request, { optional: true });
  if (body === undefined) return null;
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new CorrectionRequestError('the body must be a JSON object { "note": "…" }');
  const note = (body as { note?: unknown }).note;
  if (note !== undefined && typeof note !== "string") throw new CorrectionRequestError("note must be text");
  return note?.trim().slice(0, 500) || null;
}

/** A correction id from the URL, or a 400. */
function idOf(raw: string): number {
  if (!/^[1-9]\d{0,9}$/.test(raw)) throw new CorrectionRequestError(`correction id must be a positive whole number (got "${raw.slice(0, 40)}")`);
  return Number(raw);
}

/** DELETE /api/documents/{slug}/corrections/{id}: undo (recorded: who, when, why). */
export async function deleteCorrection(request: Request, slug: string, rawId: string): Promise<CorrectionJson> {
  const editor = requireEditor(request);
  const id = idOf(rawId);
  const note = await undoNoteOf(request);
  const undone = await undoCorrection(slug, id, { editor, note });
  await corrected();
  return correctionJson(undone, undefined);
}

/** POST /api/documents/{slug}/corrections/{id}/reapply: a correction needing a look, applied again to the current text. */
export async function postReapply(request: Request, slug: string, rawId: string): Promise<CorrectionJson> {
  const editor = requireEditor(request);
  const id = idOf(rawId);
  const note = (await undoNoteOf(request)) ?? "按新文本重新应用";
  const stored = await reapplyCorrection(slug, id, { editor, note });
  await corrected();
  return correctionJson(stored, await stateOf(stored));
}

/** GET one correction with its state; null when the document has none with that id. */
export async function getOneCorrection(slug: string, rawId: string): Promise<CorrectionJson | null> {
  const id = idOf(rawId);
  return (await documentCorrections(slug))?.find((c) => c.id === id) ?? null;
}

const REFUSAL_STATUS: Record<CorrectionRefused["code"], number> = { "no-document": 404, "no-correction": 404, invalid: 400, undone: 409 };

/** The JSON error response for a refused request; anything else is a bug and is thrown on. */
export function refusalResponse(error: unknown): Response {
  if (error instanceof EditorError) return Response.json({ error: error.message }, { status: error.status, headers: error.status === 401 ? { "www-authenticate": 'Bearer realm="policykb"' } : {} });
  if (error instanceof CorrectionRequestError) return Response.json({ error: error.message }, { status: error.status });
  if (error instanceof CorrectionRefused) return Response.json({ error: error.message }, { status: REFUSAL_STATUS[error.code] });
  throw error;
}
