/**
 * Editors: who may correct facts. POLICYKB_EDITORS names them as
 * comma-separated `name:token` pairs; ADMIN_TOKEN edits too, as editor
 * `admin`. Tokens are compared in constant time (both hashed to equal-length
 * digests first, every configured token tried) and never logged or echoed.
 *
 * A browser that signed in holds a session cookie: the editor's name and an
 * expiry, signed with a key derived from that editor's token. Servers keep
 * no session state, and a session ends when its token is changed or removed.
 * Requests authorised by the cookie alone must come from this site's own
 * pages (Origin / Sec-Fetch-Site), besides the cookie being SameSite=Strict.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

type Env = Readonly<Record<string, string | undefined>>;

/** The session cookie's name. */
export const SESSION_COOKIE = "policykb_editor";
/** How long a sign-in lasts. */
export const SESSION_SECONDS = 8 * 3600;

/** A refused write: the HTTP status and a one-line reason (never the token). */
export class EditorError extends Error {
  constructor(
    message: string,
    readonly status: 401 | 403,
  ) {
    super(message);
    this.name = "EditorError";
  }
}

interface Configured {
  name: string;
  token: string;
}

const warned = new Set<string>();

/** The editors the environment names: POLICYKB_EDITORS pairs, and `admin` for ADMIN_TOKEN. Malformed pairs are skipped with a warning naming their position, not their content. */
export function configuredEditors(env: Env = process.env): Configured[] {
  const out: Configured[] = [];
  (env.POLICYKB_EDITORS ?? "").split(",").forEach((pair, i) => {
    if (!pair.trim()) return;
    const at = pair.indexOf(":");
    const name = at > 0 ? pair.slice(0, at).trim() : "";
    const token = at > 0 ? pair.slice(at + 1).trim() : "";
    if (name && token) out.push({ name, token });
    else if (!warned.has(`${i}`)) {
      warned.add(`${i}`);
      process.stderr.write(`policykb: POLICYKB_EDITORS entry ${i + 1} is not name:token; skipped\n`);
    }
  });
  const admin = env.ADMIN_TOKEN?.trim();
  if (admin) out.push({ name: "admin", token: admin });
  return out;
}

/** Whether anyone may correct facts here. */
export function editingEnabled(env: Env = process.env): boolean {
  return configuredEditors(env).length > 0;
}

const digest = (value: string) => createHash("sha256").update(value).digest();

/** The editor a token belongs to, or null; every configured token is compared, in constant time. */
export function editorOfToken(token: string | null | undefined, env: Env = process.env): string | null {
  if (!token?.trim()) return null;
  const given = digest(token.trim());
  let found: string | null = null;
  for (const e of configuredEditors(env)) {
    const match = timingSafeEqual(given, digest(e.token));
    if (match && found === null) found = e.name;
  }
  return found;
}

/** The token of `Authorization: Bearer …`, if any. */
export function bearerOf(request: Request): string | null {
  return request.headers.get("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim() || null;
}

const encode = (name: string) => Buffer.from(name, "utf8").toString("base64url");

function signature(token: string, body: string): Buffer {
  return createHmac("sha256", digest(`policykb editor session\u0000${token}`)).update(body).digest();
}

/** The session cookie's value for an editor signed in with `token`. */
export function sessionValue(name: string, token: string, now = Date.now()): string {
  const body = `${encode(name)}.${Math.floor(now / 1000) + SESSION_SECONDS}`;
  return `${body}.${signature(token, body).toString("base64url")}`;
}

/** The editor a session cookie stands for, or null when it is missing, expired, forged or its token no longer configured. */
export function editorOfSession(value: string | null | undefined, env: Env = process.env, now = Date.now()): string | null {
  const parts = (value ?? "").split(".");
  if (parts.length !== 3) return null;
  const [nameB64, expires, mac] = parts as [string, string, string];
  if (!/^\d+$/.test(expires) || Number(expires) * 1000 <= now) return null;
  const name = Buffer.from(nameB64, "base64url").toString("utf8");
  const given = Buffer.from(mac, "base64url");
  let found: string | null = null;
  for (const e of configuredEditors(env)) {
    if (e.name !== name) continue;
    const wanted = signature(e.token, `${nameB64}.${expires}`);
    if (given.length === wanted.length && timingSafeEqual(given, wanted)) found = e.name;
  }
  return found;
}

/** The value of a cookie of the request. */
export function cookieOf(request: Request, name: string): string | null {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) return decodeURIComponent(part.slice(at + 1).trim());
  }
  return null;
}

/** Whether a request comes from this site's own pages (what a cookie-authorised write must). */
export function sameOrigin(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * The editor a write request is made by: a bearer token (the API), else the
 * session cookie of a page of this site. 403 when no editor is configured,
 * 401 otherwise when neither names one.
 */
export function requireEditor(request: Request, env: Env = process.env): string {
  if (!editingEnabled(env)) throw new EditorError("corrections are disabled: the server has no POLICYKB_EDITORS or ADMIN_TOKEN configured", 403);
  const token = bearerOf(request);
  if (token) {
    const name = editorOfToken(token, env);
    if (!name) throw new EditorError("the editor token is wrong", 401);
    return name;
  }
  const session = editorOfSession(cookieOf(request, SESSION_COOKIE), env);
  if (session && sameOrigin(request)) return session;
  throw new EditorError('an editor token is required: send it as "Authorization: Bearer <token>", or sign in at /editor', 401);
}

/** The Set-Cookie header that signs an editor in (or out, with `value` null). */
export function sessionCookie(value: string | null, options: { secure: boolean }): string {
  const attributes = ["Path=/", "HttpOnly", "SameSite=Strict", `Max-Age=${value ? SESSION_SECONDS : 0}`, ...(options.secure ? ["Secure"] : [])];
  return `${SESSION_COOKIE}=${value ? encodeURIComponent(value) : ""}; ${attributes.join("; ")}`;
}

/** Where to go after signing in or out: a path of this site (never another origin), else the review queue. */
export function localPath(raw: unknown, fallback = "/review"): string {
  // eslint-disable-next-line no-control-regex
  if (typeof raw !== "string" || !raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\") || /[\u0000-\u001f]/.test(raw)) return fallback;
  return raw;
}

/** Whether the request reached the site over HTTPS (the session cookie is then Secure). */
export function overHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}
