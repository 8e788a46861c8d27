import { counts } from "@/lib/db/documents";
import { todayInChina } from "@/lib/status";

export const dynamic = "force-dynamic";

export async function GET() {
  const c = await counts(todayInChina());
  return Response.json({ ok: true, documents: c.documents, provisions: c.provisions });
}
