import { documentResponse } from "@/lib/site/document-api";

export const dynamic = "force-dynamic";

/** One document; ?version=N an older version, ?asOf=YYYY-MM-DD the version in force that day. The slug arrives decoded (Next decodes each dynamic segment once, proxy.ts answers paths it cannot decode). */
export async function GET(request: Request, context: { params: Promise<{ slug: string }> }) {
  const { slug } = await context.params;
  const { status, body } = await documentResponse(slug, new URL(request.url).searchParams);
  return Response.json(body, { status });
}
