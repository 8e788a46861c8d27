/** `policykb alias add ALIAS PARTY` and `policykb alias list [PARTY]`: party aliases an administrator manages. */
import { AliasError, addAlias, listAliases } from "../db/aliases";
import { closeDb } from "../db/client";
import { migrate } from "../db/migrate";
import { refreshIndex } from "../search";
import { UsageError } from "./errors";

export async function aliasCommand(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  await migrate();
  try {
    if (action === "add") {
      if (rest.length !== 2) throw new UsageError("alias add takes ALIAS and PARTY (e.g. policykb alias add 省经信委 青海省经济和信息化委员会)");
      const change = await addAlias(rest[0]!, rest[1]!);
      await refreshIndex();
      process.stderr.write(`alias: ${change.alias} → ${change.party}${change.movedResponsibilities ? `; ${change.movedResponsibilities} responsibilities moved` : ""}${change.removedParty ? `; party "${change.removedParty}" merged` : ""}\n`);
      return 0;
    }
    if (action === "list") {
      for (const a of await listAliases(rest[0])) process.stdout.write(`${a.party}\t${a.alias}\t${a.source}\n`);
      return 0;
    }
    throw new UsageError(`alias needs "add ALIAS PARTY" or "list [PARTY]" (got "${action ?? ""}")`);
  } catch (error) {
    if (error instanceof AliasError) throw new UsageError(error.message);
    throw error;
  } finally {
    await closeDb();
  }
}
