const SECRET_FIELDS = new Set(['secretAccessKey', 'key', 'password', 'token', 'secret']);
/** Fields secret only at the top of a body: a subscription's `url` carries its token (a build's `url` does not). */
const TOP_LEVEL_SECRET_FIELDS = new Set(['url']);

/**
 * A copy of a request body fit for the audit log: secret fields and the values of sensitive
 * variables become `********`, and every string is made storable (see `storable`).
 */
export function maskSecrets(value: unknown, topLevel = true): unknown {
  if (Array.isArray(value)) return value.map((item) => maskSecrets(item, false));
  if (typeof value === 'string') return storable(value);
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const sensitive = (value as { sensitive?: unknown }).sensitive === true;
  return Object.fromEntries(
    entries.map(([key, field]) => {
      if (
        SECRET_FIELDS.has(key) ||
        (topLevel && TOP_LEVEL_SECRET_FIELDS.has(key)) ||
        (sensitive && key === 'value')
      )
        return [key, field === null ? null : '********'];
      return [storable(key), maskSecrets(field, false)];
    }),
  );
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The text with what PostgreSQL text and jsonb refuse (U+0000, lone surrogates) replaced by U+FFFD,
 * so a request refused for holding them is still audited.
 */
export function storable(text: string): string {
  return text.replaceAll('\u0000', '\ufffd').replace(LONE_SURROGATE, '\ufffd');
}
