import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  activeFreeze,
  assertNotAlreadyDeployed,
  frozenError,
  releaseBlockedError,
  type FrozenPlace,
  assertPromotions,
  planDeployments,
  stackKey,
  STANDING_DEPLOYMENT_STATUSES,
  type DeploymentKey,
  type Lifecycle,
  type PlanOptions,
} from '@gantry/domain';
import {
  DeploymentCandidatesRepository,
  DeploymentEventsPublisher,
  DeploymentsRepository,
  DeploymentRecord,
  FreezesRepository,
  NewDeployment,
  ReleaseEntity,
} from '@gantry/persistence';
import { NotificationPublisher } from '@gantry/notifications';
import { DeploymentQueue } from '@gantry/queue';
import { ProjectSchedulingContext, SchedulingContextLoader } from './scheduling-context.loader';

/** One deployment to write: a release into an environment, for a tenant or untenanted. */
export interface Wanted {
  release: ReleaseEntity;
  environmentId: string;
  tenantId: string | null;
}

/** An admin deploying through a freeze, and why (audited, and kept on the deployments). */
export interface FreezeOverrideRequest {
  reason: string;
  by: string | null;
}

export type RequestOptions = Omit<PlanOptions, 'noTarget'> & {
  freezeOverride?: FreezeOverrideRequest;
};

/**
 * `createdBy` of the deployments the lifecycle starts by itself, naming what triggered them: the
 * key that created the release and, for a later phase, the deployment whose success opened it.
 */
export function automaticActor(trigger: { releaseCreatedBy: string | null; after?: string }) {
  const creator = trigger.releaseCreatedBy ? ` for '${trigger.releaseCreatedBy}'` : '';
  const after = trigger.after ? ` after deployment ${trigger.after}` : '';
  return `automatic (lifecycle)${creator}${after}`;
}

/** Checks, plans and writes deployments; enqueues them once the transaction has committed. */
@Injectable()
export class DeploymentWriter {
  private readonly logger = new Logger('Scheduling');

  constructor(
    private readonly deployments: DeploymentsRepository,
    private readonly candidates: DeploymentCandidatesRepository,
    private readonly contexts: SchedulingContextLoader,
    private readonly queue: DeploymentQueue,
    private readonly freezes: FreezesRepository,
    private readonly notifications: NotificationPublisher,
    @Optional()
    @Inject(DeploymentEventsPublisher)
    private readonly events: DeploymentEventsPublisher | null = null,
  ) {}

  /**
   * Deployments someone asked for: the lifecycle must allow each one and, unless forced, none may
   * already be queued, running or current; no release may be blocked; no place may be frozen
   * unless an admin overrides the freeze; no matching target is a 422. All or nothing.
   */
  async requested(
    context: ProjectSchedulingContext,
    wanted: Wanted[],
    options: RequestOptions,
  ): Promise<DeploymentRecord[]> {
    // Redis down: 503 now, before anything is written, rather than rows nobody is told about.
    await this.queue.assertAvailable();
    const blocked = wanted.find((item) => item.release.blockedReason);
    if (blocked)
      throw releaseBlockedError(blocked.release.version, blocked.release.blockedReason as string);
    const releaseIds = [...new Set(wanted.map((item) => item.release.id))];
    const lifecycles = await this.lifecyclesByChannel(context, wanted);
    const key = (item: Wanted) => stackKey(context.project.id, item.environmentId, item.tenantId);
    const rows = await this.deployments.transaction(async (manager) => {
      await this.deployments.lockReleases(manager, releaseIds);
      const known = await this.deployments.keysOf(
        releaseIds,
        STANDING_DEPLOYMENT_STATUSES,
        manager,
      );
      const ofRelease = (item: Wanted) => known.filter((row) => row.releaseId === item.release.id);
      assertPromotions(
        wanted.map((item) => ({
          lifecycle: lifecycles.get(item.release.channelId) as Lifecycle,
          environmentId: item.environmentId,
          tenant: context.tenants.find((tenant) => tenant.id === item.tenantId) ?? null,
          succeeded: ofRelease(item).filter((row) => row.status === 'succeeded'),
        })),
        context.environments,
      );
      const current = await this.deployments.currentReleases(wanted.map(key), manager);
      assertNotAlreadyDeployed(
        wanted.map((item) => ({
          label: label(context, item),
          pending: ofRelease(item).some((row) => row.status !== 'succeeded' && sameKey(row, item)),
          current: current.get(key(item)) === item.release.id,
        })),
        options.forced,
      );
      const frozen = await this.frozenPlaces(context, wanted);
      if (frozen.length && !options.freezeOverride) throw frozenError(frozen);
      const rows = await this.write(manager, context, wanted, { ...options, noTarget: 'refuse' });
      if (frozen.length && options.freezeOverride)
        await this.deployments.recordFreezeOverride(
          manager,
          rows.map((row) => row.id),
          {
            ...options.freezeOverride,
            freezes: [
              ...new Map(
                frozen.map((place) => [place.active.freeze.id, place.active.freeze]),
              ).values(),
            ].map(({ id, name }) => ({ id, name })),
          },
        );
      return rows;
    });
    return this.commit(rows);
  }

  /**
   * Automatic deployments, already decided by the lifecycle rules; one without a target is stored
   * as failed; a blocked release gets none. A frozen one is queued: the worker holds it until the
   * freeze ends.
   */
  automatic(
    manager: EntityManager,
    context: ProjectSchedulingContext,
    wanted: Wanted[],
    createdBy: string,
    createdByKeyId: string | null = null,
  ): Promise<NewDeployment[]> {
    const unblocked = wanted.filter((item) => !item.release.blockedReason);
    return this.write(manager, context, unblocked, {
      forced: false,
      createdBy,
      createdByKeyId,
      noTarget: 'record',
    });
  }

  /**
   * Enqueues after the commit, so a worker never picks up a row it cannot see yet, and tells the
   * live dashboard about the new deployments.
   */
  async commit(rows: NewDeployment[]): Promise<DeploymentRecord[]> {
    if (rows.length) this.events?.statusesChanged(rows.map((row) => row.id));
    const queued = rows.filter((row) => row.status === 'queued').map((row) => row.id);
    if (!(await this.queue.tryEnqueue(queued)))
      this.logger.warn(
        `Redis unavailable: ${queued.length} deployment(s) written stay queued; the reconciler hands them out when Redis is back`,
      );
    await this.notifications.deployments('deployment.queued', queued);
    await this.notifications.deployments(
      'deployment.failed',
      rows.filter((row) => row.status === 'failed').map((row) => row.id),
    );
    return this.deployments.records(rows.map((row) => row.id));
  }

  private async write(
    manager: EntityManager,
    context: ProjectSchedulingContext,
    wanted: Wanted[],
    options: PlanOptions,
  ): Promise<NewDeployment[]> {
    if (wanted.length === 0) return [];
    const environmentIds = [...new Set(wanted.map((item) => item.environmentId))];
    const targets = await this.candidates.targetsIn(environmentIds, manager);
    const channels = await this.contexts.channelSlugs([
      ...new Set(wanted.map((item) => item.release.channelId)),
    ]);
    const plan = planDeployments(
      wanted.map((item) => ({
        releaseId: item.release.id,
        environmentId: item.environmentId,
        tenantId: item.tenantId,
        steps: item.release.steps,
        channelSlug: channels.get(item.release.channelId) ?? '',
      })),
      {
        project: context.project,
        environments: context.environments,
        tenants: context.tenants,
        targets,
      },
      options,
    );
    await this.deployments.insertMany(manager, plan);
    return plan;
  }

  private async frozenPlaces(
    context: ProjectSchedulingContext,
    wanted: Wanted[],
  ): Promise<FrozenPlace[]> {
    const now = new Date();
    const freezes = await this.freezes.current(now);
    if (freezes.length === 0) return [];
    return wanted.flatMap((item) => {
      const active = activeFreeze(
        freezes,
        {
          projectId: context.project.id,
          environmentId: item.environmentId,
          tenantId: item.tenantId,
        },
        now,
      );
      return active ? [{ label: label(context, item), active }] : [];
    });
  }

  private async lifecyclesByChannel(
    context: ProjectSchedulingContext,
    wanted: Wanted[],
  ): Promise<Map<string, Lifecycle>> {
    const channelIds = [...new Set(wanted.map((item) => item.release.channelId))];
    const lifecycles = await Promise.all(
      channelIds.map((id) => this.contexts.lifecycleOf(context, id)),
    );
    return new Map(channelIds.map((id, index) => [id, lifecycles[index]]));
  }
}

export function sameKey(a: DeploymentKey, b: DeploymentKey): boolean {
  return a.environmentId === b.environmentId && a.tenantId === b.tenantId;
}

function label(context: ProjectSchedulingContext, item: Wanted): string {
  const environment =
    context.environments.find((e) => e.id === item.environmentId)?.name ?? item.environmentId;
  const tenant = context.tenants.find((t) => t.id === item.tenantId);
  return tenant ? `tenant '${tenant.name}' in '${environment}'` : `'${environment}'`;
}
