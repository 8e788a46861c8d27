/**
 * The HTTP response of an export: CSV or XLSX of a table, as a download
 * named in Chinese (RFC 6266 filename* with an ASCII fallback).
 */
import { toCsv } from "./csv";
import type { Table } from "./table";
import { toXlsx } from "./xlsx";

export type ExportFormat = "csv" | "xlsx";
export const EXPORT_FORMATS: ExportFormat[] = ["csv", "xlsx"];

function disposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** A download of the table in the format; `baseName` without extension. */
export async function exportResponse(table: Table, options: { format: ExportFormat; baseName: string }): Promise<Response> {
  const fileName = `${options.baseName}.${options.format}`;
  if (options.format === "csv") {
    return new Response(toCsv(table), { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": disposition(fileName) } });
  }
  const body = await toXlsx(table, options.baseName);
  return new Response(body, {
    headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "content-disposition": disposition(fileName) },
  });
}
