import {
  deeplyNested,
  JsonSchema,
  SchemaField,
  schemaFields,
  withValue,
  wrongTypeValues,
} from './hostile-input';

/** One body to send: raw text (so malformed JSON, -0 and duplicate keys are possible). */
export interface HostileBody {
  label: string;
  body: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Statuses this body must get; absent means only "no 5xx". */
  expect?: number[];
  /** A field path that must be named in `errors` of the 400. */
  errorPath?: string;
}

const RAW = 'RAW-PLACEHOLDER-7f3';
/** A secret sent unquoted: a parser message quoting the body around it would echo it. */
export const BARE_SECRET = 'wJalrXUtnFEMIbareSecretKey';
const rawNumbers = [
  '-0',
  '1e308',
  '1e400',
  '-1e400',
  '1e-400',
  '9007199254740993',
  '-1',
  '0.5',
  '123456789012345678901234567890',
];
const stringNumbers = ['NaN', 'Infinity', '-Infinity', '1e308', '0x10', ' 1 ', '', '-0'];
const json = (value: unknown) => JSON.stringify(value);

/**
 * The battery for an operation that takes `schema`, built around valid bodies from `valid` (called
 * once per case, so creations do not collide on a slug and mutations reach the database).
 */
export function hostileBodies(
  schema: JsonSchema,
  valid: () => Record<string, unknown>,
  requiresFields: boolean,
): HostileBody[] {
  const fields = schemaFields(schema);
  const dotted = (path: (string | number)[]) => path.join('.');
  type Discriminators = SchemaField['discriminators'];
  /** The valid body with `value` at `path`, in the union alternatives `discriminators` choose. */
  const at = (path: (string | number)[], value: unknown, discriminators: Discriminators = []) => {
    const chosen = discriminators.reduce<unknown>(
      (body, discriminator) => withValue(body, discriminator.path, discriminator.value),
      valid(),
    );
    return json(withValue(chosen, path, value));
  };
  const rawAt = (path: (string | number)[], raw: string, discriminators: Discriminators = []) =>
    at(path, RAW, discriminators).replace(`"${RAW}"`, raw);
  const objects: { path: (string | number)[]; discriminators: Discriminators }[] = [
    { path: [], discriminators: [] },
    ...fields.filter((field) => field.types.has('object')),
  ];
  const strings = fields.filter((field) => field.types.has('string'));
  const numbers = fields.filter((field) => field.types.has('number') || field.types.has('integer'));
  return [
    { label: 'valid base', body: json(valid()) },
    { label: 'malformed JSON', body: '{"name": ', expect: [400] },
    {
      label: 'malformed JSON around a secret',
      body: `{"credentials": {"secretAccessKey": ${BARE_SECRET}}}`,
      expect: [400],
    },
    { label: 'trailing garbage', body: `${json(valid())} trailing`, expect: [400] },
    { label: 'JSON null', body: 'null', expect: [400] },
    { label: 'JSON array', body: '[1,2]', expect: [400] },
    { label: 'JSON empty array', body: '[]', expect: [400] },
    { label: 'JSON string', body: '"hello"', expect: [400] },
    { label: 'JSON number', body: '42', expect: [400] },
    { label: 'JSON true', body: 'true', expect: [400] },
    { label: 'empty object', body: '{}', expect: requiresFields ? [400] : undefined },
    { label: 'empty body', body: '' },
    { label: 'BOM', body: `\ufeff${json(valid())}` },
    { label: 'text/plain', body: json(valid()), contentType: 'text/plain', expect: [400, 415] },
    {
      label: 'form encoded',
      body: 'name=x&slug=y',
      contentType: 'application/x-www-form-urlencoded',
      expect: [400, 415],
    },
    { label: 'no content type', body: json(valid()), contentType: '' },
    {
      label: 'bogus charset',
      body: json(valid()),
      contentType: 'application/json; charset=bogus-8',
      expect: [400, 415],
    },
    {
      label: 'utf-16 charset',
      body: json(valid()),
      contentType: 'application/json; charset=utf-16',
      expect: [400, 415],
    },
    {
      label: 'gzip that is not',
      body: json(valid()),
      headers: { 'Content-Encoding': 'gzip' },
      expect: [400, 415],
    },
    {
      label: 'unknown encoding',
      body: json(valid()),
      headers: { 'Content-Encoding': 'br-nope' },
      expect: [400, 415],
    },
    {
      label: '2 MiB body',
      body: json({ ...valid(), name: 'n'.repeat(2 * 1024 * 1024) }),
      expect: [413],
    },
    { label: 'depth 500', body: `{"deep":${deeplyNested(500)}}`, expect: [400] },
    {
      label: 'depth 20 in base',
      body: json(valid()).replace(/^\{/, `{"deep":${deeplyNested(20)},`),
      expect: [400],
      errorPath: 'deep',
    },
    {
      label: 'depth 500 in base',
      body: json(valid()).replace(/^\{/, `{"deep":${deeplyNested(500)},`),
      expect: [400],
    },
    { label: 'depth 5000', body: `{"deep":${deeplyNested(5000)}}`, expect: [400] },
    {
      label: 'proto keys',
      body: json(valid()).replace(
        /^\{/,
        '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},',
      ),
      expect: [400],
    },
    { label: 'duplicate keys', body: json(valid()).replace(/^\{/, '{"name":123,') },
    { label: 'duplicate keys, last wrong', body: json(valid()).replace(/\}$/, ',"name":123}') },
    {
      label: 'NUL in a key',
      body: json(valid()).replace(/^\{/, '{"na\\u0000me":"x",'),
      expect: [400],
    },
    {
      label: 'lone surrogate',
      body: json(valid()).replace(/^\{/, '{"zz":"\\ud800",'),
      expect: [400],
    },
    ...objects.flatMap(({ path, discriminators, ...field }) => [
      {
        label: `unknown field in ${dotted(path) || 'body'}`,
        body: at([...path, 'zzUnknown'], { nested: true }, discriminators),
        expect: [400],
        // In a map of objects any key is valid: the errors name the fields of its value instead.
        errorPath: 'recordOfObjects' in field ? undefined : dotted([...path, 'zzUnknown']),
      },
      {
        label: `__proto__ in ${dotted(path) || 'body'}`,
        body: rawAt([...path, 'zzProto'], '1', discriminators).replace(
          '"zzProto":1',
          '"__proto__":{"polluted":"yes"}',
        ),
        expect: [400],
        errorPath: dotted([...path, '__proto__']),
      },
    ]),
    ...fields.flatMap((field) =>
      wrongTypeValues(field.types).map((value) => ({
        label: `${dotted(field.path)} = ${json(value)}`,
        body: at(field.path, value, field.discriminators),
        expect: [400],
        errorPath: dotted(field.path),
      })),
    ),
    ...strings.flatMap((field) => [
      {
        label: `${dotted(field.path)} 10k chars`,
        body: at(field.path, 's'.repeat(10_000), field.discriminators),
      },
      {
        label: `${dotted(field.path)} NUL`,
        body: at(field.path, 'a\u0000b', field.discriminators),
        expect: [400],
      },
      {
        label: `${dotted(field.path)} unicode`,
        body: at(field.path, 'é€😀', field.discriminators),
      },
      {
        label: `${dotted(field.path)} lone surrogate`,
        body: at(field.path, 'a\ud800b', field.discriminators),
      },
      {
        label: `${dotted(field.path)} SQL`,
        body: at(field.path, "'; drop table x; --", field.discriminators),
      },
    ]),
    ...numbers.flatMap((field) => [
      ...rawNumbers.map((raw) => ({
        label: `${dotted(field.path)} = ${raw}`,
        body: rawAt(field.path, raw, field.discriminators),
      })),
      ...stringNumbers.map((text) => ({
        label: `${dotted(field.path)} = "${text}"`,
        body: at(field.path, text, field.discriminators),
      })),
    ]),
  ];
}
