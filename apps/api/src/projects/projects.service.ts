import { Injectable } from '@nestjs/common';
import { DomainError, EcsServiceStep, stepFargateProblems } from '@gantry/domain';
import {
  LifecyclesRepository,
  ProjectEntity,
  ProjectsRepository,
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
  ) {}

  async create(input: CreateProject) {
    assertFargateSize(input.step);
    const lifecycleId = input.lifecycle ? (await this.lifecycles.get(input.lifecycle)).id : null;
    const { lifecycle: _lifecycle, ...values } = input;
    const project = await this.projects
      .create({ ...values, slug: slugFor(input), lifecycleId })
      .catch((error) => translateDatabaseError(error, 'project'));
    return this.present(project);
  }

  async list(limit: number, offset: number) {
    const [rows, total] = await this.projects.list(limit, offset);
    return { items: await withLifecycleRefs(this.lifecycles, rows), total };
  }

  async get(ref: string) {
    return this.present(await this.projects.get(ref));
  }

  async update(ref: string, input: UpdateProject) {
    const project = await this.projects.get(ref);
    if (input.step) assertFargateSize(input.step);
    const { lifecycle, ...values } = input;
    const lifecycleId =
      lifecycle === undefined
        ? undefined
        : lifecycle === null
          ? null
          : (await this.lifecycles.get(lifecycle)).id;
    const updated = await this.projects
      .update(project.id, { ...values, ...(lifecycleId !== undefined ? { lifecycleId } : {}) })
      .catch((error) => translateDatabaseError(error, 'project'));
    return this.present(updated);
  }

  async delete(ref: string): Promise<void> {
    const project = await this.projects.get(ref);
    await this.projects
      .delete(project.id)
      .catch((error) => translateDatabaseError(error, 'project'));
  }

  private present(project: ProjectEntity) {
    return withLifecycleRef(this.lifecycles, project);
  }
}

/** A literal CPU/memory pair Fargate refuses is a rule violation (422), named by its field. */
function assertFargateSize(step: EcsServiceStep): void {
  const problems = stepFargateProblems(step);
  if (problems.length) {
    throw new DomainError(
      'fargate_size_invalid',
      problems[0].message,
      problems.map((problem) => ({
        path: ['step', ...problem.path].join('.'),
        message: problem.message,
      })),
    );
  }
}
