import { PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { DomainError, FieldError } from '@gantry/domain';

/** Validates a body or query with a zod schema; every problem is listed, unknown fields included. */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(
    private readonly schema: S,
    private readonly where: 'body' | 'query' = 'body',
  ) {}

  transform(value: unknown): z.infer<S> {
    if (
      this.where === 'body' &&
      (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value))
    ) {
      throw new DomainError(
        'validation_failed',
        'The body must be a JSON object (Content-Type: application/json).',
        [{ path: '', message: 'expected a JSON object' }],
      );
    }
    const message =
      this.where === 'query' ? 'Invalid query parameters.' : 'The request body is invalid.';
    const unstorable = unsafeStringErrors(value);
    if (unstorable.length) throw new DomainError('validation_failed', message, unstorable);
    return parseOrThrow(this.schema, value, message);
  }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why PostgreSQL could not store this string (text and jsonb take neither U+0000 nor half a surrogate pair). */
function unstorable(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain a NUL character';
  return LONE_SURROGATE.test(text)
    ? 'must be well-formed Unicode (a lone surrogate was found)'
    : null;
}

/**
 * Every string that PostgreSQL cannot store and every `__proto__` key (which would replace the
 * prototype of the parsed object), each with its path: a 400, not a 500 or a silently dropped field.
 */
export function unsafeStringErrors(value: unknown, path = ''): FieldError[] {
  if (typeof value === 'string') {
    const message = unstorable(value);
    return message ? [{ path, message }] : [];
  }
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, field]) => {
    const at = path ? `${path}.${key}` : key;
    const message = key === '__proto__' ? 'is not an accepted field name' : unstorable(key);
    return message ? [{ path: at, message }] : unsafeStringErrors(field, at);
  });
}

/** Parses with zod, or throws validation_failed listing each issue with its dotted path. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  message = 'The request is invalid.',
  prefix = '',
): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new DomainError('validation_failed', message, zodErrors(result.error, prefix));
}

export function zodErrors(error: z.ZodError, prefix = ''): FieldError[] {
  return error.issues.flatMap((issue) => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: base ? `${base}.${key}` : key,
        message: 'unknown field',
      }));
    }
    return [{ path: base, message: issue.message }];
  });
}
