/**
 * Party names → canonical parties. A mention is kept as written (the alias it
 * used); its canonical party comes from the shipped alias table
 * (data/party-aliases.json), the party grammar's lexicon of bodies and
 * functions (lib/parser/lexicon), and the issuing jurisdiction: in a document of
 * 青海省人民政府, 省经信委 and 省经济和信息化委 are 青海省经济和信息化委员会;
 * in a State Council document, 发展改革委 is 国家发展改革委. Renamed bodies
 * stay distinct parties.
 */
import table from "../../data/party-aliases.json";
import bodiesLexicon from "../parser/lexicon/bodies.json";
import functionsLexicon from "../parser/lexicon/functions.json";

export type PartyKind = "ministry" | "provincial-department" | "municipal-department" | "county-department" | "government" | "city" | "enterprise" | "group" | "collective" | "other";

export interface CanonicalParty {
  name: string;
  kind: PartyKind;
  /** Names that lead to this party (aliases of the table, and the mention itself). */
  aliases: string[];
}

interface AliasTable {
  national: Array<{ name: string; kind: string; aliases: string[] }>;
  renamed: Array<{ name: string; aliases: string[] }>;
}

interface NationalClass {
  name: string;
  kind: PartyKind;
  aliases: string[];
}

/**
 * National bodies: one class per body, from the shipped table (its names are
 * the canonical ones: the house forms of State Council annotations) joined
 * with the party grammar's lexicon of bodies (lib/parser/lexicon/bodies.json).
 * Two classes merge on a shared name unless each holds a different body of
 * the lexicon: a renamed body (交通部, 国家卫生计生委) stays a party of its own.
 */
function nationalClasses(): Map<string, NationalClass> {
  const lexicon = bodiesLexicon as { bodies: Array<{ name: string; aliases?: string[] }> };
  const data = table as AliasTable;
  const bodyOf = new Map<string, string>();
  for (const b of lexicon.bodies) for (const n of [b.name, ...(b.aliases ?? [])]) if (!bodyOf.has(n)) bodyOf.set(n, b.name);
  const classes: Array<{ name: string; kind: PartyKind; names: Set<string>; body: string | null }> = [];
  const classOf = new Map<string, number>();
  const add = (name: string, kind: PartyKind, names: string[]) => {
    const body = bodyOf.get(name) ?? null;
    const index = classes.push({ name, kind, names: new Set([name]), body }) - 1;
    classOf.set(name, index);
    for (const n of names) {
      const other = bodyOf.get(n);
      // A name of another body of the lexicon does not join this class.
      if (other && body && other !== body) continue;
      if (!classOf.has(n)) classOf.set(n, index);
      if (classOf.get(n) === index) classes[index]!.names.add(n);
    }
  };
  for (const p of data.national) add(p.name, p.kind as PartyKind, p.aliases);
  for (const p of data.renamed) add(p.name, "ministry", p.aliases);
  // The lexicon's bodies the table lacks, and the lexicon's short forms of bodies it has.
  for (const b of lexicon.bodies) {
    const names = [b.name, ...(b.aliases ?? [])];
    const known = names.map((n) => classOf.get(n)).find((i) => i !== undefined && (classes[i]!.body === null || classes[i]!.body === b.name));
    if (known === undefined) {
      if (!names.some((n) => classOf.has(n))) add(b.name, "ministry", names);
      continue;
    }
    for (const n of names) if (!classOf.has(n)) {
      classOf.set(n, known);
      classes[known]!.names.add(n);
    }
  }
  const out = new Map<string, NationalClass>();
  for (const [n, i] of classOf) {
    const c = classes[i]!;
    out.set(n, { name: c.name, kind: c.kind, aliases: [...c.names].filter((x) => x !== c.name) });
  }
  return out;
}

const national = nationalClasses();

interface FunctionEntry {
  function: string;
  forms: string[];
  bodies: string[];
  names: string[];
  bare?: boolean;
}

/** The body word a local name ends in, grouped with its short form: 委员会/委, 办公室/办, 联合会/联, 协会/协, 分局 apart from 局; else the last character (厅, 局). */
function bodyGroup(name: string): string {
  for (const [full, short] of [["委员会办公室", "办"], ["委员会", "委"], ["办公室", "办"], ["联合会", "联"], ["协会", "协"], ["分局", "分局"]] as const) if (name.endsWith(full)) return short;
  return name.slice(-1);
}

/**
 * Local bodies without their place (发展改革委, 经信局, 人社厅): every written
 * form → the full name of its body (发展和改革委员会). Derived from the party
 * grammar's lexicon of functions (lib/parser/lexicon/functions.json) by the
 * rules the names follow — each form of the function (the full words, the
 * words without 和/与, the lexicon's short forms) before each form of each of
 * its body words (委员会 or 委) — plus the lexicon's irregular short names
 * (科协, 编办), placed with the body their last word names. A form two
 * functions claim stands for neither.
 */
/** Full local name → the forms of its function (发展和改革委员会 → 发展和改革, 发展改革, 发改 …). */
const functionForms = new Map<string, string[]>();

function localNames(): Map<string, string> {
  const out = new Map<string, string>();
  const claimed = new Map<string, string>();
  const claim = (written: string, full: string) => {
    const had = claimed.get(written);
    if (had === undefined) claimed.set(written, full);
    else if (had !== full) claimed.set(written, "");
  };
  for (const e of (functionsLexicon as { functions: FunctionEntry[] }).functions) {
    if (e.bare || !e.bodies.length) continue;
    // 发展和改革 is also written 发展改革 and 发展与改革.
    const forms = [...new Set([...e.forms, e.function.replace(/[和与]/g, ""), e.function.replace(/和/g, "与")])];
    const fullOf = new Map<string, string>();
    for (const body of e.bodies) if (!fullOf.has(bodyGroup(body))) fullOf.set(bodyGroup(body), `${e.function}${body}`);
    for (const body of e.bodies) {
      const full = fullOf.get(bodyGroup(body))!;
      functionForms.set(full, forms);
      const bodyForms = body === "委员会" ? ["委员会", "委"] : body === "办公室" ? ["办公室", "办"] : [body];
      for (const f of forms) for (const b of bodyForms) claim(`${f}${b}`, full);
    }
    for (const n of e.names) {
      const full = fullOf.get(bodyGroup(n));
      if (full) claim(n, full);
    }
  }
  // Bodies named after a level (省 + 人民政府, 市 + 人大常委会): their short forms (政府, 人大常委会).
  for (const suffix of (functionsLexicon as { bodySuffixes: Array<{ name: string; forms: string[]; follows: string[] }> }).bodySuffixes) {
    if (suffix.follows.includes("level") && !suffix.forms.some((f) => f.startsWith("有关") || f.startsWith("各"))) for (const f of suffix.forms) claim(f, suffix.name);
  }
  for (const [written, full] of claimed) if (full) out.set(written, full);
  return out;
}

const localFull = localNames();
/** Full local name → every written form of it. */
const localForms = new Map<string, string[]>();
for (const [written, full] of localFull) localForms.set(full, [...(localForms.get(full) ?? []), written]);

/**
 * 省经信委 → 省 + 经济和信息化委员会; 省政府督查室 → 省 + 人民政府督查室 (政府 is
 * the short form of 人民政府 in any body of it); null when the rest is no
 * local body the lexicon knows.
 */
function localBody(name: string): { prefix: string; full: string } | null {
  const m = /^(省|自治区|市|区|县|州)(.+)$/.exec(name);
  if (!m) return null;
  const rest = m[2]!;
  const full = localFull.get(rest) ?? (rest.startsWith("政府") && rest.length > 2 ? `人民${rest}` : undefined);
  return full ? { prefix: m[1]!, full } : null;
}

/** A jurisdiction: 青海省 (level 省), 广州市 (市), or national. */
export interface Jurisdiction {
  name: string | null;
  level: "省" | "市" | "区" | "县" | "national";
}

/** The jurisdiction of an issuer: 青海省人民政府 → 青海省; 国务院 → national. */
export function jurisdictionOf(issuer: string | null): Jurisdiction {
  if (!issuer) return { name: null, level: "national" };
  const first = issuer.split(/[、,，]/).find((s) => /人民政府|政府|人民代表大会|市委|省委/.test(s)) ?? issuer;
  const m = /^(?:中共)?([\u4e00-\u9fa5]{2,10}?(省|自治区|市|自治州|州|区|县))(?:人民政府|政府|人民代表大会|委员会|办公厅|办公室|委|常务委员会)/.exec(first);
  if (!m) return { name: null, level: "national" };
  const suffix = m[2]!;
  const level = suffix === "省" || suffix === "自治区" ? "省" : suffix === "市" || suffix === "自治州" || suffix === "州" ? "市" : suffix === "区" ? "区" : "县";
  return { name: m[1]!, level };
}

const KIND_BY_LEVEL: Record<string, PartyKind> = { 省: "provincial-department", 市: "municipal-department", 区: "county-department", 县: "county-department" };

/** Guess of a party's kind from its name. */
export function kindOfName(name: string): PartyKind {
  if (/^各/.test(name)) return "collective";
  if (/(?:集团|公司|银行|企业|特钢)$/.test(name)) return "enterprise";
  if (/(?:人民政府|政府|管委会)$/.test(name)) return "government";
  if (/(?:协会|学会|联合会|工商联|科协|妇联|工会|团委|团市委|团省委)$/.test(name)) return "group";
  if (/^(?:省|自治区)/.test(name)) return "provincial-department";
  if (/^市/.test(name)) return "municipal-department";
  if (/^[区县]/.test(name)) return "county-department";
  if (/(?:部|委|署|总局|局)$/.test(name)) return "ministry";
  if (/(?:市|区|县|州)$/.test(name)) return "city";
  return "other";
}

/** The canonical party a mention refers to, in a document of the given jurisdiction. */
export function canonicalParty(mention: string, jurisdiction: Jurisdiction): CanonicalParty {
  const name = mention.replace(/\s+/g, "");
  const known = national.get(name);
  if (known) return { name: known.name, kind: known.kind, aliases: [...new Set([known.name, ...known.aliases, name])] };
  // Local bodies: a level prefix (省/市/区/县) and a body, resolved in the jurisdiction of the same level.
  const local = localBody(name);
  const m = /^(省|自治区|市|州|区|县)(.+)$/.exec(name);
  const levelOf = (prefix: string) => (prefix === "自治区" ? "省" : prefix === "州" ? "市" : prefix);
  if (m && jurisdiction.name) {
    const level = levelOf(m[1]!);
    if (level === jurisdiction.level) {
      const canonical = `${jurisdiction.name}${local?.full ?? m[2]!}`;
      return { name: canonical, kind: KIND_BY_LEVEL[level] ?? "other", aliases: [...new Set([canonical, name])] };
    }
  }
  if (m && local) return { name: `${m[1]}${local.full}`, kind: KIND_BY_LEVEL[levelOf(m[1]!)] ?? "other", aliases: [...new Set([`${m[1]}${local.full}`, name])] };
  return { name, kind: kindOfName(name), aliases: [name] };
}

/**
 * Other ways to write a name: a national body's names (发改委 → 国家发展改革委,
 * 国家发展和改革委员会 …), or a local body's written forms under the same
 * place word (省经信委 → 省经济和信息化委员会, 省经济和信息化委 …) and the
 * words laws use for it (省经济和信息化部门). For finding; parties stay apart.
 */
export function nameVariants(name: string): string[] {
  const out = new Set<string>();
  const known = national.get(name);
  if (known) for (const n of [known.name, ...known.aliases]) out.add(n);
  const local = localBody(name);
  if (local) for (const w of localForms.get(local.full) ?? []) out.add(`${local.prefix}${w}`);
  // Laws name the body by its function: 市经济和信息化部门, 市经济和信息化主管部门 (found, not merged).
  if (local) for (const f of functionForms.get(local.full) ?? []) for (const generic of ["部门", "主管部门"]) out.add(`${local.prefix}${f}${generic}`);
  out.delete(name);
  return [...out];
}
