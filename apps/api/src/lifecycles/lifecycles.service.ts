import { Injectable } from '@nestjs/common';
import { DomainError, LifecyclePhase, lifecycleProblems } from '@gantry/domain';
import {
  EnvironmentEntity,
  EnvironmentsRepository,
  LifecycleRecord,
  LifecyclesRepository,
  translateDatabaseError,
} from '@gantry/persistence';
import { RefResolver } from '../http/ref-resolver';
import { slugFor } from '../http/slug';
import { CreateLifecycle, PhaseInput, UpdateLifecycle } from './lifecycles.dto';

@Injectable()
export class LifecyclesService {
  constructor(
    private readonly lifecycles: LifecyclesRepository,
    private readonly environments: EnvironmentsRepository,
  ) {}

  async create(input: CreateLifecycle) {
    const slug = slugFor(input);
    const phases = await this.toPhases(input.phases);
    const id = await this.lifecycles
      .create({ slug, name: input.name }, phases)
      .catch((error) => translateDatabaseError(error, 'lifecycle'));
    return this.get(id);
  }

  async list(limit: number, offset: number) {
    const [rows, total] = await this.lifecycles.list(limit, offset);
    const environments = await this.environments.all();
    return { items: rows.map((row) => present(row, environments)), total };
  }

  async get(ref: string) {
    const lifecycle = await this.lifecycles.get(ref);
    return present(lifecycle, await this.environments.all());
  }

  async update(ref: string, input: UpdateLifecycle) {
    const lifecycle = await this.lifecycles.get(ref);
    const phases = input.phases ? await this.toPhases(input.phases) : undefined;
    const { phases: _phases, ...values } = input;
    await this.lifecycles
      .update(lifecycle.id, values, phases)
      .catch((error) => translateDatabaseError(error, 'lifecycle'));
    return this.get(lifecycle.id);
  }

  async delete(ref: string): Promise<void> {
    const lifecycle = await this.lifecycles.get(ref);
    await this.lifecycles
      .delete(lifecycle.id)
      .catch((error) => translateDatabaseError(error, 'lifecycle'));
  }

  /** Resolves every environment ref (404 listing unknown ones), then checks the lifecycle rules (400). */
  private async toPhases(inputs: PhaseInput[]): Promise<LifecyclePhase[]> {
    const all = await this.environments.all();
    const resolver = new RefResolver('environment', all);
    const phases = inputs.map((phase, index) => ({
      name: phase.name,
      environments: resolver
        .resolve(phase.environments, `phases.${index}.environments`)
        .map((environment) => environment.id),
      automatic: resolver
        .resolve(phase.automatic, `phases.${index}.automatic`)
        .map((environment) => environment.id),
      minimumEnvironmentsBeforePromotion: phase.minimumEnvironmentsBeforePromotion,
      optional: phase.optional,
      keepReleases: phase.retention?.keepReleases ?? null,
    }));
    resolver.assertAllFound();
    const names = Object.fromEntries(all.map((environment) => [environment.id, environment.slug]));
    const problems = lifecycleProblems(phases, names);
    if (problems.length)
      throw new DomainError('validation_failed', 'The lifecycle is invalid.', problems);
    return phases;
  }
}

function present(lifecycle: LifecycleRecord, environments: EnvironmentEntity[]) {
  const byId = new Map(
    environments.map((environment) => [
      environment.id,
      { id: environment.id, slug: environment.slug, name: environment.name },
    ]),
  );
  return {
    id: lifecycle.id,
    slug: lifecycle.slug,
    name: lifecycle.name,
    phases: lifecycle.phases.map((phase) => ({
      name: phase.name,
      environments: phase.environments.flatMap((id) => byId.get(id) ?? []),
      automatic: phase.automatic.flatMap((id) => byId.get(id) ?? []),
      minimumEnvironmentsBeforePromotion: phase.minimumEnvironmentsBeforePromotion,
      optional: phase.optional,
      retention: phase.keepReleases ? { keepReleases: phase.keepReleases } : null,
    })),
    createdAt: lifecycle.createdAt,
    updatedAt: lifecycle.updatedAt,
  };
}
