import { templateError, validationError } from './cfn-error';
import type { Template } from './cfn-types';
import { PROVIDERS } from './resources';

/** https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html */
const SECTIONS = new Set([
  'AWSTemplateFormatVersion',
  'Description',
  'Metadata',
  'Parameters',
  'Rules',
  'Mappings',
  'Conditions',
  'Transform',
  'Resources',
  'Outputs',
]);

/** https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-product-attribute-reference.html */
const RESOURCE_KEYS = new Set([
  'Type',
  'Properties',
  'DependsOn',
  'Condition',
  'DeletionPolicy',
  'UpdateReplacePolicy',
  'UpdatePolicy',
  'CreationPolicy',
  'Metadata',
]);

/** The only format version there is (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/format-version-structure.html). */
const FORMAT_VERSION = '2010-09-09';

/** YAML 1.1 reads an unquoted 2010-09-09 as a date; CloudFormation takes it as the version text. */
function versionText(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

/** Top-level sections, the format version and each resource's keys, as CloudFormation checks them. */
export function checkStructure(template: Template): void {
  const unknown = Object.keys(template).filter((k) => !SECTIONS.has(k));
  if (unknown.length > 0)
    throw validationError(`Invalid template property or properties [${unknown.join(', ')}]`);
  const version = template.AWSTemplateFormatVersion;
  if (version !== undefined && versionText(version) !== FORMAT_VERSION)
    throw templateError(
      `${versionText(version)} is not a supported value for AWSTemplateFormatVersion. The only valid value is ${FORMAT_VERSION}.`,
    );
  for (const r of Object.values(template.Resources ?? {})) {
    const key = Object.keys(r).find((k) => !RESOURCE_KEYS.has(k));
    if (key !== undefined) throw validationError(`Invalid template resource property '${key}'`);
  }
}

type Visitor = (fn: string, arg: unknown) => void;

/** Calls `visit` for each use of the named functions (`Condition` is one only inside Conditions:
 * elsewhere it can be a property's name, as in a container's DependsOn). */
function walk(node: unknown, functions: string[], visit: Visitor): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, functions, visit));
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (functions.includes(key)) visit(key, value);
    walk(value, functions, visit);
  }
}

/**
 * What CloudFormation refuses before creating anything: a condition that is not defined (on a
 * resource or output, in `Fn::If` or `Condition`), and `Fn::GetAtt` of an attribute the resource
 * type does not have (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-getatt.html).
 */
export function checkConditionsAndAttributes(template: Template): void {
  const conditions = new Set(Object.keys(template.Conditions ?? {}));
  const resources = template.Resources ?? {};
  const blocks: [string, Record<string, { Condition?: unknown }>][] = [
    ['Resources', resources],
    ['Outputs', template.Outputs ?? {}],
  ];
  for (const [block, entries] of blocks) {
    for (const entry of Object.values(entries)) {
      if (entry?.Condition !== undefined && !conditions.has(String(entry.Condition)))
        throw templateError(
          `Unresolved condition dependency ${String(entry.Condition)} in the ${block} block of the template`,
        );
    }
  }
  const check: Visitor = (fn, arg) => {
    if (fn === 'Condition' && typeof arg === 'string' && !conditions.has(arg))
      throw templateError(
        `Unresolved condition dependency ${arg} in the Conditions block of the template`,
      );
    if (
      fn === 'Fn::If' &&
      Array.isArray(arg) &&
      typeof arg[0] === 'string' &&
      !conditions.has(arg[0])
    )
      throw validationError(`Template error: unresolved condition dependency ${arg[0]} in Fn::If`);
    if (
      fn === 'Fn::GetAtt' &&
      Array.isArray(arg) &&
      typeof arg[0] === 'string' &&
      typeof arg[1] === 'string'
    ) {
      const type = resources[arg[0]]?.Type;
      const provider = type ? PROVIDERS[type] : undefined;
      if (provider && !provider.attributes.includes(arg[1]))
        throw validationError(
          `Template error: resource ${arg[0]} does not support attribute type ${arg[1]} in Fn::GetAtt`,
        );
    }
  };
  walk(template.Conditions ?? {}, ['Condition'], check);
  const values = [
    ...Object.values(resources).map((r) => r?.Properties ?? {}),
    ...Object.values(template.Outputs ?? {}).map((o) => [o?.Value, o?.Export]),
  ];
  walk(values, ['Fn::If', 'Fn::GetAtt'], check);
}
