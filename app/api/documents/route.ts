import { listDocuments } from "@/lib/db/documents";
import { UploadError, previewUpload, storeUpload, uploadOf } from "@/lib/site/upload";

export const dynamic = "force-dynamic";

export async function GET() {
  const docs = await listDocuments();
  return Response.json(docs.map(({ slug, title, kind, issuer, docNumber, issuedAt, status, provisionCount }) => ({ slug, title, kind, issuer, docNumber, issuedAt, status, provisionCount })));
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
