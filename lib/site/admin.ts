/**
 * Admin access for uploads: whether they are enabled (ADMIN_TOKEN set), the
 * constant-time token check, and the refusal type with its HTTP status.
 * Light on purpose: the admin page imports it without the parser or the store.
 */
import { createHash, timingSafeEqual } from "node:crypto";

/** Largest upload accepted. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** A refused upload: the HTTP status and a one-line reason for the user. */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 401 | 403 | 413 | 415,
  ) {
    super(message);
    this.name = "UploadError";
  }
}

/** Whether uploads are enabled (ADMIN_TOKEN set). */
export function uploadsEnabled(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return Boolean(env.ADMIN_TOKEN?.trim());
}

/**
 * Checks the given token against ADMIN_TOKEN in constant time: both are
 * hashed to equal-length digests before crypto.timingSafeEqual, so neither
 * the content nor the length of the token leaks through timing.
 */
export function checkAdminToken(given: string | null | undefined, env: Readonly<Record<string, string | undefined>> = process.env): void {
  const configured = env.ADMIN_TOKEN?.trim();
  if (!configured) throw new UploadError("uploads are disabled: the server has no ADMIN_TOKEN configured", 403);
  if (!given) throw new UploadError('an admin token is required: send it as "Authorization: Bearer <token>"', 401);
  const a = createHash("sha256").update(given.trim()).digest();
  const b = createHash("sha256").update(configured).digest();
  if (!timingSafeEqual(a, b)) throw new UploadError("the admin token is wrong", 401);
}

