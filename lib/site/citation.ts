/**
 * How a provision is cited: the clause pin (《title》 + citation), the
 * reference in GB/T 7714—2015 form, and the permalink.
 */

export interface CitedDocument {
  slug: string;
  title: string | null;
  issuer: string | null;
  docNumber: string | null;
  /** Date of issue, or of taking effect when the issue date is unknown (YYYY-MM-DD). */
  date: string | null;
  /** Which date `date` is: 成文 (issue) or 施行 (taking effect), said beside the citation. */
  dateKind?: "成文" | "施行";
  /** The version cited when it is not the current one. */
  version?: number;
}

export interface CitedProvision {
  id: string;
  citation: string;
}

/** The address of a document (a version when given), optionally at a provision. */
export function documentPath(slug: string, options: { version?: number; provision?: string } = {}): string {
  const v = options.version ? `?v=${options.version}` : "";
  const hash = options.provision ? `#${options.provision}` : "";
  return `/documents/${encodeURIComponent(slug)}${v}${hash}`;
}

/** The address of a party's ledger. */
export function partyPath(name: string): string {
  return `/parties/${encodeURIComponent(name)}`;
}

/** The absolute permalink of a provision. */
export function permalink(origin: string, doc: CitedDocument, provision: CitedProvision): string {
  return origin.replace(/\/$/, "") + documentPath(doc.slug, { version: doc.version, provision: provision.id });
}

/** 《关于…的意见》第二部分第（四）项第三点 */
export function clausePin(doc: CitedDocument, provision: CitedProvision): string {
  return `《${doc.title ?? doc.slug}》${provision.citation}`;
}

/**
 * GB/T 7714—2015 §4.8 (电子资源): 主要责任者. 题名: 其他题名信息[EB/OL].
 * (更新或修改日期)[引用日期]. 获取和访问路径. The 文号 is the other title
 * information, as in the standard's example of an official document; the
 * access path is the provision's permalink, which pins the clause.
 */
export function gbt7714(doc: CitedDocument, provision: CitedProvision, options: { origin: string; accessed: string }): string {
  const parts: string[] = [];
  if (doc.issuer) parts.push(`${doc.issuer}. `);
  parts.push(`${doc.title ?? doc.slug}${doc.docNumber ? `: ${doc.docNumber}` : ""}[EB/OL]. `);
  parts.push(`${doc.date ? `(${doc.date})` : ""}[${options.accessed}]. `);
  parts.push(`${permalink(options.origin, doc, provision)}.`);
  return parts.join("");
}

export interface CitationForms {
  pin: string;
  reference: string;
  permalink: string;
  /** Which date the reference gives: 文献日期为成文日期 2019-01-16; null without a date. */
  dateNote: string | null;
}

/** All three forms for one provision. */
export function citationForms(doc: CitedDocument, provision: CitedProvision, options: { origin: string; accessed: string }): CitationForms {
  const dateNote = doc.date ? `文献日期为${doc.dateKind ?? "成文"}日期 ${doc.date}` : null;
  return { pin: clausePin(doc, provision), reference: gbt7714(doc, provision, options), permalink: permalink(options.origin, doc, provision), dateNote };
}
