/**
 * ESLint rule `policykb/layers`: imports run one way, from the site down to
 * the parser. A file may import its own layer and the layers below it;
 * anything else is an error, type-only imports included. Client components
 * ("use client") may not import server-only layers (lib/db, lib/search,
 * lib/ingest) at all. The layers are listed once, here; docs/STYLE.md and
 * README's layout section describe them.
 */
import path from "node:path";

/**
 * The layers, lowest first. `rank` orders them; layers of the same rank
 * (the entry points) may not import each other. `paths` are folders
 * (ending in "/") or files, relative to the repository.
 */
export const LAYERS = [
  { name: "lib/parser", rank: 0, paths: ["lib/parser/"] },
  { name: "domain (lib/parties, lib/status.ts)", rank: 1, paths: ["lib/parties/", "lib/status.ts"] },
  { name: "lib/db", rank: 2, paths: ["lib/db/"] },
  { name: "lib/search", rank: 3, paths: ["lib/search/"] },
  { name: "lib/ingest", rank: 4, paths: ["lib/ingest/"] },
  { name: "lib/site", rank: 5, paths: ["lib/site/"] },
  { name: "lib/export", rank: 6, paths: ["lib/export/"] },
  { name: "lib/api", rank: 6.5, paths: ["lib/api/"] },
  { name: "app (app, components, proxy.ts)", rank: 7, paths: ["app/", "components/", "proxy.ts"] },
  { name: "lib/cli", rank: 7, paths: ["lib/cli/"] },
  { name: "lib/eval", rank: 7, paths: ["lib/eval/", "lib/paths.ts"] },
];

/** Layers a client component may not import: they run SQL, read files or hold the index. */
const SERVER_ONLY = new Set(["lib/db", "lib/search", "lib/ingest"]);

/** Folders no layered file may import. */
const OFF_LIMITS = ["scripts/", "tests/"];

const EXTENSION = /\.(?:tsx?|mts|cts|mjs|cjs|jsx?|json)$/;

/** The repository-relative path of a file or import target, forward slashes, no extension. */
const relative = (root, file) => path.relative(root, file).split(path.sep).join("/").replace(EXTENSION, "");

const within = (rel, entry) => (entry.endsWith("/") ? rel === entry.slice(0, -1) || rel.startsWith(entry) : rel === entry.replace(EXTENSION, ""));

/** The layer a repository-relative path belongs to, or null. */
export function layerOf(rel) {
  return LAYERS.find((layer) => layer.paths.some((entry) => within(rel, entry))) ?? null;
}

/** Where an import specifier points, repository-relative; null for a package. */
function target(root, file, source) {
  if (source.startsWith("@/")) return relative(root, path.join(root, source.slice(2)));
  if (source.startsWith(".") || source.startsWith("/")) return relative(root, path.resolve(path.dirname(file), source));
  return null;
}

const ORDER = "app, lib/cli → lib/api → lib/export → lib/site → lib/ingest → lib/search → lib/db → lib/parties, lib/status.ts → lib/parser";

/** @type {import("eslint").Rule.RuleModule} */
export const layers = {
  meta: {
    type: "problem",
    docs: { description: `imports run one way: ${ORDER}; client components import no server-only layer` },
    schema: [{ type: "object", properties: { root: { type: "string" } }, additionalProperties: false }],
    messages: {
      upward: "{{from}} may not import {{to}} ({{source}}): imports run one way, {{order}} (docs/STYLE.md)",
      sideways: "{{from}} may not import {{to}} ({{source}}): entry points do not import each other (docs/STYLE.md)",
      offLimits: "{{from}} may not import {{source}}: scripts and tests are not part of the application",
      client: "a client component may not import {{to}} ({{source}}): it runs on the server only (docs/STYLE.md)",
    },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const file = context.filename;
    const own = layerOf(relative(root, file));
    const program = context.sourceCode.ast;
    const client = program.body.some((s) => s.type === "ExpressionStatement" && s.directive === "use client");
    if (!own && !client) return {};
    const check = (node, source) => {
      if (typeof source !== "string") return;
      const rel = target(root, file, source);
      if (rel === null) return;
      const to = layerOf(rel);
      const data = { from: own?.name ?? "this file", to: to?.name ?? rel, source, order: ORDER };
      if (client && to && SERVER_ONLY.has(to.name)) return context.report({ node, messageId: "client", data });
      if (!own) return;
      if (!to) {
        if (OFF_LIMITS.some((entry) => within(rel, entry))) context.report({ node, messageId: "offLimits", data });
        return;
      }
      if (to === own || to.rank < own.rank) return;
      context.report({ node, messageId: to.rank === own.rank ? "sideways" : "upward", data });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value),
      TSImportType: (node) => check(node, node.argument?.literal?.value),
      CallExpression: (node) => node.callee.type === "Identifier" && node.callee.name === "require" && node.arguments[0]?.type === "Literal" && check(node, node.arguments[0].value),
    };
  },
};

export default { rules: { layers } };
