/**
 * `policykb diff SLUG [--from N] [--to M] [--json]`: what changed between two
 * versions of a stored document (by default the current one against the one
 * before it). Text: one line a changed provision, the deleted words in [-…-]
 * and the inserted in {+…+}, then the facts; --json: the API's JSON.
 */
import { closeDb } from "../db/client";
import { migrate } from "../db/migrate";
import { DiffError, documentDiff, type ProvisionDiff } from "../site/diff";
import { diffJson, versionNumber } from "../site/diff-api";
import { CHANGE_LABELS, FACT_KIND_LABELS } from "../site/labels";
import { UsageError } from "./errors";

/** A provision's change as one text line. */
function line(p: ProvisionDiff): string {
  const where = p.from && p.to && p.from.citation !== p.to.citation ? `${p.from.citation} → ${p.to.citation}` : (p.to ?? p.from)!.citation;
  const text = p.runs
    ? p.runs.map((r) => (r.op === "same" ? r.text : r.op === "del" ? `[-${r.text}-]` : `{+${r.text}+}`)).join("")
    : (p.to ?? p.from)!.text;
  return `${CHANGE_LABELS[p.change]}\t${where}\t${text.replace(/\s*\n\s*/g, " ")}`;
}

export async function diffCommand(slug: string, options: { from?: string; to?: string; json: boolean }): Promise<number> {
  await migrate();
  try {
    const result = await documentDiff(slug, { from: versionNumber("--from", options.from), to: versionNumber("--to", options.to) });
    const { diff } = result;
    if (options.json) {
      process.stdout.write(JSON.stringify(diffJson(diff), null, 2) + "\n");
      return 0;
    }
    const out: string[] = [`${result.title ?? slug}: 第 ${diff.from} 版 → 第 ${diff.to} 版`];
    out.push(...diff.provisions.map(line));
    out.push(...diff.facts.map((f) => `要素${f.change === "added" ? "新增" : "删除"}\t${FACT_KIND_LABELS[f.kind]}\t${f.summary}`));
    process.stdout.write(out.join("\n") + "\n");
    const c = diff.counts;
    process.stderr.write(`diff: changed ${c.changed}, moved ${c.moved}, added ${c.added}, removed ${c.removed}, unchanged ${c.unchanged}; facts ${c.facts}\n`);
    return 0;
  } catch (error) {
    if (error instanceof DiffError) throw new UsageError(error.message);
    throw error;
  } finally {
    await closeDb();
  }
}
