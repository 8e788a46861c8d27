/**
 * Content Security Policy with a fresh nonce per request (Next.js Proxy, the
 * successor of middleware). Next reads the nonce from the request's
 * Content-Security-Policy header while rendering and puts it on its own
 * scripts, so no inline script runs without it: no 'unsafe-inline' for
 * scripts. Styles keep 'unsafe-inline' because components set style
 * attributes (a nonce cannot cover those). API routes get a static
 * `default-src 'none'` policy from next.config.mjs instead.
 * See node_modules/next/dist/docs/01-app/02-guides/content-security-policy.md.
 *
 * It also answers paths that are not valid percent-encoding
 * (`/documents/%E0%A4%A`, `/parties/%FF`): Next's router cannot decode their
 * dynamic segments and would answer a bare "Internal Server Error" before
 * any page or route ran. Likewise paths that decode to control characters
 * (`/api/documents/%00`): no slug or party name holds one, and PostgreSQL
 * refuses a NUL in any text it is asked to compare. Pages get the site's 404
 * page instead, API routes a 400 with a JSON error.
 */
import { NextResponse, type NextRequest } from "next/server";

/** The policy for one nonce. */
export function contentSecurityPolicy(nonce: string, options: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonced Next runtime loads are trusted, nothing else.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 16 random bytes, base64. */
function nonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** Whether a URL path is valid percent-encoding (of UTF-8) of text without control characters. */
export function decodablePath(pathname: string): boolean {
  try {
    // eslint-disable-next-line no-control-regex
    return !/[\u0000-\u001f\u007f]/.test(decodeURIComponent(pathname));
  } catch {
    return false;
  }
}

/** Where a page path that cannot be decoded is rewritten: no route has this path, so it renders app/not-found.tsx with 404. */
const UNDECODABLE_PAGE = "/_undecodable-path";

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const decodable = decodablePath(pathname);
  if (pathname.startsWith("/api/")) {
    return decodable ? NextResponse.next() : NextResponse.json({ error: "bad path: it is not valid percent-encoding (%XX bytes of UTF-8) of text without control characters" }, { status: 400 });
  }
  const policy = contentSecurityPolicy(nonce(), { dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = decodable ? NextResponse.next({ request: { headers } }) : NextResponse.rewrite(new URL(UNDECODABLE_PAGE, request.url), { request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not API routes, static assets or link prefetches.
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    // API paths with a percent sign, for the decoding check only (not every API
    // request: with a proxy in front, Next buffers request bodies, uploads included).
    { source: "/api/:path(.*%.*)" },
  ],
};
