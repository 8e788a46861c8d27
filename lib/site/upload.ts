/**
 * Adding documents from the site (POST /api/documents): reading an
 * authorised multipart request, a preview of the parse, storing through the
 * same path as the CLI, and the mapping of parser refusals to HTTP statuses.
 */
import { InputError, parseDocument, type ParseMessage, type PolicyDoc } from "../parser";
import { cleanSlug, slugOfFile } from "../ingest/files";
import { ingestBytes } from "../ingest/document";
import { documentStored } from "../ingest/hooks";
import type { StoreStatus } from "../db/store";
import { MAX_UPLOAD_BYTES, UploadError, checkAdminToken, uploadsEnabled } from "./admin";
import { documentPath } from "./citation";

export { MAX_UPLOAD_BYTES, UploadError } from "./admin";

/** The token of `Authorization: Bearer …`, if any. */
function bearerOf(request: Request): string | null {
  return request.headers.get("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim() || null;
}

/**
 * The multipart form of an authorised upload request: the size is checked
 * from Content-Length first, a Bearer token before the body is read, a form
 * `token` field after.
 */
export async function authorisedForm(request: Request): Promise<FormData> {
  checkContentLength(request);
  const bearer = bearerOf(request);
  if (bearer || !uploadsEnabled()) checkAdminToken(bearer);
  const form = await formOf(request);
  if (!bearer) {
    const field = form.get("token");
    checkAdminToken(typeof field === "string" ? field : null);
  }
  return form;
}

export interface UploadFile {
  name: string;
  bytes: Uint8Array;
}

/** The file of a multipart form (field `file`), refused when missing or over the limit. */
export async function fileOf(form: FormData): Promise<UploadFile> {
  const file = form.get("file");
  if (!file || typeof file === "string") throw new UploadError("no file: send the document in the multipart field \"file\"", 400);
  if (file.size > MAX_UPLOAD_BYTES) throw new UploadError(`file is ${(file.size / 1048576).toFixed(1)} MB, over the ${MAX_UPLOAD_BYTES / 1048576} MB limit`, 413);
  return { name: file.name || "upload.txt", bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** The multipart form of a request; refused (400) when the body is not one. */
async function formOf(request: Request): Promise<FormData> {
  if (!/^multipart\/form-data/i.test(request.headers.get("content-type") ?? "")) throw new UploadError("send the document as multipart/form-data with a \"file\" field", 400);
  try {
    return await request.formData();
  } catch {
    throw new UploadError("the multipart form could not be read", 400);
  }
}

/** Refuses a request whose declared body is already over the limit (before reading it). */
function checkContentLength(request: Request): void {
  const length = Number(request.headers.get("content-length"));
  if (Number.isFinite(length) && length > MAX_UPLOAD_BYTES + 64 * 1024) throw new UploadError(`upload is over the ${MAX_UPLOAD_BYTES / 1048576} MB limit`, 413);
}

export interface UploadPreview {
  preview: true;
  fileName: string;
  slug: string;
  format: string;
  encoding: string;
  document: PolicyDoc;
  messages: ParseMessage[];
}

export interface UploadStored {
  preview: false;
  fileName: string;
  status: StoreStatus;
  slug: string;
  version: number;
  provisions: number;
  url: string;
}

function refusal(error: unknown): never {
  if (error instanceof InputError) {
    const status = error.code === "binary" || error.code === "unsupported" ? 415 : error.code === "too-large" ? 413 : 400;
    throw new UploadError(error.message, status);
  }
  throw error;
}

/** Parses an upload without storing it: structure, facts and messages. */
export async function previewUpload(file: UploadFile): Promise<UploadPreview> {
  try {
    const result = await parseDocument(file.bytes, file.name, { maxBytes: MAX_UPLOAD_BYTES });
    const slug = typeof result.extra.slug === "string" ? cleanSlug(result.extra.slug) : slugOfFile(file.name);
    return { preview: true, fileName: file.name, slug, format: result.format, encoding: result.encoding, document: result.doc, messages: result.messages };
  } catch (error) {
    return refusal(error);
  }
}

/** Parses and stores an upload (a new document, or a new version of its slug) and runs the store hooks. */
export async function storeUpload(file: UploadFile): Promise<UploadStored> {
  try {
    const outcome = await ingestBytes(file.bytes, file.name);
    await documentStored(outcome);
    return { preview: false, fileName: file.name, status: outcome.status, slug: outcome.slug, version: outcome.version, provisions: outcome.provisions, url: documentPath(outcome.slug) };
  } catch (error) {
    return refusal(error);
  }
}
