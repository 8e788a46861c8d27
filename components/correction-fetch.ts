/**
 * Sending a correction or an undo from a page: the browser's session cookie
 * authorises it (lib/site/editors.ts), the API answers JSON. Plain module
 * for the client components that write.
 */

export interface Sent {
  status: number;
  /** The API's one-line reason, in words for the page, when it refused. */
  error: string | null;
  body: unknown;
}

/** Words for a refusal, by status. */
function refusal(status: number, reason: string): string {
  if (status === 401) return "未登录或登录已过期：请先在“编辑登录”页输入令牌。";
  if (status === 403) return "服务器未开放校正（没有配置编辑令牌）。";
  if (status === 409) return `操作未完成：${reason}`;
  return `未保存（${status}）：${reason}`;
}

/** Sends JSON to one of the corrections routes. */
export async function send(url: string, method: "POST" | "DELETE", body: unknown): Promise<Sent> {
  try {
    const response = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body), credentials: "same-origin" });
    let json: unknown = null;
    try {
      json = await response.json();
    } catch {
      json = null;
    }
    const reason = typeof json === "object" && json !== null && "error" in json && typeof json.error === "string" ? json.error : `服务器返回 ${response.status}`;
    return { status: response.status, error: response.ok ? null : refusal(response.status, reason), body: json };
  } catch (error) {
    return { status: 0, error: `请求失败：${String(error)}`, body: null };
  }
}

/** The corrections route of a document. */
export const correctionsUrl = (slug: string, rest = "") => `/api/documents/${encodeURIComponent(slug)}/corrections${rest}`;
