/**
 * Hostile-input cases generated from the OpenAPI document: path parameters, query strings, headers
 * and bodies that a careless or malicious client might send. Used by test/e2e/hostile-input.
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
  enum?: unknown[];
}

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: JsonSchema;
}

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  parameters: OpenApiParameter[];
  bodySchema?: JsonSchema;
}

export interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: OpenApiParameter[];
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      }
    >
  >;
}

/** A request to send: the URL, and optionally a raw body with its content type or extra headers. */
export interface HostileCase {
  label: string;
  method: Operation['method'] | 'head' | 'options';
  url: string;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Statuses this case must get; when absent only "no 5xx" and the problem shape are checked. */
  expect?: number[];
}

export const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every operation of the document, with its JSON request schema when it has one. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({
      method,
      path,
      parameters: item[method].parameters ?? [],
      bodySchema: item[method].requestBody?.content?.['application/json']?.schema,
    })),
  );
}

const LONG = 'x'.repeat(300);

/** Path parameter values, already in their URL form (some deliberately not encoded). */
export const HOSTILE_PATH_VALUES: [string, string][] = [
  ['sql', encodeURIComponent("'; drop table x; --")],
  ['dot-dot raw', '../..'],
  ['dot-dot encoded', encodeURIComponent('../..')],
  ['nul', '%00'],
  ['300 chars', LONG],
  ['5,000 chars', 'y'.repeat(5000)],
  ['missing uuid', '6f1c2b7e-9d1a-4c3e-8b2a-0d5e4f3a2b1c'],
  ['uuid upper-case missing', '6F1C2B7E-9D1A-4C3E-8B2A-0D5E4F3A2B1C'],
  ['not a uuid', 'not-a-uuid'],
  ['nil-ish uuid', '00000000-0000-0000-0000-000000000000'],
  ['almost uuid', '6f1c2b7e-9d1a-4c3e-8b2a-0d5e4f3a2b1cz'],
  ['unicode', encodeURIComponent('é€😀')],
  ['encoded traversal', '%2e%2e%2f'],
  ['bad percent', '%E0%A4%A'],
  ['lone percent', '%'],
  ['space', '%20'],
  ['number', '1e308'],
  ['proto', '__proto__'],
  ['constructor', 'constructor'],
];

/** Query strings sent to every operation (documented parameters get more below). */
export const HOSTILE_QUERIES: [string, string][] = [
  ['unknown param', 'surprise=1'],
  ['limit=abc', 'limit=abc'],
  ['limit=-1', 'limit=-1'],
  ['limit=0', 'limit=0'],
  ['limit=1e9', 'limit=1e9'],
  ['limit=1.5', 'limit=1.5'],
  ['limit array', 'limit=1&limit=2'],
  ['limit bracket array', 'limit[]=1'],
  ['limit object', 'limit[a]=1'],
  ['limit huge', `limit=${'9'.repeat(400)}`],
  ['offset=abc', 'offset=abc'],
  ['offset=-5', 'offset=-5'],
  ['offset huge', 'offset=99999999999999999999999'],
  ['offset past int4', 'offset=2147483648'],
  ['offset max safe', 'offset=9007199254740991'],
  ['offset=1e308', 'offset=1e308'],
  ['offset=Infinity', 'offset=Infinity'],
  ['limit NaN', 'limit=NaN'],
  ['nul value', 'limit=%00'],
  ['bad percent', 'limit=%E0%A4%A'],
  ['proto key', '__proto__=1&constructor=2'],
  ['nested proto', '__proto__[polluted]=1'],
];

/** Values for one documented query parameter or header. */
export const HOSTILE_PARAM_VALUES: [string, string][] = [
  ['empty', ''],
  ['abc', 'abc'],
  ['-1', '-1'],
  ['1e308', '1e308'],
  ['huge number', '9'.repeat(400)],
  ['past int4', '2147483648'],
  ['max safe integer', '9007199254740991'],
  ['10k string', 'q'.repeat(10_000)],
  ['nul', '%00'],
  ['sql', encodeURIComponent("' or 1=1 --")],
  ['unicode', encodeURIComponent('é€😀')],
  ['missing uuid', '6f1c2b7e-9d1a-4c3e-8b2a-0d5e4f3a2b1c'],
];

/** Values of the wrong type for a field whose schema allows `types`. */
export function wrongTypeValues(types: Set<string>): unknown[] {
  const candidates: [string, unknown][] = [
    ['string', 'not-the-right-type'],
    ['number', 42],
    ['boolean', true],
    ['object', { nested: { unknown: 1 } }],
    ['array', [1, 'two', { three: 3 }]],
    ['null', null],
  ];
  const allowed = new Set(types);
  if (allowed.has('number')) allowed.add('integer');
  if (allowed.has('integer')) allowed.add('number');
  return candidates.filter(([type]) => !allowed.has(type)).map(([, value]) => value);
}

/** A documented field: its path from the body root (numbers index arrays) and allowed types. */
export interface SchemaField {
  path: (string | number)[];
  types: Set<string>;
  /**
   * The discriminators (`kind: const`) of the union alternatives the field belongs to: a body
   * exercising the field sets them, so the server validates that alternative's fields.
   */
  discriminators: { path: (string | number)[]; value: string }[];
  /** A map whose values are objects (`{<container>: {image}}`): any key is a valid one. */
  recordOfObjects?: boolean;
}

/** Every field of a request schema, depth-first; arrays are entered at index 0. */
export function schemaFields(
  schema: JsonSchema,
  path: (string | number)[] = [],
  depth = 0,
  discriminators: SchemaField['discriminators'] = [],
): SchemaField[] {
  if (depth > 8) return [];
  const variants = flatVariants(schema);
  const types = new Set(
    variants.flatMap((variant) =>
      Array.isArray(variant.type) ? variant.type : variant.type ? [variant.type] : [],
    ),
  );
  const kindOf = (variant: JsonSchema) =>
    (variant.properties?.kind as { const?: unknown } | undefined)?.const;
  const firstKind =
    variants.length > 1 ? variants.map(kindOf).find((k) => typeof k === 'string') : undefined;
  // The union itself is exercised through its first alternative.
  const own =
    typeof firstKind === 'string'
      ? [...discriminators, { path: [...path, 'kind'], value: firstKind }]
      : discriminators;
  const recordOfObjects = variants.some(
    (variant) =>
      !variant.properties &&
      typeof variant.additionalProperties === 'object' &&
      flatVariants(variant.additionalProperties).some((value) => value.type === 'object'),
  );
  const here =
    path.length && types.size
      ? [{ path, types, discriminators: own, ...(recordOfObjects ? { recordOfObjects } : {}) }]
      : [];
  const nested = variants.flatMap((variant) => {
    // An alternative of a discriminated union (`kind: {const: …}`): its fields need its kind.
    const kind = kindOf(variant);
    const inside =
      variants.length > 1 && typeof kind === 'string'
        ? [...discriminators, { path: [...path, 'kind'], value: kind }]
        : discriminators;
    return [
      ...Object.entries(variant.properties ?? {}).flatMap(([key, child]) =>
        key === 'kind' && inside !== discriminators
          ? []
          : schemaFields(child, [...path, key], depth + 1, inside),
      ),
      ...(variant.items ? schemaFields(variant.items, [...path, 0], depth + 1, inside) : []),
    ];
  });
  return [...here, ...nested];
}

/** The alternatives of a schema, with nested anyOf/oneOf flattened. */
function flatVariants(schema: JsonSchema): JsonSchema[] {
  const alternatives = schema.anyOf ?? schema.oneOf;
  return alternatives ? alternatives.flatMap(flatVariants) : [schema];
}

/** A deep copy of `base` with `value` set at `path`, creating objects and arrays on the way. */
export function withValue(base: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const array = Array.isArray(base) ? [...base] : [];
    array[head] = withValue(array[head], rest, value);
    return array;
  }
  const object =
    base && typeof base === 'object' && !Array.isArray(base)
      ? { ...(base as Record<string, unknown>) }
      : {};
  Object.defineProperty(object, head, {
    value: withValue(object[head], rest, value),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return object;
}

/** `{"a":{"a":…}}` nested `depth` times, as JSON text. */
export function deeplyNested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}
