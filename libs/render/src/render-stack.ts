import {
  builtInVariables,
  collectVariableUses,
  resolveVariables,
  stackName,
  templateSizeError,
  type ResolutionContext,
} from '@gantry/domain';
import type { FieldValues } from './field-values';
import { imageTagParameters, variableParameters, type VariableParameterSource } from './parameters';
import { assertRenderable } from './render-checks';
import { resolvedValues } from './resolved-values';
import { planSecrets } from './secrets';
import { buildOutputs, buildResources } from './resources';
import { mergeTags, renderTags } from './tags';
import { canonicalize, fitDescription, measureCanonical } from './serialize';
import type { BuildContext } from './build-context';
import type { RenderInput, RenderResult, StackParameterValue } from './render.types';
import type { CfnTemplate } from './template.types';

/**
 * The deployment template of one release in one environment (and tenant) on one target, per
 * docs/deployments.md (Rendering). Pure: no clock, no I/O; the same input gives the same
 * template, bytes and hash.
 * Non-sensitive variables are substituted; each sensitive one the step uses becomes a `NoEcho`
 * parameter whose value is in `parameters`. Throws DomainError: `unresolved_variable`,
 * `ambiguous_variable`, `variable_cycle`, `fargate_size_invalid` or `render_check_failed`.
 */
export function renderStack(input: RenderInput): RenderResult {
  const { project, release, environment, tenant } = input;
  const step = release.step;
  const uses = collectVariableUses(step, 'step');
  const resolved = resolveVariables(uses, input.variables, resolutionContext(input));
  const { imageNames, secretNames, values } = resolvedValues(
    uses,
    resolved,
    step.containers.map((container) => container.name),
  );
  const name = input.stackName ?? stackName(project.slug, environment.slug, tenant?.slug);
  const place = { stack: name, environment: environment.slug, tenant: tenant?.slug ?? null };
  // Refused before the template is built: thousands of uses of a 50 KB value would be gigabytes.
  const weights = variableWeights(uses, resolved);
  const lowerBound = weights.reduce((sum, weight) => sum + weight.bytes, 0);
  const early = templateSizeError(lowerBound, place, weights, true);
  if (early) throw early;
  const tags = mergeTags(step.tags, gantryTagsOf(input));
  assertRenderable({ step, values, images: release.images, imagesRequired: true, tags, uses });

  const context: BuildContext = {
    step,
    values,
    name,
    logGroupName: `/gantry/${name}`,
    cluster: input.target.cluster,
    imageParameters: imageNames,
    tags: renderTags(tags, values),
    secrets: planSecrets(step, values),
  };
  const resources = buildResources(context);
  const outputs = buildOutputs(context);
  const secrets = [...secretNames].map(([variable, parameter]) => ({
    name: variable,
    parameter,
    sensitive: true,
    value: resolved.get(variable)?.value ?? null,
  }));
  const template = canonicalize<CfnTemplate>({
    AWSTemplateFormatVersion: '2010-09-09',
    Description: describe(input),
    Metadata: { Gantry: metadata(input) },
    Parameters: {
      ...imageTagParameters(step, imageNames, release.images),
      ...variableParameters(secrets, values),
    },
    Resources: resources,
    Outputs: outputs,
  });
  // `jsonBytes`: the template as the worker sends it (`toJson`: canonical, two-space indents).
  const { hash, jsonBytes } = measureCanonical(template);
  const size = templateSizeError(jsonBytes, place, weights);
  if (size) throw size;
  const parameters = parameterValues(imageNames, release.images, secrets, values);
  return { template, parameters, hash };
}

/** What each non-sensitive variable puts into the template: its value's bytes times its uses. */
function variableWeights(
  uses: ReadonlyArray<{ name: string }>,
  resolved: ReadonlyMap<string, { value: string | null; sensitive: boolean }>,
): Array<{ name: string; bytes: number }> {
  const weights = new Map<string, number>();
  for (const use of uses) {
    const variable = resolved.get(use.name);
    if (!variable || variable.sensitive || variable.value === null) continue;
    weights.set(use.name, (weights.get(use.name) ?? 0) + Buffer.byteLength(variable.value));
  }
  return [...weights].map(([name, bytes]) => ({ name, bytes }));
}

/** Gantry's own resource tags; the tenant tag only on a tenanted deployment. */
function gantryTagsOf({
  project,
  release,
  environment,
  tenant,
}: RenderInput): Record<string, { value: string; path: string }> {
  const tags: Record<string, { value: string; path: string }> = {
    'gantry:project': { value: project.slug, path: 'project.slug' },
    'gantry:release': { value: release.version, path: 'release.version' },
    'gantry:environment': { value: environment.slug, path: 'environment.slug' },
  };
  if (tenant) tags['gantry:tenant'] = { value: tenant.slug, path: 'tenant.slug' };
  return tags;
}

/** The values the worker passes: every image tag and every sensitive parameter the template uses, by key. */
function parameterValues(
  imageNames: ReadonlyMap<string, string>,
  images: Record<string, string>,
  secrets: readonly VariableParameterSource[],
  values: FieldValues,
): StackParameterValue[] {
  return [
    ...[...imageNames].map(([container, key]) => ({
      key,
      value: images[container],
      noEcho: false,
    })),
    ...secrets
      .filter((secret) => values.used.has(secret.parameter))
      .map((secret) => ({ key: secret.parameter, value: secret.value ?? '', noEcho: true })),
  ].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function resolutionContext(input: RenderInput): ResolutionContext {
  return {
    environmentId: input.environment.id,
    tenantId: input.tenant?.id ?? null,
    channelId: input.channel.id,
    targetId: input.target.id,
    builtIns: builtInVariables({
      environment: input.environment.name,
      tenant: input.tenant?.name ?? null,
      release: input.release.version,
      project: input.project.name,
      target: input.target.name,
      channel: input.channel.name,
    }),
  };
}

function describe(input: RenderInput): string {
  const tenant = input.tenant ? `, tenant ${input.tenant.name}` : '';
  return fitDescription(
    `Gantry: project ${input.project.name}, release ${input.release.version}, environment ${input.environment.name}${tenant}`,
  );
}

function metadata(input: RenderInput): Record<string, string> {
  const ids: Record<string, string> = {
    projectId: input.project.id,
    releaseId: input.release.id,
    environmentId: input.environment.id,
    channelId: input.channel.id,
    targetId: input.target.id,
  };
  if (input.tenant) ids.tenantId = input.tenant.id;
  if (input.deploymentId !== undefined) ids.deploymentId = input.deploymentId;
  return ids;
}
