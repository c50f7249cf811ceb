import { Injectable } from '@nestjs/common';
import { DomainError } from '@gantry/domain';
import {
  EnvironmentsRepository,
  ProjectsRepository,
  TenantConnectionInput,
  TenantEntity,
  TenantsRepository,
  TenantRecord,
  translateDatabaseError,
} from '@gantry/persistence';
import { ListResult } from '../http/pagination';
import { slugFor } from '../http/slug';
import { resolveTogether } from './resolve-refs';
import { CreateTenant, TenantConnectionBody, TenantQuery, UpdateTenant } from './tenants.dto';

@Injectable()
export class TenantsService {
  constructor(
    private readonly tenants: TenantsRepository,
    private readonly projects: ProjectsRepository,
    private readonly environments: EnvironmentsRepository,
  ) {}

  async create(input: CreateTenant): Promise<TenantRecord> {
    const slug = slugFor(input);
    const connections = await this.resolveConnections(input.projects);
    return this.tenants
      .create({ name: input.name, slug, tags: input.tags }, connections)
      .catch((error) => translateDatabaseError(error, 'tenant'));
  }

  /** Tenants without their connections (a tenant may have thousands) unless `include=connections`. */
  async list(query: TenantQuery): Promise<ListResult<TenantEntity | TenantRecord>> {
    const projectId = query.project ? (await this.projects.get(query.project)).id : undefined;
    const [items, total] = await this.tenants.list(
      { tags: query.tag, projectId },
      query.limit,
      query.offset,
      query.include === 'connections',
    );
    return { items, total };
  }

  get(ref: string): Promise<TenantRecord> {
    return this.tenants.view(ref);
  }

  async update(ref: string, input: UpdateTenant): Promise<TenantRecord> {
    const tenant = await this.tenants.get(ref);
    const { projects, ...values } = input;
    const connections = projects && (await this.resolveConnections(projects));
    return this.tenants
      .update(tenant.id, values, connections)
      .catch((error) => translateDatabaseError(error, 'tenant'));
  }

  async delete(ref: string): Promise<void> {
    const tenant = await this.tenants.get(ref);
    await this.tenants.delete(tenant.id).catch((error) => translateDatabaseError(error, 'tenant'));
  }

  /** Resolves every project and environment in two queries, reporting each unknown ref at its path. */
  private async resolveConnections(
    connections: TenantConnectionBody[],
  ): Promise<TenantConnectionInput[]> {
    const environmentRefs = connections.flatMap((connection, index) =>
      connection.environments.map((ref, position) => ({
        ref,
        path: `projects.${index}.environments.${position}`,
      })),
    );
    const [projects, environments] = await resolveTogether(
      this.projects.getMany(
        connections.map((connection) => connection.project),
        connections.map((_, index) => `projects.${index}.project`),
      ),
      this.environments.getMany(
        environmentRefs.map((item) => item.ref),
        environmentRefs.map((item) => item.path),
      ),
    );
    const repeated = projects.flatMap((project, index) =>
      projects.findIndex((other) => other.id === project.id) < index ? [index] : [],
    );
    if (repeated.length) {
      throw new DomainError(
        'validation_failed',
        'A project appears more than once; list all its environments in one entry.',
        repeated.map((index) => ({
          path: `projects.${index}.project`,
          message: `project '${projects[index].slug}' is already listed`,
        })),
      );
    }
    let next = 0;
    return connections.map((connection, index) => ({
      projectId: projects[index].id,
      environmentIds: connection.environments.map(() => environments[next++].id),
    }));
  }
}
