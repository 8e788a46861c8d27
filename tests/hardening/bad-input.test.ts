/**
 * Bad input, committed files of tests/fixtures/bad: each through the real
 * `policykb ingest` with a fresh database (see bad-input.ts for what is checked).
 */
import { badInputSuite } from "./bad-input";

badInputSuite({ generated: false });
