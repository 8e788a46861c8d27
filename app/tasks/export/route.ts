import { listTasks } from "@/lib/db/tasks";
import { EXPORT_FORMATS, exportResponse } from "@/lib/export/response";
import { tasksTable } from "@/lib/export/table";
import { paramsOfUrl, taskQueryOf } from "@/lib/site/ledger";
import { oneOf } from "@/lib/site/params";
import { todayInChina } from "@/lib/status";

export const dynamic = "force-dynamic";

/** The task list as it is on the page (same filters) in CSV or XLSX. */
export async function GET(request: Request) {
  const params = paramsOfUrl(request.url);
  const format = oneOf(params, "format", EXPORT_FORMATS);
  if (!format) return Response.json({ error: "format must be csv or xlsx" }, { status: 400 });
  const tasks = await listTasks(taskQueryOf(params, todayInChina()));
  return exportResponse(tasksTable(tasks), { format, baseName: `任务台账-${todayInChina()}` });
}
