/**
 * Bad input, the files tests/fixtures/bad/generate.ts writes at test time
 * (20 MB text, 1 GB zip bombs, 100k-character lines, 500-deep nesting, 10,000
 * items, binaries, GBK and UTF-16): each through the real `policykb ingest`
 * with a fresh database (see bad-input.ts for what is checked).
 */
import { badInputSuite } from "./bad-input";

badInputSuite({ generated: true });
