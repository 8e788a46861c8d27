/**
 * The engine's persisted copy on disk, beside its database: for SQLite
 * `<db file>.search/`, otherwise `.data/search-<hash of the URL>/`.
 *
 * One copy is a generation of five files, and `state.json`, written last
 * and renamed into place, says which generation is whole:
 *
 * - `<gen>.postings.bin`: the posting lists (postings.ts), read by offset
 *   after loading: only their directory is held in memory;
 * - `<gen>.bitsets.bin`: the bitsets of the tokens with the longest lists
 *   (postings.ts, StoredBitsets), read by offset when a query needs one;
 * - `<gen>.table.bin`: the per-slot columns (entries.ts) as their bytes,
 *   then the facts, after a JSON header with the documents and the interned
 *   names, dates and roles;
 * - `<gen>.texts.bin`: frames of UTF-16LE text, each its byte length first:
 *   runs of documents' folded headings, texts and contexts end to end, which
 *   the columns slice (V8 keeps a slice as a pointer into its run: a few
 *   thousand strings for the collector, not millions);
 * - `<gen>.cold.bin`: each document's cold provisions (cold.ts) as UTF-16LE
 *   JSON, a line each, documents back to back, read for the hits shown only.
 *
 * Loading reads the table whole and the texts' frame lengths; the texts are
 * decoded when first read and in the background (RunFile). The
 * previous generation stays until the next write, for a reader still
 * loading it.
 */
import { createHash } from "node:crypto";
import { closeSync, createWriteStream, fstatSync, openSync, readSync } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { databaseTarget, projectRoot } from "../db/url";
import { SearchEngine } from "./engine";
import { FilePostings, readFully } from "./postings";
import { COLUMN_NAMES, Interned, type ColdFile, type ColdPlace, type Columns, type DocumentFields, type TableDocument } from "./entries";

/** Bump when the engine's options, the record shape or a file's layout change: old copies are then ignored (and rebuilt). */
const FORMAT = 12;

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

/** First character of a frame of folded texts. */
const FOLDED_RUN = "\u0000";
/** Folded characters per run: a run's string is large enough to live outside the collector's young space. */
const RUN_CHARS = 1 << 19;

/** A document in the table file's header: fields, version, its run and its place in it, its cold JSON's place in the cold file. */
type HeaderDocument = [string, number, string | null, string | null, string | null, string | null, string | null, string | null, number, number, number, number, number];

interface TableHeader {
  slotCount: number;
  factCount: number;
  documents: HeaderDocument[];
  names: string[];
  dates: string[];
  roles: string[];
}

/** Closes the cold files the collector took. */
const closer = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // closed already
  }
});

/** A cold file read by offset; kept open (a later generation may delete it, the open file stays readable). */
class OpenColdFile implements ColdFile {
  private constructor(private readonly fd: number) {}

  static open(file: string): OpenColdFile {
    const f = new OpenColdFile(openSync(file, "r"));
    closer.register(f, f.fd);
    return f;
  }

  read(at: number, bytes: number): string {
    const buf = Buffer.allocUnsafe(bytes);
    readFully(this.fd, buf, at, "search index: cold file shorter than its table");
    return buf.toString("utf16le");
  }
}

/** A document of a persisted copy: its run of folded texts is read from the texts file when first needed. */
class StoredDocument implements TableDocument {
  constructor(
    readonly fields: DocumentFields,
    readonly version: number,
    readonly slots: number[],
    private readonly runs: RunFile,
    private readonly runIndex: number,
    readonly runStart: number,
    readonly runLength: number,
    readonly cold: ColdPlace,
  ) {}

  get run(): string {
    return this.runs.text(this.runIndex);
  }
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

/** Runs decoded per turn of the event loop while warming (about 1 MB each: a few milliseconds a turn). */
const WARM_RUNS_PER_TURN = 2;

/**
 * The runs of folded texts of a persisted copy: a file of [uint32 LE byte
 * length][UTF-16LE text] frames, each a run's text after FOLDED_RUN. Opening
 * reads only the frames' lengths; a run is decoded when a query first reads
 * it, and all of them soon after opening, a few per turn of the event loop
 * (decoding a gigabyte of text at 100,000 documents took half the load).
 */
export class RunFile {
  private readonly texts: Array<string | undefined>;
  private warming = false;
  private scratch = Buffer.alloc(0);
  private decoded = 0;

  private constructor(
    private readonly fd: number,
    /** Byte offset of each frame's first character (FOLDED_RUN), and the frame's text length in bytes. */
    private readonly offsets: number[],
    private readonly bytes: number[],
  ) {
    this.texts = new Array<string | undefined>(offsets.length);
  }

  /** Opens a file of frames; throws when a frame runs past the end (the copy is then rebuilt). */
  static open(file: string): RunFile {
    const fd = openSync(file, "r");
    try {
      const size = fstatSync(fd).size;
      const offsets: number[] = [];
      const bytes: number[] = [];
      // Each frame's length and first character: a file that is not frames of runs is refused here, not by a query.
      const lead = Buffer.alloc(6);
      for (let at = 0; at < size; ) {
        if (at + 4 > size || readSync(fd, lead, 0, 6, at) < 4) throw new Error("search index: truncated frame");
        const length = lead.readUInt32LE(0);
        if (at + 4 + length > size || length % 2) throw new Error("search index: truncated frame");
        if (length < 2 || lead.toString("utf16le", 4, 6) !== FOLDED_RUN) throw new Error("search index: not a run of texts");
        offsets.push(at + 4);
        bytes.push(length);
        at += 4 + length;
      }
      const f = new RunFile(fd, offsets, bytes);
      closer.register(f, fd, f);
      return f;
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  get count(): number {
    return this.offsets.length;
  }

  /** Characters of run `i`'s text (its first, FOLDED_RUN, left out). */
  length(i: number): number {
    return this.bytes[i]! / 2 - 1;
  }

  /** The whole frame `i` as text (FOLDED_RUN included). */
  private frame(i: number): string {
    const n = this.bytes[i]!;
    // One buffer for every read: the text is copied out of it, and no megabyte buffers wait for the collector.
    if (this.scratch.length < n) this.scratch = Buffer.allocUnsafe(n);
    readFully(this.fd, this.scratch.subarray(0, n), this.offsets[i]!, "search index: texts file shorter than its frames");
    return this.scratch.toString("utf16le", 0, n);
  }

  /** Run `i`'s text, decoded on first use. */
  text(i: number): string {
    const known = this.texts[i];
    if (known !== undefined) return known;
    const frame = this.frame(i);
    // Every frame starts with FOLDED_RUN (checked on opening).
    // A slice of a string this long is a pointer into it: the frame is kept, not copied.
    const text = (this.texts[i] = frame.slice(FOLDED_RUN.length));
    // Every run read: the file is not needed any more (a later generation may have deleted it: its space is freed).
    if (++this.decoded === this.texts.length) {
      closer.unregister(this);
      closeSync(this.fd);
      this.scratch = Buffer.alloc(0);
    }
    return text;
  }

  /** Decodes every run not read yet, a few per turn of the event loop, without keeping the process alive. */
  warm(): void {
    if (this.warming) return;
    this.warming = true;
    let next = 0;
    const turn = () => {
      try {
        for (let done = 0; done < WARM_RUNS_PER_TURN && next < this.texts.length; next++) {
          if (this.texts[next] === undefined) {
            this.text(next);
            done++;
          }
        }
      } catch {
        return; // a query reading the run reports the fault
      }
      if (next < this.texts.length) setImmediate(turn).unref();
    };
    setImmediate(turn).unref();
  }
}

export function frame(text: string): Buffer {
  const bytes = Buffer.byteLength(text, "utf16le");
  const out = Buffer.allocUnsafe(4 + bytes);
  out.writeUInt32LE(bytes, 0);
  out.write(text, 4, "utf16le");
  return out;
}

const filesOf = (dir: string, generation: string) => ({
  postings: path.join(dir, `${generation}.postings.bin`),
  bitsets: path.join(dir, `${generation}.bitsets.bin`),
  table: path.join(dir, `${generation}.table.bin`),
  texts: path.join(dir, `${generation}.texts.bin`),
  cold: path.join(dir, `${generation}.cold.bin`),
});

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

/** Bytes of a column (or the facts), padded to 8. */
function padded(a: Int32Array | Uint8Array | Uint16Array, n: number): Buffer[] {
  const bytes = Buffer.from(a.buffer, a.byteOffset, n * a.BYTES_PER_ELEMENT);
  const pad = (8 - (bytes.length % 8)) % 8;
  return pad ? [bytes, Buffer.alloc(pad)] : [bytes];
}

/**
 * The table as written: documents renumbered in order and packed into runs,
 * their slots' offsets moved with them, facts of live slots only, cold JSON
 * gathered from memory or the previous copy.
 */
async function writeTable(engine: SearchEngine, files: ReturnType<typeof filesOf>): Promise<number> {
  const slots = engine.table;
  const e = slots.entries;
  const n = e.slotCount;
  // Columns copied (the engine's may change while this writes): documents and offsets renumbered.
  const c = Object.fromEntries(COLUMN_NAMES.map((name) => [name, e.c[name].slice(0, n)])) as unknown as Columns;
  c.doc.fill(-1);
  const facts: number[] = [];
  const documents: HeaderDocument[] = [];
  const runs: string[][] = [[]];
  let runChars = 0;
  const colds: Array<string | Buffer> = [];
  let coldAt = 0;
  for (const { slug, document: d } of slots.tableDocuments()) {
    if (runChars >= RUN_CHARS) {
      runs.push([]);
      runChars = 0;
    }
    const region = d.run.slice(d.runStart, d.runStart + d.runLength);
    const shift = runChars - d.runStart;
    runs.at(-1)!.push(region);
    const index = documents.length;
    for (const slot of d.slots) {
      c.doc[slot] = index;
      c.at[slot] = e.c.at[slot]! + shift;
      c.contextAt[slot] = e.c.contextLength[slot] ? e.c.contextAt[slot]! + shift : 0;
      const from = e.c.factsAt[slot]!;
      const count = 3 * e.c.parties[slot]! + e.c.dates[slot]!;
      c.factsAt[slot] = count ? facts.length : 0;
      for (let i = 0; i < count; i++) facts.push(e.facts[from + i]!);
    }
    const cold = typeof d.cold === "string" ? Buffer.from(d.cold, "utf16le") : Buffer.from(d.cold.file.read(d.cold.at, d.cold.bytes), "utf16le");
    colds.push(cold);
    const f = d.fields;
    documents.push([slug, d.version, f.documentTitle, f.kind, f.issuer, f.issuedAt, f.effectiveFrom, f.effectiveUntil, runs.length - 1, runChars, d.runLength, coldAt, cold.length]);
    coldAt += cold.length;
    runChars += d.runLength;
  }
  const header: TableHeader = { slotCount: n, factCount: facts.length, documents, names: e.names.names, dates: e.dateNames.names, roles: e.roleNames.names };
  const headerBytes = Buffer.from(JSON.stringify(header), "utf8");
  const lead = Buffer.alloc(8);
  lead.writeUInt32LE(headerBytes.length, 0);
  const headerPad = Buffer.alloc((8 - ((8 + headerBytes.length) % 8)) % 8);
  await Promise.all([
    writeChunks(files.table, async (chunk) => {
      for (const b of [lead, headerBytes, headerPad]) await chunk(b);
      for (const name of COLUMN_NAMES) for (const b of padded(c[name], n)) await chunk(b);
      for (const b of padded(Int32Array.from(facts), facts.length)) await chunk(b);
    }),
    writeChunks(files.texts, async (chunk) => {
      for (const run of runs) await chunk(frame(FOLDED_RUN + run.join("")));
    }),
    writeChunks(files.cold, async (chunk) => {
      for (const b of colds) await chunk(typeof b === "string" ? Buffer.from(b, "utf16le") : b);
    }),
  ]);
  return documents.length;
}

/** Writes the engine as a new generation (postings merged into a file it then reads), then points state.json at it. */
export async function persist(engine: SearchEngine, fingerprint: string): Promise<void> {
  const dir = indexDir();
  await mkdir(dir, { recursive: true });
  const previous = await readState(dir);
  const generation = `${Date.now().toString(36)}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
  const files = filesOf(dir, generation);
  const remove = () => Promise.all(Object.values(files).map((f) => rm(f, { force: true })));
  try {
    // Both started in one turn of the event loop, so the table and the postings hold the same documents
    // (each takes what it writes before its first wait); the engine then reads its postings from their file.
    const table = writeTable(engine, files);
    const postings = engine.savePostings(
      (produce) => writeChunks(files.postings, (postings) => writeChunks(files.bitsets, (bitsets) => produce({ postings, bitsets }))),
      () => FilePostings.open(files.postings, files.bitsets),
    );
    for (const r of await Promise.allSettled([table, postings])) if (r.status === "rejected") throw r.reason;
    const documents = await table;
    await writeState(dir, { format: FORMAT, fingerprint, keepText: engine.keepText, generation, documents });
  } catch (error) {
    await remove();
    throw error;
  }
  // Keep this generation and the one before (a reader may still be loading it); drop the rest and older formats.
  const keep = new Set([generation, previous?.generation].filter(Boolean));
  for (const name of await readdir(dir)) {
    const gen = name.match(/^(.+)\.(?:postings\.bin|bitsets\.bin|index\.ndjson|records\.ndjson|records\.bin|table\.bin|texts\.bin|cold\.bin)$/)?.[1];
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
    const slots = engine.table;
    const e = slots.entries;
    const bytes = await readAligned(files.table);
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    const headerLength = buf.readUInt32LE(0);
    const header = JSON.parse(buf.toString("utf8", 8, 8 + headerLength)) as TableHeader;
    let at = 8 + headerLength;
    at += (8 - (at % 8)) % 8;
    const n = header.slotCount;
    const view = <T extends Int32Array | Uint8Array | Uint16Array>(Kind: { new (b: ArrayBuffer, o: number, l: number): T; BYTES_PER_ELEMENT: number }, count: number): T => {
      if (at + count * Kind.BYTES_PER_ELEMENT > bytes.length) throw new Error("search index: table file too short");
      const v = new Kind(bytes.buffer as ArrayBuffer, bytes.byteOffset + at, count);
      at += count * Kind.BYTES_PER_ELEMENT;
      at += (8 - (at % 8)) % 8;
      return v;
    };
    const kinds: Record<(typeof COLUMN_NAMES)[number], typeof Int32Array | typeof Uint8Array | typeof Uint16Array> = {
      doc: Int32Array, id: Int32Array, role: Uint8Array, labelled: Uint8Array, at: Int32Array, headingLength: Int32Array, textLength: Int32Array,
      contextAt: Int32Array, contextLength: Int32Array, position: Int32Array, factsAt: Int32Array, parties: Uint16Array, dates: Uint16Array,
    };
    e.c = Object.fromEntries(COLUMN_NAMES.map((name) => [name, view(kinds[name] as typeof Int32Array, n)])) as unknown as Columns;
    e.facts = view(Int32Array, header.factCount);
    e.factCount = header.factCount;
    if (at !== bytes.length) throw new Error("search index: table file too long");
    e.slotCount = n;
    Object.assign(e, { names: Interned.of(header.names, true), dateNames: Interned.of(header.dates), roleNames: Interned.of(header.roles) });
    const runs = RunFile.open(files.texts);
    const cold = OpenColdFile.open(files.cold);
    // Each document's slots, in provision order.
    const slotsOf: number[][] = header.documents.map(() => []);
    for (let slot = 0; slot < n; slot++) {
      const d = e.c.doc[slot]!;
      if (d >= 0) slotsOf[d]![e.c.position[slot]!] = slot;
    }
    slots.restorePostings(FilePostings.open(files.postings, files.bitsets));
    header.documents.forEach(([slug, version, documentTitle, kind, issuer, issuedAt, effectiveFrom, effectiveUntil, run, runStart, runLength, coldAt, coldBytes], i) => {
      const fields: DocumentFields = { document: slug, documentTitle, kind, issuer, issuedAt, effectiveFrom, effectiveUntil };
      if (run >= runs.count || runStart + runLength > runs.length(run)) throw new Error("search index: texts run short");
      slots.placeDocument(slug, new StoredDocument(fields, version, slotsOf[i]!, runs, run, runStart, runLength, { file: cold, at: coldAt, bytes: coldBytes }));
    });
    if (header.documents.length !== state.documents) return null;
    engine.finishRestore();
    runs.warm();
    return { engine, fingerprint: state.fingerprint, documents: header.documents.length };
  } catch {
    return null;
  }
}
