import { Injectable } from '@nestjs/common';
import { TargetProbe } from '@gantry/deploy';
import {
  buildProcess,
  DomainError,
  invalid,
  projectStackCollisionError,
  projectStackCollisions,
  type FieldError,
  type ProcessContext,
  type ProcessRequest,
  type ProcessStep,
} from '@gantry/domain';
import { assertProcessSavable } from '@gantry/render';
import {
  ChannelsRepository,
  EnvironmentsRepository,
  LifecyclesRepository,
  ProjectEntity,
  ProjectsRepository,
  TargetsRepository,
  translateDatabaseError,
} from '@gantry/persistence';
import { presentProcess } from './present-steps';
import { slugFor } from '../http/slug';
import { withLifecycleRef, withLifecycleRefs } from '../lifecycles/with-lifecycle-ref';
import { CreateProject, UpdateProject } from './projects.dto';

@Injectable()
export class ProjectsService {
  constructor(
    private readonly projects: ProjectsRepository,
    private readonly lifecycles: LifecyclesRepository,
    private readonly targets: TargetsRepository,
    private readonly probe: TargetProbe,
    private readonly environments: EnvironmentsRepository,
    private readonly channels: ChannelsRepository,
  ) {}

  async create(input: CreateProject) {
    const steps = await this.process(input, {
      existing: null,
      channels: [{ slug: 'default' }],
    });
    await this.refuseCollisions(input.name, input.targetTags);
    const lifecycleId = input.lifecycle ? (await this.lifecycles.get(input.lifecycle)).id : null;
    const { lifecycle: _lifecycle, step: _step, steps: _steps, retention, ...values } = input;
    const project = await this.projects
      .create({
        ...values,
        steps: steps as ProcessStep[],
        slug: slugFor(input),
        lifecycleId,
        keepTaskDefinitions: retention?.keepTaskDefinitions ?? null,
      })
      .catch((error) => translateDatabaseError(error, 'project'));
    return this.present(project);
  }

  async list(limit: number, offset: number) {
    const [[rows, total], environments] = await Promise.all([
      this.projects.list(limit, offset),
      this.environments.all(),
    ]);
    const items = await withLifecycleRefs(this.lifecycles, rows);
    return {
      items: items
        .map(({ steps, ...project }) => ({
          ...project,
          ...presentProcess(steps, environments),
        }))
        .map(withRetention),
      total,
    };
  }

  async get(ref: string) {
    return this.present(await this.projects.get(ref));
  }

  async update(ref: string, input: UpdateProject) {
    const project = await this.projects.get(ref);
    const steps = await this.process(input, {
      existing: project.steps,
      channels: (await this.channels.list(project.id, 500, 0))[0],
    });
    if (input.targetTags) await this.refuseCollisions(input.name ?? project.name, input.targetTags);
    const { lifecycle, step: _step, steps: _steps, retention, ...values } = input;
    const lifecycleId =
      lifecycle === undefined
        ? undefined
        : lifecycle === null
          ? null
          : (await this.lifecycles.get(lifecycle)).id;
    const updated = await this.projects
      .update(project.id, {
        ...values,
        ...(steps ? { steps } : {}),
        ...(lifecycleId !== undefined ? { lifecycleId } : {}),
        ...(retention !== undefined
          ? { keepTaskDefinitions: retention?.keepTaskDefinitions ?? null }
          : {}),
      })
      .catch((error) => translateDatabaseError(error, 'project'));
    return this.present(updated);
  }

  async delete(ref: string): Promise<void> {
    const project = await this.projects.get(ref);
    await this.projects
      .delete(project.id)
      .catch((error) => translateDatabaseError(error, 'project'));
  }

  /**
   * Refuses (409 `stack_collision`) target tags that select two targets deploying the same stack:
   * same account and region, a shared environment and tenancy (targets refuse a shared tag
   * themselves; this catches two tags of one project).
   */
  private async refuseCollisions(name: string, targetTags: readonly string[]): Promise<void> {
    if (targetTags.length < 2) return;
    const targets = await this.targets.all();
    const collisions = projectStackCollisions(targets, targetTags, this.probe.sandboxEndpoint);
    if (!collisions.length) return;
    const names = new Map(
      targets
        .flatMap((target) => [...target.environments, ...target.tenants])
        .map((ref) => [ref.id, ref.slug]),
    );
    throw projectStackCollisionError(name, collisions, (id) => names.get(id));
  }

  /**
   * The process a request gives the project (null: unchanged): every invalid field of it is a
   * 400 listed at its path, a Fargate size AWS refuses a 422 (`fargate_size_invalid`).
   */
  private async process(
    request: ProcessRequest,
    context: Omit<ProcessContext, 'environments'>,
  ): Promise<ProcessStep[] | null> {
    const environments = await this.environments.all();
    const built = buildProcess(request, { ...context, environments });
    if (built.problems.length) throw invalid(built.problems, 'The deployment process is invalid.');
    if (built.sizeProblems.length) throw fargateSizeInvalid(built.sizeProblems);
    if (built.steps) assertProcessSavable(built.steps, request.step ? 'step' : 'steps');
    return built.steps;
  }

  private async present(project: ProjectEntity) {
    const [{ steps, ...shown }, environments] = await Promise.all([
      withLifecycleRef(this.lifecycles, project),
      this.environments.all(),
    ]);
    return withRetention({ ...shown, ...presentProcess(steps, environments) });
  }
}

/** `keepTaskDefinitions` shown as `retention: {keepTaskDefinitions}` (or null). */
function withRetention<T extends { keepTaskDefinitions: number | null }>({
  keepTaskDefinitions,
  ...rest
}: T) {
  return { ...rest, retention: keepTaskDefinitions ? { keepTaskDefinitions } : null };
}

/** A literal CPU/memory pair Fargate refuses is a rule violation (422), named by its field. */
function fargateSizeInvalid(problems: FieldError[]): DomainError {
  return new DomainError('fargate_size_invalid', problems[0].message, problems);
}
