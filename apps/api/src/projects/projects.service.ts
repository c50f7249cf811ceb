import { Injectable } from '@nestjs/common';
import { TargetProbe } from '@gantry/deploy';
import { DomainError, projectStackCollisionError, projectStackCollisions } from '@gantry/domain';
import { assertStepSavable } from '@gantry/render';
import {
  LifecyclesRepository,
  ProjectEntity,
  ProjectsRepository,
  TargetsRepository,
  translateDatabaseError,
} from '@gantry/persistence';
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
  ) {}

  async create(input: CreateProject) {
    assertStepSavable(input.step);
    await this.refuseCollisions(input.name, input.targetTags);
    const lifecycleId = input.lifecycle ? (await this.lifecycles.get(input.lifecycle)).id : null;
    const { lifecycle: _lifecycle, retention, ...values } = input;
    const project = await this.projects
      .create({
        ...values,
        slug: slugFor(input),
        lifecycleId,
        keepTaskDefinitions: retention?.keepTaskDefinitions ?? null,
      })
      .catch((error) => translateDatabaseError(error, 'project'));
    return this.present(project);
  }

  async list(limit: number, offset: number) {
    const [rows, total] = await this.projects.list(limit, offset);
    return {
      items: (await withLifecycleRefs(this.lifecycles, rows)).map(withRetention),
      total,
    };
  }

  async get(ref: string) {
    return this.present(await this.projects.get(ref));
  }

  async update(ref: string, input: UpdateProject) {
    const project = await this.projects.get(ref);
    if (input.step) assertStepSavable(input.step);
    if (input.targetTags) await this.refuseCollisions(input.name ?? project.name, input.targetTags);
    const { lifecycle, retention, ...values } = input;
    const lifecycleId =
      lifecycle === undefined
        ? undefined
        : lifecycle === null
          ? null
          : (await this.lifecycles.get(lifecycle)).id;
    const updated = await this.projects
      .update(project.id, {
        ...values,
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

  private async present(project: ProjectEntity) {
    return withRetention(await withLifecycleRef(this.lifecycles, project));
  }
}

/** `keepTaskDefinitions` shown as `retention: {keepTaskDefinitions}` (or null). */
function withRetention<T extends { keepTaskDefinitions: number | null }>({
  keepTaskDefinitions,
  ...rest
}: T) {
  return { ...rest, retention: keepTaskDefinitions ? { keepTaskDefinitions } : null };
}
