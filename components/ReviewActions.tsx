"use client";
/**
 * What a signed-in editor can do with a review entry. A parser message:
 * accept it (a rejected party name becomes the provision's responsibility;
 * a party name the lexicon does not confirm is removed as no party), or
 * dismiss it. A correction that needs a look: apply it to the new text,
 * or undo it. Each asks for a reason and is recorded; the queue then reloads.
 */
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { RESPONSIBILITY_LABELS } from "@/lib/site/labels";
import { correctionsUrl, send } from "./correction-fetch";

export interface ReviewTarget {
  slug: string;
  provision: string | null;
  message: { ruleId: string; start: number; end: number; candidate: string | null } | null;
  correction: { id: number; reapply: boolean } | null;
}

export function ReviewActions({ target }: { target: ReviewTarget }) {
  const router = useRouter();
  const [status, setStatus] = useState<{ text: string; error: boolean }>({ text: "", error: false });
  const [busy, setBusy] = useState(false);
  const note = useRef<HTMLInputElement>(null);
  const party = useRef<HTMLInputElement>(null);
  const role = useRef<HTMLSelectElement>(null);
  const ids = { note: useId(), party: useId(), role: useId() };
  const { slug, message, correction } = target;

  async function act(done: string, url: string, method: "POST" | "DELETE", body: Record<string, unknown>) {
    const reason = note.current?.value.trim() ?? "";
    if (!reason) {
      setStatus({ text: "请先填写理由（必填）。", error: true });
      note.current?.focus();
      return;
    }
    setBusy(true);
    const sent = await send(url, method, { ...body, note: reason });
    setBusy(false);
    if (sent.error) return setStatus({ text: sent.error, error: true });
    setStatus({ text: done, error: false });
    router.refresh();
  }

  const accept = () => {
    const name = party.current?.value.trim() ?? "";
    if (!name) return party.current?.focus();
    void act("已采纳为责任单位。", correctionsUrl(slug), "POST", { provision: target.provision, fact: "responsibility", action: "add", value: { party: name, role: role.current?.value ?? "responsible" }, message });
  };

  return (
    <div className="review-actions">
      <p className="correct-note">
        <label htmlFor={ids.note}>理由（必填）</label>
        <input id={ids.note} ref={note} maxLength={500} />
      </p>
      {message?.ruleId === "party-unsure" && message.candidate && (
        <p className="correct-row">
          <button type="button" disabled={busy} onClick={() => void act("已删除该责任单位。", correctionsUrl(slug), "POST", { provision: target.provision, fact: "responsibility", action: "remove", value: { party: message.candidate }, message })}>
            不是单位，删除“{message.candidate}”
          </button>
        </p>
      )}
      {message?.ruleId === "party-rejected" && message.candidate && target.provision && (
        <p className="correct-row">
          <label className="correct-field" htmlFor={ids.party}>
            <span>单位</span>
          </label>
          <input id={ids.party} ref={party} defaultValue={message.candidate} maxLength={60} />
          <label className="correct-field" htmlFor={ids.role}>
            <span>角色</span>
          </label>
          <select id={ids.role} ref={role} defaultValue="responsible">
            {Object.entries(RESPONSIBILITY_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <button type="button" disabled={busy} onClick={accept}>
            采纳为责任单位
          </button>
        </p>
      )}
      <p className="correct-buttons">
        {message && (
          <button type="button" className="secondary" disabled={busy} onClick={() => void act("已忽略。", correctionsUrl(slug), "POST", { provision: target.provision, fact: "message", action: "dismiss", message })}>
            {message.ruleId === "party-unsure" ? "确认是单位，忽略此提示" : "忽略此提示"}
          </button>
        )}
        {correction?.reapply && (
          <button type="button" disabled={busy} onClick={() => void act("已按新文本重新应用。", correctionsUrl(slug, `/${correction.id}/reapply`), "POST", {})}>
            按新文本重新应用
          </button>
        )}
        {correction && (
          <button type="button" className="secondary" disabled={busy} onClick={() => void act(`已撤销校正 #${correction.id}。`, correctionsUrl(slug, `/${correction.id}`), "DELETE", {})}>
            撤销校正 #{correction.id}
          </button>
        )}
      </p>
      <p role="status" className={status.error ? "correct-status error" : "correct-status"}>
        {status.text}
      </p>
    </div>
  );
}
