import type { Metadata, Viewport } from "next";
import Link from "next/link";
// Noto Sans SC as a web font, cut by Unicode range (OFL-1.1; served from the build,
// nothing fetched from elsewhere): the last CJK font of the stack in globals.css.
import "@fontsource-variable/noto-sans-sc/wght.css";
import "./globals.css";
import "./corrections.css";

export const metadata: Metadata = {
  title: { default: "政策知识库 PolicyKB", template: "%s · 政策知识库" },
  description: "政策文件的结构化、可检索、可引用知识库",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>
        <a className="skip-link" href="#main">
          跳到正文
        </a>
        <header className="site-header">
          <nav aria-label="主导航" className="site-nav">
            <Link href="/" className="brand">
              政策知识库
            </Link>
            <Link href="/search">检索</Link>
            <Link href="/parties">责任单位</Link>
            <Link href="/tasks">任务台账</Link>
            <Link href="/deadlines">时限</Link>
            <Link href="/review">复核</Link>
            <Link href="/admin">上传</Link>
          </nav>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">PolicyKB · 政策文件结构化知识库 · 条款可检索、可引用、可追溯</footer>
      </body>
    </html>
  );
}
