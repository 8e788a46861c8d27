// ESLint: typescript-eslint's recommended rules on the project's own code,
// and the layer rule (lint/layers.mjs): imports run one way, app down to the parser.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import layers from "./lint/layers.mjs";

export default tseslint.config(
  { ignores: ["node_modules/", ".next/", ".next-*/", "lib/db/generated/", "next-env.d.ts", "bench/out/", "scratch/", "scripts/vendor/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly", fetch: "readonly", setTimeout: "readonly", clearTimeout: "readonly", TextDecoder: "readonly", TextEncoder: "readonly", globalThis: "readonly" } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/ban-ts-comment": "error",
    },
  },
  {
    plugins: { policykb: layers },
    rules: { "policykb/layers": ["error", { root: import.meta.dirname }] },
  },
);
