import { getDocument } from "@/lib/db/documents";

export const dynamic = "force-dynamic";

/** One document; the slug arrives decoded (Next decodes each dynamic segment once, proxy.ts answers paths it cannot decode). */
export async function GET(_request: Request, context: { params: Promise<{ slug: string }> }) {
  const { slug } = await context.params;
  const doc = await getDocument(slug);
  if (!doc) return Response.json({ error: `no document "${slug}"` }, { status: 404 });
  return Response.json(doc);
}
