/**
 * A table of lib/export/table.ts as HTML: the same cells the CSV and XLSX
 * exports write, so a download matches the page row for row. On phones
 * each row is shown as a card, cells labelled with their column.
 */
import type { Cell, Table } from "@/lib/export/table";

function cellClass(cell: Cell): string | undefined {
  if (cell.value && "number" in cell.value) return "num";
  if (cell.text === "逾期") return "days-overdue";
  if (cell.text === "未到期" || cell.text === "今天到期") return "days-open";
  if (cell.text === "随文件失效") return "muted";
  return undefined;
}

export function DataTable({ table, label, id }: { table: Table; label: string; id?: string }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table id={id} className="data-table">
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i} className={row.some((c) => c.text === "逾期") ? "overdue" : undefined}>
              {row.map((cell, j) => (
                <td key={j} className={cellClass(cell)} data-label={table.columns[j]}>
                  {cell.href ? <a href={cell.href}>{cell.text}</a> : cell.text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
