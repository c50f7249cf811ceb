import { Injectable } from '@nestjs/common';
import { notFound, VariableDefinition } from '@gantry/domain';
import {
  ChannelsRepository,
  EnvironmentsRepository,
  ProjectsRepository,
  ReleasesRepository,
  SecretBox,
  SnapshotVariable,
  TargetsRepository,
  TenantsRepository,
} from '@gantry/persistence';
import type { RenderInput } from '@gantry/render';

export interface RenderRequest {
  releaseId: string;
  environmentId: string;
  tenantId: string | null;
  targetId: string;
  deploymentId?: string;
}

/** Gathers what `renderStack` needs for one (release, environment, tenant, target), secrets decrypted in memory. */
@Injectable()
export class RenderInputLoader {
  constructor(
    private readonly releases: ReleasesRepository,
    private readonly projects: ProjectsRepository,
    private readonly channels: ChannelsRepository,
    private readonly environments: EnvironmentsRepository,
    private readonly tenants: TenantsRepository,
    private readonly targets: TargetsRepository,
    private readonly secrets: SecretBox,
  ) {}

  async load(request: RenderRequest): Promise<RenderInput> {
    const release = await this.releases.get(request.releaseId);
    const [project, channel, environment, tenant, target] = await Promise.all([
      this.projects.get(release.projectId),
      this.channels.findById(release.channelId),
      this.environments.get(request.environmentId),
      request.tenantId ? this.tenants.get(request.tenantId) : Promise.resolve(null),
      this.targets.awsAccess(request.targetId),
    ]);
    if (!channel) throw notFound('channel', release.channelId);
    return {
      project: named(project),
      release: {
        id: release.id,
        version: release.version,
        images: release.images,
        step: release.step,
      },
      environment: named(environment),
      tenant: tenant ? named(tenant) : null,
      channel: named(channel),
      target: {
        id: target.targetId,
        slug: target.slug,
        name: target.name,
        cluster: target.cluster,
        region: target.region,
      },
      variables: release.variables.map((variable) => this.decrypted(variable)),
      deploymentId: request.deploymentId,
    };
  }

  private decrypted(variable: SnapshotVariable): VariableDefinition {
    const value = variable.sensitive
      ? variable.valueEncrypted
        ? this.secrets.decrypt(variable.valueEncrypted)
        : null
      : variable.value;
    return { name: variable.name, value, sensitive: variable.sensitive, scope: variable.scope };
  }
}

function named(row: { id: string; slug: string; name: string }) {
  return { id: row.id, slug: row.slug, name: row.name };
}
