import { EXPORT_FORMATS, exportResponse } from "@/lib/export/response";
import { logTable } from "@/lib/export/review";
import { paramsOfUrl } from "@/lib/site/ledger";
import { oneOf } from "@/lib/site/params";
import { logPage, logQueryOf } from "@/lib/site/review";
import { todayInChina } from "@/lib/status";

export const dynamic = "force-dynamic";

/** The correction log as it is on the page (same filters) in CSV or XLSX, the filters written above the header. */
export async function GET(request: Request) {
  const params = paramsOfUrl(request.url);
  const format = oneOf(params, "format", EXPORT_FORMATS);
  if (!format) return Response.json({ error: "format must be csv or xlsx" }, { status: 400 });
  const today = todayInChina();
  const page = await logPage(logQueryOf(params), today);
  return exportResponse(logTable(page), { format, baseName: `校正记录-${today}` });
}
