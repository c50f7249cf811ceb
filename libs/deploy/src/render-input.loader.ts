import { Injectable } from '@nestjs/common';
import {
  DomainError,
  notFound,
  stepBody,
  stepImages,
  stepStackName,
  VariableDefinition,
  type EcsServiceStep,
  type ProcessStep,
} from '@gantry/domain';
import {
  ChannelsRepository,
  EnvironmentsRepository,
  ProjectsRepository,
  ReleasesRepository,
  SecretBox,
  SnapshotVariable,
  TargetsRepository,
  TenantsRepository,
} from '@gantry/persistence';
import type { RenderInput } from '@gantry/render';

export interface RenderRequest {
  releaseId: string;
  /** The step to render; the release's only step when absent (a 422 naming the steps otherwise). */
  stepSlug?: string;
  environmentId: string;
  tenantId: string | null;
  targetId: string;
  deploymentId?: string;
}

/**
 * What any step kind renders from, for one (release, step, environment, tenant, target): the
 * step as snapshotted, its containers' tags by container name, and its stack name there.
 */
export interface StepRenderInput extends Omit<RenderInput, 'release' | 'stackName'> {
  release: { id: string; version: string };
  step: ProcessStep;
  images: Record<string, string>;
  stackName: string;
}

/** Gathers what `renderStack` needs for one (release, environment, tenant, target), secrets decrypted in memory. */
@Injectable()
export class RenderInputLoader {
  constructor(
    private readonly releases: ReleasesRepository,
    private readonly projects: ProjectsRepository,
    private readonly channels: ChannelsRepository,
    private readonly environments: EnvironmentsRepository,
    private readonly tenants: TenantsRepository,
    private readonly targets: TargetsRepository,
    private readonly secrets: SecretBox,
  ) {}

  /** The render input of an `ecs-service` step (`renderStack`'s input). */
  async load(request: RenderRequest): Promise<RenderInput> {
    const { step, images, release, stackName, ...rest } = await this.loadStep(request);
    if (step.kind !== 'ecs-service')
      throw new DomainError(
        'validation_failed',
        `Step '${step.slug}' is a ${step.kind} step, not an ecs-service step.`,
        [{ path: 'step', message: `'${step.slug}' is a ${step.kind} step` }],
      );
    return {
      ...rest,
      release: { ...release, images, step: stepBody(step) as EcsServiceStep },
      stackName,
    };
  }

  /** What any step kind renders from (see StepRenderInput), secrets decrypted in memory. */
  async loadStep(request: RenderRequest): Promise<StepRenderInput> {
    const release = await this.releases.get(request.releaseId);
    const step = chooseStep(release.steps, request.stepSlug);
    const [project, channel, environment, tenant, target] = await Promise.all([
      this.projects.get(release.projectId),
      this.channels.findById(release.channelId),
      this.environments.get(request.environmentId),
      request.tenantId ? this.tenants.get(request.tenantId) : Promise.resolve(null),
      this.targets.awsAccess(request.targetId),
    ]);
    if (!channel) throw notFound('channel', release.channelId);
    return {
      project: named(project),
      release: { id: release.id, version: release.version },
      step,
      images: stepImages(release.images, step),
      stackName: stepStackName(project.slug, step, environment.slug, tenant?.slug),
      environment: named(environment),
      tenant: tenant ? named(tenant) : null,
      channel: named(channel),
      target: {
        id: target.targetId,
        slug: target.slug,
        name: target.name,
        cluster: target.cluster,
        region: target.region,
      },
      variables: release.variables.map((variable) => this.decrypted(variable)),
      deploymentId: request.deploymentId,
    };
  }

  private decrypted(variable: SnapshotVariable): VariableDefinition {
    const value = variable.sensitive
      ? variable.valueEncrypted
        ? this.secrets.decrypt(variable.valueEncrypted)
        : null
      : variable.value;
    return { name: variable.name, value, sensitive: variable.sensitive, scope: variable.scope };
  }
}

/** The named step of a release, or its only one; a process of several needs a name (422). */
export function chooseStep(steps: readonly ProcessStep[], slug: string | undefined): ProcessStep {
  const slugs = steps.map((step) => step.slug).join(', ');
  if (slug === undefined) {
    if (steps.length === 1) return steps[0];
    throw new DomainError(
      'step_required',
      `This project's process has ${steps.length} steps (${slugs}): name one with ?step=.`,
      [{ path: 'step', message: `required: one of ${slugs}` }],
      { steps: steps.map((step) => step.slug) },
    );
  }
  const step = steps.find((candidate) => candidate.slug === slug.toLowerCase());
  if (!step)
    throw new DomainError(
      'not_found',
      `Step '${slug}' is not a step of this project (${slugs}).`,
      [{ path: 'step', message: `not one of ${slugs}` }],
      { kind: 'step', ref: slug },
    );
  return step;
}

function named(row: { id: string; slug: string; name: string }) {
  return { id: row.id, slug: row.slug, name: row.name };
}
