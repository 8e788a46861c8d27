/**
 * Reading an upload out of a POST /api/documents request, in the order that
 * keeps a refused request cheap: the token of the Authorization header
 * before any of the body is read (401, or 403 when uploads are disabled),
 * then the content type (415), then the size (413) — a declared
 * Content-Length at once, and the body itself as a stream whose bytes are
 * counted and which is abandoned as soon as it passes the limit. Memory per
 * request therefore stays near the limit whatever a client sends, with or
 * without Content-Length.
 *
 * The token is read from the header only: a form field could only be checked
 * after reading the body, which is what an unauthenticated client must not
 * be able to make the server do.
 */
import { maxDocumentBytes } from "../ingest/limits";
import { MAX_UPLOAD_BYTES, UploadError, checkAdminToken } from "./admin";

type Env = Readonly<Record<string, string | undefined>>;

/** Room for the multipart framing around the file (boundaries, part headers, other fields). */
const MULTIPART_OVERHEAD = 64 * 1024;

/** The largest document the site accepts: the site's own cap, or POLICYKB_MAX_BYTES when that is smaller. */
export function uploadLimitBytes(env: Env = process.env): number {
  return Math.min(MAX_UPLOAD_BYTES, maxDocumentBytes({ ...process.env, POLICYKB_MAX_BYTES: env.POLICYKB_MAX_BYTES }));
}

/** "10 MB", "0.5 MB": a limit for messages. */
function megabytes(bytes: number): string {
  return `${Number((bytes / 1048576).toFixed(2))} MB`;
}

export interface UploadFile {
  name: string;
  bytes: Uint8Array;
}

export interface UploadRequestOptions {
  /** Largest file accepted; the multipart body may be MULTIPART_OVERHEAD larger. Default uploadLimitBytes(env). */
  maxBytes?: number;
  /** Where ADMIN_TOKEN is read. Default process.env. */
  env?: Env;
}

/**
 * The file of an authorised upload request (multipart field `file`), or an
 * UploadError with the status to answer: 401/403, 415, 413, 400 in that order.
 */
export async function uploadOf(request: Request, options: UploadRequestOptions = {}): Promise<UploadFile> {
  const env = options.env ?? process.env;
  const maxBytes = options.maxBytes ?? uploadLimitBytes(env);
  checkAdminToken(bearerOf(request), env);
  const type = multipartType(request);
  checkDeclaredLength(request, maxBytes);
  return fileOf(await formOf(request, type, maxBytes), maxBytes);
}

/** The token of `Authorization: Bearer …`, if any. */
function bearerOf(request: Request): string | null {
  return request.headers.get("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim() || null;
}

/** The request's multipart/form-data content type (with its boundary); 415 for any other type. */
function multipartType(request: Request): string {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*(;|$)/i.test(type)) throw new UploadError(`send the document as multipart/form-data with a "file" field (got ${type ? type.split(";")[0] : "no content type"})`, 415);
  return type;
}

function tooLarge(maxBytes: number): UploadError {
  return new UploadError(`upload is over the ${megabytes(maxBytes)} limit`, 413);
}

/** Refuses a request whose declared body is already over the limit, before reading any of it. */
function checkDeclaredLength(request: Request, maxBytes: number): void {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes + MULTIPART_OVERHEAD) throw tooLarge(maxBytes);
}

/**
 * The body parsed as a multipart form, read through a byte counter that
 * errors the stream (and so cancels the request body) once it passes the
 * limit; the parser never holds more than that.
 */
async function formOf(request: Request, type: string, maxBytes: number): Promise<FormData> {
  const limit = maxBytes + MULTIPART_OVERHEAD;
  let seen = 0;
  let over = false;
  const counted = request.body?.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > limit) {
          over = true;
          controller.error(tooLarge(maxBytes));
        } else controller.enqueue(chunk);
      },
    }),
  );
  try {
    return await new Response(counted ?? null, { headers: { "content-type": type } }).formData();
  } catch {
    if (over) throw tooLarge(maxBytes);
    throw new UploadError("the multipart form could not be read", 400);
  }
}

/** The form's file (field `file`), refused when missing or over the limit. */
async function fileOf(form: FormData, maxBytes: number): Promise<UploadFile> {
  const file = form.get("file");
  if (!file || typeof file === "string") throw new UploadError('no file: send the document in the multipart field "file"', 400);
  if (file.size > maxBytes) throw new UploadError(`file is ${(file.size / 1048576).toFixed(1)} MB, over the ${megabytes(maxBytes)} limit`, 413);
  return { name: file.name || "upload.txt", bytes: new Uint8Array(await file.arrayBuffer()) };
}
