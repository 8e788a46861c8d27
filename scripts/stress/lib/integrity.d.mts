export interface StoredDocument {
  slug: string;
  version: number;
  isCurrent: number;
  title: string | null;
  sourceText: string;
  provisions: number;
}

export interface StoreReport {
  integrity: string;
  foreignKeys: number;
  documents: number;
  provisions: number;
  empty: string[];
  orphans: Record<string, number>;
  currentTwice: string[];
  docs: StoredDocument[];
}

export function checkStore(file: string): StoreReport;
export function storeProblems(report: StoreReport, options?: { allowEmpty?: boolean }): string[];
