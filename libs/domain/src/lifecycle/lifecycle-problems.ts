import type { FieldError } from '../errors/domain-error';
import type { LifecyclePhase, LifecyclePhaseInput, NameMap } from './lifecycle.types';

/**
 * Every problem of a lifecycle's phases, with paths such as `phases.1.automatic.0`: at least one
 * phase; unique, non-empty phase names (compared trimmed and case-insensitively); at least one
 * environment per phase; an environment in at most one phase, once; `automatic` a subset of the
 * phase's environments; `minimumEnvironmentsBeforePromotion` a whole number from 0 to the phase's
 * environment count. Environment ids must be resolved first so one environment is one string.
 */
export function lifecycleProblems(
  phases: readonly LifecyclePhaseInput[],
  environmentNames: NameMap = {},
): FieldError[] {
  if (phases.length === 0)
    return [{ path: 'phases', message: 'a lifecycle needs at least one phase' }];
  const label = (id: string) => `'${environmentNames[id] ?? id}'`;
  const problems: FieldError[] = [];
  const phaseOfEnvironment = new Map<string, string>();
  const phaseLabel = (phase: LifecyclePhaseInput, index: number) =>
    phase.name.trim() ? `phase '${phase.name}'` : `phases.${index}`;
  const names = new Map<string, number>();
  phases.forEach((phase, index) => {
    const at = `phases.${index}`;
    const key = phase.name.trim().toLowerCase();
    if (!key) problems.push({ path: `${at}.name`, message: 'must not be empty' });
    else if (names.has(key))
      problems.push({
        path: `${at}.name`,
        message: `phase name '${phase.name}' is already used by phases.${names.get(key)}`,
      });
    else names.set(key, index);
    if (phase.environments.length === 0)
      problems.push({
        path: `${at}.environments`,
        message: 'a phase needs at least one environment',
      });
    phase.environments.forEach((id, position) => {
      const owner = phaseOfEnvironment.get(id);
      if (owner !== undefined) {
        problems.push({
          path: `${at}.environments.${position}`,
          message: `environment ${label(id)} is already in ${owner}`,
        });
      } else phaseOfEnvironment.set(id, phaseLabel(phase, index));
    });
    (phase.automatic ?? []).forEach((id, position) => {
      if (!phase.environments.includes(id)) {
        problems.push({
          path: `${at}.automatic.${position}`,
          message: `environment ${label(id)} is not one of this phase's environments`,
        });
      } else if (phase.automatic?.indexOf(id) !== position) {
        problems.push({
          path: `${at}.automatic.${position}`,
          message: `environment ${label(id)} is listed twice`,
        });
      }
    });
    const count = new Set(phase.environments).size;
    const minimum = phase.minimumEnvironmentsBeforePromotion ?? 0;
    if (!Number.isInteger(minimum) || minimum < 0 || minimum > count) {
      problems.push({
        path: `${at}.minimumEnvironmentsBeforePromotion`,
        message: `must be a whole number from 0 (all) to ${count}, the number of environments in the phase`,
      });
    }
  });
  return problems;
}

/** Applies the API defaults: nothing automatic, minimum 0 (all environments), not optional. */
export function toLifecyclePhases(phases: readonly LifecyclePhaseInput[]): LifecyclePhase[] {
  return phases.map((phase) => ({
    name: phase.name,
    environments: [...phase.environments],
    automatic: [...(phase.automatic ?? [])],
    minimumEnvironmentsBeforePromotion: phase.minimumEnvironmentsBeforePromotion ?? 0,
    optional: phase.optional ?? false,
  }));
}
