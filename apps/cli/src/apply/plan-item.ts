import { ecsServiceStepSchema, slugify, stepsSchema } from '@gantry/domain';
import { deepEqual, sameSet, sameValue } from './same-value';

export type ApplyKind = 'environment' | 'lifecycle' | 'project' | 'channel' | 'tenant' | 'target';

export type ItemPlan =
  | { action: 'create'; body: Record<string, unknown> }
  | { action: 'update'; body: Record<string, unknown>; changed: string[] }
  | { action: 'none' };

export interface PlanOptions {
  /** Send target secrets even when nothing else changed (they cannot be read back to compare). */
  forceSecrets: boolean;
}

type Json = Record<string, unknown>;

/** Fields of a project item that are applied through other routes, not the project's body. */
const NESTED_FIELDS = new Set(['channels', 'variables']);

/**
 * What to do with one item of an apply file given the resource the server holds under the same
 * slug (or none): create it with the item as the body, PATCH only the fields that differ, or
 * nothing. Only fields present in the item are compared.
 */
export function planItem(
  kind: ApplyKind,
  desired: Json,
  actual: Json | undefined,
  options: PlanOptions,
): ItemPlan {
  const fields = Object.keys(desired).filter(
    (field) => !(kind === 'project' && NESTED_FIELDS.has(field)),
  );
  const body = Object.fromEntries(fields.map((field) => [field, desired[field]]));
  if (!actual) return { action: 'create', body };
  const changed = fields.filter(
    (field) => !sameField(kind, field, desired[field], actual[field], options),
  );
  if (!changed.length) return { action: 'none' };
  return {
    action: 'update',
    body: Object.fromEntries(changed.map((field) => [field, desired[field]])),
    changed,
  };
}

function sameField(
  kind: ApplyKind,
  field: string,
  desired: unknown,
  actual: unknown,
  options: PlanOptions,
): boolean {
  if (kind === 'project' && field === 'step') return sameStep(desired, actual);
  if (kind === 'project' && field === 'steps') return sameSteps(desired, actual);
  if (kind === 'lifecycle' && field === 'phases' && Array.isArray(desired))
    return sameValue(desired.map(withPhaseDefaults), actual);
  if (kind === 'tenant' && field === 'projects' && Array.isArray(desired) && Array.isArray(actual))
    return sameSet(desired, actual);
  if (kind === 'target' && field === 'credentials')
    return sameCredentials(desired, actual, options);
  return sameValue(desired, actual);
}

/** The server stores the step with its defaults filled in; fill them here the same way. */
function sameStep(desired: unknown, actual: unknown): boolean {
  const parsed = ecsServiceStepSchema.safeParse(desired);
  // An invalid step is sent so the server can say what is wrong with it.
  return parsed.success && deepEqual(JSON.parse(JSON.stringify(parsed.data)), actual);
}

/**
 * The server stores steps with their defaults and slugs filled in, and shows environment and
 * channel conditions as lower-case slugs; normalise the file's steps the same way.
 */
function sameSteps(desired: unknown, actual: unknown): boolean {
  const parsed = stepsSchema.safeParse(desired);
  if (!parsed.success) return false;
  const lower = (refs: string[]) => refs.map((ref) => ref.toLowerCase());
  const steps = parsed.data.map((step) => ({
    ...step,
    slug: step.slug ?? slugify(step.name),
    environments: lower(step.environments),
    excludeEnvironments: lower(step.excludeEnvironments),
    channels: lower(step.channels),
  }));
  return deepEqual(JSON.parse(JSON.stringify(steps)), actual);
}

function withPhaseDefaults(phase: unknown): unknown {
  if (typeof phase !== 'object' || phase === null) return phase;
  return { automatic: [], minimumEnvironmentsBeforePromotion: 0, optional: false, ...phase };
}

/** `secretAccessKey` is write-only: compare the rest; `hasSecret` is the server's read-only flag. */
function sameCredentials(desired: unknown, actual: unknown, options: PlanOptions): boolean {
  if (
    typeof desired !== 'object' ||
    desired === null ||
    typeof actual !== 'object' ||
    actual === null
  )
    return sameValue(desired, actual);
  const { secretAccessKey, ...readable } = desired as Json;
  if (options.forceSecrets && secretAccessKey !== undefined && secretAccessKey !== null)
    return false;
  const { hasSecret: _hasSecret, ...stored } = actual as Json;
  return sameValue(readable, stored);
}
