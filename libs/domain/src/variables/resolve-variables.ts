import { describeScope, chooseCandidate } from './variable-scope';
import { expandVariables, type VariableLookupResult } from './expand-variables';
import type {
  ResolutionContext,
  ResolvedVariable,
  ResolvedVariables,
  VariableDefinition,
  VariableUse,
} from './variable.types';

/** Groups definitions by name, keeping their order. */
export function groupVariables(
  variables: readonly VariableDefinition[],
): Map<string, VariableDefinition[]> {
  const byName = new Map<string, VariableDefinition[]>();
  for (const variable of variables) {
    const list = byName.get(variable.name);
    if (list) list.push(variable);
    else byName.set(variable.name, [variable]);
  }
  return byName;
}

/**
 * Resolves, for one deployment context, the variables a step uses and everything they refer to.
 * Only those are looked at, so an unused ambiguous variable blocks nothing. Built-ins come from
 * `context.builtIns`. Throws DomainError `unresolved_variable`, `ambiguous_variable` or
 * `variable_cycle` with every problem in `errors`.
 */
export function resolveVariables(
  uses: readonly VariableUse[],
  variables: readonly VariableDefinition[],
  context: ResolutionContext,
): ResolvedVariables {
  const byName = groupVariables(variables);
  const lookup = (name: string): VariableLookupResult => {
    if (Object.prototype.hasOwnProperty.call(context.builtIns, name)) {
      return { kind: 'value', value: context.builtIns[name], sensitive: false, builtIn: true };
    }
    const definitions = byName.get(name);
    if (!definitions)
      return {
        kind: 'problem',
        code: 'unresolved_variable',
        message: `#{${name}} is not a variable of this project`,
      };
    const choice = chooseCandidate(definitions, context);
    if (choice.kind === 'none') {
      return {
        kind: 'problem',
        code: 'unresolved_variable',
        message: `#{${name}} has no value for this environment, tenant, channel and target`,
      };
    }
    if (choice.kind === 'ambiguous') {
      const scopes = choice.candidates
        .map((candidate) => describeScope(candidate.scope))
        .join(' | ');
      return {
        kind: 'problem',
        code: 'ambiguous_variable',
        message: `#{${name}} has ${choice.candidates.length} equally specific values (${scopes})`,
      };
    }
    return {
      kind: 'value',
      value: choice.definition.value as string,
      sensitive: choice.definition.sensitive,
      builtIn: false,
    };
  };
  const resolved = new Map<string, ResolvedVariable>();
  for (const [name, expansion] of expandVariables(uses, lookup)) {
    resolved.set(name, {
      name,
      value: expansion.value ?? '',
      sensitive: expansion.sensitive,
      builtIn: expansion.builtIn,
    });
  }
  return resolved;
}

/** The values to mask in logs: every resolved value that is sensitive. */
export function sensitiveValues(resolved: ResolvedVariables): string[] {
  return [...resolved.values()]
    .filter((variable) => variable.sensitive)
    .map((variable) => variable.value);
}
