/**
 * The engine's persisted copy on disk, beside its database: for SQLite
 * `<db file>.search/`, otherwise `.data/search-<hash of the URL>/`.
 *
 * One copy is a generation of two files — `<gen>.index.ndjson` (the
 * FlexSearch export, one chunk per line: key TAB JSON, every character
 * outside ASCII written as a \u escape) and `<gen>.records.bin` (one frame
 * per document: its byte length, then its slots and its records in compact
 * form as UTF-16LE JSON) — and `state.json`, written last and renamed into
 * place, says which generation is whole. Written and read a chunk or a
 * document at a time, so a library of any size never needs one giant string
 * (V8 caps strings at 512 MB; a 10,000-document index as one JSON text is
 * larger). Both encodings are chosen for loading: ASCII decodes as Latin-1
 * and UTF-16LE as itself, several times faster than UTF-8 (a
 * 10,000-document copy is 400 MB). The previous generation stays until the
 * next write, for a reader still loading it.
 */
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { databaseTarget, projectRoot } from "../db/url";
import { SearchEngine } from "./engine";
import type { IndexedDocument, IndexedProvision } from "./records";
import type { TokenStrategy } from "./tokenize";

/** Bump when the engine's options or the record shape change: old copies are then ignored (and rebuilt). */
const FORMAT = 6;

interface State {
  format: number;
  fingerprint: string;
  strategy: TokenStrategy;
  keepText: boolean;
  generation: string;
  documents: number;
}

export function indexDir(): string {
  const target = databaseTarget();
  if (target.file) return `${target.file}.search`;
  const hash = createHash("sha256").update(target.url).digest("hex").slice(0, 12);
  return path.join(process.env.POLICYKB_DATA ?? path.join(projectRoot(), ".data"), `search-${hash}`);
}

/** [eid, label, heading, citation, role, text ("" when the engine keeps only folded text), parent, [mention, name, role]…, dates, id, folded text, folded heading]. */
type CompactProvision = [string, string | null, string | null, string, string, string, number, string[], string[], number, string, string];
type CompactDocument = [string, number, string | null, string | null, string | null, string | null, string | null, string | null, CompactProvision[]];

function compact(d: IndexedDocument): CompactDocument {
  return [
    d.slug, d.version, d.title, d.kind, d.issuer, d.issuedAt, d.effectiveFrom, d.effectiveUntil,
    d.provisions.map((p) => [p.eid, p.label, p.heading, p.citation, p.role, p.text, p.parent, p.partyRoles.flatMap((r) => [r.mention, r.name, r.role]), p.dates, p.id, p.folded ?? "", p.foldedHeading ?? ""]),
  ];
}

function expand(c: CompactDocument): IndexedDocument {
  const [slug, version, title, kind, issuer, issuedAt, effectiveFrom, effectiveUntil, provisions] = c;
  return {
    slug, version, title, kind, issuer, issuedAt, effectiveFrom, effectiveUntil,
    provisions: provisions.map(([eid, label, heading, citation, role, text, parent, roles, dates, id, folded, foldedHeading]): IndexedProvision => {
      const partyRoles: IndexedProvision["partyRoles"] = [];
      for (let i = 0; i + 2 < roles.length; i += 3) partyRoles.push({ mention: roles[i]!, name: roles[i + 1]!, role: roles[i + 2]! });
      return { id, eid, label, heading, citation, role, text, parent, partyRoles, dates, folded, foldedHeading };
    }),
  };
}

/** Writes chunks of bytes to a file, waiting whenever the stream's buffer is full. */
async function writeChunks(file: string, produce: (chunk: (bytes: Buffer) => Promise<void>) => Promise<void>): Promise<void> {
  const out = createWriteStream(file);
  const failed = new Promise<never>((_, reject) => out.once("error", reject));
  const chunk = async (bytes: Buffer) => {
    if (!out.write(bytes)) await Promise.race([new Promise<void>((resolve) => out.once("drain", () => resolve())), failed]);
  };
  await Promise.race([produce(chunk), failed]);
  await Promise.race([new Promise<void>((resolve) => out.end(() => resolve())), failed]);
}

/** Text as ASCII: each character outside it as its JSON \u escape (the same text to JSON.parse). */
const asciiJson = (json: string) => json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/**
 * A file read in large blocks, cut into pieces by `next(data, start)` (the
 * end of the piece starting at `start`, or -1 when it runs past the data).
 * A piece longer than a block is gathered from its blocks once, never by
 * growing a buffer block after block.
 */
async function* readPieces(file: string, next: (data: Buffer, start: number) => number, mayEnd: (block: Buffer) => boolean = () => true): AsyncGenerator<Buffer> {
  const handle = await open(file, "r");
  try {
    const BLOCK = 16 << 20;
    const SMALL = 1 << 20;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    for (;;) {
      // A short rest of the last block (a frame cut at the edge) goes in front of the next read,
      // so the block is not copied again to join them.
      const carry = pending.length === 1 && pendingBytes <= SMALL ? pending[0]! : null;
      const block = Buffer.allocUnsafe((carry?.length ?? 0) + BLOCK);
      if (carry) carry.copy(block, 0);
      const { bytesRead } = await handle.read(block, carry?.length ?? 0, BLOCK, null);
      if (bytesRead === 0) break;
      if (carry) {
        pending = [block.subarray(0, carry.length + bytesRead)];
        pendingBytes = carry.length + bytesRead;
      } else {
        pending.push(block.subarray(0, bytesRead));
        pendingBytes += bytesRead;
      }
      const read = block.subarray(carry?.length ?? 0, (carry?.length ?? 0) + bytesRead);
      // Gather the blocks only once the piece may be whole (for lines: this block holds a newline).
      if (pending.length > 1 && !mayEnd(read)) continue;
      let data = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
      let start = 0;
      for (let end = next(data, start); end >= 0; end = next(data, start)) {
        yield data.subarray(start, end);
        start = end;
      }
      // Each block is a buffer of its own: the rest of it can wait in place.
      data = data.subarray(start);
      pending = data.length ? [data] : [];
      pendingBytes = data.length;
    }
    if (pendingBytes) yield Buffer.concat(pending, pendingBytes);
  } finally {
    await handle.close();
  }
}

/** The lines of an ASCII file (the newline is left out). */
export async function* readAsciiLines(file: string): AsyncGenerator<string> {
  for await (const piece of readPieces(file, (data, start) => {
    const nl = data.indexOf(10, start);
    return nl < 0 ? -1 : nl + 1;
  }, (block) => block.includes(10))) {
    const end = piece.at(-1) === 10 ? piece.length - 1 : piece.length;
    if (end > 0) yield piece.toString("latin1", 0, end);
  }
}

/** The frames of a file of [uint32 LE byte length][UTF-16LE text] frames, as text. */
export async function* readFrames(file: string): AsyncGenerator<string> {
  for await (const piece of readPieces(file, (data, start) => {
    if (data.length - start < 4) return -1;
    const end = start + 4 + data.readUInt32LE(start);
    return end <= data.length ? end : -1;
  })) {
    if (piece.length < 4 || piece.length !== 4 + piece.readUInt32LE(0)) throw new Error("truncated frame");
    yield piece.toString("utf16le", 4, piece.length);
  }
}

export function frame(text: string): Buffer {
  const bytes = Buffer.byteLength(text, "utf16le");
  const out = Buffer.allocUnsafe(4 + bytes);
  out.writeUInt32LE(bytes, 0);
  out.write(text, 4, "utf16le");
  return out;
}

const filesOf = (dir: string, generation: string) => ({ index: path.join(dir, `${generation}.index.ndjson`), records: path.join(dir, `${generation}.records.bin`) });

/** Writes the engine as a new generation, then points state.json at it. */
export async function persist(engine: SearchEngine, fingerprint: string): Promise<void> {
  const dir = indexDir();
  await mkdir(dir, { recursive: true });
  const previous = await readState(dir);
  const generation = `${Date.now().toString(36)}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
  const files = filesOf(dir, generation);
  let documents = 0;
  try {
    await writeChunks(files.index, (chunk) => engine.exportIndex((key, data) => chunk(Buffer.from(`${key}\t${asciiJson(data)}\n`, "latin1"))));
    await writeChunks(files.records, async (chunk) => {
      for (const { slots, document } of engine.indexedDocuments()) {
        await chunk(frame(JSON.stringify([slots, compact(document)])));
        documents++;
      }
    });
    const state: State = { format: FORMAT, fingerprint, strategy: engine.strategy, keepText: engine.keepText, generation, documents };
    const tmp = path.join(dir, `state.json.${process.pid}.tmp`);
    await writeFile(tmp, JSON.stringify(state));
    await rename(tmp, path.join(dir, "state.json"));
  } catch (error) {
    await Promise.all([rm(files.index, { force: true }), rm(files.records, { force: true })]);
    throw error;
  }
  // Keep this generation and the one before (a reader may still be loading it); drop the rest and older formats.
  const keep = new Set([generation, previous?.generation].filter(Boolean));
  for (const name of await readdir(dir)) {
    const gen = name.match(/^(.+)\.(?:index\.ndjson|records\.ndjson|records\.bin)$/)?.[1];
    if ((gen && !keep.has(gen)) || name === "index.json") await rm(path.join(dir, name), { force: true });
  }
}

async function readState(dir: string): Promise<State | null> {
  try {
    const state = JSON.parse(await readFile(path.join(dir, "state.json"), "utf8")) as State;
    return state.format === FORMAT ? state : null;
  } catch {
    return null;
  }
}

/** The persisted engine and the store fingerprint it was written for; null when there is none (or it cannot be read). */
export async function loadPersisted(): Promise<{ engine: SearchEngine; fingerprint: string; documents: number } | null> {
  const dir = indexDir();
  const state = await readState(dir);
  if (!state) return null;
  try {
    const files = filesOf(dir, state.generation);
    const engine = new SearchEngine(state.strategy, { keepText: state.keepText });
    for await (const line of readAsciiLines(files.index)) {
      const tab = line.indexOf("\t");
      engine.importIndex(line.slice(0, tab), line.slice(tab + 1));
    }
    let documents = 0;
    for await (const line of readFrames(files.records)) {
      const [slots, document] = JSON.parse(line) as [number[], CompactDocument];
      engine.restoreDocument(slots, expand(document));
      documents++;
    }
    if (documents !== state.documents) return null;
    engine.finishRestore();
    return { engine, fingerprint: state.fingerprint, documents };
  } catch {
    return null;
  }
}
