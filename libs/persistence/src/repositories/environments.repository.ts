import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { EnvironmentEntity } from '../entities';
import { getByRef, getManyByRef } from './find-by-ref';

@Injectable()
export class EnvironmentsRepository {
  constructor(
    @InjectRepository(EnvironmentEntity)
    private readonly environments: Repository<EnvironmentEntity>,
  ) {}

  get(ref: string): Promise<EnvironmentEntity> {
    return getByRef(this.environments, 'environment', ref);
  }

  getMany(refs: string[], path: string | readonly string[]): Promise<EnvironmentEntity[]> {
    return getManyByRef(this.environments, 'environment', refs, path);
  }

  /** Every environment, ordered for promotion. */
  all(): Promise<EnvironmentEntity[]> {
    return this.environments.find({ order: { position: 'ASC' } });
  }

  list(limit: number, offset: number): Promise<[EnvironmentEntity[], number]> {
    return this.environments.findAndCount({
      order: { position: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  /** Appends at the end of the order; the position is taken in the same statement. */
  async create(
    values: Pick<EnvironmentEntity, 'slug' | 'name' | 'description'>,
  ): Promise<EnvironmentEntity> {
    const [row] = await this.environments.query(
      `INSERT INTO environments (slug, name, description, position)
       VALUES ($1, $2, $3, (SELECT COALESCE(MAX(position), 0) + 1 FROM environments)) RETURNING id`,
      [values.slug, values.name, values.description],
    );
    return this.get(row.id);
  }

  async update(
    id: string,
    values: Partial<Pick<EnvironmentEntity, 'slug' | 'name' | 'description' | 'position'>>,
  ): Promise<EnvironmentEntity> {
    await this.environments.update({ id }, values);
    return this.get(id);
  }

  async delete(id: string): Promise<void> {
    await this.environments.delete({ id });
  }
}
