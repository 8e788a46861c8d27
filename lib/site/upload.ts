/**
 * Adding documents from the site (POST /api/documents): a preview of the
 * parse, storing through the same path as the CLI, and the mapping of parser
 * refusals to HTTP statuses. Reading the request (token, type, size) is
 * upload-request.ts.
 */
import { InputError, parseDocument, type ParseMessage, type PolicyDoc } from "../parser";
import { cleanSlug, slugOfFile } from "../ingest/files";
import { ingestBytes } from "../ingest/document";
import { documentStored } from "../ingest/hooks";
import type { StoreStatus } from "../db/store";
import { UploadError } from "./admin";
import { documentPath } from "./citation";
import { uploadLimitBytes, type UploadFile } from "./upload-request";

export { MAX_UPLOAD_BYTES, UploadError } from "./admin";
export { uploadLimitBytes, uploadOf, type UploadFile } from "./upload-request";

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
    const result = await parseDocument(file.bytes, file.name, { maxBytes: uploadLimitBytes() });
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
