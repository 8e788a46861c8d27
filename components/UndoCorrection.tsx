"use client";
/** Undo of one correction (DELETE, recorded with who, when and an optional reason); the page reloads its facts. */
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { correctionsUrl, send } from "./correction-fetch";

export function UndoCorrection({ slug, id }: { slug: string; id: number }) {
  const router = useRouter();
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);
  const noteId = useId();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const note = String(new FormData(event.currentTarget).get("note") ?? "").trim();
    setBusy(true);
    const sent = await send(correctionsUrl(slug, `/${id}`), "DELETE", note ? { note } : {});
    setBusy(false);
    if (sent.error) return setStatus(sent.error);
    setStatus(`已撤销校正 #${id}`);
    router.refresh();
  }

  return (
    <form className="undo-form" onSubmit={onSubmit}>
      <label htmlFor={noteId} className="visually-hidden">
        撤销校正 #{id} 的理由（可选）
      </label>
      <input id={noteId} name="note" placeholder="撤销理由（可选）" maxLength={500} />
      <button type="submit" disabled={busy}>
        撤销 #{id}
      </button>
      <span role="status" className="correct-status">
        {status}
      </span>
    </form>
  );
}
