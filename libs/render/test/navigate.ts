// Reads nested values out of a rendered template in specs without `any`.
import type { CfnTemplate, CfnValue } from '../src';

/** The value at `keys` (object keys or array indexes) below `value`; undefined when absent. */
export function at(value: unknown, ...keys: (string | number)[]): CfnValue | undefined {
  let current: unknown = value;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current as CfnValue | undefined;
}

/** The container definitions of the task definition. */
export function containers(template: CfnTemplate): CfnValue[] {
  return (at(template, 'Resources', 'TaskDefinition', 'Properties', 'ContainerDefinitions') ??
    []) as CfnValue[];
}

/** The value of one environment variable of a container definition. */
export function envValue(container: CfnValue | undefined, name: string): CfnValue | undefined {
  const entries = (at(container, 'Environment') ?? []) as { Name: string; Value: CfnValue }[];
  return entries.find((entry) => entry.Name === name)?.Value;
}
