/**
 * A document's content identity (its own module: parse workers hash the
 * files they read without loading the store).
 */
import { createHash } from "node:crypto";
import { PARSER_VERSION } from "../parser/version";

/** sha256 of a file's bytes and the parser version, hex: the same bytes parsed the same way are the same content. */
export function contentHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).update(`\u0000parser:${PARSER_VERSION}`).digest("hex");
}
