import { ApiError } from './api';

/** A refused form's errors: by the form field they belong to, and the rest for the form as a whole. */
export interface FieldErrors {
  byField: Record<string, string>;
  /** The detail, then each invalid field no form field shows, as `path: message`. */
  general: string[];
}

/** Whether a problem's path (`recurrence.days`, `projects.0`, `phases[0].name`) is in `field`. */
function within(path: string, field: string): boolean {
  return path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);
}

/**
 * Spreads an API problem over the form's fields (the most specific field wins, messages of one
 * field joined); what no field shows, and any other error, stays general.
 */
export function fieldErrors(error: Error | undefined, fields: readonly string[]): FieldErrors {
  if (!error) return { byField: {}, general: [] };
  if (!(error instanceof ApiError)) return { byField: {}, general: [error.message] };
  const byField: Record<string, string> = {};
  const unshown: string[] = [];
  for (const { path, message } of error.problem.errors ?? []) {
    const field = fields
      .filter((candidate) => within(path, candidate))
      .sort((a, b) => b.length - a.length)[0];
    if (field === undefined) unshown.push(`${path}: ${message}`);
    else byField[field] = byField[field] ? `${byField[field]}; ${message}` : message;
  }
  const { detail, title } = error.problem;
  return { byField, general: [detail || title || error.message.split('\n')[0], ...unshown] };
}
