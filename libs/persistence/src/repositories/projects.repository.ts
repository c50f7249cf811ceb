import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { ChannelEntity, ProjectEntity } from '../entities';
import { getByRef, getManyByRef } from './find-by-ref';

export type ProjectSummary = Pick<ProjectEntity, 'id' | 'slug' | 'name' | 'tenancy'>;

@Injectable()
export class ProjectsRepository {
  constructor(
    @InjectRepository(ProjectEntity) private readonly projects: Repository<ProjectEntity>,
    private readonly dataSource: DataSource,
  ) {}

  get(ref: string): Promise<ProjectEntity> {
    return getByRef(this.projects, 'project', ref);
  }

  getMany(refs: string[], path: string | readonly string[]): Promise<ProjectEntity[]> {
    return getManyByRef(this.projects, 'project', refs, path);
  }

  list(limit: number, offset: number): Promise<[ProjectEntity[], number]> {
    return this.projects.findAndCount({ order: { name: 'ASC' }, take: limit, skip: offset });
  }

  /** A page of projects as a list of them shows them: without their process or variables. */
  listSummaries(limit: number, offset: number): Promise<[ProjectSummary[], number]> {
    return this.projects.findAndCount({
      select: { id: true, slug: true, name: true, tenancy: true },
      order: { name: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  /** Creates the project and its default channel in one transaction. */
  create(values: Omit<ProjectEntity, 'id' | 'createdAt' | 'updatedAt'>): Promise<ProjectEntity> {
    return this.dataSource.transaction(async (manager: EntityManager) => {
      const project = await manager.save(ProjectEntity, manager.create(ProjectEntity, values));
      await manager.save(
        ChannelEntity,
        manager.create(ChannelEntity, {
          projectId: project.id,
          slug: 'default',
          name: 'Default',
          isDefault: true,
          lifecycleId: null,
          rules: [],
        }),
      );
      return project;
    });
  }

  async update(
    id: string,
    values: Partial<Omit<ProjectEntity, 'id' | 'createdAt' | 'updatedAt'>>,
  ): Promise<ProjectEntity> {
    await this.projects.update({ id }, values as never);
    return this.get(id);
  }

  async delete(id: string): Promise<void> {
    await this.projects.delete({ id });
  }
}
