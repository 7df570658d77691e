// Validates a request against the official OpenAPI (Swagger 2.0) definitions copied in
// tests/fixtures/azure-specs: the operation must exist for the method and path, the api-version
// must be the file's, and the body must match the body parameter's schema. Checked: types,
// required members, enums, date-time formats, members the schema does not define (unless it
// allows additional properties) and read-only members (which a client must not send).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ROOT = join(__dirname, '../../fixtures/azure-specs/azure-rest-api-specs/specification');
const SEC = 'security/resource-manager/Microsoft.Security/Security';
export const SPECS = {
  alerts: `${SEC}/stable/2022-01-01/alerts.json`,
  governance: `${SEC}/preview/2022-01-01-preview/governanceAssignments.json`,
  suppression: `${SEC}/preview/2019-01-01-preview/alertsSuppressionRules.json`,
  pricings: `${SEC}/stable/2024-01-01/pricings.json`,
  exemptions: `${SEC}/stable/2024-08-01/security-SecurityStandards.json`,
  policyExemptions: 'resources/resource-manager/Microsoft.Authorization/policy/preview/2022-07-01-preview/policyExemptions.json',
} as const;

type Doc = { file: string; json: any };
const cache = new Map<string, any>();
function load(file: string): any {
  if (!cache.has(file)) cache.set(file, JSON.parse(readFileSync(file, 'utf8')));
  return cache.get(file);
}

/** Follows a `$ref` (local or to another file); `undefined` when the target is not copied. */
function deref(node: any, doc: Doc): { node: any; doc: Doc } | undefined {
  let current = { node, doc };
  while (current.node && current.node.$ref) {
    const [path, pointer] = current.node.$ref.split('#');
    const file = path ? resolve(dirname(current.doc.file), path) : current.doc.file;
    let json: any;
    try { json = load(file); } catch { return undefined; }
    const target = pointer.split('/').filter(Boolean).reduce((n: any, k: string) => n?.[k], json);
    if (target === undefined) return undefined;
    current = { node: target, doc: { file, json } };
  }
  return current;
}

/** Every member a schema defines (through `allOf`), and whether it takes others. */
function members(schema: any, doc: Doc): { props: Map<string, { node: any; doc: Doc }>; required: Set<string>; open: boolean } {
  const props = new Map<string, { node: any; doc: Doc }>();
  const required = new Set<string>(schema.required ?? []);
  // Closed unless it says otherwise, to catch a misspelt member; but a bare `type: object` with
  // no members at all is a free-form bag (policy exemptions' `metadata`, "an open ended object").
  let open = (schema.additionalProperties !== undefined && schema.additionalProperties !== false) ||
    (!schema.properties && !schema.allOf);
  for (const [k, v] of Object.entries(schema.properties ?? {})) props.set(k, { node: v, doc });
  for (const part of schema.allOf ?? []) {
    const r = deref(part, doc);
    if (!r) { open = true; continue; } // a base type not copied here: do not guess its members
    const m = members(r.node, r.doc);
    m.props.forEach((v, k) => props.set(k, v));
    m.required.forEach((k) => required.add(k));
    open ||= m.open;
  }
  return { props, required, open };
}

function check(value: any, schemaRef: any, doc: Doc, at: string, errors: string[]) {
  const r = deref(schemaRef, doc);
  if (!r) return;
  const { node: schema } = r;
  // A $ref beside readOnly (property level) keeps the property's own flags.
  if (schemaRef.readOnly || schema.readOnly) errors.push(`${at}: read-only, must not be sent`);
  const type = schema.type ?? (schema.properties || schema.allOf ? 'object' : undefined);
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${at}: ${JSON.stringify(value)} is not one of ${schema.enum.join(', ')}`);
  switch (type) {
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) { errors.push(`${at}: expected an object`); return; }
      const m = members(schema, r.doc);
      for (const k of m.required) if (!(k in value)) errors.push(`${at}.${k}: required`);
      for (const [k, v] of Object.entries(value)) {
        const prop = m.props.get(k);
        if (prop) check(v, prop.node, prop.doc, `${at}.${k}`, errors);
        else if (!m.open) errors.push(`${at}.${k}: not defined by the schema`);
      }
      return;
    }
    case 'array':
      if (!Array.isArray(value)) { errors.push(`${at}: expected an array`); return; }
      value.forEach((v, i) => check(v, schema.items ?? {}, r.doc, `${at}[${i}]`, errors));
      return;
    case 'string':
      if (typeof value !== 'string') errors.push(`${at}: expected a string`);
      else if (schema.format === 'date-time' && Number.isNaN(Date.parse(value))) errors.push(`${at}: not a date-time`);
      return;
    case 'boolean': if (typeof value !== 'boolean') errors.push(`${at}: expected a boolean`); return;
    case 'integer': if (!Number.isInteger(value)) errors.push(`${at}: expected an integer`); return;
    case 'number': if (typeof value !== 'number') errors.push(`${at}: expected a number`); return;
  }
}

/** The problems with a request, or an empty list when it is what the definition says. */
export function validate(spec: keyof typeof SPECS, method: string, path: string, apiVersion: string | null, body: string | null): string[] {
  const file = join(ROOT, SPECS[spec]);
  const doc: Doc = { file, json: load(file) };
  const errors: string[] = [];
  if (apiVersion !== doc.json.info.version) errors.push(`api-version ${apiVersion}, the definition is ${doc.json.info.version}`);
  const match = Object.entries(doc.json.paths).find(([template, ops]: [string, any]) => {
    if (!ops[method.toLowerCase()]) return false;
    const pattern = template.replace(/[.]/g, '\\.').replace(/\{(scope|scopeId|resourceId)\}/g, '.+').replace(/\{[^}]+\}/g, '[^/]+');
    return new RegExp(`^${pattern}$`, 'i').test(path);
  });
  if (!match) return [...errors, `no ${method} operation in ${SPECS[spec]} matches ${path}`];
  const op = (match[1] as any)[method.toLowerCase()];
  const params = op.parameters.map((p: any) => deref(p, doc)?.node ?? p);
  const bodyParam = params.find((p: any) => p.in === 'body');
  if (!bodyParam) {
    if (body) errors.push(`${op.operationId} takes no body`);
    return errors;
  }
  if (!body) return bodyParam.required ? [...errors, `${op.operationId} needs a body`] : errors;
  check(JSON.parse(body), bodyParam.schema, doc, 'body', errors);
  return errors;
}
