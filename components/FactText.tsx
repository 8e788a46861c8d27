/**
 * Text with its facts marked: each fact's words are a focusable mark whose
 * tooltip (on hover or focus) says what was extracted from them — the
 * provenance of every party, deadline, target and reference.
 */
import type { ReaderFact } from "@/lib/site/reader";
import type { Run } from "@/lib/site/annotate";
import { markText } from "@/lib/site/correction-view";

export const FACT_KIND_LABELS: Record<ReaderFact["kind"], string> = {
  party: "责任单位",
  deadline: "时限",
  target: "目标值",
  reference: "引用文件",
};

export function FactText({ runs, facts, idPrefix }: { runs: Run[]; facts: Map<string, ReaderFact>; idPrefix: string }) {
  return (
    <>
      {runs.map((run, i) => {
        const shown = run.facts.map((k) => facts.get(k)).filter((f): f is ReaderFact => Boolean(f));
        if (!shown.length) return <span key={i}>{run.text}</span>;
        const tip = `${idPrefix}-tip-${i}`;
        const kinds = [...new Set(shown.map((f) => f.kind))];
        return (
          <span key={i} className="fact-wrap">
            <button type="button" className={`fact ${kinds.map((k) => `fact-${k}`).join(" ")}${shown.some((f) => f.correction) ? " fact-corrected" : ""}`} aria-describedby={tip} data-facts={shown.map((f) => f.key).join(" ")}>
              {run.text}
            </button>
            <span role="tooltip" id={tip} className="fact-tip">
              {shown.map((f) => (
                <span key={f.key} className="fact-tip-row">
                  <strong>{FACT_KIND_LABELS[f.kind]}</strong> “{f.words}”：{f.summary}
                  {f.correction && `〔${markText(f.correction)}〕`}
                </span>
              ))}
            </span>
          </span>
        );
      })}
    </>
  );
}
