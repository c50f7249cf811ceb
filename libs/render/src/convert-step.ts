import {
  collectVariableUses,
  expandVariables,
  groupVariables,
  type VariableDefinition,
  type VariableLookupResult,
} from '@gantry/domain';
import { createFieldValues } from './field-values';
import { ref, sub } from './intrinsics';
import { imageTagParameterNames, variableParameterNames } from './parameter-names';
import { imageTagParameters, variableParameters } from './parameters';
import { assertRenderable } from './render-checks';
import { planSecrets } from './secrets';
import { buildOutputs, buildResources } from './resources';
import { mergeTags, renderTags } from './tags';
import { canonicalize, fitDescription, hashCanonical } from './serialize';
import type { BuildContext } from './build-context';
import type { ConvertInput, ConvertResult } from './render.types';
import type { CfnTemplate } from './template.types';

export const CLUSTER_PARAMETER = 'ClusterName';

/**
 * A project's step as a standalone template that needs no Gantry (`aws cloudformation deploy`):
 * every variable the step uses, each image tag and the cluster are parameters. A variable's
 * default is its unscoped value (nested references expanded with unscoped values); a sensitive
 * one is `NoEcho` without a default; names follow the stack (`AWS::StackName`). Pure.
 * Throws DomainError like {@link renderStack}; checks needing an unknown value are skipped.
 */
export function convertStep(input: ConvertInput): ConvertResult {
  const { step, project } = input;
  const uses = collectVariableUses(step, 'step');
  const expansions = expandVariables(uses, unscopedLookup(input));
  const imageNames = imageTagParameterNames(step.containers.map((container) => container.name));
  const variableNames = variableParameterNames(
    uses.map((use) => use.name),
    [...imageNames.values(), CLUSTER_PARAMETER],
  );
  const values = createFieldValues((name) => {
    const expansion = expansions.get(name);
    if (!expansion) throw new Error(`variable '${name}' was not expanded`);
    return {
      parameter: variableNames.get(name) ?? null,
      value: expansion.sensitive ? null : expansion.value,
      sensitive: expansion.sensitive,
    };
  });
  const tags = mergeTags(step.tags, {});
  assertRenderable({ step, values, images: input.images, imagesRequired: false, tags, uses });

  const context: BuildContext = {
    step,
    values,
    name: ref('AWS::StackName'),
    logGroupName: sub('/ecs/${AWS::StackName}'),
    cluster: ref(CLUSTER_PARAMETER),
    imageParameters: imageNames,
    tags: renderTags(tags, values),
    secrets: planSecrets(step, values),
  };
  const resources = buildResources(context);
  const outputs = buildOutputs(context);
  const sources = [...variableNames].map(([name, parameter]) => {
    const expansion = expansions.get(name);
    return {
      name,
      parameter,
      sensitive: expansion?.sensitive ?? false,
      value: expansion?.value ?? null,
    };
  });
  const template = canonicalize<CfnTemplate>({
    AWSTemplateFormatVersion: '2010-09-09',
    Description: fitDescription(
      `${project.name}: ECS service converted from Gantry; deploy with aws cloudformation deploy`,
    ),
    Metadata: { Gantry: { projectId: project.id, project: project.slug } },
    Parameters: {
      [CLUSTER_PARAMETER]: {
        Type: 'String',
        Description: 'Name of the ECS cluster that runs the service',
      },
      ...imageTagParameters(step, imageNames, input.images),
      ...variableParameters(sources, values),
    },
    Resources: resources,
    Outputs: outputs,
  });
  return { template, hash: hashCanonical(template) };
}

/** Looks variables up by their unscoped value only: scoped values need a deployment to choose. */
export function unscopedLookup(input: ConvertInput): (name: string) => VariableLookupResult {
  const byName = groupVariables(input.variables);
  const builtIns: Record<string, string | null> = {
    'Gantry.Project.Name': input.project.name,
    'Gantry.Release.Number': input.releaseVersion ?? null,
    'Gantry.Tenant.Name': '',
    'Gantry.Environment.Name': null,
    'Gantry.Target.Name': null,
    'Gantry.Channel.Name': null,
  };
  return (name) => {
    if (name in builtIns) {
      const value = builtIns[name];
      return value === null
        ? { kind: 'unknown', sensitive: false }
        : { kind: 'value', value, sensitive: false, builtIn: true };
    }
    const definitions = byName.get(name);
    if (!definitions)
      return {
        kind: 'problem',
        code: 'unresolved_variable',
        message: `#{${name}} is not a variable of this project`,
      };
    const sensitive = definitions.some((definition) => definition.sensitive);
    const unscoped = definitions.filter(
      (definition) => definition.value !== null && isUnscoped(definition),
    );
    if (unscoped.length > 1) {
      return {
        kind: 'problem',
        code: 'ambiguous_variable',
        message: `#{${name}} has ${unscoped.length} unscoped values`,
      };
    }
    if (unscoped.length === 0 || sensitive) return { kind: 'unknown', sensitive };
    return { kind: 'value', value: unscoped[0].value as string, sensitive: false, builtIn: false };
  };
}

function isUnscoped(definition: VariableDefinition): boolean {
  const { environments, tenants, channels, targets } = definition.scope;
  return [environments, tenants, channels, targets].every((list) => !list || list.length === 0);
}
