/** Types of lint/layers.mjs for the tests that read its layer table. */
export interface Layer {
  name: string;
  rank: number;
  paths: string[];
}
export const LAYERS: Layer[];
export function layerOf(rel: string): Layer | null;
export const layers: import("eslint").Rule.RuleModule;
declare const plugin: { rules: { layers: import("eslint").Rule.RuleModule } };
export default plugin;
