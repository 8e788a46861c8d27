// Whether a PolicyKB SQLite database is intact and holds only whole documents.
// Read directly with better-sqlite3 (no Prisma), so it also works on a file
// left behind by a killed process. Used by tests/hardening and scripts/stress.
import Database from "better-sqlite3";

/** Child tables and the columns that must point at an existing row. */
const REFERENCES = [
  ["Provision", "documentId", "Document"],
  ["Responsibility", "documentId", "Document"],
  ["Responsibility", "provisionId", "Provision"],
  ["Responsibility", "partyId", "Party"],
  ["Deadline", "documentId", "Document"],
  ["Deadline", "provisionId", "Provision"],
  ["Target", "documentId", "Document"],
  ["Target", "provisionId", "Provision"],
  ["Link", "documentId", "Document"],
  ["Link", "fromId", "Provision"],
  ["Link", "toId", "Provision"],
  ["Reference", "documentId", "Document"],
  ["Reference", "provisionId", "Provision"],
  ["PartyAlias", "partyId", "Party"],
];

/**
 * Checks a database file: PRAGMA integrity_check and foreign_key_check, every
 * document has at least one provision, and no row points at a missing
 * document, provision or party. Opens the file read-write (writing nothing)
 * so that, like the next process to use it, SQLite can roll back a hot
 * journal or recover a WAL left by a killed writer.
 */
export function checkStore(file) {
  const db = new Database(file, { fileMustExist: true, timeout: 10_000 });
  try {
    const integrity = db.pragma("integrity_check", { simple: false }).map((r) => r.integrity_check).join("; ");
    const foreignKeys = db.pragma("foreign_key_check").length;
    const documents = db.prepare("SELECT count(*) AS n FROM Document").get().n;
    const provisions = db.prepare("SELECT count(*) AS n FROM Provision").get().n;
    const empty = db.prepare("SELECT slug, version FROM Document d WHERE NOT EXISTS (SELECT 1 FROM Provision p WHERE p.documentId = d.id) ORDER BY slug").all().map((r) => `${r.slug} v${r.version}`);
    const orphans = {};
    for (const [table, column, parent] of REFERENCES) {
      const n = db.prepare(`SELECT count(*) AS n FROM "${table}" c WHERE c."${column}" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "${parent}" p WHERE p.id = c."${column}")`).get().n;
      if (n) orphans[`${table}.${column}`] = n;
    }
    const currentTwice = db.prepare("SELECT slug FROM Document WHERE isCurrent = 1 GROUP BY slug HAVING count(*) > 1").all().map((r) => r.slug);
    const docs = db.prepare("SELECT d.slug, d.version, d.isCurrent, d.title, d.sourceText, (SELECT count(*) FROM Provision p WHERE p.documentId = d.id) AS provisions FROM Document d ORDER BY d.id").all();
    return { integrity, foreignKeys, documents, provisions, empty, orphans, currentTwice, docs };
  } finally {
    db.close();
  }
}

/** Problems found by checkStore, as lines (empty when the store is intact and whole). */
export function storeProblems(report, options = {}) {
  const problems = [];
  if (report.integrity !== "ok") problems.push(`integrity_check: ${report.integrity}`);
  if (report.foreignKeys) problems.push(`foreign_key_check: ${report.foreignKeys} row(s)`);
  if (!options.allowEmpty && report.empty.length) problems.push(`documents without provisions: ${report.empty.join(", ")}`);
  for (const [where, n] of Object.entries(report.orphans)) problems.push(`${n} ${where} row(s) point at a missing row`);
  if (report.currentTwice.length) problems.push(`more than one current version: ${report.currentTwice.join(", ")}`);
  return problems;
}
