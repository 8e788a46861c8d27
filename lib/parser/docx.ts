/**
 * Stage 2 for .docx: checks the archive before anything inflates it (a zip
 * bomb is refused by its declared and its actually inflated size), then lets
 * mammoth turn the document into HTML, read by html.ts.
 */
import zlib from "node:zlib";
import mammoth from "mammoth";
import { InputError } from "./errors";
import { htmlToText } from "./html";
import type { SourceLayout } from "./types";

/** Largest inflated size of one archive entry and of the whole archive. */
export const DOCX_LIMITS = { entryBytes: 64 * 1024 * 1024, totalBytes: 128 * 1024 * 1024 };

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** Reads the central directory of a zip archive (no inflation). */
function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new InputError("file is a damaged or truncated .docx (zip) archive", "archive");
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) {
      throw new InputError("file is a damaged or truncated .docx (zip) archive", "archive");
    }
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Inflates one entry with a hard output limit, proving its real size. */
function inflatedSize(bytes: Uint8Array, entry: ZipEntry): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) {
    throw new InputError("file is a damaged or truncated .docx (zip) archive", "archive");
  }
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw new InputError("file is a damaged or truncated .docx (zip) archive", "archive");
  if (entry.method === 0) return data.length;
  if (entry.method !== 8) throw new InputError(`.docx uses an unsupported compression method (${entry.method})`, "archive");
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: DOCX_LIMITS.entryBytes }).length;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || /maxOutputLength|too large/i.test(String(error))) {
      throw new InputError(`.docx entry ${entry.name} inflates beyond ${DOCX_LIMITS.entryBytes / 1048576} MB (zip bomb?)`, "too-large");
    }
    throw new InputError("file is a damaged or truncated .docx (zip) archive", "archive");
  }
}

/** Refuses archives that are not Word documents or would inflate too far. */
export function checkDocxArchive(bytes: Uint8Array): void {
  const entries = zipEntries(bytes);
  if (!entries.some((e) => e.name === "word/document.xml")) {
    throw new InputError("file is a zip archive but not a Word .docx document", "unsupported");
  }
  let declared = 0;
  for (const e of entries) {
    if (e.size === 0xffffffff || e.compressedSize === 0xffffffff) throw new InputError(".docx is a ZIP64 archive, too large to read", "too-large");
    declared += e.size;
    if (e.size > DOCX_LIMITS.entryBytes || declared > DOCX_LIMITS.totalBytes) {
      throw new InputError(`.docx declares ${(declared / 1048576).toFixed(0)} MB of content, over the ${DOCX_LIMITS.totalBytes / 1048576} MB limit (zip bomb?)`, "too-large");
    }
  }
  let real = 0;
  for (const e of entries) {
    real += inflatedSize(bytes, e);
    if (real > DOCX_LIMITS.totalBytes) throw new InputError(`.docx inflates beyond ${DOCX_LIMITS.totalBytes / 1048576} MB (zip bomb?)`, "too-large");
  }
}

/** The text of a .docx file, one paragraph per line, tables as rows. */
export async function docxToText(bytes: Uint8Array): Promise<{ text: string; layout: SourceLayout }> {
  checkDocxArchive(bytes);
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    html = result.value;
  } catch (error) {
    throw new InputError(`.docx could not be read: ${String((error as Error).message ?? error).split("\n")[0]}`, "archive");
  }
  const { text, layout } = htmlToText(`<body>${html}</body>`, { wholeBody: true });
  return { text, layout };
}
