import { Injectable } from '@nestjs/common';
import {
  DomainError,
  notFound,
  requireTargets,
  stepBody,
  stepImages,
  type EcsRunTaskStep,
  type EcsServiceStep,
  type ProcessStep,
  type VariableDefinition,
} from '@gantry/domain';
import { ChangePreview, chooseStep, RenderInputLoader, stepStack } from '@gantry/deploy';
import {
  EnvironmentsRepository,
  ProjectsRepository,
  ReleasesRepository,
  TargetsRepository,
  TenantsRepository,
  VariablesRepository,
} from '@gantry/persistence';
import { CfnTemplate, convertRunTaskStep, convertStep, toJson, toYaml } from '@gantry/render';
import type { Actor } from '../access/actor';
import { assertActorScope } from '../deployments/actor-scope';
import type { ReleaseDiff } from './release-diff.response';
import { ProjectTemplateQuery, ReleaseDiffQuery, ReleaseTemplateQuery } from './templates.dto';

export interface TemplateDocument {
  body: string;
  contentType: string;
  hash: string;
}

/** The two exports: a release's exact deployment template, and a project's step as a standalone template. */
@Injectable()
export class TemplatesService {
  constructor(
    private readonly releases: ReleasesRepository,
    private readonly projects: ProjectsRepository,
    private readonly environments: EnvironmentsRepository,
    private readonly tenants: TenantsRepository,
    private readonly targets: TargetsRepository,
    private readonly variables: VariablesRepository,
    private readonly loader: RenderInputLoader,
    private readonly preview: ChangePreview,
  ) {}

  /** Exactly what a deployment of the release to (environment, tenant, target) would send; secrets stay NoEcho parameters. */
  async releaseTemplate(releaseId: string, query: ReleaseTemplateQuery): Promise<TemplateDocument> {
    const { release, request } = await this.placement(releaseId, query);
    const stack = stepStack(chooseStep(release.steps, query.step));
    const { rendered } = await stack.render(this.loader, request);
    return document(rendered.template, rendered.hash, query.format);
  }

  /** What deploying the release there would change, from a change set created and deleted for it. */
  async releaseDiff(
    releaseId: string,
    query: ReleaseDiffQuery,
    actor: Actor,
  ): Promise<ReleaseDiff> {
    const { project, environment, tenant, request } = await this.placement(releaseId, query);
    assertActorScope(actor, { project, environments: [environment] });
    const input = await this.loader.load(request);
    const preview = await this.preview.preview(input, input.stackName as string);
    return {
      release: { id: input.release.id, version: input.release.version },
      environment: { id: environment.id, slug: environment.slug },
      tenant: tenant ? { id: tenant.id, slug: tenant.slug } : null,
      target: { id: input.target.id, slug: input.target.slug },
      ...preview,
    };
  }

  /** The release's render input for one environment (and tenant, and target). */
  private async placement(
    releaseId: string,
    query: { environment: string; step?: string; tenant?: string; target?: string },
  ) {
    const release = await this.releases.get(releaseId);
    const project = await this.projects.get(release.projectId);
    const environment = await this.environments.get(query.environment);
    const tenant = query.tenant ? await this.tenants.get(query.tenant) : null;
    if (project.tenancy === 'tenanted' && !tenant) {
      throw new DomainError(
        'validation_failed',
        `Project '${project.slug}' is tenanted: name the tenant.`,
        [{ path: 'tenant', message: 'required for a tenanted project' }],
      );
    }
    const targetId = await this.chooseTarget(query.target, {
      environmentId: environment.id,
      tenantId: tenant?.id ?? null,
      targetTags: project.targetTags,
      environmentName: environment.name,
      tenantName: tenant?.name,
    });
    const request = {
      releaseId,
      stepSlug: query.step,
      environmentId: environment.id,
      tenantId: tenant?.id ?? null,
      targetId,
    };
    return { project, environment, tenant, release, request };
  }

  /** The project's step with every variable and image tag as a parameter: deployable with no Gantry at all. */
  async projectTemplate(
    projectRef: string,
    query: ProjectTemplateQuery,
    stepSlug?: string,
  ): Promise<TemplateDocument> {
    const project = await this.projects.get(projectRef);
    const step = chooseStep(project.steps, stepSlug);
    stepStack(step);
    const release = query.release ? await this.releases.get(query.release) : null;
    if (release && release.projectId !== project.id)
      throw notFound('release', query.release as string);
    const variables = (await this.variables.forProject(project.id)).map((row) => ({
      name: row.name,
      value: row.sensitive ? null : row.value,
      sensitive: row.sensitive,
      scope: row.scope,
    }));
    const converted = convertProjectStep(step, {
      project: { id: project.id, slug: project.slug, name: project.name },
      variables,
      images: release ? stepImages(release.images, step) : undefined,
      releaseVersion: release?.version,
    });
    return document(converted.template, converted.hash, query.format);
  }

  /** The named target (it must match), or the only matching one; several matches need a choice. */
  private async chooseTarget(
    ref: string | undefined,
    query: Parameters<typeof requireTargets>[1],
  ): Promise<string> {
    const candidates = requireTargets(await this.targets.inEnvironment(query.environmentId), query);
    if (ref) {
      const chosen = candidates.find(
        (target) => target.id === ref || target.slug === ref.toLowerCase(),
      );
      if (!chosen) {
        throw new DomainError(
          'no_matching_target',
          `Target '${ref}' does not take this deployment; matching targets: ${candidates.map((t) => t.slug).join(', ')}.`,
          [{ path: 'target', message: 'not a matching target' }],
        );
      }
      return chosen.id;
    }
    if (candidates.length > 1) {
      throw new DomainError(
        'validation_failed',
        `Several targets match (${candidates.map((t) => t.slug).join(', ')}); choose one with ?target=.`,
        [{ path: 'target', message: 'required when several targets match' }],
      );
    }
    return candidates[0].id;
  }
}

/** A stack-deploying step (see stepStack) as a standalone template of its kind. */
function convertProjectStep(
  step: ProcessStep,
  common: {
    project: { id: string; slug: string; name: string };
    variables: VariableDefinition[];
    images?: Record<string, string>;
    releaseVersion?: string;
  },
): { template: CfnTemplate; hash: string } {
  if (step.kind === 'ecs-run-task')
    return convertRunTaskStep({
      ...common,
      step: { slug: step.slug, name: step.name },
      body: stepBody(step) as EcsRunTaskStep,
    });
  return convertStep({ ...common, step: stepBody(step) as EcsServiceStep });
}

function document(template: CfnTemplate, hash: string, format: 'json' | 'yaml'): TemplateDocument {
  return format === 'yaml'
    ? { body: toYaml(template), contentType: 'application/yaml; charset=utf-8', hash }
    : { body: toJson(template), contentType: 'application/json; charset=utf-8', hash };
}
