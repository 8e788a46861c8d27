import { listTasks } from "@/lib/db/tasks";
import { EXPORT_FORMATS, exportResponse } from "@/lib/export/response";
import { tasksTable } from "@/lib/export/table";
import { paramsOfUrl, taskFiltersCaption, taskFiltersOf, taskQueryOf } from "@/lib/site/ledger";
import { oneOf } from "@/lib/site/params";
import { todayInChina } from "@/lib/status";

export const dynamic = "force-dynamic";

/** The task list as it is on the page (same filters) in CSV or XLSX, the filters written above the header. */
export async function GET(request: Request) {
  const params = paramsOfUrl(request.url);
  const format = oneOf(params, "format", EXPORT_FORMATS);
  if (!format) return Response.json({ error: "format must be csv or xlsx" }, { status: 400 });
  const today = todayInChina();
  const filters = taskFiltersOf(params);
  const tasks = await listTasks(await taskQueryOf(filters, today));
  return exportResponse(tasksTable(tasks, taskFiltersCaption(filters, today)), { format, baseName: `任务台账-${today}` });
}
