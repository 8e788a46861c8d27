/**
 * Peers on the same provisions and queries: SQLite FTS5 with the trigram
 * tokenizer (better-sqlite3), SQLite FTS5 over jieba words (@node-rs/jieba,
 * the way the open china-governance project indexes Chinese policy
 * documents) and MiniSearch with Intl.Segmenter words.
 *
 * Both index exactly what PolicyKB's engine matches on — each provision of the
 * current document versions as its folded heading, text and ancestors'
 * headings (lib/search/records + foldForSearch), in the store's order — and get the
 * query's words as PolicyKB's parseQuery() folds them. Neither has PolicyKB's
 * extras (party aliases, deadline dates, partial and loose matches).
 */
import { statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import MiniSearch from "minisearch";
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict";
import { currentVersions } from "../../lib/db/index-source";
import { loadRecords } from "../../lib/search/records";
import { foldForSearch } from "../../lib/search/fold";
import { parseQuery } from "../../lib/search/tokenize";
import { segmentWords } from "../../lib/parser/words";
import type { RankedHit } from "../../lib/eval/relevance";
import { collectGarbage, progress } from "./util";

export interface PeerRecord {
  document: string;
  provision: string;
  body: string;
}

/** Every provision of the current documents, as the peers index it. */
export async function peerRecords(): Promise<PeerRecord[]> {
  const slugs = [...(await currentVersions()).keys()];
  const out: PeerRecord[] = [];
  for (let i = 0; i < slugs.length; i += 500) {
    for (const { records } of await loadRecords(slugs.slice(i, i + 500))) {
      for (const r of records) out.push({ document: r.document, provision: r.provision, body: `${foldForSearch(r.heading ?? "")}\n${foldForSearch(r.text)}\n${foldForSearch(r.context)}` });
    }
  }
  return out;
}

export interface Peer {
  name: string;
  buildSeconds: number;
  /** Index size: on disk for FTS5, heap growth after a full GC for MiniSearch (MB). */
  sizeMB: number;
  search(q: string): Promise<RankedHit[]>;
  close(): void;
}

/**
 * FTS5 trigram. Each query word of three or more characters is a quoted
 * trigram phrase, ANDed in one MATCH, ranked by bm25. Shorter words (产能,
 * 稳岗, IPv6 is long enough) cannot be trigram-matched: they become LIKE
 * '%word%' filters on the MATCH's rows, or, when no word is long enough, a
 * LIKE scan of the whole table (no ranking; store order).
 */
export function buildFts5(records: PeerRecord[], dir: string): Peer {
  const file = path.join(dir, "fts5.db");
  const t = performance.now();
  const db = new Database(file);
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.exec("CREATE VIRTUAL TABLE p USING fts5(doc UNINDEXED, prov UNINDEXED, body, tokenize = 'trigram')");
  const insert = db.prepare("INSERT INTO p (doc, prov, body) VALUES (?, ?, ?)");
  const chunk = 20_000;
  for (let i = 0; i < records.length; i += chunk) {
    db.transaction(() => {
      for (const r of records.slice(i, i + chunk)) insert.run(r.document, r.provision, r.body);
    })();
    if (records.length > 100_000 && (i / chunk) % 10 === 9) progress(`fts5: ${i + chunk} of ${records.length} provisions indexed`);
  }
  db.exec("INSERT INTO p(p) VALUES ('optimize')");
  const buildSeconds = (performance.now() - t) / 1000;
  const sizeMB = statSync(file).size / 1048576;
  const statements = new Map<string, Database.Statement>();
  const statement = (sql: string) => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare(sql)));
    return s;
  };
  const likeOf = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return {
    name: "fts5",
    buildSeconds,
    sizeMB,
    async search(q: string) {
      const words = [...new Set(parseQuery(q).map((w) => w.text))];
      const long = words.filter((w) => [...w].length >= 3);
      const short = words.filter((w) => [...w].length < 3);
      if (!words.length) return [];
      const likes = short.map(() => "body LIKE ? ESCAPE '\\'").join(" AND ");
      type Row = { doc: string; prov: string };
      let rows: Row[];
      if (long.length) {
        const match = long.map((w) => `"${w.replace(/"/g, '""')}"`).join(" AND ");
        rows = statement(`SELECT doc, prov FROM p WHERE p MATCH ?${short.length ? ` AND ${likes}` : ""} ORDER BY rank LIMIT 10`).all(match, ...short.map(likeOf)) as Row[];
      } else {
        rows = statement(`SELECT doc, prov FROM p WHERE ${likes} LIMIT 10`).all(...short.map(likeOf)) as Row[];
      }
      return rows.map((r) => ({ document: r.doc, provision: r.prov }));
    },
    close() {
      db.close();
    },
  };
}

/**
 * FTS5 over jieba words: each text cut into words by jieba (precise mode),
 * joined by spaces and indexed by FTS5's unicode61 tokenizer; each query
 * word cut the same way becomes a phrase of its words, the phrases ANDed in
 * one MATCH, ranked by bm25. A query word jieba cuts otherwise inside a text
 * (电成 in 用电成本) is not found: that is the price of words over bigrams.
 */
export function buildFts5Jieba(records: PeerRecord[], dir: string): Peer {
  const file = path.join(dir, "fts5-jieba.db");
  const jieba = Jieba.withDict(dict);
  const words = (text: string) => jieba.cut(text, false).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const t = performance.now();
  const db = new Database(file);
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.exec("CREATE VIRTUAL TABLE p USING fts5(doc UNINDEXED, prov UNINDEXED, body)");
  const insert = db.prepare("INSERT INTO p (doc, prov, body) VALUES (?, ?, ?)");
  const chunk = 20_000;
  for (let i = 0; i < records.length; i += chunk) {
    db.transaction(() => {
      for (const r of records.slice(i, i + chunk)) insert.run(r.document, r.provision, words(r.body).join(" "));
    })();
    if (records.length > 100_000 && (i / chunk) % 10 === 9) progress(`fts5-jieba: ${i + chunk} of ${records.length} provisions indexed`);
  }
  db.exec("INSERT INTO p(p) VALUES ('optimize')");
  const buildSeconds = (performance.now() - t) / 1000;
  const sizeMB = statSync(file).size / 1048576;
  const statement = db.prepare("SELECT doc, prov FROM p WHERE p MATCH ? ORDER BY rank LIMIT 10");
  return {
    name: "fts5-jieba",
    buildSeconds,
    sizeMB,
    async search(q: string) {
      const phrases = [...new Set(parseQuery(q).map((w) => words(w.text).join(" ")))].filter(Boolean);
      if (!phrases.length) return [];
      const match = phrases.map((p) => `"${p.replace(/"/g, '""')}"`).join(" AND ");
      return (statement.all(match) as Array<{ doc: string; prov: string }>).map((r) => ({ document: r.doc, provision: r.prov }));
    },
    close() {
      db.close();
    },
  };
}

/** Queries the FTS5 peer answers with a LIKE scan of the whole table: every word shorter than 3 characters. */
export function likeOnly(q: string): boolean {
  const words = parseQuery(q).map((w) => w.text);
  return words.length > 0 && words.every((w) => [...w].length < 3);
}

/**
 * MiniSearch (BM25) over Intl.Segmenter word-like segments of the folded text
 * (NFKC, lower case — ../shared/STACK.md's best encoder for FlexSearch). A query is the
 * AND of the segments of each of its words; no prefix or fuzzy matching.
 */
export function buildMiniSearch(records: PeerRecord[]): Peer {
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const t = performance.now();
  const index = new MiniSearch<{ id: number; body: string }>({ fields: ["body"], idField: "id", storeFields: [], tokenize: segmentWords, processTerm: (term) => term });
  const chunk = 50_000;
  for (let i = 0; i < records.length; i += chunk) {
    index.addAll(records.slice(i, i + chunk).map((r, k) => ({ id: i + k, body: r.body })));
    if (records.length > 100_000) progress(`minisearch: ${Math.min(records.length, i + chunk)} of ${records.length} provisions indexed`);
  }
  const buildSeconds = (performance.now() - t) / 1000;
  collectGarbage();
  const sizeMB = (process.memoryUsage().heapUsed - heapBefore) / 1048576;
  const options = { tokenize: (s: string) => [s], processTerm: (term: string) => term, prefix: false, fuzzy: false } as const;
  return {
    name: "minisearch",
    buildSeconds,
    sizeMB,
    async search(q: string) {
      const terms = [...new Set(parseQuery(q).flatMap((w) => segmentWords(w.text)))];
      if (!terms.length) return [];
      const hits = index.search({ combineWith: "AND", queries: terms }, options);
      return hits.slice(0, 10).map((h) => {
        const r = records[h.id as number]!;
        return { document: r.document, provision: r.provision };
      });
    },
    close() {
      index.removeAll();
    },
  };
}
