/** Page links for a list whose page number lives in the URL (?page=N). */
import Link from "next/link";
import { queryString, type QueryValues } from "@/lib/site/params";

export function Pagination({ path, values, page, pages, label }: { path: string; values: QueryValues; page: number; pages: number; label: string }) {
  if (pages <= 1) return null;
  const href = (n: number) => `${path}${queryString({ ...values, page: n > 1 ? n : undefined })}`;
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 ? <Link href={href(page - 1)}>上一页</Link> : null}
      {shown.map((n, i) => (
        <span key={n} style={{ display: "contents" }}>
          {i > 0 && n - (shown[i - 1] ?? n) > 1 && <span aria-hidden="true">…</span>}
          {n === page ? (
            <span aria-current="page">{n}</span>
          ) : (
            <Link href={href(n)} aria-label={`第 ${n} 页`}>
              {n}
            </Link>
          )}
        </span>
      ))}
      {page < pages ? <Link href={href(page + 1)}>下一页</Link> : null}
    </nav>
  );
}
