/**
 * Timeline of deadlines by month (SVG, no chart library): one dot per
 * deadline stacked in its month, overdue ones red, the dates a document
 * takes effect or expires as grey diamonds, and a line at today when it
 * falls in the range. The table beside it is the accessible form.
 */
import type { DeadlineItem } from "@/lib/db/deadlines";
import { WORK_DEADLINE_KINDS } from "@/lib/db/deadlines";
import { monthOf, monthsBetween } from "@/lib/site/dates";

const DOT = 12;
const TOP = 16;
const AXIS = 44;
const COLORS = { overdue: "#c5221f", open: "#1a5bc4", document: "#6e7781", today: "#b7791f" };

type Dated = DeadlineItem & { date: string };

function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

export function DeadlineTimeline({ items, today, label }: { items: DeadlineItem[]; today: string; label: string }) {
  const dated = items.filter((i): i is Dated => Boolean(i.date)).sort((a, b) => a.date.localeCompare(b.date));
  if (!dated.length) return <p className="muted">没有可标注在时间轴上的日期。</p>;
  const first = monthOf(dated[0]?.date ?? today);
  const months = monthsBetween(first, monthOf(dated.at(-1)?.date ?? today));
  while (months.length < 12) months.push(nextMonth(months.at(-1) ?? first));
  const step = Math.max(6, Math.min(80, Math.floor(1080 / months.length)));
  const byMonth = new Map<string, Dated[]>();
  for (const d of dated) byMonth.set(monthOf(d.date), [...(byMonth.get(monthOf(d.date)) ?? []), d]);
  const tallest = Math.max(...[...byMonth.values()].map((l) => l.length));
  const plot = Math.max(3, tallest) * (DOT + 2);
  const width = months.length * step + 40;
  const height = TOP + plot + AXIS;
  const x = (month: string) => 20 + months.indexOf(month) * step + step / 2;
  const todayMonth = monthOf(today);
  const work = dated.filter((d) => WORK_DEADLINE_KINDS.includes(d.kind));
  const overdue = work.filter((d) => d.overdue).length;
  const documentDates = dated.length - work.length;
  // Year labels at January (and the first month), skipped when too close to the previous one.
  const ticks: string[] = [];
  for (const m of months) if (m === first || m.endsWith("-01")) ticks.push(m);
  const labelled = ticks.filter((m, i) => i === 0 || months.indexOf(m) - months.indexOf(ticks[i - 1] ?? m) >= Math.ceil(48 / step));
  const showMonths = step >= 36;
  return (
    <figure className="timeline">
      <ul className="chart-legend">
        <li>
          <i style={{ background: COLORS.overdue }} />
          已逾期 {overdue}
        </li>
        <li>
          <i style={{ background: COLORS.open }} />
          未到期 {work.length - overdue}
        </li>
        {documentDates > 0 && (
          <li>
            <i style={{ background: COLORS.document }} />
            施行、失效日期 {documentDates}
          </li>
        )}
        {months.includes(todayMonth) && (
          <li>
            <i style={{ background: COLORS.today }} />
            今天
          </li>
        )}
      </ul>
      <div className="chart-wrap" role="region" aria-label={`${label}（可横向滚动）`} tabIndex={0}>
        <svg className="chart" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${label}：${work.length} 个有日期的时限，其中 ${overdue} 个已逾期，${months[0]} 至 ${months.at(-1)}`} style={{ width, maxWidth: "none" }}>
          <line x1={20} x2={width - 20} y1={TOP + plot + 4} y2={TOP + plot + 4} stroke="#8c959f" />
          {showMonths &&
            months.map((m) => (
              <text key={m} x={x(m)} y={TOP + plot + 20} fontSize={11} fill="#57606a" textAnchor="middle">
                {Number(m.slice(5))}月
              </text>
            ))}
          {labelled.map((m) => (
            <g key={m}>
              <line x1={x(m) - step / 2} x2={x(m) - step / 2} y1={TOP} y2={TOP + plot + 26} stroke="#d0d7de" strokeDasharray="2 3" />
              <text x={x(m) - step / 2 + 3} y={TOP + plot + (showMonths ? 38 : 24)} fontSize={12} fill="#3d444d" fontWeight={600}>
                {m.slice(0, 4)}年
              </text>
            </g>
          ))}
          {months.includes(todayMonth) && <line x1={x(todayMonth)} x2={x(todayMonth)} y1={TOP - 8} y2={TOP + plot + 4} stroke={COLORS.today} strokeWidth={2} />}
          {[...byMonth].map(([month, list]) =>
            list.map((d, i) => {
              const cx = x(month);
              const cy = TOP + plot - i * (DOT + 2) - DOT / 2;
              const isWork = WORK_DEADLINE_KINDS.includes(d.kind);
              const title = `${d.date} ${d.text}（${d.document.title ?? d.document.slug}${d.provision ? ` ${d.provision.citation}` : ""}）${d.overdue ? " 已逾期" : ""}`;
              return isWork ? (
                <circle key={`${month}-${i}`} cx={cx} cy={cy} r={DOT / 2 - 1} fill={d.overdue ? COLORS.overdue : COLORS.open} stroke="#fff">
                  <title>{title}</title>
                </circle>
              ) : (
                <rect key={`${month}-${i}`} x={cx - 4} y={cy - 4} width={8} height={8} transform={`rotate(45 ${cx} ${cy})`} fill={COLORS.document}>
                  <title>{title}</title>
                </rect>
              );
            }),
          )}
        </svg>
      </div>
    </figure>
  );
}
