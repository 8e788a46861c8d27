/** The largest document accepted (POLICYKB_MAX_BYTES, default 32 MB), read where files come in (CLI, ingest, upload). */
import { DEFAULT_MAX_BYTES } from "../parser/decode";

export function maxDocumentBytes(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.POLICYKB_MAX_BYTES);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : DEFAULT_MAX_BYTES;
}
