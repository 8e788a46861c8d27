import { diffResponse } from "@/lib/site/diff-api";

export const dynamic = "force-dynamic";

/** What changed between two versions: ?from=N&to=M (../shared/CONTRACT.md §3). */
export async function GET(request: Request, context: { params: Promise<{ slug: string }> }) {
  const { slug } = await context.params;
  const { status, body } = await diffResponse(slug, new URL(request.url).searchParams);
  return Response.json(body, { status });
}
