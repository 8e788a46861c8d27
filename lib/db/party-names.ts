/**
 * The canonical party of a name as written, without storing anything: what
 * reads of corrected facts need for a name the parse never stored (a party an
 * editor added or renamed). The same rule the store follows (store.ts
 * resolveParties): a known alias or party name, else the shipped table and
 * the issuing jurisdiction; relative names (省财政厅) never by a global alias.
 */
import { canonicalParty, jurisdictionOf } from "../parties/resolve";
import { dbReady } from "./client";

const RELATIVE = /^(?:省|市|区|县|自治区)/;

/** Canonical party names of the mentions (as written) in a document of `issuer`. */
export async function partyNamesOf(mentions: string[], issuer: string | null): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const wanted = [...new Set(mentions)];
  if (!wanted.length) return out;
  const client = await dbReady();
  const global = wanted.filter((m) => !RELATIVE.test(m));
  if (global.length) {
    for (const a of await client.partyAlias.findMany({ where: { alias: { in: global } }, select: { alias: true, party: { select: { name: true } } } })) out.set(a.alias, a.party.name);
  }
  const jurisdiction = jurisdictionOf(issuer);
  const canonical = new Map(wanted.filter((m) => !out.has(m)).map((m) => [m, canonicalParty(m, jurisdiction).name]));
  const names = [...new Set(canonical.values())];
  const known = new Map<string, string>();
  if (names.length) {
    for (const p of await client.party.findMany({ where: { name: { in: names } }, select: { name: true } })) known.set(p.name, p.name);
    for (const a of await client.partyAlias.findMany({ where: { alias: { in: names.filter((n) => !known.has(n)) } }, select: { alias: true, party: { select: { name: true } } } })) known.set(a.alias, a.party.name);
  }
  for (const [mention, name] of canonical) out.set(mention, known.get(name) ?? name);
  return out;
}
