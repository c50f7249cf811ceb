import { Injectable } from '@nestjs/common';
import {
  defaultLifecyclePhases,
  type Lifecycle,
  type ReleaseContext,
  type TenantCandidate,
} from '@gantry/domain';
import {
  ChannelsRepository,
  DeploymentCandidatesRepository,
  EnvironmentEntity,
  EnvironmentsRepository,
  LifecyclesRepository,
  ProjectEntity,
  ProjectTenantRow,
} from '@gantry/persistence';

/** A project as scheduling sees it: every environment, the connected tenants, lifecycles by channel. */
export interface ProjectSchedulingContext {
  project: ProjectEntity;
  /** Every environment, in promotion order. */
  environments: EnvironmentEntity[];
  /** Tenants connected to the project, with the environments of the connection. */
  tenants: ProjectTenantRow[];
  /** Lifecycles by channel id, each read once for the context (a request asks several times). */
  lifecycles?: Map<string, Promise<Lifecycle>>;
}

/** Loads what the lifecycle rules need, in a handful of queries whatever the number of tenants. */
@Injectable()
export class SchedulingContextLoader {
  constructor(
    private readonly environments: EnvironmentsRepository,
    private readonly channels: ChannelsRepository,
    private readonly lifecycles: LifecyclesRepository,
    private readonly candidates: DeploymentCandidatesRepository,
  ) {}

  async forProject(project: ProjectEntity): Promise<ProjectSchedulingContext> {
    const [environments, tenants] = await Promise.all([
      this.environments.all(),
      this.candidates.tenantsOfProject(project.id),
    ]);
    return { project, environments, tenants, lifecycles: new Map() };
  }

  /** The lifecycle of a release of the project, without reading the project's tenants. */
  async lifecycleFor(project: ProjectEntity, channelId: string): Promise<Lifecycle> {
    return this.lifecycleOf(
      { project, environments: await this.environments.all(), tenants: [] },
      channelId,
    );
  }

  /** The channel's lifecycle, else the project's, else the default lifecycle over every environment. */
  lifecycleOf(context: ProjectSchedulingContext, channelId: string): Promise<Lifecycle> {
    const known = context.lifecycles?.get(channelId);
    if (known) return known;
    const reading = this.readLifecycle(context, channelId);
    context.lifecycles?.set(channelId, reading);
    return reading;
  }

  private async readLifecycle(
    context: ProjectSchedulingContext,
    channelId: string,
  ): Promise<Lifecycle> {
    const channel = await this.channels.findById(channelId);
    const id = channel?.lifecycleId ?? context.project.lifecycleId;
    const lifecycle = id ? await this.lifecycles.findById(id) : null;
    if (lifecycle) return { name: lifecycle.name, phases: lifecycle.phases };
    return { name: 'Default', phases: defaultLifecyclePhases(context.environments) };
  }

  /** The slugs of channels by id (step conditions name channels by slug). */
  async channelSlugs(channelIds: readonly string[]): Promise<Map<string, string>> {
    const channels = await Promise.all(channelIds.map((id) => this.channels.findById(id)));
    return new Map(
      channels.flatMap((channel) => (channel ? [[channel.id, channel.slug] as const] : [])),
    );
  }

  /** The lifecycle rules' view of a release of this project. */
  async releaseContext(
    context: ProjectSchedulingContext,
    channelId: string,
  ): Promise<ReleaseContext> {
    return {
      lifecycle: await this.lifecycleOf(context, channelId),
      tenancy: context.project.tenancy,
      tenants: context.tenants.map((tenant) => ({
        id: tenant.id,
        name: tenant.name,
        environmentIds: tenant.environmentIds,
      })),
    };
  }
}

/** A tenant row in the shape tenant selection takes. */
export function tenantCandidate(
  tenant: Omit<ProjectTenantRow, 'environmentIds'> & { environmentIds?: string[] },
  projectId: string,
): TenantCandidate & ProjectTenantRow {
  const environmentIds = tenant.environmentIds ?? [];
  return {
    ...tenant,
    environmentIds,
    connections: environmentIds.length ? [{ projectId, environmentIds }] : [],
  };
}
