import {
  builtInVariables,
  collectVariableUses,
  DomainError,
  expandVariables,
  resolveVariables,
  type EcsRunTaskStep,
  type EcsServiceStep,
  type VariableDefinition,
} from '@gantry/domain';
import {
  LOG_GROUP_ID,
  TASK_DEFINITION_ID,
  needsLogGroup,
  type BuildContext,
} from './build-context';
import { unscopedLookup } from './convert-step';
import { createFieldValues, type FieldValues } from './field-values';
import { ref, sub } from './intrinsics';
import { imageTagParameterNames, variableParameterNames } from './parameter-names';
import { imageTagParameters, variableParameters } from './parameters';
import { assertRenderable } from './render-checks';
import { resolvedValues } from './resolved-values';
import { logGroup, taskAccessResources, taskDefinition } from './resources';
import { planSecrets } from './secrets';
import { canonicalize, fitDescription, hashCanonical } from './serialize';
import { mergeTags, renderTags } from './tags';
import type { NamedRef, RenderResult, StackParameterValue } from './render.types';
import type { CfnOutput, CfnResource, CfnTemplate } from './template.types';

/** Everything the stack of one `ecs-run-task` step on one (environment, tenant, target) depends on. */
export interface RunTaskRenderInput {
  project: NamedRef;
  /** The step's slug and name (its stack, family and tags name it). */
  step: { slug: string; name: string };
  release: {
    id: string;
    version: string;
    /** Container name → image tag, for this step's containers. */
    images: Record<string, string>;
    /** The kind's body, as `ecsRunTaskStepSchema` parsed it. */
    body: EcsRunTaskStep;
  };
  environment: NamedRef;
  tenant: NamedRef | null;
  channel: NamedRef;
  target: NamedRef & { cluster: string; region: string };
  variables: VariableDefinition[];
  /** The step's stack name (`stepStackName`): also the task definition family. */
  stackName: string;
  /** Written to `Metadata.Gantry.deploymentId` only. */
  deploymentId?: string;
}

/** A run-task step as a standalone template that needs no Gantry (the step export). */
export interface RunTaskConvertInput {
  project: NamedRef;
  step: { slug: string; name: string };
  body: EcsRunTaskStep;
  variables: VariableDefinition[];
  images?: Record<string, string>;
  releaseVersion?: string;
}

/**
 * The deployment template of an `ecs-run-task` step: its task definition (Fargate, `awsvpc`, every
 * container field, kept on update and delete so every revision a task ran stays registered) and
 * the log group its containers write to. Gantry runs the task itself (RunTask) once the stack is
 * deployed. Pure, like {@link renderStack}; the same checks (paths under `step.`), the same
 * parameters (one image tag per container, one `NoEcho` per sensitive variable used).
 */
export function renderRunTaskStack(input: RunTaskRenderInput): RenderResult {
  const { release } = input;
  const body = release.body;
  const uses = collectVariableUses(body, 'step');
  const resolved = resolveVariables(uses, input.variables, {
    environmentId: input.environment.id,
    tenantId: input.tenant?.id ?? null,
    channelId: input.channel.id,
    targetId: input.target.id,
    builtIns: builtInVariables({
      environment: input.environment.name,
      tenant: input.tenant?.name ?? null,
      release: release.version,
      project: input.project.name,
      target: input.target.name,
      channel: input.channel.name,
    }),
  });
  const { imageNames, secretNames, values } = resolvedValues(
    uses,
    resolved,
    body.containers.map((container) => container.name),
  );
  const step = asTaskStep(body);
  const tags = mergeTags({}, gantryTags(input));
  checkRenderable(step, values, release.images, true, tags);

  const context: BuildContext = {
    step,
    values,
    name: input.stackName,
    logGroupName: `/gantry/${input.stackName}`,
    cluster: input.target.cluster,
    imageParameters: imageNames,
    tags: renderTags(tags, values),
    secrets: planSecrets(step, values),
  };
  // Built first: building records which variables the template uses.
  const built = { resources: resources(context), outputs: outputs(context) };
  const secrets = [...secretNames].map(([variable, parameter]) => ({
    name: variable,
    parameter,
    sensitive: true,
    value: resolved.get(variable)?.value ?? null,
  }));
  const template = canonicalize<CfnTemplate>({
    AWSTemplateFormatVersion: '2010-09-09',
    Description: fitDescription(
      `Gantry: project ${input.project.name}, one-off task ${input.step.name}, release ${release.version}, environment ${input.environment.name}${input.tenant ? `, tenant ${input.tenant.name}` : ''}`,
    ),
    Metadata: { Gantry: metadata(input) },
    Parameters: {
      ...imageTagParameters(step, imageNames, release.images),
      ...variableParameters(secrets, values),
    },
    Resources: built.resources,
    Outputs: built.outputs,
  });
  const parameters: StackParameterValue[] = [
    ...[...imageNames].map(([container, key]) => ({
      key,
      value: release.images[container],
      noEcho: false,
    })),
    ...secrets
      .filter((secret) => values.used.has(secret.parameter))
      .map((secret) => ({ key: secret.parameter, value: secret.value ?? '', noEcho: true })),
  ].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { template, parameters, hash: hashCanonical(template) };
}

/**
 * A run-task step as a template anyone can deploy with `aws cloudformation deploy`: the task
 * definition and its log group, every variable the step uses and each image tag a parameter
 * (defaults from unscoped values), names from the stack. Run the task with `aws ecs run-task`.
 */
export function convertRunTaskStep(input: RunTaskConvertInput): {
  template: CfnTemplate;
  hash: string;
} {
  const { body, project } = input;
  const uses = collectVariableUses(body, 'step');
  const expansions = expandVariables(
    uses,
    unscopedLookup({
      project,
      step: asTaskStep(body),
      variables: input.variables,
      images: input.images,
      releaseVersion: input.releaseVersion,
    }),
  );
  const imageNames = imageTagParameterNames(body.containers.map((container) => container.name));
  const variableNames = variableParameterNames(
    uses.map((use) => use.name),
    [...imageNames.values()],
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
  const step = asTaskStep(body);
  const tags = mergeTags({}, {});
  checkRenderable(step, values, input.images, false, tags);
  const context: BuildContext = {
    step,
    values,
    name: ref('AWS::StackName'),
    logGroupName: sub('/ecs/${AWS::StackName}'),
    cluster: '',
    imageParameters: imageNames,
    tags: renderTags(tags, values),
    secrets: planSecrets(step, values),
  };
  const built = { resources: resources(context), outputs: outputs(context) };
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
      `${project.name}: one-off task ${input.step.name} converted from Gantry; deploy with aws cloudformation deploy, then aws ecs run-task`,
    ),
    Metadata: { Gantry: { projectId: project.id, project: project.slug, step: input.step.slug } },
    Parameters: {
      ...imageTagParameters(step, imageNames, input.images),
      ...variableParameters(sources, values),
    },
    Resources: built.resources,
    Outputs: built.outputs,
  });
  return { template, hash: hashCanonical(template) };
}

/**
 * The run-task body in the shape the shared task-definition builders and checks read: a service
 * that is never rendered, with the task's network and nothing that would be checked.
 */
function asTaskStep(body: EcsRunTaskStep): EcsServiceStep {
  return {
    containers: body.containers,
    task: body.task,
    tags: {},
    service: {
      desiredCount: 0,
      minimumHealthyPercent: 100,
      maximumPercent: 200,
      circuitBreaker: { enable: true, rollback: true },
      network: body.network,
      loadBalancers: [],
      serviceRegistries: [],
      deploymentStrategy: 'rolling',
      healthCheckGracePeriodSeconds: 0,
      enableExecuteCommand: false,
      platformVersion: 'LATEST',
      capacityProviderStrategy: [],
    },
  };
}

/** The shared checks, their paths moved from the service's network to the step's own. */
function checkRenderable(
  step: EcsServiceStep,
  values: FieldValues,
  images: Record<string, string> | undefined,
  imagesRequired: boolean,
  tags: ReturnType<typeof mergeTags>,
): void {
  try {
    assertRenderable({ step, values, images, imagesRequired, tags });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const move = (text: string) => text.replaceAll('step.service.network', 'step.network');
    throw new DomainError(
      error.code,
      move(error.message),
      error.errors.map((e) => ({ path: move(e.path), message: e.message })),
      error.details,
    );
  }
}

function resources(context: BuildContext): Record<string, CfnResource> {
  const out: Record<string, CfnResource> = {};
  if (needsLogGroup(context.step)) out[LOG_GROUP_ID] = logGroup(context);
  Object.assign(out, taskAccessResources(context));
  out[TASK_DEFINITION_ID] = taskDefinition(context);
  return out;
}

function outputs(context: BuildContext): Record<string, CfnOutput> {
  const out: Record<string, CfnOutput> = {
    TaskDefinitionArn: {
      Description: 'ARN of the task definition revision this stack registered (RunTask runs it)',
      Value: ref(TASK_DEFINITION_ID),
    },
  };
  // The task's network, for RunTask (Gantry reads these; `aws ecs run-task` users too).
  const { network } = context.step.service;
  out.Subnets = {
    Description: 'Subnets of the task (comma-separated), for RunTask',
    Value: { 'Fn::Join': [',', network.subnets.map((subnet) => context.values.text(subnet))] },
  };
  if (network.securityGroups.length > 0)
    out.SecurityGroups = {
      Description: 'Security groups of the task (comma-separated), for RunTask',
      Value: {
        'Fn::Join': [',', network.securityGroups.map((group) => context.values.text(group))],
      },
    };
  out.AssignPublicIp = {
    Description: 'Whether the task gets a public IP (ENABLED or DISABLED), for RunTask',
    Value: network.assignPublicIp ? 'ENABLED' : 'DISABLED',
  };
  if (needsLogGroup(context.step))
    out.LogGroupName = {
      Description: 'CloudWatch log group of the containers',
      Value: ref(LOG_GROUP_ID),
    };
  return out;
}

function gantryTags(input: RunTaskRenderInput): Record<string, { value: string; path: string }> {
  const tags: Record<string, { value: string; path: string }> = {
    'gantry:project': { value: input.project.slug, path: 'project.slug' },
    'gantry:step': { value: input.step.slug, path: 'step.slug' },
    'gantry:release': { value: input.release.version, path: 'release.version' },
    'gantry:environment': { value: input.environment.slug, path: 'environment.slug' },
  };
  if (input.tenant) tags['gantry:tenant'] = { value: input.tenant.slug, path: 'tenant.slug' };
  return tags;
}

function metadata(input: RunTaskRenderInput): Record<string, string> {
  const ids: Record<string, string> = {
    projectId: input.project.id,
    step: input.step.slug,
    releaseId: input.release.id,
    environmentId: input.environment.id,
    channelId: input.channel.id,
    targetId: input.target.id,
  };
  if (input.tenant) ids.tenantId = input.tenant.id;
  if (input.deploymentId !== undefined) ids.deploymentId = input.deploymentId;
  return ids;
}
