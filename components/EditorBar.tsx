/** The reader's line for a signed-in editor: who, where the queue is, how to sign out; and the provision ids a link may point at. */
import { SignOut } from "./SignOut";

export function EditorBar({ editor, items, path }: { editor: string; items: Array<{ id: string; citation: string; heading: string | null }>; path: string }) {
  return (
    <div className="editor-bar" role="region" aria-label="校正模式">
      <span>
        校正模式：已登录为 <strong>{editor}</strong>。每条右侧“校正本条”可修改、删除或添加要素。
      </span>
      <a href="/review">复核队列</a>
      <SignOut next={path} />
      <datalist id="provision-ids">
        {items.map((i) => (
          <option key={i.id} value={i.id}>
            {i.citation}
            {i.heading ? ` ${i.heading}` : ""}
          </option>
        ))}
      </datalist>
    </div>
  );
}
