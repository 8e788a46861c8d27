// How PolicyKB runs its production server (`next start`): `npm start`, and the
// benchmark, end-to-end tests and stress runs, which start it the same way.
import path from "node:path";

/**
 * Node flags of the server. --heap-growing-percent=30: after each full
 * collection the heap may grow to 1.3 × what is live; V8's own factor (up
 * to 4 ×) let a 10,000-document server under load pass 1 GB of memory
 * (BENCHMARKS.md, "Figures behind choices in the code").
 */
export const SERVER_NODE_FLAGS = ["--heap-growing-percent=30"];

/** The `next` command's script (run with node: `next build`, `next start`). */
export function nextBin(root) {
  return path.join(root, "node_modules", "next", "dist", "bin", "next");
}

/** node's arguments for `next start` on `port` (and `host` when given). */
export function nextStartArgs(root, port, host) {
  return [...SERVER_NODE_FLAGS, nextBin(root), "start", "-p", String(port), ...(host ? ["-H", host] : [])];
}
