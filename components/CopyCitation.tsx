"use client";
/**
 * "引用" control of a provision: the clause pin, the GB/T 7714—2015
 * reference and the permalink, each copied with navigator.clipboard; when
 * the clipboard cannot be used, the text appears selected in a field to copy by hand.
 */
import { useEffect, useRef, useState } from "react";
import type { CitationForms } from "@/lib/site/citation";

type CopiedForm = Exclude<keyof CitationForms, "dateNote">;

const FORMS: Array<{ key: CopiedForm; label: string }> = [
  { key: "pin", label: "条款引注" },
  { key: "reference", label: "GB/T 7714—2015" },
  { key: "permalink", label: "永久链接" },
];

export function CopyCitation({ forms, provisionId, citation }: { forms: CitationForms; provisionId: string; citation: string }) {
  const [status, setStatus] = useState("");
  const [manual, setManual] = useState<CopiedForm | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const box = useRef<HTMLDetailsElement>(null);

  // Escape closes the open pop-up and gives focus back to its 引用 button.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const details = box.current;
      if (event.key !== "Escape" || !details?.open) return;
      details.open = false;
      details.querySelector("summary")?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  async function copy(key: CopiedForm, label: string) {
    try {
      if (!navigator.clipboard?.writeText) throw new Error("no clipboard");
      await navigator.clipboard.writeText(forms[key]);
      setManual(null);
      setStatus(`已复制${label}`);
    } catch {
      setManual(key);
      setStatus("无法使用剪贴板，请在下面的文本框中手动复制（已全选）");
      requestAnimationFrame(() => {
        field.current?.focus();
        field.current?.select();
      });
    }
  }

  return (
    <details className="cite" ref={box}>
      <summary>
        引用<span className="visually-hidden">{citation}</span>
      </summary>
      <div className="cite-panel">
        <ul>
          {FORMS.map(({ key, label }) => (
            <li key={key}>
              <span className="cite-label">{label}</span>
              <span className="cite-text" data-form={key}>
                {forms[key]}
              </span>
              <button type="button" onClick={() => copy(key, label)} data-copy={key} aria-label={`复制${label}`}>
                复制
              </button>
            </li>
          ))}
        </ul>
        {forms.dateNote && <p className="cite-date muted">{forms.dateNote}</p>}
        {manual && (
          <label className="cite-manual">
            <span>{FORMS.find((f) => f.key === manual)?.label}（手动复制）</span>
            <textarea ref={field} readOnly value={forms[manual]} rows={3} id={`cite-manual-${provisionId}`} />
          </label>
        )}
        <p className="cite-status" role="status" aria-live="polite">
          {status}
        </p>
      </div>
    </details>
  );
}
