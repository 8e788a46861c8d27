"use client";
/**
 * The admin upload form: the token and a file go to POST /api/documents,
 * first with ?preview=1 to show the parse (structure, facts, messages),
 * then for real to store it.
 */
import { useState, type FormEvent } from "react";
import type { PolicyDoc } from "@/lib/parser";
import type { UploadPreview, UploadStored } from "@/lib/site/upload";
import { DEADLINE_LABELS, RESPONSIBILITY_LABELS, ROLE_LABELS, targetValue } from "@/lib/site/labels";

type State = { kind: "idle" } | { kind: "busy"; what: string } | { kind: "error"; status: number; message: string } | { kind: "preview"; preview: UploadPreview } | { kind: "stored"; stored: UploadStored };

const STATUS_WORDS: Record<UploadStored["status"], string> = { added: "已新增", updated: "已更新为新版本", unchanged: "内容未变，未重复保存" };

async function send(file: File, token: string, preview: boolean): Promise<{ status: number; body: unknown }> {
  const form = new FormData();
  form.append("file", file);
  const response = await fetch(`/api/documents${preview ? "?preview=1" : ""}`, { method: "POST", body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    body = { error: `服务器返回 ${response.status}` };
  }
  return { status: response.status, body };
}

function errorOf(body: unknown): string {
  return typeof body === "object" && body && "error" in body && typeof body.error === "string" ? body.error : "未知错误";
}

function depthOf(doc: PolicyDoc): Map<string, number> {
  const depth = new Map<string, number>();
  for (const p of doc.provisions) depth.set(p.id, p.parent ? (depth.get(p.parent) ?? 0) + 1 : 0);
  return depth;
}

function Preview({ preview }: { preview: UploadPreview }) {
  const doc = preview.document;
  const depth = depthOf(doc);
  return (
    <section className="preview" aria-labelledby="preview-title">
      <h2 id="preview-title">解析预览：{doc.title ?? preview.slug}</h2>
      <dl className="doc-meta">
        <div>
          <dt>将保存为</dt>
          <dd>/documents/{preview.slug}</dd>
        </div>
        <div>
          <dt>类型</dt>
          <dd>{doc.kind ?? "—"}</dd>
        </div>
        <div>
          <dt>发文机关</dt>
          <dd>{doc.issuer ?? "—"}</dd>
        </div>
        <div>
          <dt>文号</dt>
          <dd>{doc.docNumber ?? "—"}</dd>
        </div>
        <div>
          <dt>日期</dt>
          <dd>{doc.issuedAt ?? doc.effectiveFrom ?? "—"}</dd>
        </div>
        <div>
          <dt>格式</dt>
          <dd>
            {preview.format} · {preview.encoding}
          </dd>
        </div>
      </dl>
      <p className="muted" data-testid="preview-counts">
        {doc.provisions.length} 个条款 · {doc.responsibilities.length} 项责任 · {doc.deadlines.length} 个时限 · {doc.targets.length} 个目标值 · {doc.links.length} 条关联 · {preview.messages.length} 条提示
      </p>
      {preview.messages.length > 0 && (
        <>
          <h3>解析提示</h3>
          <ul>
            {preview.messages.map((m, i) => (
              <li key={i}>
                {m.reason}（{m.ruleId}，位置 {m.start}）
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>结构</h3>
      <ul className="preview-tree">
        {doc.provisions.map((p) => (
          <li key={p.id} style={{ paddingLeft: `${(depth.get(p.id) ?? 0) * 1.25}rem` }}>
            <span className={`badge role role-${p.role}`}>{ROLE_LABELS[p.role]}</span> {p.label && p.label !== "---" ? p.label : ""}
            {p.heading ?? p.text.slice(0, 30)} <span className="muted">{p.citation}</span>
          </li>
        ))}
      </ul>
      {doc.responsibilities.length > 0 && (
        <>
          <h3>责任单位</h3>
          <ul>
            {doc.responsibilities.map((r, i) => (
              <li key={i}>
                {r.party}（{RESPONSIBILITY_LABELS[r.role]}）<span className="muted">“{r.text}”</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {doc.deadlines.length > 0 && (
        <>
          <h3>时限</h3>
          <ul>
            {doc.deadlines.map((d, i) => (
              <li key={i}>
                “{d.text}” → {d.date ?? "日期未定"}（{DEADLINE_LABELS[d.kind]}）
              </li>
            ))}
          </ul>
        </>
      )}
      {doc.targets.length > 0 && (
        <>
          <h3>目标值</h3>
          <ul>
            {doc.targets.map((t, i) => (
              <li key={i}>
                {t.subject || "—"}：{targetValue(t)} <span className="muted">“{t.text}”</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function UploadForm() {
  const [token, setToken] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ kind: "idle" });
  const previewed = state.kind === "preview" && file !== null && state.preview.fileName === file.name;

  async function run(preview: boolean) {
    if (!file) return setState({ kind: "error", status: 400, message: "请先选择文件" });
    setState({ kind: "busy", what: preview ? "正在解析…" : "正在保存…" });
    try {
      const { status, body } = await send(file, token, preview);
      if (status >= 400) return setState({ kind: "error", status, message: errorOf(body) });
      if (preview) setState({ kind: "preview", preview: body as UploadPreview });
      else setState({ kind: "stored", stored: body as UploadStored });
    } catch (error) {
      setState({ kind: "error", status: 0, message: `请求失败：${String(error)}` });
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run(true);
  }

  return (
    <>
      <form className="upload-form" onSubmit={onSubmit} aria-describedby="upload-help">
        <p id="upload-help" className="muted">
          支持 .txt、.md、.html、.docx，最大 10 MB。先预览解析结果，确认后保存；同名文件保存为新版本。
        </p>
        <label>
          管理令牌
          <input type="password" name="token" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} required />
        </label>
        <label>
          文件
          <input
            type="file"
            name="file"
            accept=".txt,.md,.markdown,.html,.htm,.docx"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setState({ kind: "idle" });
            }}
            required
          />
        </label>
        <div className="actions">
          <button type="submit" disabled={state.kind === "busy"}>
            预览解析
          </button>
          <button type="button" className="secondary" disabled={!previewed} onClick={() => void run(false)}>
            保存入库
          </button>
        </div>
      </form>
      <div aria-live="polite" className="upload-result">
        {state.kind === "busy" && <p>{state.what}</p>}
        {state.kind === "error" && (
          <p className="error-box" role="alert">
            {state.status ? `错误 ${state.status}：` : ""}
            {state.message}
          </p>
        )}
        {state.kind === "stored" && (
          <p className="success" role="status">
            {STATUS_WORDS[state.stored.status]}：<a href={state.stored.url}>{state.stored.slug}</a>（第 {state.stored.version} 版，{state.stored.provisions} 个条款）
          </p>
        )}
      </div>
      {state.kind === "preview" && <Preview preview={state.preview} />}
    </>
  );
}
