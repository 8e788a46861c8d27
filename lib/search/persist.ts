/**
 * The engine's persisted copy on disk, beside its database: for SQLite
 * `<db file>.search/`, otherwise `.data/search-<hash of the URL>/`.
 *
 * One copy is a generation of two files — `<gen>.postings.bin` (the
 * frozen posting lists' arrays as they are in memory, see postings.ts: read
 * back without parsing) and `<gen>.records.bin` (frames of UTF-16LE text,
 * each its byte length first: one per document, its slots and its records in
 * compact form as JSON; before a run of documents, one holding their folded
 * texts end to end) — and `state.json`, written last and renamed into
 * place, says which generation is whole. Records are read a frame at a
 * time, so a library of any size never needs one giant string (V8 caps
 * strings at 512 MB); UTF-16LE decodes several times faster than UTF-8. A
 * provision's folded text is a slice of its run's string (V8 keeps a slice
 * as a pointer into it): half a million provisions are a few hundred strings
 * of a megabyte for the collector, not half a million strings to copy and
 * a JSON text twice as long to parse. The previous generation stays until
 * the next write, for a reader still loading it.
 */
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { databaseTarget, projectRoot } from "../db/url";
import { SearchEngine } from "./engine";
import { FrozenPostings } from "./postings";
import { sharedRoleName, type FoldedDocument, type FoldedProvision } from "./records";

/** Bump when the engine's options or the record shape change: old copies are then ignored (and rebuilt). */
const FORMAT = 8;

interface State {
  format: number;
  fingerprint: string;
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

/** [eid, label, heading, citation, role, text ("" when the engine keeps only folded text), parent, [mention, name, role]…, dates, id, length of the folded text in its run, folded heading]. */
type CompactProvision = [string, string | null, string | null, string, string, string, number, string[], string[], number, number, string];
type CompactDocument = [string, number, string | null, string | null, string | null, string | null, string | null, string | null, CompactProvision[]];

/** First character of a frame of folded texts (a document's frame is JSON). */
const FOLDED_RUN = "\u0000";
/** Folded characters per run: a run's string is large enough to live outside the collector's young space. */
const RUN_CHARS = 1 << 19;

function compact(d: FoldedDocument): CompactDocument {
  return [
    d.slug, d.version, d.title, d.kind, d.issuer, d.issuedAt, d.effectiveFrom, d.effectiveUntil,
    d.provisions.map((p) => [p.eid, p.label, p.heading, p.citation, p.role, p.text, p.parent, p.partyRoles.flatMap((r) => [r.mention, r.name, r.role]), p.dates, p.id, p.folded?.length ?? 0, p.foldedHeading ?? ""]),
  ];
}

/** A document from its compact form, its folded texts sliced from `run` from `at` on; returns the document and where the next one's start. */
function expand(c: CompactDocument, run: string, at: number): { document: FoldedDocument; next: number } {
  const [slug, version, title, kind, issuer, issuedAt, effectiveFrom, effectiveUntil, provisions] = c;
  const document: FoldedDocument = {
    slug, version, title, kind, issuer, issuedAt, effectiveFrom, effectiveUntil,
    provisions: provisions.map(([eid, label, heading, citation, role, text, parent, roles, dates, id, length, foldedHeading]): FoldedProvision => {
      const partyRoles: FoldedProvision["partyRoles"] = [];
      for (let i = 0; i + 2 < roles.length; i += 3) partyRoles.push({ mention: roles[i]!, name: roles[i + 1]!, role: sharedRoleName(roles[i + 2]!) });
      if (at + length > run.length) throw new Error("folded texts run short");
      const folded = run.slice(at, (at += length));
      return { id, eid, label, heading, citation, role, text, parent, partyRoles, dates, folded, foldedHeading };
    }),
  };
  return { document, next: at };
}

/**
 * Bytes written at a time: small chunks are gathered into blocks of this
 * size first. Node's file stream writes many small buffers slowly (figures
 * in BENCHMARKS.md), and the producer goes on while a block is written.
 */
const BLOCK_BYTES = 4 << 20;

/** Writes chunks of bytes to a file in blocks, waiting whenever the stream's buffer is full. */
async function writeChunks(file: string, produce: (chunk: (bytes: Buffer) => Promise<void>) => Promise<void>): Promise<void> {
  const out = createWriteStream(file, { highWaterMark: 2 * BLOCK_BYTES });
  const failed = new Promise<never>((_, reject) => out.once("error", reject));
  let gathered: Buffer[] = [];
  let gatheredBytes = 0;
  const write = async (bytes: Buffer) => {
    if (!out.write(bytes)) await Promise.race([new Promise<void>((resolve) => out.once("drain", () => resolve())), failed]);
  };
  const flush = async () => {
    if (!gatheredBytes) return;
    const block = gathered.length === 1 ? gathered[0]! : Buffer.concat(gathered, gatheredBytes);
    gathered = [];
    gatheredBytes = 0;
    await write(block);
  };
  const chunk = async (bytes: Buffer) => {
    if (bytes.length >= BLOCK_BYTES) {
      await flush();
      await write(bytes);
      return;
    }
    gathered.push(bytes);
    gatheredBytes += bytes.length;
    if (gatheredBytes >= BLOCK_BYTES) await flush();
  };
  await Promise.race([produce(chunk).then(flush), failed]);
  await Promise.race([new Promise<void>((resolve) => out.end(() => resolve())), failed]);
}

/**
 * A file read in large blocks, cut into pieces by `next(data, start)` (the
 * end of the piece starting at `start`, or -1 when it runs past the data).
 * A piece longer than a block is gathered from its blocks.
 */
async function* readPieces(file: string, next: (data: Buffer, start: number) => number): AsyncGenerator<Buffer> {
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

const filesOf = (dir: string, generation: string) => ({ postings: path.join(dir, `${generation}.postings.bin`), records: path.join(dir, `${generation}.records.bin`) });

/** A whole file in a buffer of its own, starting at a 4-byte boundary (typed arrays are laid over it). */
async function readAligned(file: string): Promise<Uint8Array> {
  const { size } = await stat(file);
  const bytes = new Uint8Array(new ArrayBuffer(size));
  const handle = await open(file, "r");
  try {
    for (let at = 0; at < size; ) {
      const { bytesRead } = await handle.read(bytes, at, Math.min(size - at, 64 << 20), at);
      if (bytesRead === 0) throw new Error(`${file}: shorter than its size`);
      at += bytesRead;
    }
  } finally {
    await handle.close();
  }
  return bytes;
}

/** Freezes the engine's postings and writes it as a new generation, then points state.json at it. */
export async function persist(engine: SearchEngine, fingerprint: string): Promise<void> {
  const dir = indexDir();
  await mkdir(dir, { recursive: true });
  const previous = await readState(dir);
  const generation = `${Date.now().toString(36)}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
  const files = filesOf(dir, generation);
  let documents = 0;
  try {
    const postings = engine.freeze();
    // Both files at once: the records are serialised while the postings (already bytes) are written.
    const written = await Promise.allSettled([
      writeChunks(files.postings, async (chunk) => {
        for (const bytes of postings.toBuffers()) await chunk(bytes);
      }),
      writeChunks(files.records, async (chunk) => {
        // Each run of folded texts goes before the frames of its documents.
        let run: string[] = [FOLDED_RUN];
        let runChars = 0;
        let frames: Buffer[] = [];
        const flush = async () => {
          await chunk(frame(run.join("")));
          for (const f of frames) await chunk(f);
          run = [FOLDED_RUN];
          runChars = 0;
          frames = [];
        };
        for (const { slots, document } of engine.indexedDocuments()) {
          for (const p of document.provisions) {
            run.push(p.folded ?? "");
            runChars += p.folded?.length ?? 0;
          }
          frames.push(frame(JSON.stringify([slots, compact(document)])));
          documents++;
          if (runChars >= RUN_CHARS) await flush();
        }
        if (frames.length) await flush();
      }),
    ]);
    for (const w of written) if (w.status === "rejected") throw w.reason;
    await writeState(dir, { format: FORMAT, fingerprint, keepText: engine.keepText, generation, documents });
  } catch (error) {
    await Promise.all([rm(files.postings, { force: true }), rm(files.records, { force: true })]);
    throw error;
  }
  // Keep this generation and the one before (a reader may still be loading it); drop the rest and older formats.
  const keep = new Set([generation, previous?.generation].filter(Boolean));
  for (const name of await readdir(dir)) {
    const gen = name.match(/^(.+)\.(?:postings\.bin|index\.ndjson|records\.ndjson|records\.bin)$/)?.[1];
    if ((gen && !keep.has(gen)) || name === "index.json") await rm(path.join(dir, name), { force: true });
  }
}

/**
 * Marks the copy on disk as written for `fingerprint` when it was written for
 * `was` and the store changed nothing it holds (an engine loaded from it and
 * brought up to date without a change): the next start then loads it without
 * comparing again. Does nothing when another process wrote a copy since.
 */
export async function restamp(was: string, fingerprint: string): Promise<void> {
  const dir = indexDir();
  const state = await readState(dir);
  if (!state || state.fingerprint !== was || was === fingerprint) return;
  await writeState(dir, { ...state, fingerprint });
}

/** Replaces state.json in one step (a reader sees the old one or the new one). */
async function writeState(dir: string, state: State): Promise<void> {
  const tmp = path.join(dir, `state.json.${process.pid}.tmp`);
  await writeFile(tmp, JSON.stringify(state));
  await rename(tmp, path.join(dir, "state.json"));
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
    const engine = new SearchEngine({ keepText: state.keepText });
    engine.restorePostings(FrozenPostings.fromBytes(await readAligned(files.postings)));
    let documents = 0;
    let run = "";
    let at = 0;
    for await (const text of readFrames(files.records)) {
      if (text.startsWith(FOLDED_RUN)) {
        if (at !== run.length) throw new Error("folded texts left over");
        run = text;
        at = FOLDED_RUN.length;
        continue;
      }
      const [slots, compactDocument] = JSON.parse(text) as [number[], CompactDocument];
      const { document, next } = expand(compactDocument, run, at);
      at = next;
      engine.restoreDocument(slots, document);
      documents++;
    }
    if (at !== run.length) throw new Error("folded texts left over");
    if (documents !== state.documents) return null;
    engine.finishRestore();
    return { engine, fingerprint: state.fingerprint, documents };
  } catch {
    return null;
  }
}
