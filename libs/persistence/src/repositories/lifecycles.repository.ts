import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import type { LifecyclePhase } from '@gantry/domain';
import {
  LifecycleEntity,
  LifecyclePhaseEntity,
  LifecyclePhaseEnvironmentEntity,
} from '../entities';
import { getByRef } from './find-by-ref';

/** A lifecycle with its phases; environments are ids, in phase order. */
export interface LifecycleRecord extends LifecycleEntity {
  phases: LifecyclePhase[];
}

@Injectable()
export class LifecyclesRepository {
  constructor(
    @InjectRepository(LifecycleEntity) private readonly lifecycles: Repository<LifecycleEntity>,
    @InjectRepository(LifecyclePhaseEntity)
    private readonly phases: Repository<LifecyclePhaseEntity>,
    @InjectRepository(LifecyclePhaseEnvironmentEntity)
    private readonly phaseEnvironments: Repository<LifecyclePhaseEnvironmentEntity>,
    private readonly dataSource: DataSource,
  ) {}

  async get(ref: string): Promise<LifecycleRecord> {
    const lifecycle = await getByRef(this.lifecycles, 'lifecycle', ref);
    return (await this.withPhases([lifecycle]))[0];
  }

  async findById(id: string): Promise<LifecycleRecord | null> {
    const lifecycle = await this.lifecycles.findOne({ where: { id } });
    return lifecycle ? (await this.withPhases([lifecycle]))[0] : null;
  }

  /** id and slug of each of these lifecycles, in one query. */
  async refsByIds(ids: string[]): Promise<Map<string, { id: string; slug: string }>> {
    const unique = [...new Set(ids)];
    const rows = unique.length
      ? await this.lifecycles.find({ select: { id: true, slug: true }, where: { id: In(unique) } })
      : [];
    return new Map(rows.map((row) => [row.id, { id: row.id, slug: row.slug }]));
  }

  async list(limit: number, offset: number): Promise<[LifecycleRecord[], number]> {
    const [rows, total] = await this.lifecycles.findAndCount({
      order: { name: 'ASC' },
      take: limit,
      skip: offset,
    });
    return [await this.withPhases(rows), total];
  }

  create(
    values: Pick<LifecycleEntity, 'slug' | 'name'>,
    phases: LifecyclePhase[],
  ): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(LifecycleEntity, manager.create(LifecycleEntity, values));
      await this.insertPhases(manager, saved.id, phases);
      return saved.id;
    });
  }

  update(
    id: string,
    values: Partial<Pick<LifecycleEntity, 'slug' | 'name'>>,
    phases?: LifecyclePhase[],
  ): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      if (Object.keys(values).length) await manager.update(LifecycleEntity, { id }, values);
      else await manager.update(LifecycleEntity, { id }, { updatedAt: new Date() });
      if (phases) {
        await manager.delete(LifecyclePhaseEntity, { lifecycleId: id });
        await this.insertPhases(manager, id, phases);
      }
    });
  }

  async delete(id: string): Promise<void> {
    await this.lifecycles.delete({ id });
  }

  private async insertPhases(
    manager: EntityManager,
    lifecycleId: string,
    phases: LifecyclePhase[],
  ): Promise<void> {
    const saved = await manager.save(
      LifecyclePhaseEntity,
      phases.map((phase, position) =>
        manager.create(LifecyclePhaseEntity, {
          lifecycleId,
          position,
          name: phase.name,
          minimumEnvironmentsBeforePromotion: phase.minimumEnvironmentsBeforePromotion,
          optional: phase.optional,
          keepReleases: phase.keepReleases ?? null,
        }),
      ),
    );
    const rows = phases.flatMap((phase, index) =>
      phase.environments.map((environmentId, position) => ({
        phaseId: saved[index].id,
        lifecycleId,
        environmentId,
        position,
        automatic: phase.automatic.includes(environmentId),
      })),
    );
    if (rows.length) await manager.insert(LifecyclePhaseEnvironmentEntity, rows);
  }

  private async withPhases(lifecycles: LifecycleEntity[]): Promise<LifecycleRecord[]> {
    if (lifecycles.length === 0) return [];
    const ids = lifecycles.map((lifecycle) => lifecycle.id);
    const phases = await this.phases.find({
      where: { lifecycleId: In(ids) },
      order: { position: 'ASC' },
    });
    const members = await this.phaseEnvironments.find({
      where: { lifecycleId: In(ids) },
      order: { position: 'ASC' },
    });
    return lifecycles.map((lifecycle) => ({
      ...lifecycle,
      phases: phases
        .filter((phase) => phase.lifecycleId === lifecycle.id)
        .map((phase) => {
          const inPhase = members.filter((member) => member.phaseId === phase.id);
          return {
            name: phase.name,
            environments: inPhase.map((member) => member.environmentId),
            automatic: inPhase
              .filter((member) => member.automatic)
              .map((member) => member.environmentId),
            minimumEnvironmentsBeforePromotion: phase.minimumEnvironmentsBeforePromotion,
            optional: phase.optional,
            keepReleases: phase.keepReleases,
          };
        }),
    }));
  }
}
