import { search, searchQueryFromParams, SearchQueryError } from "@/lib/search";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    const query = searchQueryFromParams(new URL(request.url).searchParams);
    const { facets: _facets, ...result } = await search(query);
    return Response.json(result);
  } catch (error) {
    if (error instanceof SearchQueryError) return Response.json({ error: error.message }, { status: 400 });
    throw error;
  }
}
