import type { Metadata } from "next";
import Link from "next/link";
import { DeadlineTable } from "@/components/DeadlineTable";
import { DeadlineTimeline } from "@/components/DeadlineTimeline";
import { listDeadlines } from "@/lib/db/deadlines";
import { oneOf, type RawSearchParams } from "@/lib/site/params";
import { todayInChina } from "@/lib/status";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "时限" };

const SHOW = ["overdue", "open"] as const;

export default async function DeadlinesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const show = oneOf(await searchParams, "show", SHOW);
  const today = todayInChina();
  const all = await listDeadlines({ today });
  const items = all.filter((d) => !show || (show === "overdue" ? d.overdue : d.daysLeft !== null && d.daysLeft >= 0));
  return (
    <>
      <h1>时限</h1>
      <p className="lead">现行文件中的完成时限和阶段节点，按月分布；今天是 {today}。</p>
      <DeadlineTimeline items={all} today={today} label="全部时限按月分布" />
      <nav className="export-links" aria-label="筛选时限">
        <Link href="/deadlines" aria-current={!show ? "page" : undefined}>
          全部（{all.length}）
        </Link>
        <Link href="/deadlines?show=overdue" aria-current={show === "overdue" ? "page" : undefined}>
          已逾期（{all.filter((d) => d.overdue).length}）
        </Link>
        <Link href="/deadlines?show=open" aria-current={show === "open" ? "page" : undefined}>
          未到期（{all.filter((d) => d.daysLeft !== null && d.daysLeft >= 0).length}）
        </Link>
      </nav>
      <DeadlineTable items={items} showDocument caption="时限列表" />
    </>
  );
}
