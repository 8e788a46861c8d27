import { documentsResponse } from "@/lib/site/document-api";
import { UploadError, previewUpload, storeUpload, uploadOf } from "@/lib/site/upload";

export const dynamic = "force-dynamic";

/** The documents in force today, or as they stood on ?asOf=YYYY-MM-DD (the version that applied then). */
export async function GET(request: Request) {
  const { status, body } = await documentsResponse(new URL(request.url).searchParams);
  return Response.json(body, { status });
}

/** Adds a document (multipart field `file`, `Authorization: Bearer <ADMIN_TOKEN>`); `?preview=1` parses it without storing. */
export async function POST(request: Request) {
  try {
    const file = await uploadOf(request);
    if (new URL(request.url).searchParams.get("preview") === "1") return Response.json(await previewUpload(file));
    const stored = await storeUpload(file);
    return Response.json(stored, { status: stored.status === "added" ? 201 : 200 });
  } catch (error) {
    if (error instanceof UploadError) return Response.json({ error: error.message }, { status: error.status });
    throw error;
  }
}
