import { Injectable, Logger } from '@nestjs/common';
import { TargetProbe } from '@gantry/deploy';
import {
  FieldError,
  invalid,
  stackCollisionError,
  TargetPlacement,
  stackCollisions,
} from '@gantry/domain';
import {
  EnvironmentsRepository,
  TargetsRepository,
  TenantsRepository,
  translateDatabaseError,
} from '@gantry/persistence';
import { ListResult } from '../http/pagination';
import { slugFor } from '../http/slug';
import { resolveTogether } from '../tenants/resolve-refs';
import { credentialColumns, SANDBOX_DEFAULT_REGION, targetProblems } from './target-rules';
import { TargetResponse, targetResponse } from './target.response';
import { CreateTarget, TargetQuery, UpdateTarget } from './targets.dto';

@Injectable()
export class TargetsService {
  private readonly logger = new Logger('Targets');

  constructor(
    private readonly targets: TargetsRepository,
    private readonly environments: EnvironmentsRepository,
    private readonly tenants: TenantsRepository,
    private readonly probe: TargetProbe,
  ) {}

  async create(input: CreateTarget): Promise<TargetResponse> {
    const slug = slugFor(input);
    const region =
      input.region ?? (input.credentials.type === 'sandbox' ? SANDBOX_DEFAULT_REGION : undefined);
    const { columns, problems } = credentialColumns(input.credentials);
    refuse([
      ...problems,
      ...targetProblems({
        credentialsType: columns.credentialsType,
        region,
        cluster: input.cluster,
        tenantedMode: input.tenantedMode,
        tenantCount: input.tenants.length,
      }),
    ]);
    const [environmentIds, tenantIds] = await this.resolve(input.environments, input.tenants);
    await this.refuseCollisions({
      id: '',
      name: input.name,
      tags: input.tags,
      tenantedMode: input.tenantedMode,
      region: region as string,
      cluster: input.cluster,
      endpoint: input.endpoint ?? null,
      credentialsType: columns.credentialsType,
      accessKeyId: columns.accessKeyId,
      roleArn: columns.roleArn,
      environmentIds: environmentIds ?? [],
      tenantIds: tenantIds ?? [],
    });
    const values = {
      name: input.name,
      slug,
      tags: input.tags,
      tenantedMode: input.tenantedMode,
      region: region as string,
      cluster: input.cluster,
      endpoint: input.endpoint ?? null,
      ...columns,
    };
    const created = await this.targets
      .create(values, { environmentIds: environmentIds ?? [], tenantIds: tenantIds ?? [] })
      .catch((error) => translateDatabaseError(error, 'target'));
    await this.ensureSandboxCluster(created.id);
    return targetResponse(created);
  }

  async list(query: TargetQuery): Promise<ListResult<TargetResponse>> {
    const environmentId = query.environment
      ? (await this.environments.get(query.environment)).id
      : undefined;
    const [items, total] = await this.targets.list(
      { environmentId, tags: query.tag },
      query.limit,
      query.offset,
    );
    return { items: items.map(targetResponse), total };
  }

  async get(ref: string): Promise<TargetResponse> {
    return targetResponse(await this.targets.record(ref));
  }

  async update(ref: string, input: UpdateTarget): Promise<TargetResponse> {
    const current = await this.targets.record(ref);
    const { environments, tenants, credentials, ...fields } = input;
    const { columns, problems } = credentials
      ? credentialColumns(credentials, current)
      : { columns: {}, problems: [] };
    const state = {
      credentialsType: credentials?.type ?? current.credentialsType,
      region: fields.region ?? current.region,
      cluster: fields.cluster ?? current.cluster,
      tenantedMode: fields.tenantedMode ?? current.tenantedMode,
      tenantCount: tenants?.length ?? current.tenantIds.length,
    };
    refuse([...problems, ...targetProblems(state)]);
    const [environmentIds, tenantIds] = await this.resolve(environments, tenants);
    await this.refuseCollisions({
      id: current.id,
      name: fields.name ?? current.name,
      tags: fields.tags ?? current.tags,
      tenantedMode: state.tenantedMode,
      region: state.region,
      cluster: state.cluster,
      endpoint: fields.endpoint !== undefined ? fields.endpoint : current.endpoint,
      credentialsType: state.credentialsType,
      accessKeyId: credentials ? (columns.accessKeyId ?? null) : current.accessKeyId,
      roleArn: credentials ? (columns.roleArn ?? null) : current.roleArn,
      environmentIds: environmentIds ?? current.environmentIds,
      tenantIds: tenantIds ?? current.tenantIds,
    });
    const updated = await this.targets
      .update(current.id, { ...fields, ...columns }, { environmentIds, tenantIds })
      .catch((error) => translateDatabaseError(error, 'target'));
    await this.ensureSandboxCluster(updated.id);
    return targetResponse(updated);
  }

  async delete(ref: string): Promise<void> {
    const target = await this.targets.get(ref);
    await this.targets.delete(target.id).catch((error) => translateDatabaseError(error, 'target'));
  }

  /**
   * Refuses (409 `stack_collision`) a target that would deploy the same stacks as another one:
   * same account and region, a shared environment, tag and tenancy (`stackCollision`).
   */
  private async refuseCollisions(target: TargetPlacement): Promise<void> {
    const others = await this.targets.all();
    const collisions = stackCollisions(target, others, {
      sandboxEndpoint: this.probe.sandboxEndpoint,
    });
    if (!collisions.length) return;
    const names = new Map(
      others
        .flatMap((other) => [...other.environments, ...other.tenants])
        .map((ref) => [ref.id, ref.slug]),
    );
    throw stackCollisionError(target.name ?? target.id, collisions, (id) => names.get(id));
  }

  /**
   * A `sandbox` target's cluster is created in the sandbox when missing. A sandbox that is not
   * running (an API-only process) does not make the target invalid: the check route tells.
   */
  private async ensureSandboxCluster(targetId: string): Promise<void> {
    await this.probe.ensureSandboxCluster(targetId).catch((error: Error) => {
      this.logger.warn(
        `Could not create the sandbox cluster of target ${targetId}: ${error.message}`,
      );
    });
  }

  /** Ids of the given environments and tenants; every unknown ref is listed with its path. */
  private async resolve(
    environments?: string[],
    tenants?: string[],
  ): Promise<[string[] | undefined, string[] | undefined]> {
    const [environmentRows, tenantRows] = await resolveTogether(
      environments
        ? this.environments.getMany(environments, 'environments')
        : Promise.resolve(undefined),
      tenants ? this.tenants.getMany(tenants, 'tenants') : Promise.resolve(undefined),
    );
    return [environmentRows?.map((row) => row.id), tenantRows?.map((row) => row.id)];
  }
}

function refuse(problems: FieldError[]): void {
  if (problems.length) throw invalid(problems, 'The target is invalid.');
}
