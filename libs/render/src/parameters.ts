import type { EcsServiceStep } from '@gantry/domain';
import type { FieldValues } from './field-values';
import type { CfnParameter } from './template.types';

export const IMAGE_TAG_ALLOWED_PATTERN = '^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$';

/** One `ImageTag<Container>` parameter per container; the default is the chosen tag, when there is one. */
export function imageTagParameters(
  step: EcsServiceStep,
  names: ReadonlyMap<string, string>,
  images: Record<string, string> | undefined,
): Record<string, CfnParameter> {
  const parameters: Record<string, CfnParameter> = {};
  for (const container of step.containers) {
    const parameter: CfnParameter = {
      Type: 'String',
      Description: `Image tag of container ${container.name} (${container.image})`,
      AllowedPattern: IMAGE_TAG_ALLOWED_PATTERN,
      ConstraintDescription: 'must be a Docker image tag',
    };
    const tag = images?.[container.name];
    if (tag !== undefined) parameter.Default = tag;
    parameters[names.get(container.name) as string] = parameter;
  }
  return parameters;
}

export interface VariableParameterSource {
  name: string;
  parameter: string;
  sensitive: boolean;
  /** The default value; ignored for a sensitive variable, which never has one. */
  value: string | null;
}

/**
 * Parameters for the variables the template used: `Number` when one was the whole value of a
 * number field, `NoEcho` without a default when sensitive.
 */
export function variableParameters(
  sources: readonly VariableParameterSource[],
  values: FieldValues,
): Record<string, CfnParameter> {
  const parameters: Record<string, CfnParameter> = {};
  for (const source of sources) {
    const usage = values.used.get(source.parameter);
    if (!usage) continue;
    const parameter: CfnParameter = {
      Type: usage.numeric ? 'Number' : 'String',
      Description: `${source.sensitive ? 'Sensitive ' : ''}Gantry variable ${source.name}`,
    };
    if (source.sensitive) parameter.NoEcho = true;
    else if (source.value !== null) parameter.Default = source.value;
    parameters[source.parameter] = parameter;
  }
  return parameters;
}
