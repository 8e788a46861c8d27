"use client";
/**
 * Follows the URL's #fragment in the reader: highlights the provision it
 * names (also after in-page navigation) and moves focus there; when the id
 * is not in this version but in an older one, says so and links to it.
 */
import { useEffect, useState } from "react";
import { documentPath } from "@/lib/site/citation";

export function ProvisionTarget({ slug, former }: { slug: string; former: Record<string, { version: number; citation: string }> }) {
  const [missing, setMissing] = useState<{ id: string; version: number; citation: string } | null>(null);
  useEffect(() => {
    let current: HTMLElement | null = null;
    const follow = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      current?.classList.remove("is-target");
      current = null;
      if (!id) return setMissing(null);
      const el = document.getElementById(id);
      if (el) {
        current = el;
        el.classList.add("is-target");
        if (el.classList.contains("provision")) el.focus({ preventScroll: true });
        setMissing(null);
        return;
      }
      const old = former[id];
      setMissing(old ? { id, ...old } : null);
    };
    follow();
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, [former]);
  if (!missing) return null;
  return (
    <div className="version-note" role="alert">
      您要找的条款（{missing.citation}）不在当前版本中，它见于
      <a href={documentPath(slug, { version: missing.version, provision: missing.id })}>第 {missing.version} 版</a>。
      <button type="button" onClick={() => setMissing(null)} aria-label="关闭提示">
        ×
      </button>
    </div>
  );
}
