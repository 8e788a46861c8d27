import { listParties } from "@/lib/db/parties";
import { todayInChina } from "@/lib/status";

export const dynamic = "force-dynamic";

/** Parties with responsibilities in documents in force (CONTRACT: name, aliases, responsibilityCount; taskCount added). */
export async function GET() {
  const parties = await listParties({ today: todayInChina() });
  return Response.json(parties.map(({ name, aliases, responsibilityCount, taskCount }) => ({ name, aliases, responsibilityCount, taskCount })));
}
