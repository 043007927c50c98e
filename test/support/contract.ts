/**
 * Judges API answers against the OpenAPI document with an outside validator (ajv over the document's own
 * schemas), not with samla's zod: a response is right when the document, as served, says it may be so.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';

export interface RecordedResponse {
  readonly method: string;
  /** The path without the query string. */
  readonly path: string;
  readonly status: number;
  /** The content-type header, or '' without one. */
  readonly contentType: string;
  readonly body: string;
}

export type Verdict =
  | { readonly kind: 'ok'; readonly operation: string }
  /** No operation of the document has this method and path: the gateway's own "no route" answers. */
  | { readonly kind: 'outside' }
  | { readonly kind: 'failure'; readonly operation: string; readonly reason: string };

interface MediaType {
  readonly schema?: unknown;
}
interface ResponseObject {
  readonly content?: Readonly<Record<string, MediaType>>;
}
interface OperationObject {
  readonly operationId?: string;
  readonly responses?: Readonly<Record<string, ResponseObject>>;
}
export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, OperationObject>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, unknown>> };
}

interface Template {
  readonly path: string;
  readonly pattern: RegExp;
  readonly parameters: number;
}

// ajv-formats is CommonJS with a default export: under NodeNext its namespace is what the import gives.
const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => Ajv;

function template(path: string): Template {
  let parameters = 0;
  const source = path
    .split('/')
    .map((segment) => {
      if (/^\{\w+\}$/.test(segment)) {
        parameters += 1;
        return '[^/]+';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { path, pattern: new RegExp(`^${source}$`), parameters };
}

const rewriteRefs = (schema: unknown): unknown =>
  JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/'));

export function contractValidator(document: OpenApiDocument): (response: RecordedResponse) => Verdict {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'openapi', components: document.components ?? {} });
  // The most literal template first: /v1/privacy/requests before /v1/privacy/{token}.
  const templates = Object.keys(document.paths)
    .map(template)
    .sort((a, b) => a.parameters - b.parameters);
  const compiled = new Map<unknown, ValidateFunction>();
  const validatorOf = (schema: unknown) => {
    let validate = compiled.get(schema);
    if (validate === undefined) {
      validate = ajv.compile(rewriteRefs(schema) as object);
      compiled.set(schema, validate);
    }
    return validate;
  };

  return (response) => {
    const method = response.method.toLowerCase();
    const found = templates.find(
      (t) => t.pattern.test(response.path) && document.paths[t.path]?.[method] !== undefined,
    );
    if (found === undefined) return { kind: 'outside' };
    const operation = document.paths[found.path]?.[method] ?? {};
    const name = `${response.method} ${found.path}`;
    const fail = (reason: string): Verdict => ({ kind: 'failure', operation: name, reason });
    const documented = operation.responses?.[String(response.status)] ?? operation.responses?.default;
    if (documented === undefined) return fail(`status ${response.status} is not documented`);
    const media = response.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
    const content = documented.content ?? {};
    if (Object.keys(content).length === 0) {
      return response.body === '' && media === ''
        ? { kind: 'ok', operation: name }
        : fail(`${response.status} has a body (${media || 'no type'}) where the document gives none`);
    }
    const mediaType = content[media];
    if (mediaType === undefined)
      return fail(
        `${response.status} answers ${media || 'no type'}; the document lists ${Object.keys(content).join(', ')}`,
      );
    if (media !== 'application/json' || mediaType.schema === undefined)
      return { kind: 'ok', operation: name };
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      return fail(`${response.status} says JSON but the body is not JSON`);
    }
    const validate = validatorOf(mediaType.schema);
    if (validate(body)) return { kind: 'ok', operation: name };
    const problems = (validate.errors ?? [])
      .map((e) =>
        e.keyword === 'additionalProperties'
          ? `${e.instancePath || '/'} has undeclared ${(e.params as { additionalProperty?: string }).additionalProperty}`
          : `${e.instancePath || '/'} ${e.message ?? e.keyword}`,
      )
      .slice(0, 8);
    return fail(`${response.status} body does not match its schema: ${problems.join('; ')}`);
  };
}
