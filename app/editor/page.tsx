import type { Metadata } from "next";
import { SignOut } from "@/components/SignOut";
import { signedInEditor } from "@/components/editor-session";
import { editingEnabled, localPath } from "@/lib/site/editors";
import { param, type RawSearchParams } from "@/lib/site/params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "编辑登录" };

const ERRORS: Record<string, string> = { token: "令牌不正确，请重新输入。", request: "请求无效，请在本页重新登录。" };

export default async function EditorPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = await searchParams;
  const next = localPath(param(params, "next"));
  const error = ERRORS[param(params, "error") ?? ""];
  const editor = await signedInEditor();
  return (
    <>
      <h1>编辑登录</h1>
      <p className="lead">登录后，可在文件正文旁校正解析出的要素（责任单位及角色、时限、目标值、条款类型、关联），在复核队列处理解析提示。每次校正都记录校正人、时间和理由。</p>
      {!editingEnabled() ? (
        <p className="notice" role="status">
          校正已停用：服务器没有配置编辑令牌（环境变量 POLICYKB_EDITORS 或 ADMIN_TOKEN）。
        </p>
      ) : editor ? (
        <div className="success" role="status">
          <p>已登录为 {editor}。</p>
          <p>
            <a href={next}>继续</a> · <a href="/review">复核队列</a> · <a href="/review/log">校正记录</a>
          </p>
          <SignOut next="/editor" />
        </div>
      ) : (
        <form className="upload-form" method="post" action="/editor/session">
          {error && (
            <p className="error-box" role="alert">
              {error}
            </p>
          )}
          <label>
            编辑令牌
            <input type="password" name="token" autoComplete="current-password" required />
          </label>
          <input type="hidden" name="next" value={next} />
          <div className="actions">
            <button type="submit">登录</button>
          </div>
          <p className="muted">令牌由管理员在 POLICYKB_EDITORS 中设置（格式 name:token）。登录保持 8 小时。</p>
        </form>
      )}
    </>
  );
}
