/** Document text outside the provisions (preamble, closing lines), with its facts marked. */
import type { ReaderPassage } from "@/lib/site/reader";
import { splitLines } from "@/lib/site/annotate";
import { FactText } from "./FactText";

export function Passage({ passage }: { passage: ReaderPassage }) {
  const facts = new Map(passage.facts.map((f) => [f.key, f]));
  const { id, label } = passage;
  return (
    <section className="passage" id={id} aria-label={label}>
      {splitLines(passage.runs).map((line, i) => (
        <p key={i} className={/[：:]$/.test(line.map((r) => r.text).join("")) ? "salutation" : undefined}>
          <FactText runs={line} facts={facts} idPrefix={`${id}-${i}`} />
        </p>
      ))}
    </section>
  );
}
