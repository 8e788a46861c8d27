/**
 * Corrections applied to one document version's parsed facts: pure, no
 * database. A correction applies to a version whose provision has the id and
 * the text it was made on; there it changes, removes or adds one fact, or
 * changes the provision's role. Otherwise it is kept but not applied, and
 * says why (the provision changed or is gone, the fact it changes is gone):
 * /review lists those as needing a look. Corrections apply in the order they
 * were made, so a later one builds on an earlier one.
 */
import type { DeadlineOut, LinkOut, ResponsibilityOut, Role, TargetOut } from "../parser";

/** What a correction is about: the facts of policy-doc/1 and the provision's role. */
export const CORRECTION_FACTS = ["responsibility", "deadline", "target", "role", "link"] as const;
export type CorrectionFact = (typeof CORRECTION_FACTS)[number];
/** Facts that are rows of a document (all but the provision's role). */
export type RowFact = Exclude<CorrectionFact, "role">;
export const CORRECTION_ACTIONS = ["add", "remove", "change"] as const;
export type CorrectionAction = (typeof CORRECTION_ACTIONS)[number];

/** A parser message a decision answers (accepted as a fact, or dismissed); a new version's message is the same one when these agree. */
export interface MessageRef {
  ruleId: string;
  reason: string;
  /** The words of the source it points at. */
  words: string;
}

/** A stored correction (or a dismissed parser message: fact "message", action "dismiss"). */
export interface Correction {
  id: number;
  /** Identity across exports and restores. */
  key: string;
  /** The document's slug. */
  document: string;
  /** The version it was made on. */
  version: number;
  /** Provision id; null for the document as a whole. */
  provision: string | null;
  /** The provision's text and start offset in that version: a version applies it when its provision reads the same. */
  provisionText: string;
  provisionStart: number;
  fact: CorrectionFact | "message";
  action: CorrectionAction | "dismiss";
  /** The fact's fields after the correction (policy-doc/1 names; spans in the version it was made on). */
  value: Record<string, unknown>;
  /** The fact as it read before; null for an added one. */
  original: Record<string, unknown> | null;
  message: MessageRef | null;
  note: string;
  editor: string;
  createdAt: string;
  undoneAt: string | null;
  undoneBy: string | null;
  undoNote: string | null;
}

export type CorrectionStatus = "applied" | "needs-review" | "undone";
/** Why a kept correction is not applied to a version. */
export type NotAppliedReason = "provision-changed" | "provision-gone" | "fact-gone";

export interface CorrectionState {
  status: CorrectionStatus;
  reason: NotAppliedReason | null;
}

/** The provision fields corrections look at. */
export interface FactProvision {
  id: string;
  role: Role;
  text: string;
  start: number;
}

/** One version's facts, as policy-doc/1 has them. */
export interface DocumentFacts<P extends FactProvision = FactProvision> {
  provisions: P[];
  responsibilities: ResponsibilityOut[];
  deadlines: DeadlineOut[];
  targets: TargetOut[];
  links: LinkOut[];
}

/** A fact (or provision) marked as corrected. */
export type Corrected<T> = T & { corrected?: true };

/** What made a corrected fact what it is: the corrections in order, and what the parse said (null: added by hand). */
export interface Trace {
  by: Correction[];
  parsed: Record<string, unknown> | null;
}

/** A parsed fact a correction removed (the page still shows it, struck through). */
export interface RemovedFact {
  fact: RowFact;
  provision: string | null;
  parsed: Record<string, unknown>;
  trace: Trace;
}

export interface CorrectedFacts<P extends FactProvision = FactProvision> {
  provisions: Array<Corrected<P>>;
  responsibilities: Array<Corrected<ResponsibilityOut>>;
  deadlines: Array<Corrected<DeadlineOut>>;
  targets: Array<Corrected<TargetOut>>;
  links: Array<Corrected<LinkOut>>;
  /** By corrected fact or provision object (the same objects as in the lists). */
  traces: Map<object, Trace>;
  removed: RemovedFact[];
  /** By correction id: applied, needing a look (and why), or undone. */
  states: Map<number, CorrectionState>;
}

/** Fields that tell one fact of a provision from another. */
export const KEY_FIELDS: Record<RowFact, string[]> = {
  responsibility: ["party"],
  deadline: ["text"],
  target: ["subject"],
  link: ["from", "to"],
};

type Row = Record<string, unknown>;

/** Whether a fact is the one a key names (a link either way round). */
export function matchesKey(fact: RowFact, row: Row, key: Row): boolean {
  if (fact === "link") return (row.from === key.from && row.to === key.to) || (row.from === key.to && row.to === key.from);
  return KEY_FIELDS[fact].every((k) => row[k] === key[k]);
}

/** Whether a fact belongs to the provision (a link: either end). */
export function inProvision(fact: RowFact, row: Row, provision: string | null): boolean {
  return fact === "link" ? row.from === provision || row.to === provision : (row.provision ?? null) === provision;
}

/** Of the facts a key names, the one whose other fields agree most with `like` (the fact as it read when corrected). */
export function findFact(fact: RowFact, rows: Row[], provision: string | null, key: Row, like?: Row | null): Row | undefined {
  const found = rows.filter((r) => inProvision(fact, r, provision) && matchesKey(fact, r, key));
  if (found.length < 2 || !like) return found[0];
  const agreement = (r: Row) => Object.keys(like).filter((k) => k !== "start" && k !== "end" && JSON.stringify(r[k]) === JSON.stringify(like[k])).length;
  return found.reduce((best, r) => (agreement(r) > agreement(best) ? r : best));
}

/** The fields of a key, taken from a fact. */
export function keyOf(fact: RowFact, row: Row): Row {
  return Object.fromEntries(KEY_FIELDS[fact].map((k) => [k, row[k]]));
}

/** A fact's own fields without the corrected mark. */
function plain(row: Row): Row {
  const { corrected: _corrected, ...rest } = row;
  return rest;
}

const LISTS = { responsibility: "responsibilities", deadline: "deadlines", target: "targets", link: "links" } as const;

/** The facts of a version with the corrections applied (in id order); the parse itself is not changed. */
export function applyCorrections<P extends FactProvision>(facts: DocumentFacts<P>, corrections: Correction[]): CorrectedFacts<P> {
  const out: CorrectedFacts<P> = {
    provisions: [...facts.provisions],
    responsibilities: [...facts.responsibilities],
    deadlines: [...facts.deadlines],
    targets: [...facts.targets],
    links: [...facts.links],
    traces: new Map(),
    removed: [],
    states: new Map(),
  };
  const position = new Map(facts.provisions.map((p, i) => [p.id, i]));
  const needsLook = (c: Correction, reason: NotAppliedReason) => out.states.set(c.id, { status: "needs-review", reason });
  for (const c of [...corrections].sort((a, b) => a.id - b.id)) {
    if (c.undoneAt) {
      out.states.set(c.id, { status: "undone", reason: null });
      continue;
    }
    if (c.fact === "message") continue;
    const at = c.provision === null ? undefined : position.get(c.provision);
    const p = at === undefined ? undefined : out.provisions[at];
    if (c.provision !== null && !p) {
      needsLook(c, "provision-gone");
      continue;
    }
    if (p && p.text !== c.provisionText) {
      needsLook(c, "provision-changed");
      continue;
    }
    if (c.fact === "role") {
      const role = c.value.role as Role;
      const trace = out.traces.get(p!);
      const changed: Corrected<P> = { ...p!, role, corrected: true };
      out.provisions[at!] = changed;
      out.traces.set(changed, { by: [...(trace?.by ?? []), c], parsed: trace?.parsed ?? { role: p!.role } });
      out.states.set(c.id, { status: "applied", reason: null });
      continue;
    }
    const fact = c.fact;
    // The four lists are handled alike, by their fields' names (KEY_FIELDS); values were checked when stored.
    const list = out[LISTS[fact]] as unknown as Row[];
    // Spans were taken in the version the correction was made on: move them with the provision.
    const shift = p ? p.start - c.provisionStart : 0;
    const value: Row = { ...c.value };
    if (typeof value.start === "number" && typeof value.end === "number") {
      value.start += shift;
      value.end += shift;
    }
    const key = c.action === "add" ? keyOf(fact, value) : keyOf(fact, c.original ?? c.value);
    const found = findFact(fact, list, c.provision, key, c.original);
    if (c.action === "remove") {
      if (found) {
        list.splice(list.indexOf(found), 1);
        const trace = out.traces.get(found);
        const parsed = trace ? trace.parsed : plain(found);
        // A fact added by hand and removed again leaves nothing of the parse to show.
        if (parsed) out.removed.push({ fact, provision: c.provision, parsed, trace: { by: [...(trace?.by ?? []), c], parsed } });
      }
      // A fact the parse no longer has is removed all the same.
      out.states.set(c.id, { status: "applied", reason: null });
      continue;
    }
    if (!found && c.action === "change") {
      // The parse may now say what the correction said; else the fact it changes is gone.
      const already = findFact(fact, list, c.provision, keyOf(fact, value));
      if (already) out.states.set(c.id, { status: "applied", reason: null });
      else needsLook(c, "fact-gone");
      continue;
    }
    const trace = found ? out.traces.get(found) : undefined;
    const next: Row = { ...(found ? plain(found) : { provision: c.provision }), ...value, corrected: true };
    if (fact === "link") delete next.provision;
    if (found) list[list.indexOf(found)] = next;
    else list.push(next);
    out.traces.set(next, { by: [...(trace?.by ?? []), c], parsed: found ? (trace ? trace.parsed : plain(found)) : null });
    out.states.set(c.id, { status: "applied", reason: null });
  }
  return out;
}
