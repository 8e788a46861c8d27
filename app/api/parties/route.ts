import { listParties } from "@/lib/db/parties";

export const dynamic = "force-dynamic";

export async function GET() {
  const parties = await listParties();
  return Response.json(parties.map(({ name, aliases, responsibilityCount }) => ({ name, aliases, responsibilityCount })));
}
