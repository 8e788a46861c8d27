/**
 * What only a shown hit needs of a provision (its id, label, heading,
 * citation, breadcrumb and, in an engine that keeps it, its original text),
 * read per document from where the table keeps it: a string in memory for
 * documents added since loading, a span of the persisted copy for the
 * others. A document's cold text is one JSON array per provision, a line
 * each, so a hit parses its own line and its ancestors', not the document.
 */
import type { ColdFields, ColdProvision, TableDocument } from "./entries";
import type { Crumb } from "./types";

/** Documents whose cold text is kept: a page of hits comes from a few documents, the next query's often from the same. */
const KEPT = 64;

/** A document's cold text: its provisions, a line each (JSON never holds a raw line break). */
export const coldText = (provisions: ColdProvision[]): string => provisions.map((p) => JSON.stringify(p)).join("\n");

/** Where each line of a document's cold text starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) starts.push(at + 1);
  starts.push(text.length + 1);
  return starts;
}

interface ColdDocument {
  text: string;
  /** Where each line starts, and where a line after the last would (text.length + 1). */
  starts: number[];
}

export class ColdReader {
  private readonly kept = new Map<TableDocument, ColdDocument>();

  private text(doc: TableDocument): ColdDocument {
    let known = this.kept.get(doc);
    if (known) {
      this.kept.delete(doc);
      this.kept.set(doc, known);
      return known;
    }
    const text = typeof doc.cold === "string" ? doc.cold : doc.cold.file.read(doc.cold.at, doc.cold.bytes);
    known = { text, starts: lineStarts(text) };
    if (this.kept.size >= KEPT) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(doc, known);
    return known;
  }

  private provision(d: ColdDocument, position: number): ColdProvision {
    if (position + 1 >= d.starts.length) throw new Error(`search index: a document's cold text has no provision ${position}`);
    return JSON.parse(d.text.slice(d.starts[position]!, d.starts[position + 1]! - 1)) as ColdProvision;
  }

  /** A document's cold provisions, every line parsed (what a copy of it holds). */
  document(doc: TableDocument): ColdProvision[] {
    const d = this.text(doc);
    return Array.from({ length: d.starts.length - 1 }, (_, i) => this.provision(d, i));
  }

  /** The cold fields of the provision at `position` of a document: its line, then its ancestors' for the breadcrumb. */
  fields(doc: TableDocument, position: number): ColdFields {
    const d = this.text(doc);
    const p = this.provision(d, position);
    let breadcrumb: Crumb[];
    if (p[6]) breadcrumb = p[6];
    else {
      breadcrumb = [];
      // Each ancestor by its parent's position; the bound guards a damaged copy against a cycle.
      for (let at = p[5], steps = 0; at >= 0 && steps < d.starts.length; steps++) {
        const up = this.provision(d, at);
        breadcrumb.push({ id: up[0], label: up[1], heading: up[2] });
        at = up[5];
      }
      breadcrumb.reverse();
    }
    return { eid: p[0], label: p[1], heading: p[2], citation: p[3], text: p[4], breadcrumb };
  }

  /** Forgets kept documents (the table changed). */
  clear(): void {
    this.kept.clear();
  }
}
