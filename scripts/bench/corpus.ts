/**
 * The synthetic corpus: the real documents of content/ scaled to N documents
 * by recombining their provisions under new titles and numbering (seeded, so
 * the same N always gives the same files). Each generated document is a .txt
 * file in plain Chinese policy-document layout — title, document number,
 * addressees, a preamble, then 一、 sections, （一） items numbered on across
 * sections and 1. sub-items — of about 13 KB and 50 provisions. The 20 real
 * documents are copied unchanged, so the relevance set's provisions exist.
 */
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "../../lib/parser";
import { between, pick, progress, rng } from "./util";

/** Bump when the layout or the recombination changes (old corpora are then regenerated). */
const GENERATOR = 3;
const SEED = 20261128;

export interface RealDocument {
  file: string;
  bytes: Uint8Array;
  title: string | null;
}

export interface ProvisionPool {
  /** Section headings (一、 and 第N章 lines). */
  headings: string[];
  /** Provision texts without their labels (（一）, 第N条, 1. …). */
  items: string[];
  /** The shorter item texts, used for 1. sub-items. */
  short: string[];
  titles: string[];
  issuers: string[];
}

export interface Corpus {
  dir: string;
  docs: number;
  generated: number;
  real: number;
  bytes: number;
  files: string[];
}

export function contentDir(root: string): string {
  return path.join(root, "content");
}

export function readRealDocuments(root: string): RealDocument[] {
  const dir = contentDir(root);
  return readdirSync(dir)
    .filter((f) => /\.(md|txt)$/.test(f))
    .sort()
    .map((f) => ({ file: path.join(dir, f), bytes: new Uint8Array(readFileSync(path.join(dir, f))), title: null }));
}

/** Numbering labels a generated document writes itself. */
const LABEL = /^(?:第[一二三四五六七八九十百零〇]+[章节条部分]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、]|[㈠-㈩])[\s\u3000]*/;

/** Provision texts of the real corpus, parsed with the project's parser. */
export async function provisionPool(real: RealDocument[]): Promise<ProvisionPool> {
  const pool: ProvisionPool = { headings: [], items: [], short: [], titles: [], issuers: [] };
  for (const d of real) {
    const { doc } = await parseDocument(d.bytes, path.basename(d.file));
    d.title = doc.title;
    if (doc.title) pool.titles.push(doc.title);
    if (doc.issuer) pool.issuers.push(doc.issuer);
    for (const p of doc.provisions) {
      if (!p.label || /是$|^---$|^注/.test(p.label)) continue; // inline 一是 items repeat their parent's text
      const body = p.text.replace(LABEL, "").replace(/^[\s\u3000]+/, "").trim();
      if (!body) continue;
      const headingOnly = body.length <= 30 && !/[。；]/.test(body) && !body.includes("\n");
      if (headingOnly && /^(?:第.+章|[一二三四五六七八九十]+、)$/.test(p.label)) pool.headings.push(body);
      else if (!headingOnly && body.length >= 20) {
        pool.items.push(body);
        if (body.length <= 90) pool.short.push(body);
      }
    }
  }
  return pool;
}

const KINDS = ["实施意见", "指导意见", "通知", "若干措施", "工作方案", "管理办法", "行动计划"];
const NUMBERS = ["国发", "国办发", "京政发", "沪府发", "穗府", "青政", "赣府发", "粤府"];
const ADDRESSEES = [
  "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
  "各区人民政府，市政府各委、办、局，各市属机构：",
  "各市、县人民政府，省政府各部门：",
  "各有关单位：",
];
const CN = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** 1 → 一, 12 → 十二, 35 → 三十五 (enough for document numbering). */
export function chineseNumber(n: number): string {
  if (n <= 10) return CN[n]!;
  if (n < 20) return `十${CN[n - 10]}`;
  const tens = Math.floor(n / 10);
  return `${CN[tens]}十${CN[n % 10]}`;
}

/** One generated document: ~13 KB of real provision texts under new numbering. */
export function generateDocument(pool: ProvisionPool, index: number): string {
  const random = rng(SEED ^ Math.imul(index + 1, 0x9e3779b1));
  const enc = new TextEncoder();
  const issuer = pick(random, pool.issuers);
  const topic = pick(random, pool.headings.filter((h) => h.length >= 6 && h.length <= 20));
  const title = `${issuer}关于${topic}的${pick(random, KINDS)}（第${index + 1}号）`;
  const year = between(random, 2010, 2024);
  const lines = [title, `${pick(random, NUMBERS)}〔${year}〕${between(random, 1, 120)}号`, pick(random, ADDRESSEES), pick(random, pool.items).split("\n")[0]!];
  const target = between(random, 9_500, 15_500);
  let bytes = lines.reduce((n, l) => n + enc.encode(l).length + 1, 0);
  let section = 0;
  let item = 0;
  let left = 0;
  const push = (line: string) => {
    lines.push(line);
    bytes += enc.encode(line).length + 1;
  };
  while (bytes < target) {
    if (left === 0) {
      section++;
      left = between(random, 3, 7);
      push(`${chineseNumber(section)}、${pick(random, pool.headings)}`);
    }
    item++;
    left--;
    push(`（${chineseNumber(item)}）${pick(random, pool.items)}`);
    if (random() < 0.55) {
      const subs = between(random, 2, 5);
      for (let k = 1; k <= subs; k++) push(`${k}.${pick(random, pool.short)}`);
    }
  }
  push(issuer);
  push(`${year}年${between(random, 1, 12)}月${between(random, 1, 28)}日`);
  return lines.join("\n") + "\n";
}

function sourceHash(real: RealDocument[]): string {
  const h = createHash("sha256").update(`generator ${GENERATOR} seed ${SEED}\n`);
  for (const d of real) h.update(path.basename(d.file)).update(d.bytes);
  return h.digest("hex").slice(0, 16);
}

/**
 * The corpus of `docs` documents in bench/out/corpus-<docs>/: the real
 * documents plus generated ones (docs − 20). Reused when already generated
 * from the same sources by the same generator.
 */
export async function ensureCorpus(root: string, docs: number, real: RealDocument[], pool: ProvisionPool): Promise<Corpus> {
  const dir = path.join(root, "bench", "out", `corpus-${docs}`);
  const generated = Math.max(0, docs - real.length);
  const manifestFile = path.join(root, "bench", "out", `corpus-${docs}.json`);
  const key = sourceHash(real);
  const width = Math.max(5, String(generated).length);
  const names = Array.from({ length: generated }, (_, i) => `syn-${String(i + 1).padStart(width, "0")}.txt`);
  if (existsSync(manifestFile)) {
    const m = JSON.parse(readFileSync(manifestFile, "utf8")) as { key: string; docs: number; bytes: number };
    if (m.key === key && m.docs === docs) {
      progress(`corpus: reusing ${dir} (${docs} documents, ${(m.bytes / 1048576).toFixed(1)} MB)`);
      return { dir, docs, generated, real: real.length, bytes: m.bytes, files: [...real.map((d) => path.join(dir, path.basename(d.file))), ...names.map((n) => path.join(dir, n))] };
    }
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const d of real) {
    copyFileSync(d.file, path.join(dir, path.basename(d.file)));
    bytes += d.bytes.length;
  }
  for (let i = 0; i < generated; i++) {
    const text = generateDocument(pool, i);
    const buf = Buffer.from(text, "utf8");
    writeFileSync(path.join(dir, names[i]!), buf);
    bytes += buf.length;
    if ((i + 1) % 2000 === 0) progress(`corpus: ${i + 1}/${generated} documents generated`);
  }
  writeFileSync(manifestFile, JSON.stringify({ key, docs, generated, real: real.length, bytes, generator: GENERATOR, seed: SEED }, null, 2));
  progress(`corpus: ${docs} documents (${generated} generated + ${real.length} real), ${(bytes / 1048576).toFixed(1)} MB in ${dir}`);
  return { dir, docs, generated, real: real.length, bytes, files: [...real.map((d) => path.join(dir, path.basename(d.file))), ...names.map((n) => path.join(dir, n))] };
}
