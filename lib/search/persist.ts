/**
 * The engine's persisted copy on disk, beside its database: for SQLite
 * `<db file>.search/`, otherwise `.data/search-<hash of the URL>/`.
 *
 * One copy is a generation of two line files — `<gen>.index.ndjson` (the
 * FlexSearch export, one chunk per line: key TAB JSON) and
 * `<gen>.records.ndjson` (one document per line: its slots and its records
 * in compact form) — and `state.json`, written last and renamed into place,
 * says which generation is whole. Written and read a line at a time, so a
 * library of any size never needs one giant string (V8 caps strings at
 * 512 MB; a 10,000-document index as one JSON text is larger). The previous
 * generation stays until the next write, for a reader still loading it.
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
const FORMAT = 5;

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

/** [eid, label, heading, citation, role, text ("" when the engine keeps only folded text), parent, [mention, name, role]…, dates, id, folded text]. */
type CompactProvision = [string, string | null, string | null, string, string, string, number, string[], string[], number, string];
type CompactDocument = [string, number, string | null, string | null, string | null, string | null, string | null, string | null, CompactProvision[]];

function compact(d: IndexedDocument): CompactDocument {
  return [
    d.slug, d.version, d.title, d.kind, d.issuer, d.issuedAt, d.effectiveFrom, d.effectiveUntil,
    d.provisions.map((p) => [p.eid, p.label, p.heading, p.citation, p.role, p.text, p.parent, p.partyRoles.flatMap((r) => [r.mention, r.name, r.role]), p.dates, p.id, p.folded ?? ""]),
  ];
}

function expand(c: CompactDocument): IndexedDocument {
  const [slug, version, title, kind, issuer, issuedAt, effectiveFrom, effectiveUntil, provisions] = c;
  return {
    slug, version, title, kind, issuer, issuedAt, effectiveFrom, effectiveUntil,
    provisions: provisions.map(([eid, label, heading, citation, role, text, parent, roles, dates, id, folded]): IndexedProvision => {
      const partyRoles: IndexedProvision["partyRoles"] = [];
      for (let i = 0; i + 2 < roles.length; i += 3) partyRoles.push({ mention: roles[i]!, name: roles[i + 1]!, role: roles[i + 2]! });
      return { id, eid, label, heading, citation, role, text, parent, partyRoles, dates, folded };
    }),
  };
}

/** Writes lines to a file, waiting whenever the stream's buffer is full. */
async function writeLines(file: string, produce: (line: (text: string) => Promise<void>) => Promise<void>): Promise<void> {
  const out = createWriteStream(file);
  const failed = new Promise<never>((_, reject) => out.once("error", reject));
  const line = async (text: string) => {
    if (!out.write(`${text}\n`)) await Promise.race([new Promise<void>((resolve) => out.once("drain", () => resolve())), failed]);
  };
  await Promise.race([produce(line), failed]);
  await Promise.race([new Promise<void>((resolve) => out.end(() => resolve())), failed]);
}

/**
 * The lines of a file, read as bytes in large blocks and decoded one line at
 * a time (no per-chunk string joining: at 10,000 documents a copy is 400 MB
 * and the garbage of a line reader doubled the load time).
 */
async function* readLines(file: string): AsyncGenerator<string> {
  const handle = await open(file, "r");
  try {
    const BLOCK = 16 << 20;
    let carry: Buffer = Buffer.alloc(0);
    for (;;) {
      const block = Buffer.allocUnsafe(BLOCK);
      const { bytesRead } = await handle.read(block, 0, BLOCK, null);
      if (bytesRead === 0) break;
      const data = carry.length ? Buffer.concat([carry, block.subarray(0, bytesRead)]) : block.subarray(0, bytesRead);
      let start = 0;
      for (let nl = data.indexOf(10, start); nl >= 0; nl = data.indexOf(10, start)) {
        if (nl > start) yield data.toString("utf8", start, nl);
        start = nl + 1;
      }
      carry = Buffer.from(data.subarray(start));
    }
    if (carry.length) yield carry.toString("utf8");
  } finally {
    await handle.close();
  }
}

const filesOf = (dir: string, generation: string) => ({ index: path.join(dir, `${generation}.index.ndjson`), records: path.join(dir, `${generation}.records.ndjson`) });

/** Writes the engine as a new generation, then points state.json at it. */
export async function persist(engine: SearchEngine, fingerprint: string): Promise<void> {
  const dir = indexDir();
  await mkdir(dir, { recursive: true });
  const previous = await readState(dir);
  const generation = `${Date.now().toString(36)}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
  const files = filesOf(dir, generation);
  let documents = 0;
  try {
    await writeLines(files.index, (line) => engine.exportIndex((key, data) => line(`${key}\t${data}`)));
    await writeLines(files.records, async (line) => {
      for (const { slots, document } of engine.indexedDocuments()) {
        await line(JSON.stringify([slots, compact(document)]));
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
    const gen = name.match(/^(.+)\.(?:index|records)\.ndjson$/)?.[1];
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
    for await (const line of readLines(files.index)) {
      const tab = line.indexOf("\t");
      engine.importIndex(line.slice(0, tab), line.slice(tab + 1));
    }
    let documents = 0;
    for await (const line of readLines(files.records)) {
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
