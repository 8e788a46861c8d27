/**
 * One provision in the reader, nested with its children: its text with
 * facts marked, role badge, citation control, and a side panel of the
 * parties, links (goal ↔ task ↔ measure, with why) and references of the clause.
 */
import type { FactSource } from "@/lib/db/deadlines";
import type { ReaderFact, ReaderProvision } from "@/lib/site/reader";
import { splitLines, splitRunsAt, type Run } from "@/lib/site/annotate";
import { citationForms, documentPath, type CitedDocument } from "@/lib/site/citation";
import { LINK_LABELS, ROLE_LABELS } from "@/lib/site/labels";
import { RoleBadge } from "./Badges";
import { CopyCitation } from "./CopyCitation";
import { CorrectedMark } from "./CorrectedMark";
import { CorrectionPanel } from "./CorrectionPanel";
import { FactText } from "./FactText";

export interface CiteContext {
  doc: CitedDocument;
  origin: string;
  accessed: string;
}

/** Length of the "label + heading" opening of a provision's text, shown in bold. */
function headLength(p: ReaderProvision, text: string): number {
  if (!p.heading) return 0;
  const at = text.indexOf(p.heading);
  if (at < 0 || at > (p.label?.length ?? 0) + 2) return 0;
  const end = at + p.heading.length;
  return /^[。.：:]/.test(text.slice(end)) ? end + 1 : end;
}

function Lines({ p, facts }: { p: ReaderProvision; facts: Map<string, ReaderFact> }) {
  const lines = splitLines(p.runs);
  return (
    <>
      {lines.map((line, i) => {
        const text = line.map((r) => r.text).join("");
        const head = i === 0 ? headLength(p, text) : 0;
        const [bold, rest]: [Run[], Run[]] = head ? splitRunsAt(line, head) : [[], line];
        return (
          <p key={i} className="provision-line">
            {bold.length > 0 && (
              <strong className="provision-head">
                <FactText runs={bold} facts={facts} idPrefix={`${p.id}-${i}h`} />
              </strong>
            )}
            <FactText runs={rest} facts={facts} idPrefix={`${p.id}-${i}`} />
          </p>
        );
      })}
    </>
  );
}

/** 来自（二） / 来自全文: where an inherited fact is written. */
function From({ from, slug, version }: { from: FactSource | null; slug: string; version?: number }) {
  if (!from) return null;
  return (
    <span className="muted">
      来自{from.provision ? <a href={documentPath(slug, { version, provision: from.provision.id })}>{from.provision.citation}</a> : "全文"}
    </span>
  );
}

function Aside({ p, slug, version, editing }: { p: ReaderProvision; slug: string; version?: number; editing: boolean }) {
  const parties = p.facts.filter((f) => f.kind === "party");
  const references = p.facts.filter((f) => f.kind === "reference");
  const unplaced = p.facts.filter((f) => !f.placed && f.kind !== "party" && f.kind !== "reference");
  const inherited = p.inherited;
  const undo = editing ? { slug } : null;
  // Deadlines and targets an editor corrected (parties and links carry their mark where they are listed), and removed facts.
  const corrected = p.facts.flatMap((f) => (f.correction && (f.kind === "deadline" || f.kind === "target") ? [{ ...f, mark: f.correction }] : []));
  if (!parties.length && !references.length && !p.links.length && !unplaced.length && !inherited && !corrected.length && !p.removed.length && !editing) return null;
  return (
    <aside className="provision-aside" aria-label={`${p.citation} 的关联`}>
      {parties.length > 0 && (
        <section>
          <h3>责任单位</h3>
          <ul>
            {parties.map((f) => (
              <li key={f.key}>
                {f.href ? <a href={f.href}>{f.summary}</a> : f.summary}
                {f.correction && <CorrectedMark mark={f.correction} undo={undo} />}
              </li>
            ))}
          </ul>
        </section>
      )}
      {inherited && (
        <section className="inherited">
          <h3>承接上级要求</h3>
          <ul>
            {inherited.parties.map((x) => (
              <li key={x.name}>
                <a href={x.href}>{x.summary}</a> <From from={inherited.partiesFrom} slug={slug} version={version} />
              </li>
            ))}
            {inherited.deadline && (
              <li>
                {inherited.deadline.summary}（“{inherited.deadline.words}”） <From from={inherited.deadlineFrom} slug={slug} version={version} />
              </li>
            )}
          </ul>
        </section>
      )}
      {p.links.length > 0 && (
        <section>
          <h3>关联条款</h3>
          <ul>
            {p.links.map((l, i) => (
              <li key={i}>
                <a href={documentPath(slug, { version, provision: l.other.id })}>
                  {l.other.citation}
                  {l.other.heading ? ` ${l.other.heading}` : ""}
                </a>{" "}
                <span className="muted">
                  {ROLE_LABELS[l.other.role]} · {LINK_LABELS[l.kind]} · 强度 {l.score.toFixed(2)}
                  {l.method === "inferred" ? "（推断）" : ""}
                </span>
                <span className="why">{l.why}</span>
                {l.correction && <CorrectedMark mark={l.correction} undo={undo} />}
              </li>
            ))}
          </ul>
        </section>
      )}
      {references.length > 0 && (
        <section>
          <h3>引用文件</h3>
          <ul>
            {references.map((f) => (
              <li key={f.key}>{f.href ? <a href={f.href}>{f.words}</a> : <span>{f.words}（本库未收录）</span>}</li>
            ))}
          </ul>
        </section>
      )}
      {unplaced.length > 0 && (
        <section>
          <h3>其他要素</h3>
          <ul>
            {unplaced.map((f) => (
              <li key={f.key}>
                “{f.words}”：{f.summary}
              </li>
            ))}
          </ul>
        </section>
      )}
      {(corrected.length > 0 || p.removed.length > 0) && (
        <section className="corrections">
          <h3>人工校正</h3>
          <ul>
            {corrected.map((f) => (
              <li key={f.key}>
                {f.summary}
                <CorrectedMark mark={f.mark} undo={undo} />
              </li>
            ))}
            {p.removed.map((r, i) => (
              <li key={`removed-${i}`}>
                <del>
                  {r.kind}：{r.summary}
                </del>{" "}
                （已删除）
                <CorrectedMark mark={r.mark} undo={undo} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {editing && <CorrectionPanel slug={slug} provision={{ id: p.id, citation: p.citation, role: p.role }} facts={p.editable} />}
    </aside>
  );
}

/** `editing`: a signed-in editor reads the current version (marks get an undo, the aside a correction panel). */
export function ProvisionView({ p, cite, slug, version, editing = false }: { p: ReaderProvision; cite: CiteContext; slug: string; version?: number; editing?: boolean }) {
  const facts = new Map(p.facts.map((f) => [f.key, f]));
  const forms = citationForms(cite.doc, p, { origin: cite.origin, accessed: cite.accessed });
  const Heading = p.depth === 0 && p.runs.map((r) => r.text).join("").length <= 40 ? "h2" : null;
  return (
    <div className={`provision-group depth-${Math.min(p.depth, 4)}`}>
      <div className={`provision role-${p.role}`} id={p.id} tabIndex={-1} data-role={p.role}>
        <div className="provision-main">
          {Heading ? (
            <h2 className="provision-title">
              <FactText runs={p.runs} facts={facts} idPrefix={p.id} />
            </h2>
          ) : (
            <div className="provision-text">
              <Lines p={p} facts={facts} />
            </div>
          )}
          <div className="provision-tools">
            <RoleBadge role={p.role} />
            {p.roleCorrection && <CorrectedMark mark={p.roleCorrection} undo={editing ? { slug } : null} />}
            <a className="anchor" href={`#${p.id}`} aria-label={`本条链接：${p.citation}`}>
              {p.citation}
            </a>
            <CopyCitation forms={forms} provisionId={p.id} citation={p.citation} />
          </div>
        </div>
        <Aside p={p} slug={slug} version={version} editing={editing} />
      </div>
      {p.children.length > 0 && (
        <div className="provision-children">
          {p.children.map((c) => (
            <ProvisionView key={c.id} p={c} cite={cite} slug={slug} version={version} editing={editing} />
          ))}
        </div>
      )}
    </div>
  );
}
