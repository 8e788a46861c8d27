import { deleteCorrection, getOneCorrection, refusalResponse } from "@/lib/site/corrections";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string; id: string }> };

/** One correction with its state in the current version. */
export async function GET(_request: Request, context: Context) {
  try {
    const { slug, id } = await context.params;
    const correction = await getOneCorrection(slug, id);
    if (!correction) return Response.json({ error: `no correction ${id} of document "${slug}"` }, { status: 404 });
    return Response.json(correction);
  } catch (error) {
    return refusalResponse(error);
  }
}

/** Undoes a correction (the row stays, recording who undid it, when and why: optional `{ "note": "…" }`). */
export async function DELETE(request: Request, context: Context) {
  try {
    const { slug, id } = await context.params;
    return Response.json(await deleteCorrection(request, slug, id));
  } catch (error) {
    return refusalResponse(error);
  }
}
