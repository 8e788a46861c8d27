import { TASKS } from "@/lib/api/endpoints";
import { answer } from "@/lib/api/http";

export const dynamic = "force-dynamic";

/** GET /api/tasks: see /api/openapi.json. */
export function GET(request: Request) {
  return answer(request, TASKS);
}
