import { chooseCandidate } from './variable-scope';
import type { VariableDefinition } from './variable.types';

/**
 * Where the stacks of one (step, environment) of a release may go: the environment, the release's
 * channel, and the tenants that can deploy there (`[null]` for an untenanted deployment).
 * Targets are not known: a target-scoped value may apply to any of them.
 */
export interface CandidatePlace {
  environmentId: string;
  channelId: string;
  tenantIds: readonly (string | null)[];
}

/** One value per variable name for a size check, and whether it is exactly what renders there. */
export interface LargestCandidates {
  /** One unscoped definition per name (sensitive ones with a placeholder value). */
  variables: VariableDefinition[];
  /**
   * True when every placement of the place resolves every name to the value given (no value
   * applying there is scoped to a tenant, unless only one tenant deploys, nor to a target).
   * Otherwise each value is the largest of those that may apply: a bound, not the rendering.
   */
  exact: boolean;
}

const bytes = (value: string) => new TextEncoder().encode(value).length;

/** A definition whose scope can apply to some deployment of the place. */
function canApply(definition: VariableDefinition, place: CandidatePlace): boolean {
  const { environments, channels, tenants } = definition.scope;
  if (environments?.length && !environments.includes(place.environmentId)) return false;
  if (channels?.length && !channels.includes(place.channelId)) return false;
  if (tenants?.length && !place.tenantIds.some((id) => id !== null && tenants.includes(id)))
    return false;
  return true;
}

/**
 * Per variable name, the value to size the templates of `place` with: the value that resolves
 * when that does not depend on the tenant or target, else the largest (in UTF-8 bytes) of the
 * values whose scope can apply there. Sensitive values become NoEcho parameters, so their
 * length does not count: they get a one-byte placeholder. Pure; no value is invented for a
 * name with no applicable value (the render reports it as it does at deploy time).
 */
export function largestCandidates(
  definitions: readonly VariableDefinition[],
  place: CandidatePlace,
): LargestCandidates {
  const byName = new Map<string, VariableDefinition[]>();
  for (const definition of definitions) {
    if (definition.value === null && !definition.sensitive) continue;
    if (!canApply(definition, place)) continue;
    byName.set(definition.name, [...(byName.get(definition.name) ?? []), definition]);
  }
  const onlyTenant = place.tenantIds.length === 1 ? place.tenantIds[0] : null;
  let exact = true;
  const variables: VariableDefinition[] = [];
  for (const [name, applicable] of byName) {
    const varies = applicable.some(
      (definition) =>
        (definition.scope.targets?.length ?? 0) > 0 ||
        ((definition.scope.tenants?.length ?? 0) > 0 && place.tenantIds.length !== 1),
    );
    let chosen: VariableDefinition | undefined;
    if (!varies) {
      const withValues = applicable.map((definition) => ({
        ...definition,
        value: definition.value ?? '',
      }));
      const choice = chooseCandidate(withValues, {
        environmentId: place.environmentId,
        channelId: place.channelId,
        tenantId: onlyTenant,
        targetId: null,
        builtIns: {},
      });
      if (choice.kind === 'chosen') chosen = choice.definition;
    }
    if (!chosen) {
      exact = false;
      chosen = applicable.reduce((largest, definition) =>
        bytes(definition.value ?? '') > bytes(largest.value ?? '') ? definition : largest,
      );
    }
    variables.push({
      name,
      value: chosen.sensitive ? 'x' : (chosen.value ?? ''),
      sensitive: chosen.sensitive,
      scope: {},
    });
  }
  return { variables, exact };
}
