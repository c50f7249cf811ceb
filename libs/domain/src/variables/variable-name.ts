import type { FieldError } from '../errors/domain-error';

/** Letters, digits, `.`, `_` and `-`; starts with a letter or digit. */
export const VARIABLE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export const BUILT_IN_PREFIX = 'Gantry.';

export const BUILT_IN_VARIABLE_NAMES = [
  'Gantry.Environment.Name',
  'Gantry.Tenant.Name',
  'Gantry.Release.Number',
  'Gantry.Project.Name',
  'Gantry.Target.Name',
  'Gantry.Channel.Name',
] as const;

export type BuiltInVariableName = (typeof BUILT_IN_VARIABLE_NAMES)[number];

/**
 * Null when `name` may be used for a project variable, else why not. Names under `Gantry.` are
 * reserved for the built-ins.
 */
export function variableNameProblem(name: string): string | null {
  if (!VARIABLE_NAME_PATTERN.test(name)) {
    return 'must be 1–200 letters, digits, ".", "_" or "-", starting with a letter or digit';
  }
  if (name.toLowerCase().startsWith(BUILT_IN_PREFIX.toLowerCase())) {
    return `names starting with '${BUILT_IN_PREFIX}' are reserved for built-in variables`;
  }
  return null;
}

export interface BuiltInNames {
  environment: string;
  tenant: string | null;
  release: string;
  project: string;
  target: string | null;
  channel: string;
}

/**
 * The `Gantry.*` built-ins of a deployment. An untenanted deployment (or one without a target)
 * gets an empty string, so a shared step can mention the tenant without failing.
 */
export function builtInVariables(names: BuiltInNames): Record<BuiltInVariableName, string> {
  return {
    'Gantry.Environment.Name': names.environment,
    'Gantry.Tenant.Name': names.tenant ?? '',
    'Gantry.Release.Number': names.release,
    'Gantry.Project.Name': names.project,
    'Gantry.Target.Name': names.target ?? '',
    'Gantry.Channel.Name': names.channel,
  };
}

/**
 * Problems of a whole variable set as the API receives it (`PUT .../variables`): invalid names,
 * and two values of one name with exactly the same scope, which would always be ambiguous.
 * Paths are `items.<index>.name` / `items.<index>.scope`.
 */
export function variableSetProblems(
  items: readonly { name: string; scope: Record<string, string[] | undefined> }[],
): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const nameProblem = variableNameProblem(item.name);
    if (nameProblem) problems.push({ path: `items.${index}.name`, message: nameProblem });
    const key = `${item.name}\u0000${scopeKey(item.scope)}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else
      problems.push({
        path: `items.${index}.scope`,
        message: `'${item.name}' already has a value with this scope (items.${first})`,
      });
  });
  return problems;
}

function scopeKey(scope: Record<string, string[] | undefined>): string {
  return ['environments', 'tenants', 'channels', 'targets']
    .map((dimension) => [...new Set(scope[dimension] ?? [])].sort().join(','))
    .join('|');
}
