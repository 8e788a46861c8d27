import { documentCorrections, postCorrection, refusalResponse } from "@/lib/site/corrections";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/** The corrections of a document (undone ones too), in the order made, each with its state in the current version. */
export async function GET(_request: Request, context: Context) {
  const { slug } = await context.params;
  const corrections = await documentCorrections(slug);
  if (!corrections) return Response.json({ error: `no document "${slug}"` }, { status: 404 });
  return Response.json(corrections);
}

/** Stores a correction (`Authorization: Bearer <editor token>`, JSON `{ provision, fact, action, value, note }`): 201 and the stored correction. */
export async function POST(request: Request, context: Context) {
  try {
    const { slug } = await context.params;
    return Response.json(await postCorrection(request, slug), { status: 201 });
  } catch (error) {
    return refusalResponse(error);
  }
}
