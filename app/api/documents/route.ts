import { listDocuments } from "@/lib/db/documents";

export const dynamic = "force-dynamic";

export async function GET() {
  const docs = await listDocuments();
  return Response.json(docs.map(({ slug, title, kind, issuer, docNumber, issuedAt, status, provisionCount }) => ({ slug, title, kind, issuer, docNumber, issuedAt, status, provisionCount })));
}
