/**
 * Which files an ingest reads: the files named, and in folders (recursively)
 * every .txt, .md, .html and .docx file, in a stable order.
 */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

export const DOCUMENT_EXTENSIONS = new Set([".txt", ".md", ".markdown", ".html", ".htm", ".docx"]);

export interface InputFile {
  path: string;
  /** How the user named it (for messages). */
  display: string;
}

export class MissingPathError extends Error {}

/** Expands paths to document files; a missing path is an error naming it. */
export async function collectFiles(paths: string[]): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch {
      throw new MissingPathError(`${p}: no such file or folder`);
    }
    if (info.isDirectory()) {
      const found: string[] = [];
      await walk(p, found);
      found.sort((a, b) => a.localeCompare(b, "en"));
      for (const f of found) out.push({ path: f, display: printable(f) });
    } else {
      out.push({ path: p, display: printable(p) });
    }
  }
  return out;
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) await walk(full, out);
    else if (e.isFile() && DOCUMENT_EXTENSIONS.has(path.extname(e.name).toLowerCase())) out.push(full);
  }
}

/** The slug of a file: its name without the extension, as written (Chinese kept). */
export function slugOfFile(file: string): string {
  const base = path.basename(file);
  const ext = path.extname(base);
  return cleanSlug(ext ? base.slice(0, -ext.length) : base);
}

/**
 * A file name safe to print on one terminal line: control characters (a
 * newline, an ESC sequence) and bidi overrides shown as escapes.
 */
export function printable(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => (c === "\n" ? "\\n" : c === "\t" ? "\\t" : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
}

/** A slug as stored: control and bidi characters dropped, slashes refused, trimmed. */
export function cleanSlug(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const slug = raw.replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "").replace(/[/\\]/g, "_").trim().slice(0, 120);
  // "." and ".." are not names in a URL path (/documents/.. is /): leading dots go.
  return slug.replace(/^\.+/, "");
}
