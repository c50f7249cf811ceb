import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { FreezeEntity } from '../entities';
import { translateDatabaseError } from '../unique-violation';
import { getByRef } from './find-by-ref';

export type FreezeValues = Omit<FreezeEntity, 'id' | 'createdAt' | 'updatedAt'>;

@Injectable()
export class FreezesRepository {
  constructor(@InjectRepository(FreezeEntity) private readonly freezes: Repository<FreezeEntity>) {}

  get(ref: string): Promise<FreezeEntity> {
    return getByRef(this.freezes, 'freeze', ref);
  }

  list(limit: number, offset: number): Promise<[FreezeEntity[], number]> {
    return this.freezes.findAndCount({ order: { createdAt: 'ASC' }, take: limit, skip: offset });
  }

  /** Every freeze that may still hold something at or after `at` (one-off windows already over are left out). */
  current(at: Date): Promise<FreezeEntity[]> {
    return this.freezes
      .createQueryBuilder('freeze')
      .where('freeze.end_at IS NULL OR freeze.end_at > :at', { at })
      .orderBy('freeze.created_at', 'ASC')
      .getMany();
  }

  async create(values: FreezeValues): Promise<FreezeEntity> {
    const saved = await this.freezes
      .save(this.freezes.create(values))
      .catch((error) => translateDatabaseError(error, 'freeze'));
    return this.get(saved.id);
  }

  async update(id: string, values: Partial<FreezeValues>): Promise<FreezeEntity> {
    await this.freezes
      .update({ id }, values)
      .catch((error) => translateDatabaseError(error, 'freeze'));
    return this.get(id);
  }

  async delete(id: string): Promise<void> {
    await this.freezes.delete({ id });
  }
}
