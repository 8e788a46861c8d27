/**
 * The parser's version. Stored documents keep the parse they were stored with;
 * a new parser version makes the same bytes a new version on the next ingest
 * (their old provisions stay resolvable), so improvements reach the store.
 * Bump it whenever parse output changes.
 */
export const PARSER_VERSION = "2026.12.06-74";
