import { getDocument } from "@/lib/db/documents";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ slug: string }> }) {
  const { slug } = await context.params;
  const doc = await getDocument(decodeURIComponent(slug));
  if (!doc) return Response.json({ error: `no document "${decodeURIComponent(slug)}"` }, { status: 404 });
  return Response.json(doc);
}
