/** Whether the Next.js production build in .next is missing or older than the sources. */
export function buildIsStale(root: string): boolean;
