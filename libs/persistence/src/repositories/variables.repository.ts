import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityTarget, In, Repository } from 'typeorm';
import {
  ChannelEntity,
  EnvironmentEntity,
  TargetEntity,
  TenantEntity,
  VariableEntity,
  VariableScopeRecord,
} from '../entities';

export interface ScopeRow {
  id: string;
  slug: string;
}

/** What a variable's scope may name, for one project. */
export interface ScopeCandidates {
  environments: ScopeRow[];
  tenants: ScopeRow[];
  channels: ScopeRow[];
  targets: ScopeRow[];
}

export type VariableValues = Pick<
  VariableEntity,
  'name' | 'value' | 'valueEncrypted' | 'sensitive' | 'scope'
>;

@Injectable()
export class VariablesRepository {
  constructor(
    @InjectRepository(VariableEntity) private readonly variables: Repository<VariableEntity>,
    private readonly dataSource: DataSource,
  ) {}

  forProject(projectId: string): Promise<VariableEntity[]> {
    return this.variables.find({ where: { projectId }, order: { position: 'ASC' } });
  }

  /** Replaces the project's whole variable set atomically. */
  async replace(projectId: string, items: VariableValues[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // Concurrent replaces of one project take turns; otherwise both insert after deleting and collide.
      await manager.query('SELECT 1 FROM projects WHERE id = $1 FOR UPDATE', [projectId]);
      await manager.delete(VariableEntity, { projectId });
      if (items.length)
        await manager.insert(
          VariableEntity,
          items.map((item, position) => ({ ...item, projectId, position })),
        );
    });
  }

  async scopeCandidates(projectId: string): Promise<ScopeCandidates> {
    const select = { id: true, slug: true } as const;
    const [environments, tenants, channels, targets] = await Promise.all([
      this.dataSource.getRepository(EnvironmentEntity).find({ select }),
      this.dataSource.getRepository(TenantEntity).find({ select }),
      this.dataSource.getRepository(ChannelEntity).find({ select, where: { projectId } }),
      this.dataSource.getRepository(TargetEntity).find({ select }),
    ]);
    return { environments, tenants, channels, targets };
  }

  /**
   * Only the scope rows these scopes name (a release's snapshot shows them as slugs), not every
   * tenant and target there is.
   */
  async scopeRowsNamed(scopes: readonly VariableScopeRecord[]): Promise<ScopeCandidates> {
    const select = { id: true, slug: true } as const;
    const named = (
      entity: EntityTarget<ScopeRow>,
      dimension: keyof VariableScopeRecord,
    ): Promise<ScopeRow[]> => {
      const ids = [...new Set(scopes.flatMap((scope) => scope[dimension] ?? []))];
      if (ids.length === 0) return Promise.resolve([]);
      return this.dataSource.getRepository(entity).find({ select, where: { id: In(ids) } });
    };
    const [environments, tenants, channels, targets] = await Promise.all([
      named(EnvironmentEntity, 'environments'),
      named(TenantEntity, 'tenants'),
      named(ChannelEntity, 'channels'),
      named(TargetEntity, 'targets'),
    ]);
    return { environments, tenants, channels, targets };
  }
}
