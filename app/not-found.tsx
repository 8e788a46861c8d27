/**
 * The site's 404 page: unknown addresses, and pages that call notFound()
 * (an unknown document, version or party). Rendered per request (connection())
 * rather than prerendered, so Next can put this request's CSP nonce on its
 * scripts (proxy.ts) and the page hydrates like every other one. No client
 * component of its own: Next ships the root not-found with every route.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";

export const metadata: Metadata = { title: "未找到页面" };

export default async function NotFound() {
  await connection();
  return (
    <section className="not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">未找到页面</h1>
      <p className="lead">这个地址没有对应的文件、责任单位或页面：链接可能有误，或文件已改名。</p>
      <form action="/search" method="get" role="search" className="search-box">
        <label htmlFor="not-found-q" className="visually-hidden">
          检索条款
        </label>
        <input id="not-found-q" name="q" type="search" placeholder="检索条款，如：降成本、电力直接交易" autoComplete="off" maxLength={200} />
        <button type="submit">检索</button>
      </form>
      <ul className="not-found-links">
        <li>
          <Link href="/">全部文件</Link>
        </li>
        <li>
          <Link href="/parties">责任单位</Link>
        </li>
        <li>
          <Link href="/tasks">任务台账</Link>
        </li>
        <li>
          <Link href="/deadlines">时限</Link>
        </li>
      </ul>
    </section>
  );
}
