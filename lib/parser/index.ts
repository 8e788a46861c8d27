/** The PolicyKB parser: policy document bytes → `policy-doc/1` JSON. */
export { parseDocument, parseSource, type ParseOptions, type ParseResult } from "./parse";
export { InputError } from "./errors";
export type * from "./types";
export { DEADLINE_KINDS, LINK_KINDS, COMPARATORS, ROLES, RESPONSIBILITY_ROLES, RELATIONS, isRole, isResponsibilityRole, isRelation } from "./types";
export { PARSER_VERSION } from "./version";
