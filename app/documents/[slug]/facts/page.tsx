import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeadlineTable } from "@/components/DeadlineTable";
import { DeadlineTimeline } from "@/components/DeadlineTimeline";
import { DocumentHeader } from "@/components/DocumentHeader";
import { TargetTable } from "@/components/TargetTable";
import { listDeadlines } from "@/lib/db/deadlines";
import { getDocumentHead } from "@/lib/db/documents";
import { listTargets } from "@/lib/db/targets";
import { decodeSegment, type RawSearchParams } from "@/lib/site/params";
import { versionRequestOf } from "@/lib/site/versions";
import { todayInChina } from "@/lib/status";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<RawSearchParams>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `时限与目标值 · ${decodeSegment((await params).slug)}` };
}

export default async function FactsPage({ params, searchParams }: Props) {
  const slug = decodeSegment((await params).slug);
  const version = versionRequestOf(await searchParams).version;
  const today = todayInChina();
  const [head, deadlines, targets] = await Promise.all([getDocumentHead(slug, version), listDeadlines({ today, slug, version, allKinds: true }), listTargets(slug, version)]);
  if (!head) notFound();
  const v = head.isCurrent ? undefined : head.version;
  return (
    <>
      <DocumentHeader doc={head} tab="facts" />
      <h2>时限时间轴</h2>
      <DeadlineTimeline items={deadlines} today={today} label="本文件时限按月分布" />
      <DeadlineTable items={deadlines} showDocument={false} caption="本文件的时限" version={v} />
      <h2>量化目标</h2>
      <TargetTable targets={targets} slug={slug} version={v} />
    </>
  );
}
