import { LINKS } from "@/lib/api/endpoints";
import { answer } from "@/lib/api/http";

export const dynamic = "force-dynamic";

/** GET /api/links: see /api/openapi.json. */
export function GET(request: Request) {
  return answer(request, LINKS);
}
