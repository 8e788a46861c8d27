/**
 * What only a shown hit needs of a provision (its id, label, heading,
 * citation, breadcrumb and, in an engine that keeps it, its original text),
 * read per document from where the table keeps it: a JSON string in memory
 * for documents added since loading, a span of the persisted copy for the
 * others. A few recently read documents are kept parsed.
 */
import { breadcrumbs, type ColdFields, type ColdProvision, type TableDocument } from "./entries";
import type { Crumb } from "./types";

/** Parsed documents kept: a page of hits comes from a few documents, the next query's often from the same. */
const KEPT = 64;

export class ColdReader {
  private readonly parsed = new Map<TableDocument, { provisions: ColdProvision[]; crumbs: Crumb[][] }>();

  /** A document's cold provisions and their breadcrumbs. */
  document(doc: TableDocument): { provisions: ColdProvision[]; crumbs: Crumb[][] } {
    let known = this.parsed.get(doc);
    if (known) {
      this.parsed.delete(doc);
      this.parsed.set(doc, known);
      return known;
    }
    const text = typeof doc.cold === "string" ? doc.cold : doc.cold.file.read(doc.cold.at, doc.cold.bytes);
    const provisions = JSON.parse(text) as ColdProvision[];
    known = { provisions, crumbs: breadcrumbs(provisions) };
    if (this.parsed.size >= KEPT) this.parsed.delete(this.parsed.keys().next().value!);
    this.parsed.set(doc, known);
    return known;
  }

  /** The cold fields of the provision at `position` of a document. */
  fields(doc: TableDocument, position: number): ColdFields {
    const { provisions, crumbs } = this.document(doc);
    const p = provisions[position]!;
    return { eid: p[0], label: p[1], heading: p[2], citation: p[3], text: p[4], breadcrumb: crumbs[position]! };
  }

  /** Forgets parsed documents (the table changed). */
  clear(): void {
    this.parsed.clear();
  }
}
