import { validationError } from './cfn-error';
import type { InputParameter, StackParameter, TemplateParameter } from './cfn-types';

export interface ResolvedParameters {
  /** Values for Ref: list types as arrays. */
  values: Record<string, string | string[]>;
  stackParameters: StackParameter[];
  noEcho: string[];
}

const isList = (type: string): boolean => type.startsWith('List<') || type === 'CommaDelimitedList';

/**
 * A parameter value the template's constraints refuse. With a ConstraintDescription, that text is
 * the reason (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html).
 */
function check(key: string, declared: TemplateParameter, value: string): void {
  try {
    checkConstraints(key, declared, value);
  } catch (error) {
    if (
      declared.ConstraintDescription === undefined ||
      (error as Error).message.endsWith('must be a number.')
    )
      throw error;
    throw validationError(
      `Parameter ${key} failed to satisfy constraint: ${String(declared.ConstraintDescription)}`,
    );
  }
}

function checkConstraints(key: string, declared: TemplateParameter, value: string): void {
  const items = isList(declared.Type) ? value.split(',').map((v) => v.trim()) : [value];
  for (const item of items) {
    if (
      (declared.Type === 'Number' || declared.Type === 'List<Number>') &&
      (item === '' || Number.isNaN(Number(item)))
    ) {
      throw validationError(`Parameter '${key}' must be a number.`);
    }
    if (declared.AllowedValues && !declared.AllowedValues.map(String).includes(item)) {
      throw validationError(`Parameter '${key}' must be one of AllowedValues`);
    }
    if (declared.AllowedPattern && !new RegExp(`^(?:${declared.AllowedPattern})$`).test(item)) {
      throw validationError(`Parameter '${key}' must match pattern ${declared.AllowedPattern}`);
    }
    if (declared.MinValue !== undefined && Number(item) < Number(declared.MinValue)) {
      throw validationError(
        `Parameter '${key}' must be a number not less than ${declared.MinValue}`,
      );
    }
    if (declared.MaxValue !== undefined && Number(item) > Number(declared.MaxValue)) {
      throw validationError(
        `Parameter '${key}' must be a number not greater than ${declared.MaxValue}`,
      );
    }
  }
  if (declared.MinLength !== undefined && value.length < Number(declared.MinLength)) {
    throw validationError(
      `Parameter '${key}' must contain at least ${declared.MinLength} characters`,
    );
  }
  if (declared.MaxLength !== undefined && value.length > Number(declared.MaxLength)) {
    throw validationError(
      `Parameter '${key}' must contain at most ${declared.MaxLength} characters`,
    );
  }
}

/**
 * Resolves the parameters of a stack operation against the template's declarations, as
 * CloudFormation does: defaults, `UsePreviousValue`, types, `AllowedValues`, `NoEcho`.
 */
export function resolveParameters(
  declared: Record<string, TemplateParameter> | undefined,
  input: InputParameter[],
  previous: StackParameter[] = [],
): ResolvedParameters {
  const decl = declared ?? {};
  const unknown = input.map((p) => p.ParameterKey).filter((k) => !(k in decl));
  if (unknown.length > 0)
    throw validationError(`Parameters: [${unknown.join(', ')}] do not exist in the template`);
  const values: Record<string, string | string[]> = {};
  const stackParameters: StackParameter[] = [];
  const missing: string[] = [];
  for (const [key, d] of Object.entries(decl)) {
    const given = input.find((p) => p.ParameterKey === key);
    let value: string | undefined;
    if (given?.UsePreviousValue) {
      const prior = previous.find((p) => p.ParameterKey === key);
      if (!prior) {
        throw validationError(
          `Invalid input for parameter key ${key}. Cannot specify usePreviousValue as true for a parameter key not in the previous template`,
        );
      }
      value = prior.ParameterValue;
    } else if (given?.ParameterValue !== undefined) {
      value = given.ParameterValue;
    } else if (d.Default !== undefined) {
      value = Array.isArray(d.Default) ? d.Default.join(',') : String(d.Default);
    }
    if (value === undefined) {
      missing.push(key);
      continue;
    }
    check(key, d, value);
    values[key] = isList(d.Type)
      ? value === ''
        ? []
        : value.split(',').map((v) => v.trim())
      : value;
    stackParameters.push({ ParameterKey: key, ParameterValue: value });
  }
  if (missing.length > 0)
    throw validationError(`Parameters: [${missing.join(', ')}] must have values`);
  const noEcho = Object.entries(decl)
    .filter(([, d]) => d.NoEcho === true || d.NoEcho === 'true')
    .map(([k]) => k);
  return { values, stackParameters, noEcho };
}

/** Parameters as DescribeStacks shows them: NoEcho values masked. */
export function maskedParameters(parameters: StackParameter[], noEcho: string[]): StackParameter[] {
  return parameters.map((p) =>
    noEcho.includes(p.ParameterKey) ? { ...p, ParameterValue: '****' } : p,
  );
}
