/**
 * The search engine over provisions: a FlexSearch index of each provision's
 * heading and text (Intl.Segmenter words), the records hits are made of, and
 * query execution — candidates from FlexSearch, verified so that every query
 * word (or one of its aliases) is in the provision, ranked with heading
 * matches and exact phrases first, filtered and counted for facets.
 * This is the only module that touches FlexSearch.
 */
import { Index } from "flexsearch";
import type { Role } from "../parser";
import { validityStatus, todayInChina, type ValidityStatus } from "../status";
import type { SearchRecord } from "./records";
import { fold, foldWithMap, tokenizer, type QueryWord, type TokenStrategy } from "./tokenize";
import type { Facet, FacetName, SearchFilters, SearchHit } from "./types";

/** FlexSearch options; an imported index must be created with the same ones. */
function newIndex(strategy: TokenStrategy): Index {
  return new Index({ tokenize: "strict", encode: tokenizer(strategy), resolution: 9, cache: 200 });
}

/**
 * Text a record is indexed and matched by: its heading first (early positions
 * rank first), then its text, then its ancestors' headings.
 */
function indexedText(r: SearchRecord): string {
  return `${r.heading ?? ""}\n${r.text}\n${r.context}`;
}

/** Folded parts of a record, for verification and ranking. */
interface FoldedRecord {
  all: string;
  heading: string;
  text: string;
  context: string;
}

function foldRecord(r: SearchRecord): FoldedRecord {
  const heading = fold(r.heading ?? "");
  const text = fold(r.text);
  const context = fold(r.context);
  return { all: `${heading}\n${text}\n${context}`, heading, text, context };
}

export interface EngineQuery {
  words: QueryWord[];
  filters: SearchFilters;
  limit: number;
  offset: number;
  facets: boolean;
  today?: string;
}

export interface EngineResult {
  total: number;
  hits: SearchHit[];
  facets: Record<FacetName, Facet[]>;
}

export interface EngineState {
  strategy: TokenStrategy;
  index: Record<string, string>;
  records: Array<SearchRecord | null>;
  versions: Array<[string, number]>;
  slots: Array<[string, number[]]>;
}

const emptyFacets = (): Record<FacetName, Facet[]> => ({ kind: [], issuer: [], year: [], role: [], party: [], status: [], doc: [] });

export class SearchEngine {
  private index: Index;
  /** Slot → record (null after removal). */
  private records: Array<SearchRecord | null> = [];
  /** Folded heading/text/context per slot, for verification and ranking. */
  private folded: Array<FoldedRecord | null> = [];

  constructor(readonly strategy: TokenStrategy = "bigram") {
    this.index = newIndex(strategy);
  }
  /** Document slug → its slots. */
  private slotsOf = new Map<string, number[]>();
  /** Document slug → indexed version. */
  readonly versions = new Map<string, number>();

  get size(): number {
    return this.records.length - this.free.length;
  }

  private free: number[] = [];

  /** Adds (or replaces) the provisions of one document version. */
  addDocument(slug: string, version: number, records: SearchRecord[]): void {
    this.removeDocument(slug);
    const slots: number[] = [];
    for (const r of records) {
      const slot = this.free.pop() ?? this.records.length;
      this.records[slot] = r;
      this.folded[slot] = foldRecord(r);
      this.index.add(slot, indexedText(r));
      slots.push(slot);
    }
    this.slotsOf.set(slug, slots);
    this.versions.set(slug, version);
  }

  /** Removes every provision of a document. */
  removeDocument(slug: string): void {
    const slots = this.slotsOf.get(slug);
    if (!slots) return;
    for (const slot of slots) {
      this.index.remove(slot);
      this.records[slot] = null;
      this.folded[slot] = null;
      this.free.push(slot);
    }
    this.slotsOf.delete(slug);
    this.versions.delete(slug);
  }

  documents(): string[] {
    return [...this.slotsOf.keys()];
  }

  // ---- persistence ------------------------------------------------------------

  /** Everything needed to load the engine again without re-indexing. */
  async exportState(): Promise<EngineState> {
    const index: Record<string, string> = {};
    await this.index.export((key: string, data: string) => {
      index[key] = data;
    });
    return { strategy: this.strategy, index, records: this.records, versions: [...this.versions], slots: [...this.slotsOf] };
  }

  static importState(state: EngineState): SearchEngine {
    const engine = new SearchEngine(state.strategy);
    for (const [key, data] of Object.entries(state.index)) engine.index.import(key, data);
    engine.records = state.records;
    engine.folded = state.records.map((r) => (r ? foldRecord(r) : null));
    engine.free = state.records.flatMap((r, i) => (r ? [] : [i]));
    for (const [slug, version] of state.versions) engine.versions.set(slug, version);
    for (const [slug, slots] of state.slots) engine.slotsOf.set(slug, slots);
    return engine;
  }

  // ---- querying ---------------------------------------------------------------

  /**
   * Slots whose text contains `word` (or an alternative, or a deadline on its
   * date): FlexSearch candidates, verified by substring. With bigram tokens the
   * candidates are a superset of the true matches; with segmenter words a text
   * cut differently is found by the scan that runs when FlexSearch finds nothing.
   */
  private candidates(word: QueryWord, limit: number): Set<number> {
    const out = new Set<number>();
    for (const form of [word.text, ...word.alternatives]) {
      // A lone CJK character beside digits (2000名) is indexed only inside bigrams: look up the rest, verify the whole.
      const probe = this.strategy === "bigram" ? form.replace(/(?<![\u3400-\u9fff])[\u3400-\u9fff](?![\u3400-\u9fff])/g, " ").trim() : form;
      if (!probe) {
        for (let slot = 0; slot < this.folded.length; slot++) if (this.folded[slot]?.all.includes(form)) out.add(slot);
        continue;
      }
      const ids = this.index.search(probe, { limit }) as number[];
      for (const id of ids) if (this.folded[id]?.all.includes(form)) out.add(id);
      if (ids.length === 0 && this.strategy === "words") {
        for (let slot = 0; slot < this.folded.length; slot++) if (this.folded[slot]?.all.includes(form)) out.add(slot);
      }
    }
    if (word.date) {
      for (let slot = 0; slot < this.records.length; slot++) if (this.records[slot]?.dates.includes(word.date)) out.add(slot);
    }
    return out;
  }

  private matches(slot: number, word: QueryWord): boolean {
    const f = this.folded[slot];
    if (!f) return false;
    return f.all.includes(word.text) || word.alternatives.some((a) => f.all.includes(a)) || (word.date !== null && (this.records[slot]?.dates.includes(word.date) ?? false));
  }

  /**
   * Provisions where every word's characters appear in order within a short
   * stretch (a loose match for words written with something in between).
   * Candidates come from FlexSearch on each word's first and last bigram.
   */
  private fuzzyCandidates(words: QueryWord[]): number[] {
    const loose = words.filter((w) => /^[\u4e00-\u9fff]{3,8}$/.test(w.text));
    if (!loose.length || loose.length !== words.length) return [];
    let slots: number[] | null = null;
    for (const w of loose) {
      // The first two characters stay together; what follows may be interrupted (通行费 ~ 通行收费).
      const probe = w.text.slice(0, 2);
      const ids = new Set(this.index.search(probe, { limit: 5000 }) as number[]);
      slots = slots ? slots.filter((s) => ids.has(s)) : [...ids];
    }
    const within = (hay: string, w: string) => {
      const limit = w.length * 2 + 2;
      for (let start = hay.indexOf(w[0]!); start >= 0; start = hay.indexOf(w[0]!, start + 1)) {
        let at = start;
        let ok = true;
        for (let k = 1; k < w.length && ok; k++) {
          at = hay.indexOf(w[k]!, at + 1);
          ok = at >= 0 && at - start < limit;
        }
        if (ok) return true;
      }
      return false;
    };
    return (slots ?? []).filter((slot) => {
      const f = this.folded[slot];
      return f !== null && f !== undefined && loose.every((w) => within(f.all, w.text));
    });
  }

  /** Whether a party named by one of the words has one of the roles in this provision. */
  private hasPartyRole(slot: number, words: QueryWord[], roles: string[]): boolean {
    const r = this.records[slot];
    if (!r) return false;
    const names = new Set(words.flatMap((w) => [w.text, ...w.alternatives]));
    return r.partyRoles.some((p) => roles.includes(p.role) && (names.has(fold(p.mention)) || names.has(fold(p.name))));
  }

  private passes(r: SearchRecord, f: SearchFilters, today: string): boolean {
    if (f.doc?.length && !f.doc.includes(r.document)) return false;
    if (f.kind?.length && !f.kind.includes(r.kind ?? "")) return false;
    if (f.issuer?.length && !f.issuer.includes(r.issuer ?? "")) return false;
    if (f.role?.length && !f.role.includes(r.role)) return false;
    if (f.year?.length && !f.year.includes(yearOf(r) ?? -1)) return false;
    if (f.party?.length && !f.party.some((p) => r.parties.includes(p))) return false;
    if (f.status?.length && !f.status.includes(statusOf(r, today))) return false;
    return true;
  }

  /** Runs a query: all words must match, in any order and distance. */
  run(q: EngineQuery): EngineResult {
    const today = q.today ?? todayInChina();
    if (!q.words.length) return { total: 0, hits: [], facets: emptyFacets() };
    // Role words (牵头) qualify the party words of the query when there are any.
    const roleWords = q.words.filter((w) => w.roles);
    const plainWords = q.words.filter((w) => !w.roles);
    const structural = roleWords.length > 0 && plainWords.length > 0;
    const lexical = structural ? plainWords : q.words;
    // Start from the rarest word's candidates; check the others by substring.
    const FULL = Math.max(this.records.length, 1);
    const wordSets = lexical.map((w) => this.candidates(w, FULL));
    const sets = [...wordSets].sort((a, b) => a.size - b.size);
    const [first, ...rest] = sets;
    const matched: number[] = [];
    for (const slot of first ?? []) {
      if (!rest.every((s) => s.has(slot))) continue;
      if (structural && !roleWords.every((rw) => this.matches(slot, rw) || this.hasPartyRole(slot, plainWords, rw.roles!))) continue;
      matched.push(slot);
    }
    const filtered = matched.filter((slot) => {
      const r = this.records[slot];
      return r !== null && r !== undefined && this.passes(r, q.filters, today);
    });
    const scored = filtered.map((slot) => ({ slot, score: this.score(slot, q.words), missing: [] as string[] }));
    scored.sort((a, b) => b.score - a.score || a.slot - b.slot);
    // Fewer full matches than asked for: the best partial matches follow, each with the words it lacks.
    if (scored.length < q.offset + q.limit && lexical.length > 1) {
      const full = new Set(matched);
      // Missing a common word (应用, 签发) costs less than missing a rare one: weigh words by rarity.
      const live = Math.max(2, this.size);
      const weight = wordSets.map((set) => Math.log(live / Math.max(1, set.size)) + 0.1);
      const totalWeight = weight.reduce((a, b) => a + b, 0);
      const counts = new Map<number, number>();
      wordSets.forEach((set, i) => {
        for (const slot of set) if (!full.has(slot)) counts.set(slot, (counts.get(slot) ?? 0) + weight[i]! / totalWeight);
      });
      const partial = [...counts]
        .filter(([slot]) => {
          const r = this.records[slot];
          return r !== null && r !== undefined && this.passes(r, q.filters, today);
        })
        .map(([slot, n]) => ({ slot, score: n + this.score(slot, q.words) / 100, missing: lexical.filter((w) => !this.matches(slot, w)).map((w) => w.text) }))
        .sort((a, b) => b.score - a.score || a.slot - b.slot);
      scored.push(...partial.slice(0, q.offset + q.limit - scored.length));
    }
    // Still short: words written with something in between (通行费 ~ 通行收费, 政务公开 ~ 政务信息公开).
    if (scored.length < q.offset + q.limit) {
      const seen = new Set(scored.map((x) => x.slot));
      const fuzzy: typeof scored = [];
      for (const slot of this.fuzzyCandidates(lexical)) {
        if (seen.has(slot)) continue;
        const r = this.records[slot];
        if (!r || !this.passes(r, q.filters, today)) continue;
        fuzzy.push({ slot, score: this.score(slot, q.words) / 200, missing: lexical.filter((w) => !this.matches(slot, w)).map((w) => w.text) });
      }
      fuzzy.sort((a, b) => b.score - a.score || a.slot - b.slot);
      scored.push(...fuzzy.slice(0, q.offset + q.limit - scored.length));
    }
    const top = scored.slice(q.offset, q.offset + q.limit);
    const best = scored.find((x) => !x.missing.length)?.score ?? 1;
    const hits = top.map(({ slot, score, missing }) => ({ ...this.hit(slot, missing.length ? Math.min(score, 0.99) * 0.5 : score / best, q.words), missing }));
    const facets = q.facets ? this.facets(matched, q.filters, today) : emptyFacets();
    return { total: filtered.length, hits, facets };
  }

  /**
   * Relevance: matches in the heading first, then exact phrases, early and
   * close matches; a match only through an ancestor's heading counts less;
   * specific (labelled, short) provisions rank above long ones.
   */
  private score(slot: number, words: QueryWord[]): number {
    const r = this.records[slot]!;
    const f = this.folded[slot]!;
    const forms = (w: QueryWord) => [w.text, ...w.alternatives];
    const has = (hay: string, w: QueryWord) => forms(w).some((x) => hay.includes(x));
    let score = 1;
    const inHeading = words.filter((w) => has(f.heading, w)).length;
    const inText = words.filter((w) => has(f.text, w) || (w.date !== null && r.dates.includes(w.date))).length;
    score += (3 * inHeading) / words.length;
    score += (1.5 * inText) / words.length;
    if (inHeading === words.length && f.heading.length) score += 1 + Math.min(1, 6 / f.heading.length);
    const body = `${f.heading}\n${f.text}`;
    const whole = words.map((w) => w.text).join("");
    if (words.length > 1 && body.includes(whole)) score += 2;
    let firstAt = Infinity;
    for (const w of words) {
      const at = forms(w).map((x) => body.indexOf(x)).filter((i) => i >= 0);
      if (at.length) firstAt = Math.min(firstAt, ...at);
    }
    if (firstAt < Infinity) score += 1 / (1 + firstAt / 40);
    // Provisions about the term name it more than once.
    for (const w of words) {
      let n = 0;
      for (const x of forms(w)) for (let i = body.indexOf(x); i >= 0 && n < 4; i = body.indexOf(x, i + x.length)) n++;
      score += (0.25 * Math.max(0, n - 1)) / words.length;
    }
    if (words.length > 1) {
      const positions = words.map((w) => Math.max(...forms(w).map((x) => body.indexOf(x))));
      if (positions.every((p) => p >= 0)) score += 1 / (1 + (Math.max(...positions) - Math.min(...positions)) / 20);
    }
    // A party the provision gives work to ranks above a passing mention.
    const names = new Set(r.partyRoles.flatMap((p) => [fold(p.mention), fold(p.name)]));
    if (words.some((w) => !w.roles && [w.text, ...w.alternatives].some((x) => names.has(x)))) score += 1.5;
    const roleWords = words.filter((w) => w.roles);
    if (roleWords.length && roleWords.every((rw) => this.hasPartyRole(slot, words.filter((w) => !w.roles), rw.roles!))) score += 1.5;
    if (r.label) score += 0.3;
    score -= 0.15 * Math.log2(1 + f.text.length / 200);
    return Math.max(score, 0.01);
  }

  private hit(slot: number, score: number, words: QueryWord[]): SearchHit {
    const r = this.records[slot]!;
    return {
      document: r.document,
      documentTitle: r.documentTitle,
      provision: r.provision,
      label: r.label,
      heading: r.heading,
      citation: r.citation,
      role: r.role,
      snippet: snippet(r.text, words),
      url: `/documents/${encodeURIComponent(r.document)}#${r.provision}`,
      score: Math.round(score * 1000) / 1000,
      breadcrumb: r.breadcrumb,
      missing: [],
    };
  }

  /** Counts per filter value, each facet counted with the other filters applied. */
  private facets(matched: number[], filters: SearchFilters, today: string): Record<FacetName, Facet[]> {
    const out = emptyFacets();
    const names: FacetName[] = ["kind", "issuer", "year", "role", "party", "status", "doc"];
    for (const name of names) {
      const key = name as keyof SearchFilters;
      const others: SearchFilters = { ...filters, [key]: undefined };
      const counts = new Map<string, number>();
      for (const slot of matched) {
        const r = this.records[slot];
        if (!r || !this.passes(r, others, today)) continue;
        for (const v of facetValues(r, name, today)) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      out[name] = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    }
    return out;
  }

  /** A record by document and provision id (for tests and the reader). */
  find(document: string, provision: string): SearchRecord | null {
    for (const slot of this.slotsOf.get(document) ?? []) if (this.records[slot]?.provision === provision) return this.records[slot]!;
    return null;
  }

  /** Whether a slot matches all words (used by tests of the verification). */
  matchesAll(slot: number, words: QueryWord[]): boolean {
    return words.every((w) => this.matches(slot, w));
  }
}

export function yearOf(r: { issuedAt: string | null; effectiveFrom: string | null }): number | null {
  const d = r.issuedAt ?? r.effectiveFrom;
  return d ? Number(d.slice(0, 4)) : null;
}

function statusOf(r: SearchRecord, today: string): ValidityStatus {
  return validityStatus(r, today);
}

function facetValues(r: SearchRecord, name: FacetName, today: string): string[] {
  switch (name) {
    case "kind":
      return r.kind ? [r.kind] : [];
    case "issuer":
      return r.issuer ? [r.issuer] : [];
    case "year": {
      const y = yearOf(r);
      return y ? [String(y)] : [];
    }
    case "role":
      return [r.role satisfies Role];
    case "party":
      return r.parties;
    case "status":
      return [statusOf(r, today)];
    case "doc":
      return [r.document];
  }
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
/** HTML-escapes every special character. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * A window of the text around the first match, every matched term in
 * <mark>, every other character HTML-escaped. Matching runs on the folded
 * text; marks go on the original characters through the fold's map.
 */
export function snippet(text: string, words: QueryWord[], radius = 60): string {
  const { text: folded, map } = foldWithMap(text);
  const forms = words.flatMap((w) => [w.text, ...w.alternatives]).filter(Boolean);
  const marks = new Uint8Array(text.length);
  let first = -1;
  for (const f of forms) {
    for (let i = folded.indexOf(f); i >= 0; i = folded.indexOf(f, i + 1)) {
      const from = map[i]!;
      const to = (map[i + f.length - 1] ?? from) + 1;
      for (let k = from; k < to && k < text.length; k++) marks[k] = 1;
      if (first < 0 || from < first) first = from;
    }
  }
  const start = first < 0 ? 0 : Math.max(0, first - Math.floor(radius / 2));
  const end = Math.min(text.length, start + radius * 2);
  let out = start > 0 ? "…" : "";
  let open = false;
  for (let i = start; i < end; i++) {
    const m = marks[i] === 1;
    if (m && !open) out += "<mark>";
    if (!m && open) out += "</mark>";
    open = m;
    out += escapeHtml(text[i]!);
  }
  if (open) out += "</mark>";
  if (end < text.length) out += "…";
  return out.replace(/\n/g, " ");
}
