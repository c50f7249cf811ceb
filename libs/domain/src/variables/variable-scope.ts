import type { ResolutionContext, VariableDefinition, VariableScope } from './variable.types';

/** Scope dimensions from most to least specific, with the bit each adds to a specificity mask. */
const DIMENSIONS = [
  { key: 'targets', bit: 8, contextValue: (context: ResolutionContext) => context.targetId },
  { key: 'tenants', bit: 4, contextValue: (context: ResolutionContext) => context.tenantId },
  {
    key: 'environments',
    bit: 2,
    contextValue: (context: ResolutionContext) => context.environmentId,
  },
  { key: 'channels', bit: 1, contextValue: (context: ResolutionContext) => context.channelId },
] as const;

/**
 * How specific a scope is: more dimensions first, then the most specific dimension
 * (target > tenant > environment > channel). Two scopes on the same dimensions are equal.
 */
export function scopeSpecificity(scope: VariableScope): number {
  let count = 0;
  let mask = 0;
  for (const dimension of DIMENSIONS) {
    if ((scope[dimension.key]?.length ?? 0) > 0) {
      count += 1;
      mask |= dimension.bit;
    }
  }
  return count * 16 + mask;
}

/** True when every dimension the scope lists contains the context's value (null never matches). */
export function scopeMatches(scope: VariableScope, context: ResolutionContext): boolean {
  return DIMENSIONS.every((dimension) => {
    const listed = scope[dimension.key];
    if (!listed || listed.length === 0) return true;
    const value = dimension.contextValue(context);
    return value !== null && listed.includes(value);
  });
}

/** Human description of a scope for error messages, e.g. `environments [env-1], tenants [t-1]`. */
export function describeScope(scope: VariableScope): string {
  const parts = DIMENSIONS.filter((dimension) => (scope[dimension.key]?.length ?? 0) > 0).map(
    (dimension) => `${dimension.key} [${(scope[dimension.key] ?? []).join(', ')}]`,
  );
  return parts.length === 0 ? 'unscoped' : parts.join(', ');
}

export type CandidateChoice =
  | { kind: 'none' }
  | { kind: 'chosen'; definition: VariableDefinition }
  | { kind: 'ambiguous'; candidates: VariableDefinition[] };

/** Picks the most specific definition (with a value) that applies to the context. */
export function chooseCandidate(
  definitions: readonly VariableDefinition[],
  context: ResolutionContext,
): CandidateChoice {
  let best: VariableDefinition[] = [];
  let bestSpecificity = -1;
  for (const definition of definitions) {
    if (definition.value === null || !scopeMatches(definition.scope, context)) continue;
    const specificity = scopeSpecificity(definition.scope);
    if (specificity > bestSpecificity) {
      best = [definition];
      bestSpecificity = specificity;
    } else if (specificity === bestSpecificity) {
      best.push(definition);
    }
  }
  if (best.length === 0) return { kind: 'none' };
  if (best.length > 1) return { kind: 'ambiguous', candidates: best };
  return { kind: 'chosen', definition: best[0] };
}
