"use client";
/**
 * A signed-in editor's corrections of one provision: its role, and beside
 * each of its facts (party and role, deadline and date, target, link) a
 * change or a removal, and a form to add a missing one. Every correction
 * needs a reason (one field for the panel). Native controls only, so it works
 * from the keyboard, and fields wrap on a phone. Sent to the corrections API
 * (the session cookie authorises it); the page then reloads its facts.
 */
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import type { EditableFacts } from "@/lib/site/reader";
import { DEADLINE_LABELS, LINK_LABELS, RESPONSIBILITY_LABELS, ROLE_LABELS } from "@/lib/site/labels";
import { correctionsUrl, send } from "./correction-fetch";

export interface PanelProvision {
  id: string;
  citation: string;
  role: keyof typeof ROLE_LABELS;
}

type Fact = "responsibility" | "deadline" | "target" | "role" | "link";
type Action = "add" | "remove" | "change";
type Fields = Record<string, unknown>;

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => (
    <option key={value} value={value}>
      {label}
    </option>
  ));

const COMPARATOR_LABELS: Record<string, string> = { "": "—", "≥": "≥ 以上", "≤": "≤ 以下", "=": "= 等于" };

/** A labelled control that keeps its label on small screens. */
function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="correct-field">
      <span>{label}</span>
      {children}
    </label>
  );
}

export function CorrectionPanel({ slug, provision, facts }: { slug: string; provision: PanelProvision; facts: EditableFacts }) {
  const router = useRouter();
  const [status, setStatus] = useState<{ text: string; error: boolean }>({ text: "", error: false });
  const [busy, setBusy] = useState(false);
  const note = useRef<HTMLInputElement>(null);
  const noteId = useId();

  /** Sends one correction; the reason comes from the panel's field. */
  async function correct(fact: Fact, action: Action, value: Fields, original?: Fields) {
    const reason = note.current?.value.trim() ?? "";
    if (!reason) {
      setStatus({ text: "请先填写校正理由（必填）。", error: true });
      note.current?.focus();
      return;
    }
    setBusy(true);
    const sent = await send(correctionsUrl(slug), "POST", { provision: provision.id, fact, action, value, note: reason, ...(original ? { original } : {}) });
    setBusy(false);
    if (sent.error) return setStatus({ text: sent.error, error: true });
    const id = (sent.body as { id?: number } | null)?.id;
    setStatus({ text: `已保存校正${id ? ` #${id}` : ""}。`, error: false });
    router.refresh();
  }

  /** A form's submit: the button pressed says the action (Enter: the first). */
  const submitWith = (handler: (data: FormData, action: Action) => void) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    handler(new FormData(event.currentTarget), (submitter?.value as Action | undefined) ?? "change");
  };
  const text = (data: FormData, name: string) => String(data.get(name) ?? "").trim();
  const orNull = (value: string) => (value ? value : null);

  const buttons = (what: string) => (
    <span className="correct-buttons">
      <button type="submit" value="change" disabled={busy}>
        修改
      </button>
      <button type="submit" value="remove" className="secondary" disabled={busy} aria-label={`删除${what}`}>
        删除
      </button>
    </span>
  );
  const addButton = (
    <span className="correct-buttons">
      <button type="submit" value="add" disabled={busy}>
        添加
      </button>
    </span>
  );

  return (
    <details className="correct-panel">
      <summary>校正本条</summary>
      <div className="correct-body">
        <p className="correct-note">
          <label htmlFor={noteId}>校正理由（必填）</label>
          <input id={noteId} ref={note} name="note" maxLength={500} placeholder="例如：原文为牵头单位" required />
        </p>

        <form className="correct-row" aria-label="条款类型" onSubmit={submitWith((d) => void correct("role", "change", { role: text(d, "role") }))}>
          <Field label="条款类型">
            <select name="role" defaultValue={provision.role}>
              {options(ROLE_LABELS)}
            </select>
          </Field>
          <span className="correct-buttons">
            <button type="submit" value="change" disabled={busy}>
              修改类型
            </button>
          </span>
        </form>

        <fieldset>
          <legend>责任单位</legend>
          {facts.responsibilities.map((r, i) => (
            <form
              key={`${i}-${r.party}`}
              className="correct-row"
              aria-label={`责任单位 ${r.party}`}
              onSubmit={submitWith((d, action) => {
                const party = text(d, "party");
                if (action === "remove") return void correct("responsibility", "remove", { party: r.party });
                void correct("responsibility", "change", { party, role: text(d, "role") }, party !== r.party ? { party: r.party } : undefined);
              })}
            >
              <Field label="单位">
                <input name="party" defaultValue={r.party} required maxLength={60} />
              </Field>
              <Field label="角色">
                <select name="role" defaultValue={r.role}>
                  {options(RESPONSIBILITY_LABELS)}
                </select>
              </Field>
              {buttons(`责任单位 ${r.party}`)}
            </form>
          ))}
          <form className="correct-row correct-add" aria-label="添加责任单位" onSubmit={submitWith((d) => void correct("responsibility", "add", { party: text(d, "party"), role: text(d, "role") }))}>
            <Field label="添加单位">
              <input name="party" required maxLength={60} />
            </Field>
            <Field label="角色">
              <select name="role" defaultValue="lead">
                {options(RESPONSIBILITY_LABELS)}
              </select>
            </Field>
            {addButton}
          </form>
        </fieldset>

        <fieldset>
          <legend>时限</legend>
          {facts.deadlines.map((x, i) => (
            <form
              key={`${i}-${x.text}`}
              className="correct-row"
              aria-label={`时限 ${x.text}`}
              onSubmit={submitWith((d, action) => {
                if (action === "remove") return void correct("deadline", "remove", { text: x.text });
                const words = text(d, "text");
                void correct("deadline", "change", { text: words, date: orNull(text(d, "date")), kind: text(d, "kind") }, words !== x.text ? { text: x.text } : undefined);
              })}
            >
              <Field label="原文">
                <input name="text" defaultValue={x.text} required maxLength={100} />
              </Field>
              <Field label="日期">
                <input name="date" type="date" defaultValue={x.date ?? ""} />
              </Field>
              <Field label="类型">
                <select name="kind" defaultValue={x.kind}>
                  {options(DEADLINE_LABELS)}
                </select>
              </Field>
              {buttons(`时限 ${x.text}`)}
            </form>
          ))}
          <form className="correct-row correct-add" aria-label="添加时限" onSubmit={submitWith((d) => void correct("deadline", "add", { text: text(d, "text"), date: orNull(text(d, "date")), kind: text(d, "kind") }))}>
            <Field label="添加时限（原文）">
              <input name="text" required maxLength={100} placeholder="2017年底前" />
            </Field>
            <Field label="日期">
              <input name="date" type="date" />
            </Field>
            <Field label="类型">
              <select name="kind" defaultValue="due">
                {options(DEADLINE_LABELS)}
              </select>
            </Field>
            {addButton}
          </form>
        </fieldset>

        <fieldset>
          <legend>目标值</legend>
          {[...facts.targets.map((t, i) => ({ t, key: `${i}-${t.subject}` })), { t: null, key: "add" }].map(({ t, key }) => (
            <form
              key={key}
              className={`correct-row${t ? "" : " correct-add"}`}
              aria-label={t ? `目标值 ${t.subject}` : "添加目标值"}
              onSubmit={submitWith((d, action) => {
                if (t && action === "remove") return void correct("target", "remove", { subject: t.subject });
                const subject = text(d, "subject");
                const value = { subject, verb: orNull(text(d, "verb")), value: Number(text(d, "value")), unit: text(d, "unit"), comparator: orNull(text(d, "comparator")) };
                if (!t) return void correct("target", "add", value);
                void correct("target", "change", value, subject !== t.subject ? { subject: t.subject } : undefined);
              })}
            >
              <Field label={t ? "指标" : "添加指标"}>
                <input name="subject" defaultValue={t?.subject ?? ""} required maxLength={60} />
              </Field>
              <Field label="动词">
                <input name="verb" defaultValue={t?.verb ?? ""} maxLength={20} size={4} placeholder="下降" />
              </Field>
              <Field label="数值">
                <input name="value" type="number" step="any" defaultValue={t ? String(t.value) : ""} required />
              </Field>
              <Field label="单位">
                <input name="unit" defaultValue={t?.unit ?? ""} maxLength={20} size={4} placeholder="%" />
              </Field>
              <Field label="比较">
                <select name="comparator" defaultValue={t?.comparator ?? ""}>
                  {options(COMPARATOR_LABELS)}
                </select>
              </Field>
              {t ? buttons(`目标值 ${t.subject}`) : addButton}
            </form>
          ))}
        </fieldset>

        <fieldset>
          <legend>关联条款</legend>
          {facts.links.map((l, i) => (
            <form
              key={`${i}-${l.to}`}
              className="correct-row"
              aria-label={`关联 ${l.citation}`}
              onSubmit={submitWith((d, action) => {
                if (action === "remove") return void correct("link", "remove", { to: l.to });
                void correct("link", "change", { to: l.to, kind: text(d, "kind") });
              })}
            >
              <span className="correct-fixed">{l.citation}</span>
              <Field label="关联类型">
                <select name="kind" defaultValue={l.kind}>
                  {options(LINK_LABELS)}
                </select>
              </Field>
              {buttons(`与${l.citation}的关联`)}
            </form>
          ))}
          <form className="correct-row correct-add" aria-label="添加关联" onSubmit={submitWith((d) => void correct("link", "add", { to: text(d, "to"), kind: text(d, "kind") }))}>
            <Field label="添加关联（条款 id）">
              <input name="to" list="provision-ids" required maxLength={200} />
            </Field>
            <Field label="关联类型">
              <select name="kind" defaultValue="goal-measure">
                {options(LINK_LABELS)}
              </select>
            </Field>
            {addButton}
          </form>
        </fieldset>

        <p role="status" className={status.error ? "correct-status error" : "correct-status"}>
          {status.text}
        </p>
      </div>
    </details>
  );
}
