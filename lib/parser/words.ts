/**
 * Chinese words for comparing provisions (links) — Node's built-in
 * Intl.Segmenter ('zh', word granularity; ICU's dictionary), minus words that
 * every policy document uses and so link nothing.
 *
 * ICU segmentation slows down more than linearly on long strings (a 160,000-
 * character string took 13 s here, its lines 0.1 s), so text is cut into
 * sentence-sized pieces first.
 */
const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

/** Words too common in policy texts to say that two provisions are about the same thing. */
export const POLICY_STOPWORDS = new Set(
  ("推进 推动 加强 加快 加大 完善 健全 建立 提高 提升 促进 支持 鼓励 引导 实施 开展 落实 推广 深化 强化 优化 做好 切实 积极 进一步 全面 " +
    "工作 发展 机制 体系 制度 政策 措施 重点 重要 主要 有关 相关 各地 各级 部门 单位 地区 地方 国家 我国 全国 全省 全市 " +
    "以及 和 与 及 或 等 的 了 在 对 为 以 将 把 从 由 按照 根据 通过 围绕 结合 坚持 注重 着力 大力 不断 持续 有效 充分 确保 形成 实现 " +
    "方面 领域 问题 情况 要求 目标 任务 组织 领导 负责 牵头 配合 意见 通知 方案 办法 规定 本意 " +
    "一批 一些 各类 各项 多种 新 高 大 好 要 可 应 能 是 有 其 并 同时 已 以上 左右 达到 年 月 日 个 项 万 亿 元 中 上 下 内 外 " +
    "省 市 县 区 政府 人民政府 统筹 协调 合力 力度 范围 规模 基础 水平 能力 作用 环境 条件 质量 效率").split(/\s+/),
);

/** Sentence-sized pieces (at most `max` characters) of a text, for the segmenter. */
export function pieces(text: string, max = 200): string[] {
  const out: string[] = [];
  for (const sentence of text.split(/(?<=[。；;！？!?\n])/)) {
    for (let i = 0; i < sentence.length; i += max) out.push(sentence.slice(i, i + max));
  }
  return out;
}

/** Word-like segments of a text, in order. */
export function segmentWords(text: string): string[] {
  const out: string[] = [];
  for (const piece of pieces(text)) for (const seg of segmenter.segment(piece)) if (seg.isWordLike) out.push(seg.segment);
  return out;
}

/** All segments of a short text, in order (their lengths add up to the text's). */
export function wordSegments(text: string): string[] {
  return Array.from(segmenter.segment(text), (seg) => seg.segment);
}

/** Content words of a text: word-like segments of two or more characters, not stopwords. */
export function contentWords(text: string): string[] {
  return segmentWords(text).filter((w) => w.length >= 2 && !/^\d/.test(w) && !POLICY_STOPWORDS.has(w));
}

/** A run of Chinese characters (U+4E00–U+9FFF). Global: read it with allMatches. */
export const CJK_RUN = /[\u4e00-\u9fff]+/g;

/**
 * A character bigram of a Chinese run (both characters in U+4E00–U+9FFF) as
 * one integer below 2^30, which V8 keeps unboxed: sets of them hash and
 * compare faster than sets of two-character strings, and need no string made
 * for each position of each run.
 */
export type Bigram = number;

const CJK_FIRST = 0x4e00;
const CJK_SPAN = 0x5200;

/** The bigram of `run` (a Chinese run) at `i`. */
export function bigramAt(run: string, i: number): Bigram {
  return (run.charCodeAt(i) - CJK_FIRST) * CJK_SPAN + (run.charCodeAt(i + 1) - CJK_FIRST);
}

/** The two-character policy stopwords as bigrams (only those can be a run's bigram). */
const STOP_BIGRAMS = new Set([...POLICY_STOPWORDS].filter((w) => /^[\u4e00-\u9fff]{2}$/.test(w)).map((w) => bigramAt(w, 0)));

/**
 * Character bigrams of a text's Chinese runs, without the policy stopwords:
 * a cheaper way than the segmenter (ICU's word segmentation was most of the
 * parse time) to say what two provisions share. In order of first occurrence.
 */
export function contentBigrams(text: string): Set<Bigram> {
  const out = new Set<Bigram>();
  // Two neighbouring Chinese characters are a bigram of a run.
  for (let i = 0; i + 1 < text.length; i++) {
    if (isCjk(text.charCodeAt(i)) && isCjk(text.charCodeAt(i + 1))) out.add(bigramAt(text, i));
  }
  // Stopwords taken out afterwards, which leaves the others in order: one set operation per bigram instead of two.
  if (out.size > STOP_BIGRAMS.size) for (const g of STOP_BIGRAMS) out.delete(g);
  else for (const g of out) if (STOP_BIGRAMS.has(g)) out.delete(g);
  return out;
}

/** A character of CJK_RUN (U+4E00–U+9FFF). */
function isCjk(code: number): boolean {
  return code >= CJK_FIRST && code < CJK_FIRST + CJK_SPAN;
}

/** The stretches of `run` (one Chinese run) made of shared bigrams (技术改造 from 技术, 术改, 改造), longest first: words a reader recognises. */
export function sharedStretches(run: string, shared: Set<Bigram>): string[] {
  const out = new Set<string>();
  let from = -1;
  for (let i = 0; i <= run.length - 1; i++) {
    const ok = i + 1 < run.length && shared.has(bigramAt(run, i));
    if (ok && from < 0) from = i;
    if (!ok && from >= 0) {
      out.add(run.slice(from, i + 1));
      from = -1;
    }
  }
  return [...out].sort((a, b) => b.length - a.length);
}
