/**
 * Deadlines across current documents (or one document): for the timeline,
 * and the one deadline that counts for a provision in ledgers and task lists.
 */
import type { DeadlineKind } from "../parser";
import { daysBetween } from "../status";
import { dbReady } from "./client";

/** Kinds of deadline that ask for something to be done by a day (not when a document applies). */
export const WORK_DEADLINE_KINDS: DeadlineKind[] = ["due", "milestone", "period"];

export interface DeadlineRef {
  /** The words as written, e.g. 2017年底前. */
  text: string;
  date: string | null;
  kind: DeadlineKind;
}

/**
 * The deadline that counts for a provision among its own: the earliest dated
 * work deadline not yet passed, else the latest passed one, else an undated one.
 */
export function pickDeadline<T extends DeadlineRef>(deadlines: T[], today: string): T | null {
  const work = deadlines.filter((d) => WORK_DEADLINE_KINDS.includes(d.kind));
  const dated = work.filter((d) => d.date).sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""));
  const open = dated.find((d) => (d.date ?? "") >= today);
  return open ?? dated.at(-1) ?? work[0] ?? null;
}

/** Days from today to a deadline's date (negative: overdue); null without a date. */
export function daysLeft(deadline: DeadlineRef | null, today: string): number | null {
  return deadline?.date ? daysBetween(today, deadline.date) : null;
}

export interface DeadlineItem extends DeadlineRef {
  document: { slug: string; title: string | null };
  provision: { id: string; citation: string; heading: string | null } | null;
  daysLeft: number | null;
  overdue: boolean;
}

/**
 * Work deadlines of current documents (or of one document version), by date;
 * undated last. `allKinds` adds the dates a document takes effect and expires
 * (never counted as overdue).
 */
export async function listDeadlines(options: { today: string; slug?: string; version?: number; allKinds?: boolean }): Promise<DeadlineItem[]> {
  const client = await dbReady();
  const document = options.slug ? (options.version ? { slug: options.slug, version: options.version } : { slug: options.slug, isCurrent: true }) : { isCurrent: true };
  const rows = await client.deadline.findMany({
    where: { document, ...(options.allKinds ? {} : { kind: { in: WORK_DEADLINE_KINDS } }) },
    select: { text: true, date: true, kind: true, document: { select: { slug: true, title: true } }, provision: { select: { eid: true, citation: true, heading: true } } },
    orderBy: [{ date: "asc" }, { start: "asc" }],
  });
  const items = rows.map((d) => {
    const ref: DeadlineRef = { text: d.text, date: d.date, kind: d.kind as DeadlineKind };
    const left = WORK_DEADLINE_KINDS.includes(ref.kind) ? daysLeft(ref, options.today) : null;
    return {
      ...ref,
      document: d.document,
      provision: d.provision ? { id: d.provision.eid, citation: d.provision.citation, heading: d.provision.heading } : null,
      daysLeft: left,
      overdue: left !== null && left < 0,
    };
  });
  return [...items.filter((i) => i.date), ...items.filter((i) => !i.date)];
}
