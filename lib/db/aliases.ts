/**
 * Aliases an administrator adds: 省经信委 is 青海省经济和信息化委员会. Adding an
 * alias that a separate party was created for merges that party into the
 * target — its responsibilities move, each keeping the words it was written in.
 */
import { dbReady } from "./client";

export class AliasError extends Error {}

export interface AliasChange {
  alias: string;
  party: string;
  movedResponsibilities: number;
  removedParty: string | null;
}

/** Makes `alias` a name of the party `partyName` (canonical name or an existing alias). */
export async function addAlias(alias: string, partyName: string): Promise<AliasChange> {
  alias = alias.trim();
  partyName = partyName.trim();
  if (!alias || !partyName) throw new AliasError("alias and party must not be empty");
  if (alias === partyName) throw new AliasError("an alias must differ from the party's name");
  const client = await dbReady();
  return client.$transaction(async (tx) => {
    const target =
      (await tx.party.findUnique({ where: { name: partyName } })) ??
      (await tx.partyAlias.findUnique({ where: { alias: partyName }, include: { party: true } }))?.party ??
      null;
    if (!target) throw new AliasError(`no party named "${partyName}"`);
    // The party the alias leads to now, if any: by name, or through an alias.
    const byName = await tx.party.findUnique({ where: { name: alias } });
    const byAlias = await tx.partyAlias.findUnique({ where: { alias } });
    const other = byName ?? (byAlias && byAlias.partyId !== target.id ? await tx.party.findUnique({ where: { id: byAlias.partyId } }) : null);
    let moved = 0;
    let removed: string | null = null;
    if (other && other.id !== target.id) {
      if (byName) {
        // A whole party under this name: everything it holds goes to the target.
        moved = (await tx.responsibility.updateMany({ where: { partyId: other.id }, data: { partyId: target.id } })).count;
        const aliases = await tx.partyAlias.findMany({ where: { partyId: other.id } });
        for (const a of aliases) await tx.partyAlias.update({ where: { id: a.id }, data: { partyId: target.id } });
      } else {
        moved = (await tx.responsibility.updateMany({ where: { partyId: other.id, mention: alias }, data: { partyId: target.id } })).count;
      }
      const left = await tx.responsibility.count({ where: { partyId: other.id } });
      const leftAliases = await tx.partyAlias.count({ where: { partyId: other.id } });
      if (left === 0 && (byName || leftAliases <= 1)) {
        await tx.partyAlias.deleteMany({ where: { partyId: other.id } });
        await tx.party.delete({ where: { id: other.id } });
        removed = other.name;
      }
    }
    await tx.partyAlias.upsert({ where: { alias }, create: { alias, partyId: target.id, source: "admin" }, update: { partyId: target.id, source: "admin" } });
    return { alias, party: target.name, movedResponsibilities: moved, removedParty: removed };
  });
}

/** Aliases of a party (or of all parties), with where each came from. */
export async function listAliases(partyName?: string): Promise<Array<{ party: string; alias: string; source: string }>> {
  const client = await dbReady();
  const rows = await client.partyAlias.findMany({
    where: partyName ? { party: { name: partyName } } : {},
    include: { party: { select: { name: true } } },
    orderBy: [{ party: { name: "asc" } }, { alias: "asc" }],
  });
  return rows.map((r) => ({ party: r.party.name, alias: r.alias, source: r.source }));
}
