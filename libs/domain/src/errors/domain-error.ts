/** Stable error codes. The API maps each to an HTTP status in one exhaustive table. */
export type ErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'self_approval'
  | 'rate_limited'
  | 'not_found'
  | 'duplicate'
  | 'in_use'
  | 'lifecycle_forbids'
  | 'stack_busy'
  | 'invalid_state'
  | 'frozen'
  | 'release_blocked'
  | 'channel_rule_violated'
  | 'fargate_size_invalid'
  | 'render_check_failed'
  | 'unresolved_variable'
  | 'variable_cycle'
  | 'variable_too_large'
  | 'ambiguous_variable'
  | 'no_matching_target'
  | 'stack_collision'
  | 'template_too_large'
  | 'step_required'
  | 'aws_unreachable';

/** One invalid field: a JSON-pointer-like dotted path and what is wrong with it. */
export interface FieldError {
  path: string;
  message: string;
}

/** A rule of Gantry refused something. Carries a stable code, never an HTTP status. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors: FieldError[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (kind: string, ref: string): DomainError =>
  new DomainError('not_found', `${kind} '${ref}' does not exist.`, [], { kind, ref });

export const invalid = (errors: FieldError[], message = 'The request is invalid.'): DomainError =>
  new DomainError('validation_failed', message, errors);

/** A reference that named nothing, and where in the request it stood. */
export interface UnknownRef {
  ref: string;
  path: string;
}

/** One not_found error listing every unknown reference of a kind, each at its own path. */
export const unknownReferences = (kind: string, missing: readonly UnknownRef[]): DomainError =>
  new DomainError(
    'not_found',
    `Unknown ${kind} reference(s): ${missing.map((item) => item.ref).join(', ')}.`,
    missing.map((item) => ({ path: item.path, message: `${kind} '${item.ref}' does not exist` })),
  );

/** The path of each item of a list: `path.index`, or the paths given one per item. */
export const pathsOf = (path: string | readonly string[], count: number): string[] =>
  typeof path === 'string'
    ? Array.from({ length: count }, (_, index) => `${path}.${index}`)
    : [...path];
