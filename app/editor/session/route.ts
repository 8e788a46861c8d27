import { SESSION_COOKIE, editorOfToken, localPath, overHttps, sameOrigin, sessionCookie, sessionValue } from "@/lib/site/editors";

export const dynamic = "force-dynamic";

/** See other: back to a page of this site, with the session cookie set or cleared. */
function goTo(path: string, cookie?: string): Response {
  return new Response(null, { status: 303, headers: { location: path, "cache-control": "no-store", ...(cookie ? { "set-cookie": cookie } : {}) } });
}

/**
 * Signs an editor in (form field `token`) or out (`action=sign-out`), then
 * goes to `next`. A wrong token goes back to /editor with an error; the
 * token is never echoed or logged. Only forms of this site are accepted.
 */
export async function POST(request: Request) {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (!sameOrigin(request) || length > 8192) return goTo("/editor?error=request");
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return goTo("/editor?error=request");
  }
  const next = localPath(form.get("next"));
  const secure = overHttps(request);
  if (form.get("action") === "sign-out") return goTo(next, sessionCookie(null, { secure }));
  const token = String(form.get("token") ?? "").trim();
  const editor = editorOfToken(token);
  if (!editor) return goTo(`/editor?error=token&next=${encodeURIComponent(next)}`, `${SESSION_COOKIE}=; Path=/; Max-Age=0`);
  return goTo(next, sessionCookie(sessionValue(editor, token), { secure }));
}
