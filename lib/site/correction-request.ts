/**
 * Reading a correction out of a POST /api/documents/{slug}/corrections
 * request: a JSON body of at most 64 KB, `{ provision, fact, action, value,
 * note }` (and optionally `original`, `message`), each value checked against
 * the fields policy-doc/1 gives its fact. Every refusal is one line saying
 * which field is wrong and why. Whether the provision and the fact exist is
 * the store's check (lib/db/corrections.ts).
 */
import { z } from "zod";
import { COMPARATORS, DEADLINE_KINDS, LINK_KINDS, RESPONSIBILITY_ROLES, ROLES } from "../parser";
import { CORRECTION_ACTIONS, CORRECTION_FACTS, KEY_FIELDS, type RowFact } from "../db/corrections-apply";
import type { CorrectionInput } from "../db/corrections";

/** Largest body accepted. */
export const MAX_CORRECTION_BYTES = 64 * 1024;

/** A request that cannot be read as a correction: status and a one-line reason. */
export class CorrectionRequestError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413 | 415 = 400,
  ) {
    super(message);
    this.name = "CorrectionRequestError";
  }
}

const bad = (message: string) => new CorrectionRequestError(message);

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;
/** A name or words on one line. */
const line = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`).refine((s) => !CONTROL.test(s), "must be one line of text");
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "must be a real day");
const provisionId = z.string().min(1).max(200).regex(/^[A-Za-z0-9_.-]+$/, "must be a provision id");

/** Each fact's fields, all of them (an added fact). */
const FULL = {
  responsibility: z.object({ party: line(60), role: z.enum(RESPONSIBILITY_ROLES), text: line(500).optional() }).strict(),
  deadline: z.object({ text: line(100), date: day.nullable().optional(), kind: z.enum(DEADLINE_KINDS) }).strict(),
  target: z
    .object({
      subject: line(60),
      value: z.number().finite(),
      unit: z.string().trim().max(20),
      comparator: z.enum(COMPARATORS).nullable().optional(),
      verb: line(20).nullable().optional(),
      baseline: line(200).nullable().optional(),
      deadline: day.nullable().optional(),
      text: line(500).optional(),
    })
    .strict(),
  role: z.object({ role: z.enum(ROLES) }).strict(),
  link: z.object({ from: provisionId.optional(), to: provisionId, kind: z.enum(LINK_KINDS), why: line(500).optional() }).strict(),
} as const;

const messagePlace = z.object({ ruleId: z.string().min(1).max(100), start: z.number().int().min(0), end: z.number().int().min(0) }).strict();

/** `a.b[2]: reason`, one line. */
function reasonOf(error: z.ZodError, prefix: string): string {
  const issue = error.issues[0]!;
  const where = [prefix, ...issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))].join("").replace(/^\./, "");
  return `${where}: ${issue.message.split("\n")[0]}`;
}

function parse<S extends z.ZodType>(schema: S, value: unknown, prefix: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw bad(reasonOf(result.error, prefix));
  return result.data;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const list = (items: readonly string[]) => `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;

/** Checks a parsed JSON body and makes the store's input of it. */
export function correctionInputOf(body: unknown, options: { document: string; editor: string }): CorrectionInput {
  if (!isObject(body)) throw bad("the body must be a JSON object { provision, fact, action, value, note }");
  const known = new Set(["provision", "fact", "action", "value", "note", "original", "message"]);
  const unknown = Object.keys(body).find((k) => !known.has(k));
  if (unknown) throw bad(`unknown field "${unknown}" (expected provision, fact, action, value, note, original, message)`);
  const facts = [...CORRECTION_FACTS, "message"] as const;
  const fact = body.fact;
  if (typeof fact !== "string" || !(facts as readonly string[]).includes(fact)) throw bad(`unknown fact kind ${JSON.stringify(fact ?? null)} (expected ${list(CORRECTION_FACTS)})`);
  const actions = [...CORRECTION_ACTIONS, "dismiss"] as const;
  const action = body.action;
  if (typeof action !== "string" || !(actions as readonly string[]).includes(action)) throw bad(`unknown action ${JSON.stringify(action ?? null)} (expected ${list(CORRECTION_ACTIONS)})`);
  if (typeof body.note !== "string" || !body.note.trim()) throw bad("note is required: say in a few words why (it is kept with the correction)");
  const note = parse(line(500), body.note, "note");
  if (!("provision" in body)) throw bad('provision is required: the id of the provision, or null for the document as a whole');
  const provision = body.provision === null ? null : parse(provisionId, body.provision, "provision");
  const message = body.message === undefined ? undefined : parse(messagePlace, body.message, "message");
  if (body.original !== undefined && !isObject(body.original)) throw bad("original must be an object naming the fact (its fields as in policy-doc/1)");
  const original = body.original;
  const raw = body.value === undefined ? {} : body.value;
  if (!isObject(raw)) throw bad("value must be an object of the fact's fields (as in policy-doc/1)");
  const typed = fact as (typeof facts)[number];
  const base = { document: options.document, editor: options.editor, provision, note, message };
  if (typed === "message") return { ...base, fact: "message", action: action as CorrectionInput["action"], value: {} };
  if (typed === "role") return { ...base, fact: "role", action: action as CorrectionInput["action"], value: parse(FULL.role, raw, "value") };
  const schema = FULL[typed];
  if (action === "add") return { ...base, fact: typed, action: "add", value: parse(schema, raw, "value") };
  // To change or remove a fact, say which: its key fields in value, or in original.
  const key = KEY_FIELDS[typed as RowFact].filter((k) => !(typed === "link" && k === "from"));
  const naming = original ?? raw;
  const missing = key.find((k) => naming[k] === undefined);
  if (missing) throw bad(`value.${missing} is required to say which ${typed} to ${action} (or give original)`);
  if (original) parse(schema.partial(), original, "original");
  if (action === "remove") {
    const value = Object.fromEntries(Object.entries(raw).filter(([k]) => KEY_FIELDS[typed as RowFact].includes(k)));
    return { ...base, fact: typed, action: "remove", value: parse(schema.partial(), value, "value"), original };
  }
  const value = parse(schema.partial(), raw, "value");
  if (!Object.keys(value).length) throw bad("value is empty: give the fields that change");
  return { ...base, fact: typed, action: "change", value, original };
}

/** The request's JSON body, refused when it is not JSON (415), over the limit (413) or unreadable (400); `optional`: undefined for no body. */
export async function jsonBodyOf(request: Request, options: { optional?: boolean } = {}): Promise<unknown> {
  const maxBytes = MAX_CORRECTION_BYTES;
  const type = request.headers.get("content-type");
  if (type && !/^application\/(?:[\w.+-]+\+)?json\s*(;|$)/i.test(type)) throw new CorrectionRequestError(`send the correction as JSON (Content-Type: application/json, got ${type.split(";")[0]})`, 415);
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw new CorrectionRequestError(`the body is over ${maxBytes / 1024} KB`, 413);
  const bytes: Uint8Array[] = [];
  let seen = 0;
  const reader = request.body?.getReader();
  for (;;) {
    const chunk = reader ? await reader.read() : { done: true as const, value: undefined };
    if (chunk.done) break;
    seen += chunk.value.byteLength;
    if (seen > maxBytes) {
      await reader?.cancel();
      throw new CorrectionRequestError(`the body is over ${maxBytes / 1024} KB`, 413);
    }
    bytes.push(chunk.value);
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(bytes));
  if (!text.trim()) {
    if (options.optional) return undefined;
    throw bad("the body is empty: send { provision, fact, action, value, note } as JSON");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw bad("the body is not valid JSON");
  }
}
