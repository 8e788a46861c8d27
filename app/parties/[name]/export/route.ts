import { getPartyLedger } from "@/lib/db/parties";
import { EXPORT_FORMATS, exportResponse } from "@/lib/export/response";
import { ledgerTable } from "@/lib/export/table";
import { ledgerFiltersCaption, ledgerQueryOf, paramsOfUrl } from "@/lib/site/ledger";
import { oneOf } from "@/lib/site/params";
import { todayInChina } from "@/lib/status";

export const dynamic = "force-dynamic";

/** The party's ledger as it is on the page (same filters and sort) in CSV or XLSX; the name arrives decoded (route handlers get decoded params). */
export async function GET(request: Request, context: { params: Promise<{ name: string }> }) {
  const params = paramsOfUrl(request.url);
  const format = oneOf(params, "format", EXPORT_FORMATS);
  if (!format) return Response.json({ error: "format must be csv or xlsx" }, { status: 400 });
  const { name } = await context.params;
  const query = ledgerQueryOf(params, todayInChina());
  const ledger = await getPartyLedger(name, query);
  if (!ledger) return Response.json({ error: `no party "${name}"` }, { status: 404 });
  return exportResponse(ledgerTable(ledger, ledgerFiltersCaption(ledger.party.name, query)), { format, baseName: `${ledger.party.name}-任务台账-${todayInChina()}` });
}
