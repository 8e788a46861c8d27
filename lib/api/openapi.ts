/**
 * The OpenAPI 3.1 description of the JSON API, served at /api/openapi.json.
 * The structured query endpoints' parameters come from their declarations
 * (lib/api/endpoints.ts), so the description cannot drift from the checks.
 */
import { DEADLINE_STATUSES } from "../db/deadlines";
import { DEADLINE_KINDS, LINK_KINDS, RESPONSIBILITY_ROLES, ROLES } from "../parser";
import { STATUSES } from "../status";
import { ENDPOINTS } from "./endpoints";
import type { ParamSpec } from "./params";

type Schema = Record<string, unknown>;

const nullable = (schema: Schema): Schema => ({ oneOf: [schema, { type: "null" }] });
const string = { type: "string" } as const;
const day = { type: "string", format: "date" } as const;
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

function paramSchema(spec: ParamSpec): Schema {
  const t = spec.type;
  const one: Schema =
    t.kind === "enum" ? { type: "string", enum: [...t.values] }
    : t.kind === "date" ? day
    : t.kind === "boolean" ? { type: "boolean" }
    : t.kind === "integer" ? { type: "integer", minimum: t.min, maximum: t.max }
    : t.kind === "number" ? { type: "number", minimum: t.min, maximum: t.max }
    : { type: "string", minLength: 1, maxLength: 200 };
  return spec.multiple ? { type: "array", items: one } : one;
}

const SCHEMAS: Record<string, Schema> = {
  Error: { type: "object", required: ["error"], properties: { error: { type: "string", description: "One line naming what is wrong." } } },
  Document: {
    type: "object",
    required: ["slug", "title", "docNumber", "issuer", "kind", "status"],
    properties: { slug: string, title: nullable(string), docNumber: nullable(string), issuer: nullable(string), kind: nullable(string), status: { type: "string", enum: STATUSES } },
  },
  Provision: {
    type: "object",
    required: ["id", "citation"],
    properties: { id: string, citation: { type: "string", description: "How a person cites it: 第二部分第（四）项" }, label: nullable(string), heading: nullable(string), text: string, role: { type: "string", enum: ROLES } },
  },
  Source: {
    type: "object",
    description: "Where an inherited fact is written: a provision above, or the document as a whole (provision null).",
    required: ["provision"],
    properties: { provision: nullable({ type: "object", required: ["id", "citation"], properties: { id: string, citation: string } }) },
  },
  DeadlineState: {
    type: "object",
    required: ["status", "day", "daysLeft"],
    properties: {
      status: { type: "string", enum: DEADLINE_STATUSES },
      day: { ...nullable(day), description: "The day that counts (a recurring deadline's next occurrence)." },
      daysLeft: nullable({ type: "integer" }),
      recurring: { type: "boolean" },
    },
  },
  Task: {
    type: "object",
    required: ["document", "provision", "parties", "deadline", "state"],
    properties: {
      document: ref("Document"),
      provision: ref("Provision"),
      parties: {
        type: "array",
        items: {
          type: "object",
          required: ["name", "mention", "role", "inherited"],
          properties: { name: string, mention: { type: "string", description: "The name as the document writes it." }, role: { type: "string", enum: RESPONSIBILITY_ROLES }, inherited: nullable(ref("Source")) },
        },
      },
      deadline: nullable({
        type: "object",
        required: ["text", "date", "kind", "inherited"],
        properties: { text: string, date: nullable(day), kind: { type: "string", enum: DEADLINE_KINDS }, inherited: nullable(ref("Source")) },
      }),
      state: nullable(ref("DeadlineState")),
      daysLeft: nullable({ type: "integer" }),
    },
  },
  Deadline: {
    type: "object",
    required: ["text", "date", "kind", "status", "document", "provision", "parties"],
    properties: {
      text: string,
      date: nullable(day),
      kind: { type: "string", enum: DEADLINE_KINDS },
      status: { type: "string", enum: DEADLINE_STATUSES },
      day: nullable(day),
      daysLeft: nullable({ type: "integer" }),
      recurring: { type: "boolean" },
      overdue: { type: "boolean" },
      document: ref("Document"),
      provision: nullable(ref("Provision")),
      parties: { type: "array", items: { type: "object", required: ["name", "role"], properties: { name: string, role: { type: "string", enum: RESPONSIBILITY_ROLES } } } },
    },
  },
  Target: {
    type: "object",
    required: ["document", "provision", "subject", "verb", "comparator", "value", "unit", "text", "serves"],
    properties: {
      document: ref("Document"),
      provision: nullable(ref("Provision")),
      subject: string,
      verb: { ...nullable(string), description: "下降, 提高到, 控制在: what happens to the quantity." },
      comparator: nullable({ type: "string", enum: ["≥", "≤", "="] }),
      value: { type: "number" },
      unit: string,
      baseline: nullable(string),
      deadline: nullable(day),
      text: string,
      serves: { type: "array", items: { type: "object", required: ["provision", "why"], properties: { provision: ref("Provision"), why: string } } },
    },
  },
  Link: {
    type: "object",
    required: ["document", "from", "to", "kind", "strength", "why", "method"],
    properties: {
      document: ref("Document"),
      from: ref("Provision"),
      to: ref("Provision"),
      kind: { type: "string", enum: LINK_KINDS },
      strength: { type: "number", minimum: 0, maximum: 1, description: "1 explicit; 0.8 a shared heading term; 0.6 a shared term of four or more characters; 0.4 shared words." },
      why: string,
      method: { type: "string", enum: ["explicit", "inferred"] },
    },
  },
};

const badRequest = { description: "A bad or unknown parameter.", content: { "application/json": { schema: ref("Error") } } };

/** The whole description. */
export function openApiDocument(): Schema {
  const paths: Record<string, Schema> = {};
  for (const endpoint of Object.values(ENDPOINTS)) {
    paths[`/api/${endpoint.name}`] = {
      get: {
        operationId: `list${endpoint.item}s`,
        summary: endpoint.summary,
        parameters: endpoint.params.map((p) => ({ name: p.name, in: "query", required: false, description: p.description, schema: paramSchema(p), ...(p.multiple ? { style: "form", explode: true } : {}) })),
        responses: {
          "200": {
            description: `A page of ${endpoint.name}, or every row as CSV.`,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["items", "total", "limit", "nextCursor"],
                  properties: { items: { type: "array", items: ref(endpoint.item) }, total: { type: "integer" }, limit: { type: "integer" }, nextCursor: nullable(string) },
                },
              },
              "text/csv": { schema: { type: "string" } },
            },
          },
          "400": badRequest,
        },
      },
    };
  }
  paths["/api/documents"] = { get: { operationId: "listDocuments", summary: "The current version of every document.", responses: { "200": { description: "Documents, newest first.", content: { "application/json": { schema: { type: "array", items: { type: "object" } } } } } } } };
  paths["/api/documents/{slug}"] = {
    get: {
      operationId: "getDocument",
      summary: "One document as policy-doc/1 (../shared/CONTRACT.md).",
      parameters: [{ name: "slug", in: "path", required: true, schema: string }],
      responses: { "200": { description: "The document.", content: { "application/json": { schema: { type: "object" } } } }, "404": { description: "No such document.", content: { "application/json": { schema: ref("Error") } } } },
    },
  };
  paths["/api/parties"] = { get: { operationId: "listParties", summary: "Parties with responsibilities in documents in force.", responses: { "200": { description: "Parties, most responsibilities first.", content: { "application/json": { schema: { type: "array", items: { type: "object", properties: { name: string, aliases: { type: "array", items: string }, responsibilityCount: { type: "integer" }, taskCount: { type: "integer" } } } } } } } } } };
  paths["/api/search"] = {
    get: {
      operationId: "search",
      summary: "Full-text search of provisions (q, limit, offset and the search filters; see README).",
      parameters: [{ name: "q", in: "query", required: true, schema: string }],
      responses: { "200": { description: "Hits, best first.", content: { "application/json": { schema: { type: "object" } } } }, "400": badRequest },
    },
  };
  return {
    openapi: "3.1.0",
    info: { title: "PolicyKB (政策知识库) API", version: "1.0.0", description: "Structured query of policy documents: tasks, deadlines, targets and links, with the filters the pages have. Unknown parameters are refused (400)." },
    paths,
    components: { schemas: SCHEMAS },
  };
}
