import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { ChannelEntity } from '../entities';
import { getByRef } from './find-by-ref';

type ChannelValues = Omit<ChannelEntity, 'id' | 'createdAt' | 'updatedAt'>;

@Injectable()
export class ChannelsRepository {
  constructor(
    @InjectRepository(ChannelEntity) private readonly channels: Repository<ChannelEntity>,
    private readonly dataSource: DataSource,
  ) {}

  get(projectId: string, ref: string): Promise<ChannelEntity> {
    return getByRef(this.channels, 'channel', ref, { projectId });
  }

  getDefault(projectId: string): Promise<ChannelEntity> {
    return this.channels.findOneOrFail({ where: { projectId, isDefault: true } });
  }

  findById(id: string): Promise<ChannelEntity | null> {
    return this.channels.findOne({ where: { id } });
  }

  list(projectId: string, limit: number, offset: number): Promise<[ChannelEntity[], number]> {
    return this.channels.findAndCount({
      where: { projectId },
      order: { isDefault: 'DESC', name: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  /** Saves a channel; making it the default takes the flag from the previous default in the same transaction. */
  save(values: ChannelValues & { id?: string }): Promise<ChannelEntity> {
    return this.dataSource.transaction(async (manager) => {
      if (values.isDefault) {
        await manager.query(
          'UPDATE channels SET is_default = false WHERE project_id = $1 AND is_default AND id IS DISTINCT FROM $2',
          [values.projectId, values.id ?? null],
        );
      }
      return manager.save(ChannelEntity, manager.create(ChannelEntity, values));
    });
  }

  async delete(id: string): Promise<void> {
    await this.channels.delete({ id });
  }
}
