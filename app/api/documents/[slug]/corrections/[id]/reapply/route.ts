import { postReapply, refusalResponse } from "@/lib/site/corrections";

export const dynamic = "force-dynamic";

/** Applies a correction that needs a look (its provision's text changed) to the current text: 201 and the new correction; the old one is undone. */
export async function POST(request: Request, context: { params: Promise<{ slug: string; id: string }> }) {
  try {
    const { slug, id } = await context.params;
    return Response.json(await postReapply(request, slug, id), { status: 201 });
  } catch (error) {
    return refusalResponse(error);
  }
}
