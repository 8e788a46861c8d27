/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number>;
/** mulberry32: a small seeded generator of numbers in [0, 1), the same sequence for the same seed. */
export function mulberry32(seed: number): () => number;
