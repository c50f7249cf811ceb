import type { LifecyclePhase } from './lifecycle.types';

/**
 * The default lifecycle: one phase per environment, in the order given (callers pass environments
 * ordered by position), each phase named after its environment, nothing automatic, nothing optional.
 */
export function defaultLifecyclePhases(
  environmentsOrderedByPosition: readonly { id: string; name: string }[],
): LifecyclePhase[] {
  return environmentsOrderedByPosition.map((environment) => ({
    name: environment.name,
    environments: [environment.id],
    automatic: [],
    minimumEnvironmentsBeforePromotion: 0,
    optional: false,
  }));
}
