import { Injectable } from '@nestjs/common';
import {
  EnvironmentEntity,
  EnvironmentsRepository,
  translateDatabaseError,
} from '@gantry/persistence';
import { slugFor } from '../http/slug';
import { CreateEnvironment, UpdateEnvironment } from './environments.dto';

@Injectable()
export class EnvironmentsService {
  constructor(private readonly environments: EnvironmentsRepository) {}

  async create(input: CreateEnvironment): Promise<EnvironmentEntity> {
    return this.environments
      .create({ name: input.name, slug: slugFor(input), description: input.description })
      .catch((error) => translateDatabaseError(error, 'environment'));
  }

  async list(limit: number, offset: number) {
    const [items, total] = await this.environments.list(limit, offset);
    return { items, total };
  }

  get(ref: string): Promise<EnvironmentEntity> {
    return this.environments.get(ref);
  }

  async update(ref: string, input: UpdateEnvironment): Promise<EnvironmentEntity> {
    const environment = await this.environments.get(ref);
    return this.environments
      .update(environment.id, input)
      .catch((error) => translateDatabaseError(error, 'environment'));
  }

  async delete(ref: string): Promise<void> {
    const environment = await this.environments.get(ref);
    await this.environments
      .delete(environment.id)
      .catch((error) => translateDatabaseError(error, 'environment'));
  }
}
