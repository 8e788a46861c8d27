/**
 * The 人工校正 mark of a corrected fact: on hover its title, opened (click,
 * Enter or Space) what the parse said and each correction (who, when, why),
 * with an undo for a signed-in editor.
 */
import { markText, type CorrectionMark } from "@/lib/site/correction-view";
import { UndoCorrection } from "./UndoCorrection";

export function CorrectedMark({ mark, undo }: { mark: CorrectionMark; undo?: { slug: string } | null }) {
  return (
    <details className="corrected-mark">
      <summary title={markText(mark)}>人工校正</summary>
      <div className="corrected-detail">
        <p>原解析：{mark.parsed ?? "无（人工添加）"}</p>
        <ul>
          {mark.by.map((c) => (
            <li key={c.id}>
              #{c.id} {c.action} · {c.editor} · {c.at}：{c.note}
              {undo && <UndoCorrection slug={undo.slug} id={c.id} />}
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
