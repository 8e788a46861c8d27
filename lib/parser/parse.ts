/**
 * The parser pipeline: bytes → `policy-doc/1`. Each stage is a pure function
 * in its own file; this module only runs them in order and assembles the
 * output. Nothing here touches the file system, a database or Next.js.
 */
import { decode, type Decoded } from "./decode";
import { extract } from "./extract";
import { splitBlocks } from "./blocks";
import { gluedArabicMarker, inlineMarkers, leadingMarker, tableCells, topDecimalMarker } from "./labels";
import { readTables } from "./tables";
import { judgeName, unknownWords } from "./names";
import { quotaFacts } from "./table-facts";
import { assignZones } from "./zones";
import { buildTree, newNode } from "./structure";
import { headingOf } from "./headings";
import { assignRoles, promoteTasks } from "./roles";
import { assignIds } from "./ids";
import { extractMetadata } from "./metadata";
import { findDeadlines, type FoundDeadline } from "./deadlines";
import { findTargets } from "./targets";
import { findResponsibilities, splitParties, type AnnotationState } from "./parties";
import { findReferences } from "./references";
import { relationsOf } from "./relations";
import { joinedBreaks, unbroken } from "./unbreak";
import { MAX_INFERRED_UNITS, MAX_TARGET_PAIRS, findLinks, linkTargets, linkUnits } from "./links";
import { numberingMessages } from "./checks";
import { DEFAULT_PARTY, PARTY_COLUMN, columnRole } from "./patterns";
import type { Block, TableCell, DeadlineOut, Metadata, ParseMessage, PolicyDoc, ProvisionNode, ProvisionOut, ReferenceOut, ResponsibilityOut, SourceDocument, TargetOut } from "./types";

export interface ParseOptions {
  /** Largest input in bytes. */
  maxBytes?: number;
}

export interface ParseResult {
  doc: PolicyDoc;
  /** The decoded text that every offset refers to. */
  sourceText: string;
  /** Front-matter fields beyond policy-doc/1 (slug, source, publishedAt …). */
  extra: Record<string, unknown>;
  messages: ParseMessage[];
  encoding: string;
  format: SourceDocument["format"];
}

/** A piece of text that facts are looked for in: a provision's own span, or the document's. */
interface Segment {
  node: ProvisionNode | null;
  start: number;
  end: number;
}

/** The text of a span as shown: the source without Markdown syntax. */
function visibleText(src: SourceDocument, start: number, end: number): string {
  const { markup, text } = src;
  if (!markup) return text.slice(start, end);
  // Whole runs of kept characters at a time: a dropped character is markup other than a newline.
  let out = "";
  let kept = start;
  for (let i = start; i < end; i++) {
    if (markup[i] !== 1 || text.charCodeAt(i) === 10) continue;
    if (i > kept) out += text.slice(kept, i);
    kept = i + 1;
  }
  if (end > kept) out += text.slice(kept, end);
  return out;
}

function normaliseProvisionText(raw: string): string {
  return raw
    .split("\n")
    .map((line) => line.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ""))
    .filter(Boolean)
    .join("\n");
}

/**
 * The date of the last dated deadline at or before a position of a segment
 * (positions relative to `segmentStart`), for the targets found there.
 */
function deadlineLookup(deadlines: FoundDeadline[], segmentStart: number): (pos: number) => string | null {
  return (pos) => deadlines.filter((d) => d.start - segmentStart <= pos && d.date).at(-1)?.date ?? null;
}

/**
 * The document's text outside its numbered items, in passages of neighbouring
 * spans: 前言 before the first item (the addressees and the preamble), 结尾
 * after it (closing paragraphs, 施行 lines). Spans are merged when no item
 * stands between them.
 */
function documentPassages(spans: Array<[number, number]>, root: ProvisionNode): ProvisionNode[] {
  const itemStarts = root.children.filter((c) => !c.container || c.container !== "passage").map((c) => c.spans[0]?.[0] ?? 0).sort((a, b) => a - b);
  const firstItem = itemStarts[0] ?? Infinity;
  const groups: Array<Array<[number, number]>> = [];
  for (const span of [...spans].sort((a, b) => a[0] - b[0])) {
    const last = groups.at(-1)?.at(-1);
    const between = last ? itemStarts.some((s) => s > last[1] && s < span[0]) : true;
    if (!last || between) groups.push([span]);
    else groups.at(-1)!.push(span);
  }
  let closings = 0;
  return groups.map((spans) => {
    const node = newNode(null, root, "passage");
    node.spans = spans;
    const before = spans[0]![0] < firstItem;
    node.heading = before ? "前言" : "结尾";
    node.containerLabel = before ? "preamble" : ++closings > 1 ? `closing${closings}` : "closing";
    return node;
  });
}

/** Runs stages 3–15 on an extracted source document. */
export function parseSource(src: SourceDocument, notes: string[] = []): ParseResult {
  const messages: ParseMessage[] = notes.map((reason) => ({ reason, ruleId: "decode", start: 0, end: 0 }));
  const { folded, text } = src;

  // Stages 3–5: blocks, labels, zones, tables.
  let lastArabic = 0;
  const blocks: Block[] = splitBlocks(src).map((raw) => {
    if (raw.kind === "table") {
      const cells = tableCells(folded, text, raw.start, raw.end, src.layout?.rows.get(raw.start) ?? null);
      return { start: raw.start, end: raw.end, kind: raw.kind, marker: null, inline: [], zone: "body", cells, align: raw.align };
    }
    let marker = leadingMarker(folded, text, raw.start, raw.end);
    if (!marker && lastArabic > 0) marker = gluedArabicMarker(folded, text, raw.start, lastArabic + 1);
    if (marker?.style === "arabic-dot") lastArabic = marker.ordinal;
    const inline = inlineMarkers(folded, text, raw.start, raw.end, marker);
    // Fields spelled out: spreading `raw` took V8's slow object-copy path, 4% of the parse.
    return { start: raw.start, end: raw.end, kind: raw.kind, marker, inline, zone: "body", align: raw.align };
  });
  if (blocks.some((b) => b.marker?.style === "decimal")) {
    for (const b of blocks) if (!b.marker && b.kind === "text") b.marker = topDecimalMarker(folded, text, b.start, b.end);
  }
  const { enclosureTitle, messages: zoneMessages } = assignZones(blocks, folded, { titleHint: src.titleHint });
  messages.push(...zoneMessages);
  messages.push(...readTables(blocks, folded, (b) => src.layout?.rows.get(b.start)?.table ?? null));

  // Stages 6–9: tree, headings, roles, ids and citations.
  const { root, documentSpans } = buildTree(blocks, folded, enclosureTitle);
  // The document's own text outside its items (preamble, addressees, closing lines) as passages:
  // unlabelled provisions, findable and citable (前言, 结尾); their facts stay with the document.
  const addressees = blocks.filter((b) => b.zone === "addressees").map((b): [number, number] => [b.start, b.end]);
  for (const passage of documentPassages([...addressees, ...documentSpans], root)) root.children.push(passage);
  root.children.sort((a, b) => (a.spans[0]?.[0] ?? 0) - (b.spans[0]?.[0] ?? 0));
  const nodes: ProvisionNode[] = [];
  const walk = (n: ProvisionNode) => {
    for (const c of n.children) {
      if (c.marker) c.heading = headingOf(c, folded, text);
      nodes.push(c);
      walk(c);
    }
  };
  walk(root);
  assignRoles(root, { title: src.given.title as string | undefined ?? (blocks.filter((b) => b.zone === "title").map((b) => folded.slice(b.start, b.end)).join("") || null), textOf: (n) => n.spans.map(([s, e]) => folded.slice(s, e)).join("") });
  assignIds(root);
  messages.push(...numberingMessages(root));

  // Segments in document order; facts go to the deepest provision containing them.
  const segments: Segment[] = [];
  // Facts in a labelled container (附件, a further 规定) belong to it; in an enclosed document's own lines, to the document.
  const factNode = (n: ProvisionNode | undefined): ProvisionNode | null => (n && (!n.container || n.container === "attachment" || n.container === "part") ? n : null);
  for (const n of nodes) for (const [s, e] of n.spans) if (!addressees.some(([a]) => a === s)) segments.push({ node: factNode(n), start: s, end: e });
  segments.sort((a, b) => a.start - b.start);
  const segText = (s: Segment) => folded.slice(s.start, s.end);

  // Stage 10: metadata (front matter overrides).
  const docLevelFirst = [...segments.filter((s) => !s.node), ...segments.filter((s) => s.node)];
  const found = extractMetadata({ blocks, source: text, folded, enclosureTitle, closingText: docLevelFirst.map((s) => ({ text: segText(s), start: s.start })) });
  const given = src.given;
  const meta: Metadata = {
    title: (given.title as string | undefined) ?? found.title,
    kind: (given.kind as string | undefined) ?? found.kind,
    issuer: (given.issuer as string | undefined) ?? found.issuer,
    docNumber: (given.docNumber as string | undefined) ?? found.docNumber,
    addressees: (given.addressees as string[] | undefined) ?? found.addressees,
    issuedAt: (given.issuedAt as string | undefined) ?? found.issuedAt,
    effectiveFrom: (given.effectiveFrom as string | undefined) ?? found.effectiveFrom,
    effectiveUntil: (given.effectiveUntil as string | undefined) ?? found.effectiveUntil,
    interpreter: (given.interpreter as string | undefined) ?? found.interpreter,
  };

  /** A party name found in the folded text, as the source writes it (（区、市） keeps its full-width brackets). */
  const asWritten = (name: string, start: number, end: number): string => {
    const at = folded.indexOf(name, start);
    return at >= 0 && at < end + name.length ? text.slice(at, at + name.length) : name;
  };

  // A month named without its year belongs to the document's year: the one its title names, else its issue year.
  const titleYear = /(\d{4})\s*年/.exec(meta.title ?? "")?.[1];
  const documentYear = titleYear ? Number(titleYear) : meta.issuedAt ? Number(meta.issuedAt.slice(0, 4)) : null;

  // The lead words of a provision (申请设立…应当具备下列条件：): what its items are.
  const leadOf = (n: ProvisionNode | null): string | undefined => {
    const span = n?.spans[0];
    return span ? folded.slice(span[0], Math.min(span[1], span[0] + 80)) : undefined;
  };

  // A text in articles (第一条…) is legislation: it sets rules, and its numbers are targets only with a time to reach them.
  // So is a technical standard (人体损伤程度鉴定标准): its numbers are criteria.
  const legislation = nodes.filter((n) => n.marker?.style === "article").length >= 3 || /(?:标准|规范|规程|准则)$/.test(meta.title ?? "");

  // Stages 11–14: facts per segment.
  const provisionId = (s: Segment) => s.node?.id ?? null;
  const deadlines: DeadlineOut[] = [];
  const targets: TargetOut[] = [];
  const responsibilities: ResponsibilityOut[] = [];
  const references: ReferenceOut[] = [];
  const state: AnnotationState = { firstIsLead: false };
  // Cells of task tables' party columns are read by column below, not as running text.
  const partyCells = new Set<number>();
  for (const b of blocks) if (b.table?.kind === "task") for (const c of b.cells ?? []) if (c.column && PARTY_COLUMN.test(c.column)) partyCells.add(c.start);
  // Cells of quota tables are read by row and column below.
  const quotaCells = new Set<number>();
  for (const b of blocks) if (b.table?.kind === "quota") for (const c of b.cells ?? []) quotaCells.add(c.start);
  // Paragraphs broken over lines mid-sentence: the fact finders read them whole, positions mapped back.
  const breaks = joinedBreaks(blocks, folded);
  for (const seg of segments) {
    const u = unbroken(folded, seg.start, seg.end, breaks);
    // The source as written, without the same breaks (folding keeps positions); most segments have none.
    const shown = u.whole ? null : u.cut(text);
    // A fact found in the segment's text, placed in the document, with the words it stands on (found objects are fresh: set in place).
    const back = <T extends { start: number; end: number }>(x: T): T & { said: string } => {
      const placed = x as T & { said: string };
      if (shown === null) {
        placed.said = text.slice(seg.start + x.start, seg.start + x.end);
        placed.start = seg.start + x.start;
        placed.end = seg.start + x.end;
      } else {
        placed.said = shown.slice(x.start, x.end);
        const start = u.at(x.start);
        placed.end = x.end > x.start ? u.at(x.end - 1) + 1 : start;
        placed.start = start;
      }
      return placed;
    };
    const provision = provisionId(seg);
    const segDeadlines = findDeadlines(u.text, 0, { issuedAt: meta.issuedAt, publishedAt: found.publishedAt, effectiveFrom: meta.effectiveFrom, documentLevel: !seg.node, documentYear, yearFromTitle: Boolean(titleYear) }).map(back);
    for (const d of segDeadlines) {
      deadlines.push({ provision, text: d.said, date: d.date, kind: d.kind, ...(d.estimate ? { estimate: d.estimate } : {}), ...(d.from ? { from: d.from } : {}), start: d.start, end: d.end });
      // A date resting on an assumption is kept and flagged for review.
      if (d.doubt) messages.push({ reason: `时限「${d.said}」${d.date ? `读作 ${d.date}` : "没有日期"}：${d.doubt}`, ruleId: "deadline-unsure", start: d.start, end: d.end });
    }
    const deadlineAt = deadlineLookup(segDeadlines, 0);
    for (const { doubt, said: _said, ...tg } of quotaCells.has(seg.start) ? [] : findTargets(u.text, 0, { role: seg.node?.role ?? "other", deadline: (pos) => deadlineAt(u.at(pos)), context: leadOf(seg.node?.parent ?? null), legislation }).map(back)) {
      targets.push({ provision, ...tg });
      if (doubt) messages.push({ reason: `指标「${tg.text}」（${tg.value}${tg.unit}）：${doubt}`, ruleId: "target-unsure", start: tg.start, end: tg.end });
    }
    for (const r of partyCells.has(seg.start) ? [] : findResponsibilities(u.text, 0, state, { addressees: meta.addressees, title: meta.title }).map(back)) {
      responsibilities.push({ provision, party: asWritten(r.party, r.start, r.end), role: r.role, text: r.said, start: r.start, end: r.end });
    }
    // The document's own 文号 (in its masthead or quoted in its text) is not a reference to another document.
    const refs = findReferences(u.text, shown ?? text.slice(seg.start, seg.end), 0, meta.title).filter((ref) => !(ref.docNumber && !ref.title && meta.docNumber && ref.docNumber.replace(/\s+/g, "") === meta.docNumber.replace(/\s+/g, "")));
    const relations = refs.length ? relationsOf(u.text, refs) : [];
    refs.forEach((ref, k) => {
      const { said: _said, ...at } = back(ref);
      references.push({ provision, ...at, relation: relations[k] ?? null });
    });
  }
  // 以下均需试点城市政府落实，不再列出: the party of every item that follows in the same part.
  for (const seg of segments) {
    const m = DEFAULT_PARTY.exec(segText(seg));
    if (!m) continue;
    const party = asWritten(m[1]!, seg.start + m.index, seg.start + m.index + m[0].length);
    // In a part's own text it covers that part's items; in the document's text, all that follow.
    const scope = seg.node;
    const inScope = (n: ProvisionNode) => {
      if (!scope) return true;
      for (let up: ProvisionNode | null = n.parent; up; up = up.parent) if (up === scope) return true;
      return false;
    };
    for (const n of nodes) {
      if (!n.marker || n.container || (n.spans[0]?.[0] ?? 0) <= seg.start + m.index || !inScope(n) || n === seg.node) continue;
      responsibilities.push({ provision: n.id, party, role: "responsible", text: m[0], start: seg.start + m.index, end: seg.start + m.index + m[0].length });
    }
  }
  // Task tables: the party columns (| 牵头单位 | 配合单位 |) name who acts on each row, their roles from the column names.
  const ownerAt = new Map<number, ProvisionNode>();
  for (const n of nodes) for (const [s] of n.spans) ownerAt.set(s, n);
  // A party cell spanning several rows (rowspan) names who acts on each of them.
  let spanning: Array<{ cell: TableCell; until: number }> = [];
  let tableId = -1;
  for (const [k, b] of blocks.entries()) {
    if (b.table?.kind !== "task") continue;
    if (b.table.id !== tableId) {
      tableId = b.table.id;
      spanning = [];
    }
    if (b.table.row !== "item" && b.table.row !== "continuation") continue;
    const own = (b.cells ?? []).filter((c) => c.column && PARTY_COLUMN.test(c.column) && c.end > c.start);
    const inherited = spanning.filter((s) => s.until >= k && !own.some((c) => c.grid === s.cell.grid)).map((s) => s.cell);
    const rowOwner = (b.cells ?? []).map((c) => ownerAt.get(c.start)).find(Boolean);
    for (const cell of [...own, ...inherited]) {
      const owner = own.includes(cell) ? ownerAt.get(cell.start) : rowOwner;
      for (const party of splitParties(folded.slice(cell.start, cell.end))) {
        responsibilities.push({ provision: factNode(owner)?.id ?? null, party: asWritten(party, cell.start, cell.end), role: columnRole(cell.column!), text: text.slice(cell.start, cell.end), start: cell.start, end: cell.end });
      }
    }
    for (const c of own) if (c.rows > 1) spanning.push({ cell: c, until: k + c.rows - 1 });
  }
  // Quota tables: a target per row and target column, and the row's place or body a party to it.
  const year = meta.issuedAt ? Number(meta.issuedAt.slice(0, 4)) : null;
  for (let k = 0; k < blocks.length; ) {
    const id = blocks[k]!.table?.id;
    if (id === undefined || blocks[k]!.table!.kind !== "quota") {
      k++;
      continue;
    }
    let end = k;
    while (end < blocks.length && blocks[end]!.table?.id === id) end++;
    const facts = quotaFacts(blocks.slice(k, end), folded, { year });
    k = end;
    for (const tg of facts.targets) {
      const owner = ownerAt.get(tg.start);
      targets.push({ provision: factNode(owner)?.id ?? null, subject: tg.subject, value: tg.value, unit: tg.unit, comparator: tg.comparator, baseline: null, deadline: null, text: text.slice(tg.rowStart, tg.rowEnd), start: tg.start, end: tg.end });
    }
    for (const p of facts.parties) {
      const owner = ownerAt.get(p.start);
      responsibilities.push({ provision: factNode(owner)?.id ?? null, party: asWritten(p.party, p.start, p.end), role: "responsible", text: text.slice(p.start, p.end), start: p.start, end: p.end });
    }
  }
  if (meta.interpreter) {
    // The interpreting body, at the document level; it wins over a plain mention of the same body there.
    const at = text.indexOf(meta.interpreter);
    responsibilities.unshift({ provision: null, party: meta.interpreter, role: "interpret", text: meta.interpreter, start: Math.max(0, at), end: Math.max(0, at) + meta.interpreter.length });
  }
  // Every party name must be a name by the grammar (names.ts): a word kept before it is dropped
  // (经国务院 → 国务院); anything else the grammar rejects is no party but a message to review.
  const named: ResponsibilityOut[] = [];
  for (const r of responsibilities) {
    const verdict = judgeName(r.party);
    if (verdict.ok) named.push(r);
    else if (verdict.rest && judgeName(verdict.rest).ok) named.push({ ...r, party: verdict.rest });
    else messages.push({ reason: `not a party name (${verdict.why}): 「${r.party}」`, ruleId: "party-rejected", start: r.start, end: r.end });
  }
  // One row per party and provision (GUIDE rule 4): keep the first, strongest role.
  const dedup = new Map<string, ResponsibilityOut>();
  for (const r of named) {
    const key = `${r.provision}|${r.party}`;
    if (!dedup.has(key)) dedup.set(key, r);
  }
  // A name with words neither the lexicon nor the administrative vocabulary knows: kept, and flagged for review.
  for (const r of dedup.values()) {
    const unknown = unknownWords(r.party);
    if (unknown.length > 2) messages.push({ reason: `party name the lexicon does not confirm: 「${r.party}」 (words it does not know: ${unknown})`, ruleId: "party-unsure", start: r.start, end: r.end });
  }

  // Provision output.
  // Within one span a newline is a line broken mid-sentence (joined by the blocks stage); between spans, a paragraph break.
  // Each provision's text is made once: for the output and again inside its section's full text (links).
  const ownTexts = new Map<ProvisionNode, string>();
  const ownText = (n: ProvisionNode): string => {
    let own = ownTexts.get(n);
    if (own === undefined) {
      own = normaliseProvisionText(n.spans.map(([s, e]) => visibleText(src, s, e).replace(/[ \t\u3000]*\n[ \t\u3000]*/g, "")).join("\n"));
      ownTexts.set(n, own);
    }
    return own;
  };
  const fullTexts = new Map<ProvisionNode, string>();
  const fullText = (n: ProvisionNode): string => {
    let full = fullTexts.get(n);
    if (full === undefined) {
      full = [ownText(n), ...n.children.map(fullText)].filter(Boolean).join("\n");
      fullTexts.set(n, full);
    }
    return full;
  };
  const provisions: ProvisionOut[] = nodes.map((n) => {
    const first = n.spans[0];
    const last = n.spans.at(-1);
    return {
      id: n.id,
      parent: n.parent && n.parent !== root ? n.parent.id : null,
      label: n.marker ? n.marker.label : n.container === "attachment" ? (n.containerLabel ?? "附件") : n.container === "part" ? (n.containerLabel ?? null) : null,
      heading: n.heading,
      role: n.role,
      citation: n.citation,
      text: ownText(n),
      start: first ? first[0] : 0,
      end: last ? last[1] : 0,
    };
  });

  // Items that assign work are tasks (a party, a date, a directive), and so are parts made of them.
  const working = new Set<string>();
  for (const r of dedup.values()) if (r.provision && r.role !== "interpret" && r.role !== "subject") working.add(r.provision);
  for (const d of deadlines) if (d.provision && (d.kind === "due" || d.kind === "milestone")) working.add(d.provision);
  promoteTasks(root, (n) => working.has(n.id), (n) => n.spans.map(([s, e]) => folded.slice(s, e)).join(""));
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  for (const p of provisions) p.role = nodeById.get(p.id)?.role ?? p.role;

  // Stage 15: links.
  // The units are read once for the size check and both linkers.
  const units = linkUnits(root, fullText);
  const unitCount = units.length;
  if (unitCount > MAX_INFERRED_UNITS || unitCount * targets.length > MAX_TARGET_PAIRS) {
    messages.push({ reason: `文件过大（${unitCount} 个目标、任务和措施单元，${targets.length} 个指标），只保留明文引用的关联，未推断其余关联`, ruleId: "links-skipped", start: 0, end: 0 });
  }
  const links = findLinks(root, fullText, {}, ownText, units);
  // Each target with the tasks that deliver it.
  linkTargets(root, targets, fullText, units).forEach((served, i) => {
    if (served.length) targets[i]!.serves = served;
  });

  const doc: PolicyDoc = {
    schema: "policy-doc/1",
    ...meta,
    provisions,
    responsibilities: [...dedup.values()],
    deadlines,
    targets,
    links,
    references,
  };
  const extra = Object.fromEntries(Object.entries(given).filter(([k]) => !(k in meta)));
  return { doc, sourceText: text, extra, messages, encoding: src.encoding, format: src.format };
}

/** Parses one file's bytes. Throws InputError for inputs that are not documents. */
export async function parseDocument(bytes: Uint8Array, fileName: string, options: ParseOptions = {}): Promise<ParseResult> {
  const decoded: Decoded = decode(bytes, fileName, { maxBytes: options.maxBytes });
  const src = await extract(decoded);
  return parseSource(src, decoded.notes);
}
