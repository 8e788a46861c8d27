/**
 * Query parameters of the structured query API, declared once: the same
 * declarations check a request (unknown or bad parameters are refused with
 * a one-line reason naming the parameter), build the CLI's options and
 * write the OpenAPI description.
 */

export type ParamType =
  | { kind: "string" }
  | { kind: "enum"; values: readonly string[] }
  | { kind: "date" }
  | { kind: "boolean" }
  | { kind: "integer"; min: number; max: number }
  | { kind: "number"; min: number; max: number };

export interface ParamSpec {
  name: string;
  type: ParamType;
  description: string;
  /** May be given more than once (?status=现行有效&status=尚未施行). */
  multiple?: boolean;
}

export type ParamValue = string | number | boolean | string[];
export type ParamValues = Record<string, ParamValue | undefined>;

/** A bad request: the message is one line naming the parameter. */
export class ApiParamError extends Error {}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function valid(day: string): boolean {
  const time = Date.parse(`${day}T00:00:00Z`);
  return DAY.test(day) && !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === day;
}

function one(spec: ParamSpec, raw: string): string | number | boolean {
  const value = raw.trim();
  const t = spec.type;
  switch (t.kind) {
    case "string":
      if (!value) throw new ApiParamError(`${spec.name} must not be empty`);
      if (value.length > 200) throw new ApiParamError(`${spec.name} is longer than 200 characters`);
      return value;
    case "enum":
      if (!t.values.includes(value)) throw new ApiParamError(`${spec.name} must be one of ${t.values.join(", ")} (got "${value.slice(0, 40)}")`);
      return value;
    case "date":
      if (!valid(value)) throw new ApiParamError(`${spec.name} must be a date YYYY-MM-DD (got "${value.slice(0, 40)}")`);
      return value;
    case "boolean":
      if (value === "true" || value === "1") return true;
      if (value === "false" || value === "0") return false;
      throw new ApiParamError(`${spec.name} must be true or false (got "${value.slice(0, 40)}")`);
    case "integer":
    case "number": {
      const n = Number(value);
      if (!value || !Number.isFinite(n) || (t.kind === "integer" && !Number.isInteger(n)) || n < t.min || n > t.max) {
        throw new ApiParamError(`${spec.name} must be ${t.kind === "integer" ? "an integer" : "a number"} from ${t.min} to ${t.max} (got "${value.slice(0, 40)}")`);
      }
      return n;
    }
  }
}

/** The values of a request's parameters, checked against their declarations. */
export function readParams(search: URLSearchParams, specs: ParamSpec[]): ParamValues {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const out: ParamValues = {};
  for (const name of new Set(search.keys())) {
    const spec = byName.get(name);
    if (!spec) throw new ApiParamError(`unknown parameter "${name.slice(0, 40)}" (allowed: ${specs.map((s) => s.name).join(", ")})`);
    const values = search.getAll(name);
    if (values.length > 1 && !spec.multiple) throw new ApiParamError(`${name} may be given once`);
    const read = values.map((v) => one(spec, v));
    out[name] = spec.multiple ? (read as string[]) : read[0];
  }
  return out;
}
