/**
 * What a complete OpenAPI operation documents: a summary, a success response with a schema (204:
 * none), and its errors as application/problem+json. Used by test/e2e/openapi.e2e-spec.ts.
 */

export interface ContractResponse {
  description?: string;
  content?: Record<string, { schema?: Record<string, unknown> }>;
}

export interface ContractOperation {
  summary?: string;
  security?: unknown[];
  parameters?: { name: string; in: string }[];
  requestBody?: unknown;
  responses?: Record<string, ContractResponse>;
}

export interface ContractDocument {
  paths: Record<string, Record<string, ContractOperation>>;
  components?: {
    schemas?: Record<string, unknown>;
    securitySchemes?: Record<string, { bearerFormat?: string }>;
  };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const PROBLEM_REF = '#/components/schemas/Problem';

/** Every gap of the document, one line each ("GET /api/x: no summary"); empty when complete. */
export function contractGaps(document: ContractDocument): string[] {
  return [
    ...Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item[method]).flatMap((method) =>
        operationGaps(item[method]).map((gap) => `${method.toUpperCase()} ${path}: ${gap}`),
      ),
    ),
    ...unresolvedRefs(document),
  ];
}

function operationGaps(operation: ContractOperation): string[] {
  const gaps: string[] = [];
  const responses = operation.responses ?? {};
  if (!operation.summary?.trim()) gaps.push('no summary');
  const success = Object.entries(responses).filter(([status]) => /^2\d\d$/.test(status));
  if (success.length === 0) gaps.push('no success response');
  for (const [status, response] of success) {
    const schemas = Object.values(response.content ?? {}).map((media) => media.schema);
    if (status === '204') {
      if (schemas.length) gaps.push('204 with a body');
    } else if (schemas.length === 0 || schemas.some((schema) => isEmpty(schema))) {
      gaps.push(`${status} without a response schema`);
    }
  }
  for (const [status, response] of Object.entries(responses)) {
    if (!/^4\d\d$/.test(status)) continue;
    if (response.content?.['application/problem+json']?.schema?.$ref !== PROBLEM_REF)
      gaps.push(`${status} is not documented as application/problem+json`);
  }
  const expected = [
    ...(operation.security?.length ? ['401'] : []),
    ...((operation.parameters ?? []).some((parameter) => parameter.in === 'path') ? ['404'] : []),
    ...(operation.requestBody ? ['400'] : []),
  ];
  for (const status of expected) if (!responses[status]) gaps.push(`${status} not documented`);
  return gaps;
}

function isEmpty(schema: Record<string, unknown> | undefined): boolean {
  return !schema || Object.keys(schema).length === 0;
}

/** `$ref`s that point nowhere. */
function unresolvedRefs(document: ContractDocument): string[] {
  const names = new Set(Object.keys(document.components?.schemas ?? {}));
  const refs = new Set<string>();
  JSON.stringify(document, (key, value) => {
    if (key === '$ref' && typeof value === 'string') refs.add(value);
    return value;
  });
  return [...refs]
    .filter((ref) => !names.has(ref.replace('#/components/schemas/', '')))
    .map((ref) => `unresolved ${ref}`);
}
