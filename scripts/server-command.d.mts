/** Node flags of the production server. */
export const SERVER_NODE_FLAGS: string[];
/** The `next` command's script (run with node: `next build`, `next start`). */
export function nextBin(root: string): string;
/** node's arguments for `next start` on `port` (and `host` when given). */
export function nextStartArgs(root: string, port: number | string, host?: string): string[];
