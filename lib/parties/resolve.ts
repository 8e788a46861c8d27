/**
 * Party names → canonical parties. A mention is kept as written (the alias it
 * used); its canonical party comes from the shipped alias table
 * (data/party-aliases.json) and the issuing jurisdiction: in a document of
 * 青海省人民政府, 省经信委 and 省经济和信息化委 are 青海省经济和信息化委员会;
 * in a State Council document, 发展改革委 is 国家发展改革委. Renamed bodies
 * stay distinct parties.
 */
import table from "../../data/party-aliases.json";

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
  local: Array<{ name: string; aliases: string[] }>;
}

const data = table as AliasTable;
const national = new Map<string, { name: string; kind: PartyKind; aliases: string[] }>();
for (const p of data.national) {
  const entry = { name: p.name, kind: p.kind as PartyKind, aliases: p.aliases };
  national.set(p.name, entry);
  for (const a of p.aliases) national.set(a, entry);
}
for (const p of data.renamed) {
  const entry = { name: p.name, kind: "ministry" as PartyKind, aliases: p.aliases };
  national.set(p.name, entry);
  for (const a of p.aliases) national.set(a, entry);
}
const localStem = new Map<string, string>();
for (const p of data.local) {
  localStem.set(p.name, p.name);
  for (const a of p.aliases) localStem.set(a, p.name);
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
  // Local bodies: a level prefix (省/市/区/县) and a stem, resolved in the jurisdiction of the same level.
  const m = /^(省|自治区|市|区|县)(.+)$/.exec(name);
  if (m && jurisdiction.name) {
    const level = m[1] === "自治区" ? "省" : m[1]!;
    const stem = localStem.get(m[2]!) ?? m[2]!;
    if (level === jurisdiction.level) {
      const canonical = `${jurisdiction.name}${stem}`;
      return { name: canonical, kind: KIND_BY_LEVEL[level] ?? "other", aliases: [...new Set([canonical, name])] };
    }
  }
  if (m) {
    const stem = localStem.get(m[2]!);
    if (stem) return { name: `${m[1]}${stem}`, kind: KIND_BY_LEVEL[m[1] === "自治区" ? "省" : m[1]!] ?? "other", aliases: [...new Set([`${m[1]}${stem}`, name])] };
  }
  return { name, kind: kindOfName(name), aliases: [name] };
}

/** Every national name of the shipped table (for seeding the alias table in the store). */
export function shippedNationalParties(): CanonicalParty[] {
  return [...new Set(national.values())].map((p) => ({ name: p.name, kind: p.kind, aliases: p.aliases }));
}

/** Other ways to write a name, from the shipped table: 省经信委 → 省经济和信息化委员会, 省经济和信息化委; 人行 → 人民银行 … */
export function nameVariants(name: string): string[] {
  const out = new Set<string>();
  const known = national.get(name);
  if (known) for (const n of [known.name, ...known.aliases]) out.add(n);
  const m = /^(省|自治区|市|区|县)(.+)$/.exec(name);
  const stem = m ? localStem.get(m[2]!) : undefined;
  if (m && stem) {
    out.add(`${m[1]}${stem}`);
    for (const [alias, target] of localStem) if (target === stem) out.add(`${m[1]}${alias}`);
  }
  out.delete(name);
  return [...out];
}
