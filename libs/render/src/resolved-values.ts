import type { ResolvedVariable, VariableUse } from '@gantry/domain';
import { createFieldValues, type FieldValues } from './field-values';
import { imageTagParameterNames, variableParameterNames } from './parameter-names';

/** The parameter names and field values of a render whose variables are resolved for one placement. */
export interface ResolvedValues {
  /** Container name → the parameter of its image tag. */
  imageNames: Map<string, string>;
  /** Sensitive variable → its `NoEcho` parameter. */
  secretNames: Map<string, string>;
  values: FieldValues;
}

/**
 * Names a parameter for each container's image tag and each sensitive variable the step uses, and
 * binds every variable to its resolved value (a sensitive one to its parameter): what both the
 * service and the one-off task stacks render from.
 */
export function resolvedValues(
  uses: readonly VariableUse[],
  resolved: ReadonlyMap<string, ResolvedVariable>,
  containerNames: readonly string[],
): ResolvedValues {
  const imageNames = imageTagParameterNames(containerNames);
  const sensitiveNames = uses
    .map((use) => use.name)
    .filter((name) => resolved.get(name)?.sensitive);
  const secretNames = variableParameterNames(sensitiveNames, imageNames.values());
  const values = createFieldValues((name) => {
    const variable = resolved.get(name);
    if (!variable) throw new Error(`variable '${name}' was not resolved`);
    return {
      parameter: variable.sensitive ? (secretNames.get(name) ?? null) : null,
      value: variable.value,
      sensitive: variable.sensitive,
    };
  });
  return { imageNames, secretNames, values };
}
