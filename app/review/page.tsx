import type { Metadata } from "next";
import Link from "next/link";
import { FilterSelect } from "@/components/FilterSelect";
import { Pagination } from "@/components/Pagination";
import { ReviewActions } from "@/components/ReviewActions";
import { SignOut } from "@/components/SignOut";
import { UndoCorrection } from "@/components/UndoCorrection";
import { signedInEditor } from "@/components/editor-session";
import { queryString, type RawSearchParams } from "@/lib/site/params";
import { reviewPage, reviewQueryOf } from "@/lib/site/review";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "复核队列" };

/** Long passages are cut in the list; the provision link shows them whole. */
const cut = (text: string) => (text.length > 240 ? `${text.slice(0, 240)}…` : text);

export default async function ReviewPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const query = reviewQueryOf(await searchParams);
  const [page, editor] = await Promise.all([reviewPage(query), signedInEditor()]);
  const filtered = Boolean(query.document || query.kind || query.handled);
  const values = { document: query.document, kind: query.kind, handled: query.handled ? "1" : undefined };
  const here = `/review${queryString({ ...values, page: page.page > 1 ? page.page : undefined })}`;
  return (
    <>
      <h1>复核队列</h1>
      <p className="lead">解析器的提示（未采纳的单位名称、未归位的文字、编号问题等）和新版本中需要复核的人工校正，最新入库的文件在前。</p>
      {editor ? (
        <div className="editor-bar">
          <span>
            已登录为 <strong>{editor}</strong>：可采纳、忽略或前往原文校正。
          </span>
          <SignOut next={here} />
        </div>
      ) : (
        <p className="notice">
          查看无需登录；采纳、忽略或校正请先<a href={`/editor${queryString({ next: here })}`}>编辑登录</a>。
        </p>
      )}
      <p>
        <Link href="/review/log">校正记录（谁、何时、为何）</Link>
      </p>
      <form className="filters" method="get" action="/review" aria-label="筛选复核队列">
        <FilterSelect label="文件" name="document" value={query.document} options={page.documents} />
        <FilterSelect label="类型" name="kind" value={query.kind} options={page.kinds} />
        <label className="checkbox">
          <span>
            <input type="checkbox" name="handled" value="1" defaultChecked={query.handled} /> 包括已处理的提示
          </span>
        </label>
        <div className="actions">
          <button type="submit">应用</button>
          {filtered && <Link href="/review">清除筛选</Link>}
        </div>
      </form>
      <p className="result-count">
        {page.matching} 条{page.pages > 1 ? `，第 ${page.page}/${page.pages} 页` : ""}{filtered ? `（待处理共 ${page.total} 条）` : ""}
      </p>
      {page.items.length ? (
        <ol className="review-list">
          {page.items.map((item) => (
            <li key={item.key} className={`review-item review-${item.type}`} data-kind={item.kind}>
              <p className="review-head">
                <span className="badge">{item.kindLabel}</span> <a href={item.document.href}>{item.document.title}</a>
                {item.provision ? (
                  <>
                    {" · "}
                    <a href={item.provision.href}>{item.provision.citation}</a>
                  </>
                ) : (
                  <span className="muted"> · 全文</span>
                )}
              </p>
              {item.correction && <p className="review-summary">{item.correction.summary}</p>}
              <p>{item.text}</p>
              {item.words && <blockquote className="review-words">{cut(item.words)}</blockquote>}
              {item.correction && (
                <p>
                  <a href={item.correction.madeOn}>查看作出校正时的版本</a>
                </p>
              )}
              {item.decided && <p className="muted">{item.decided}</p>}
              {editor && item.decision !== null && <UndoCorrection slug={item.document.slug} id={item.decision} />}
              {editor && !item.decided && (
                <>
                  <ReviewActions target={{ slug: item.document.slug, provision: item.provision?.id ?? null, message: item.message, correction: item.correction }} />
                  {item.provision && (
                    <p>
                      <a href={item.provision.href}>在原文中校正（{item.provision.citation}）</a>
                    </p>
                  )}
                </>
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p className="empty">没有需要复核的条目。</p>
      )}
      <Pagination path="/review" values={values} page={page.page} pages={page.pages} label="复核队列分页" />
    </>
  );
}
