import { validationError } from './cfn-error';
import type { InputParameter } from './cfn-types';

export type Input = Record<string, unknown>;

export const list = <T = unknown>(value: unknown): T[] =>
  Array.isArray(value) ? (value as T[]) : [];
export const str = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;
export const bool = (value: unknown): boolean => value === 'true' || value === true;

export function inputParameters(value: unknown): InputParameter[] {
  return list<Input>(value).map((p) => ({
    ParameterKey: String(p.ParameterKey ?? ''),
    ParameterValue: str(p.ParameterValue),
    UsePreviousValue: bool(p.UsePreviousValue),
  }));
}

export function tags(value: unknown): { Key: string; Value: string }[] {
  return list<Input>(value).map((t) => ({ Key: String(t.Key), Value: String(t.Value ?? '') }));
}

/** Stack names follow CloudFormation's pattern; the message is AWS's constraint wording. */
export function checkStackName(name: string | undefined): string {
  if (!name || name.length > 128 || !/^[a-zA-Z][-a-zA-Z0-9]*$/.test(name)) {
    throw validationError(
      `1 validation error detected: Value '${name ?? ''}' at 'stackName' failed to satisfy constraint: ` +
        'Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*|arn:[-a-zA-Z0-9:/._+]*',
    );
  }
  return name;
}

export function templateBody(input: Input): string | undefined {
  if (input.TemplateURL !== undefined)
    throw validationError('TemplateURL is not supported by the sandbox; pass TemplateBody.');
  return str(input.TemplateBody);
}
