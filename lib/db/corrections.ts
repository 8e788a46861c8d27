/**
 * Making and undoing corrections. A correction is checked against the
 * current version as it reads now (its parse with earlier corrections
 * applied): the provision must exist, a fact to change or remove must be
 * there, a fact to add must not. It is stored as a row of its own with who,
 * when and why, the provision's text it was made on and the fact as it read
 * before; the parse itself is never changed. An undo keeps the row and
 * records who undid it, when and why.
 */
import { randomUUID } from "node:crypto";
import type { ParseMessage } from "../parser";
import { jurisdictionOf } from "../parties/resolve";
import { dbReady } from "./client";
import { correctionOf, findCorrection } from "./correction-rows";
import { findFact, keyOf, type Correction, type CorrectionAction, type CorrectionFact, type RowFact } from "./corrections-apply";
import { getCorrectedDocument } from "./documents";
import { writeTransaction, type Sql } from "./sql";
import { resolveParties } from "./store";

/** A correction refused, with a one-line reason for the person who asked. */
export class CorrectionRefused extends Error {
  constructor(
    message: string,
    /** no-document / no-correction: nothing by that name; invalid: the request cannot be applied; undone: already undone. */
    readonly code: "no-document" | "no-correction" | "invalid" | "undone",
  ) {
    super(message);
    this.name = "CorrectionRefused";
  }
}

/** A parser message of the current version, by where it points. */
export interface MessagePlace {
  ruleId: string;
  start: number;
  end: number;
}

export interface CorrectionInput {
  /** Document slug. */
  document: string;
  /** Provision id; null for the document as a whole. */
  provision: string | null;
  fact: CorrectionFact | "message";
  action: CorrectionAction | "dismiss";
  /** The fact's fields (checked for their shape by the caller): all of them to add, those that change to change, its key to remove. */
  value: Record<string, unknown>;
  /** Which fact to change or remove, when its key fields are themselves changed (a party renamed). */
  original?: Record<string, unknown>;
  /** The parser message this answers (accepted as the fact added, or dismissed). */
  message?: MessagePlace;
  note: string;
  editor: string;
}

const FACT_WORDS: Record<RowFact, string> = { responsibility: "responsibility", deadline: "deadline", target: "target", link: "link" };

type Row = Record<string, unknown>;

const invalid = (message: string) => new CorrectionRefused(message, "invalid");

/** A fact's own fields (no mark, no provision: the correction has it). */
function fieldsOf(row: Row): Row {
  const { corrected: _corrected, provision: _provision, ...rest } = row;
  return rest;
}

const same = (a: Row, b: Row) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** How a fact is named in a reason: the responsibility of 省财政厅, the link to p3__s1. */
function named(fact: RowFact, key: Row, provision: string | null): string {
  if (fact === "link") return `link between ${String(key.from)} and ${String(key.to)}`;
  const field = Object.values(key).map(String).join(" ");
  return `${FACT_WORDS[fact]} "${field}" in ${provision === null ? "the document as a whole" : `provision ${provision}`}`;
}

/** The span of a fact's words in its provision (or the document), else an empty span at the provision's start: listed beside the text, not marked in it. */
function locate(source: string, words: string, within: { start: number; end: number }): { start: number; end: number } {
  const at = words ? source.indexOf(words, within.start) : -1;
  return at >= 0 && at + words.length <= within.end ? { start: at, end: at + words.length } : { start: within.start, end: within.start };
}

/** What is stored for a valid request: the value as it reads after, the fact as it read before, the message answered. */
interface Checked {
  value: Row;
  original: Row | null;
  message: { ruleId: string; reason: string; words: string } | null;
  /** Party names the correction writes (their parties are made when new, so their ledgers exist). */
  parties: string[];
}

/** Checks a request against the current version as it reads now. */
function check(input: CorrectionInput, doc: NonNullable<Awaited<ReturnType<typeof getCorrectedDocument>>>, source: string): Checked {
  const { document } = doc;
  const p = input.provision === null ? null : document.provisions.find((x) => x.id === input.provision);
  if (input.provision !== null && !p) throw invalid(`unknown provision "${input.provision}" in document ${input.document}`);
  const within = p ? { start: p.start, end: p.end } : { start: 0, end: source.length };
  const message = input.message ? messageAt(doc.parsed.messages, input.message, source) : null;

  if (input.fact === "message") {
    if (input.action !== "dismiss") throw invalid('a parser message can only be dismissed (action "dismiss")');
    if (!message) throw invalid('dismissing needs "message": { ruleId, start, end } of a parser message of the current version');
    return { value: {}, original: null, message, parties: [] };
  }
  if (input.action === "dismiss") throw invalid('"dismiss" is for parser messages (fact "message")');
  if (input.fact === "role") {
    if (!p) throw invalid('a role belongs to a provision: give "provision"');
    if (input.action !== "change") throw invalid('a provision\'s role can only be changed (action "change")');
    if (input.value.role === p.role) throw invalid(`provision ${p.id} already has the role ${p.role}`);
    return { value: { role: input.value.role }, original: { role: p.role }, message, parties: [] };
  }
  const fact = input.fact;
  const list = { responsibility: document.responsibilities, deadline: document.deadlines, target: document.targets, link: document.links }[fact] as unknown as Row[];
  if (fact === "link") return checkLink(input, list, message);

  if (input.action === "add") {
    const key = keyOf(fact, input.value);
    if (findFact(fact, list, input.provision, key)) throw invalid(`${named(fact, key, input.provision)} is already there: change it instead`);
    const words = String(input.value.text ?? (fact === "responsibility" ? input.value.party : fact === "target" ? input.value.subject : "") ?? "");
    const value: Row =
      fact === "responsibility"
        ? { party: input.value.party, role: input.value.role, text: words }
        : fact === "deadline"
          ? { text: words, date: input.value.date ?? null, kind: input.value.kind }
          : { subject: input.value.subject, value: input.value.value, unit: input.value.unit ?? "", comparator: input.value.comparator ?? null, verb: input.value.verb ?? null, baseline: input.value.baseline ?? null, deadline: input.value.deadline ?? null, serves: [], text: words };
    return { value: { ...value, ...locate(source, words, within) }, original: null, message, parties: fact === "responsibility" ? [String(input.value.party)] : [] };
  }
  const key = keyOf(fact, input.original ?? input.value);
  const found = findFact(fact, list, input.provision, key, input.original);
  if (!found) throw invalid(`no ${named(fact, key, input.provision)} to ${input.action}`);
  const original = fieldsOf(found);
  if (input.action === "remove") return { value: keyOf(fact, original), original, message, parties: [] };
  const value: Row = { ...original, ...input.value };
  if (same(value, original)) throw invalid(`nothing to change: the ${named(fact, key, input.provision)} already reads so`);
  if (value.text !== original.text) Object.assign(value, locate(source, String(value.text ?? ""), within));
  const other = keyOf(fact, value);
  if (!same(other, keyOf(fact, original)) && findFact(fact, list, input.provision, other)) throw invalid(`${named(fact, other, input.provision)} is already there`);
  return { value, original, message, parties: fact === "responsibility" && value.party !== original.party ? [String(value.party)] : [] };
}

/** A link's correction: one end is the provision, the other a provision of the document. */
function checkLink(input: CorrectionInput, links: Row[], message: Checked["message"]): Checked {
  if (input.provision === null) throw invalid('a link joins two provisions: give "provision" (one end)');
  const from = (input.value.from as string | undefined) ?? input.provision;
  const to = input.value.to as string | undefined;
  const key = input.original ? keyOf("link", { from: input.original.from ?? input.provision, to: input.original.to }) : { from, to };
  if (from !== input.provision && to !== input.provision) throw invalid(`a link of provision ${input.provision} must have it at one end`);
  if (input.action === "add") {
    if (from === to) throw invalid("a link joins two different provisions");
    if (findFact("link", links, input.provision, key)) throw invalid(`${named("link", key, null)} is already there: change it instead`);
    return { value: { from, to, kind: input.value.kind, score: 1, why: input.value.why ?? input.note, method: "explicit" }, original: null, message, parties: [] };
  }
  const found = findFact("link", links, input.provision, key, input.original);
  if (!found) throw invalid(`no ${named("link", key, null)} to ${input.action}`);
  const original = fieldsOf(found);
  if (input.action === "remove") return { value: keyOf("link", original), original, message, parties: [] };
  const value = { ...original, ...input.value, from: input.value.from ?? original.from, to: input.value.to ?? original.to };
  if (same(value, original)) throw invalid("nothing to change: the link already reads so");
  return { value, original, message, parties: [] };
}

/** The message of the current version at a place, with its words. */
function messageAt(messages: ParseMessage[], place: MessagePlace, source: string): Checked["message"] {
  const m = messages.find((x) => x.ruleId === place.ruleId && x.start === place.start && x.end === place.end);
  if (!m) throw invalid(`no parser message ${place.ruleId} at ${place.start}–${place.end} in the current version`);
  return { ruleId: m.ruleId, reason: m.reason, words: source.slice(m.start, m.end) };
}

/** Marks a correction undone inside a transaction; false when it already was. */
async function markUndone(tx: Sql, id: number, editor: string, note: string | null): Promise<boolean> {
  return (await tx.run(`UPDATE "Correction" SET "undoneAt" = ?, "undoneBy" = ?, "undoNote" = ? WHERE "id" = ? AND "undoneAt" IS NULL`, [new Date(), editor, note, id])) === 1;
}

/** Stores a correction of the current version (checked first); `supersedes`: a correction it replaces, undone in the same transaction. */
export async function createCorrection(input: CorrectionInput, options: { supersedes?: number } = {}): Promise<Correction> {
  const doc = await getCorrectedDocument(input.document);
  if (!doc) throw new CorrectionRefused(`no document "${input.document}"`, "no-document");
  const client = await dbReady();
  const { sourceText } = (await client.document.findFirst({ where: { slug: input.document, version: doc.document.version }, select: { sourceText: true } })) ?? { sourceText: "" };
  const checked = check(input, doc, sourceText);
  const p = input.provision === null ? null : doc.document.provisions.find((x) => x.id === input.provision)!;
  const key = randomUUID();
  await writeTransaction(async (tx) => {
    // A party first named by a correction gets its party now, so its ledger and the party list find it.
    if (checked.parties.length) await resolveParties(tx, checked.parties, jurisdictionOf(doc.document.issuer));
    const [stored] = await tx.insert<{ id: number | bigint }>("Correction", ["key", "slug", "version", "provision", "provisionText", "provisionStart", "fact", "action", "value", "original", "message", "note", "editor", "createdAt"], [
      {
        key,
        slug: input.document,
        version: doc.document.version,
        provision: input.provision,
        provisionText: p?.text ?? "",
        provisionStart: p?.start ?? 0,
        fact: input.fact,
        action: input.action,
        value: JSON.stringify(checked.value),
        original: checked.original ? JSON.stringify(checked.original) : null,
        message: checked.message ? JSON.stringify(checked.message) : null,
        note: input.note,
        editor: input.editor,
        createdAt: new Date(),
      },
    ], ["id"]);
    if (options.supersedes !== undefined && !(await markUndone(tx, options.supersedes, input.editor, `由校正 #${Number(stored!.id)} 取代`))) {
      throw new CorrectionRefused(`correction ${options.supersedes} is already undone`, "undone");
    }
  });
  return correctionOf((await client.correction.findUnique({ where: { key } }))!);
}

/** Undoes a correction of a document (the row stays, with who undid it, when and why). */
export async function undoCorrection(slug: string, id: number, options: { editor: string; note?: string | null }): Promise<Correction> {
  const found = await findCorrection(slug, id);
  if (!found) throw new CorrectionRefused(`no correction ${id} of document "${slug}"`, "no-correction");
  const done = await writeTransaction((tx) => markUndone(tx, id, options.editor, options.note?.trim() || null));
  if (!done) throw new CorrectionRefused(`correction ${id} is already undone`, "undone");
  return (await findCorrection(slug, id))!;
}

/**
 * Applies a correction that no longer applies (its provision's text changed)
 * to the current version: the same fact, action and value, checked again;
 * the old one is undone in the same transaction, so nothing is lost or doubled.
 */
export async function reapplyCorrection(slug: string, id: number, options: { editor: string; note: string }): Promise<Correction> {
  const old = await findCorrection(slug, id);
  if (!old) throw new CorrectionRefused(`no correction ${id} of document "${slug}"`, "no-correction");
  if (old.undoneAt) throw new CorrectionRefused(`correction ${id} is already undone`, "undone");
  if (old.fact === "message") throw invalid("a dismissed message is not re-applied; dismiss the new one");
  const state = (await getCorrectedDocument(slug))?.corrections.states.get(id);
  if (state?.status !== "needs-review") throw invalid(`correction ${id} applies to the current version: nothing to re-apply`);
  const { start: _start, end: _end, ...value } = old.value;
  const input: CorrectionInput = { document: slug, provision: old.provision, fact: old.fact, action: old.action, value, original: old.original ?? undefined, note: options.note, editor: options.editor };
  return createCorrection(input, { supersedes: id });
}

/** Restores corrections of an export: those not stored yet (by key) are added as they were; an undo the store lacks is recorded. */
export async function restoreCorrections(corrections: Array<Omit<Correction, "id">>): Promise<void> {
  if (!corrections.length) return;
  const client = await dbReady();
  const known = new Map((await client.correction.findMany({ where: { key: { in: corrections.map((c) => c.key) } }, select: { key: true, undoneAt: true } })).map((r) => [r.key, r.undoneAt]));
  await writeTransaction(async (tx) => {
    for (const c of corrections) {
      if (known.has(c.key)) {
        if (!known.get(c.key) && c.undoneAt) await tx.run(`UPDATE "Correction" SET "undoneAt" = ?, "undoneBy" = ?, "undoNote" = ? WHERE "key" = ?`, [new Date(c.undoneAt), c.undoneBy, c.undoNote, c.key]);
        continue;
      }
      await tx.insert("Correction", ["key", "slug", "version", "provision", "provisionText", "provisionStart", "fact", "action", "value", "original", "message", "note", "editor", "createdAt", "undoneAt", "undoneBy", "undoNote"], [
        {
          key: c.key,
          slug: c.document,
          version: c.version,
          provision: c.provision,
          provisionText: c.provisionText,
          provisionStart: c.provisionStart,
          fact: c.fact,
          action: c.action,
          value: JSON.stringify(c.value),
          original: c.original ? JSON.stringify(c.original) : null,
          message: c.message ? JSON.stringify(c.message) : null,
          note: c.note,
          editor: c.editor,
          createdAt: new Date(c.createdAt),
          undoneAt: c.undoneAt ? new Date(c.undoneAt) : null,
          undoneBy: c.undoneBy,
          undoNote: c.undoNote,
        },
      ]);
    }
  });
}
