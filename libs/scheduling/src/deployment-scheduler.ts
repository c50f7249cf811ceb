import { Injectable } from '@nestjs/common';
import {
  automaticDeploymentsAfterSuccess,
  automaticDeploymentsOnCreation,
  mayDueAutomaticAfterSuccess,
  DEPLOYMENT_STATUSES,
  keyMayDeploy,
  STANDING_DEPLOYMENT_STATUSES,
} from '@gantry/domain';
import {
  ApiKeysRepository,
  DeploymentCandidatesRepository,
  DeploymentsRepository,
  DeploymentRecord,
  EnvironmentEntity,
  ProjectEntity,
  ProjectsRepository,
  ReleaseEntity,
  ReleasesRepository,
  ReleaseValues,
} from '@gantry/persistence';
import { DeploymentQueue } from '@gantry/queue';
import { automaticActor, DeploymentWriter, RequestOptions, sameKey } from './deployment-writer';
import { ProjectSchedulingContext, SchedulingContextLoader } from './scheduling-context.loader';
import { nothingToPromote, selectScopes } from './tenant-scopes';

/** A deployment request; the caller has loaded (and authorised) the release, its project and the environment. */
export interface DeploymentRequestInput {
  release: ReleaseEntity;
  project: ProjectEntity;
  environment: EnvironmentEntity;
  tenants?: string[];
  tenantTags?: string[];
  /**
   * Deploy even where this release is already queued, running or the current successful release
   * (Octopus' "force redeploy"). It never bypasses the lifecycle.
   */
  force?: boolean;
  actorName: string | null;
  /** The API key asking (kept on the deployments: `preventSelfApproval` compares it). */
  actorKeyId?: string | null;
  /** An admin deploying through a freeze says why. */
  freezeOverride?: { reason: string };
}

/** A promotion; the caller has loaded (and authorised) the project and both environments. */
export interface PromotionInput {
  project: ProjectEntity;
  from: EnvironmentEntity;
  to: EnvironmentEntity;
  tenants?: string[];
  tenantTags?: string[];
  force?: boolean;
  actorName: string | null;
  actorKeyId?: string | null;
  freezeOverride?: { reason: string };
  /** Pass over blocked releases: promote the last release that succeeded in `from` and is not blocked. */
  skipBlocked?: boolean;
}

/**
 * Creates deployments: on request, on promotion, and automatically (after a release is created,
 * after a deployment succeeded). Every path checks the lifecycle, resolves targets at once, writes
 * all rows with two set-based INSERTs in one transaction (under a per-release advisory lock), then
 * hands the queued ids to BullMQ. Shared by the API and the worker.
 */
@Injectable()
export class DeploymentScheduler {
  constructor(
    private readonly releases: ReleasesRepository,
    private readonly projects: ProjectsRepository,
    private readonly deployments: DeploymentsRepository,
    private readonly candidates: DeploymentCandidatesRepository,
    private readonly contexts: SchedulingContextLoader,
    private readonly writer: DeploymentWriter,
    private readonly queue: DeploymentQueue,
    private readonly keys: ApiKeysRepository,
  ) {}

  /** One deployment per chosen tenant (or one untenanted), refused as a whole when any is refused. */
  async requestDeployments(input: DeploymentRequestInput): Promise<DeploymentRecord[]> {
    const { release, project, environment } = input;
    const context = await this.contexts.forProject(project);
    const scopes = await selectScopes(this.candidates, context, environment, input);
    const wanted = scopes.map((tenant) => ({
      release,
      environmentId: environment.id,
      tenantId: tenant?.id ?? null,
    }));
    return this.writer.requested(context, wanted, requestOptions(input));
  }

  /**
   * Per chosen tenant (or untenanted), deploys to `to` the release whose deployment to `from`
   * succeeded last. A chosen tenant with nothing succeeded in `from` refuses the whole promotion
   * (409 `invalid_state` listing them): a partial promotion is easy to miss.
   */
  async promote(input: PromotionInput): Promise<DeploymentRecord[]> {
    const { project, from, to } = input;
    const context = await this.contexts.forProject(project);
    const scopes = await selectScopes(this.candidates, context, to, input);
    const last = new Map(
      (input.skipBlocked
        ? await this.deployments.lastSucceededUnblocked(project.id, from.id)
        : await this.deployments.lastSucceeded(project.id, from.id)
      ).map((row) => [row.tenantId, row.releaseId]),
    );
    const releaseOf = (tenantId: string | null) => last.get(tenantId) as string;
    const missing = scopes.filter((tenant) => !last.has(tenant?.id ?? null));
    if (missing.length) throw nothingToPromote(missing, from);
    const ids = [...new Set(scopes.map((tenant) => releaseOf(tenant?.id ?? null)))];
    const releases = new Map(
      (await Promise.all(ids.map((id) => this.releases.get(id)))).map((release) => [
        release.id,
        release,
      ]),
    );
    const wanted = scopes.map((tenant) => ({
      release: releases.get(releaseOf(tenant?.id ?? null)) as ReleaseEntity,
      environmentId: to.id,
      tenantId: tenant?.id ?? null,
    }));
    return this.writer.requested(context, wanted, requestOptions(input));
  }

  /**
   * Inserts a release of the context's project and the automatic deployments its creation opens,
   * in one transaction. They count as the creator's request: `authorize` sees their environments
   * first and may refuse. The caller has loaded the context (release creation checks template
   * sizes with the same tenants).
   */
  async createReleaseWithAutomaticDeployments(
    context: ProjectSchedulingContext,
    values: Omit<ReleaseValues, 'projectId'>,
    creator: {
      actorName: string | null;
      actorKeyId?: string | null;
      authorize(environments: EnvironmentEntity[]): void;
    },
  ): Promise<{ release: ReleaseEntity; deployments: DeploymentRecord[] }> {
    const { project } = context;
    const due = automaticDeploymentsOnCreation(
      await this.contexts.releaseContext(context, values.channelId),
    );
    creator.authorize(
      context.environments.filter((environment) =>
        due.some((key) => key.environmentId === environment.id),
      ),
    );
    // Redis down: 503 before the release is written, not a release whose deployments wait unseen.
    if (due.length) await this.queue.assertAvailable();
    const createdBy = automaticActor({ releaseCreatedBy: creator.actorName });
    const { release, rows } = await this.deployments.transaction(async (manager) => {
      const release = await this.releases.insert({ ...values, projectId: project.id }, manager);
      return {
        release,
        rows: await this.writer.automatic(
          manager,
          context,
          due.map((key) => ({ release, ...key })),
          createdBy,
          creator.actorKeyId ?? null,
        ),
      };
    });
    return { release, deployments: await this.writer.commit(rows) };
  }

  /** The automatic deployments of a release's creation that do not exist yet (safe to call twice). */
  async scheduleAutomaticAfterCreation(releaseId: string): Promise<DeploymentRecord[]> {
    const release = await this.releases.get(releaseId);
    const context = await this.contexts.forProject(await this.projects.get(release.projectId));
    const due = automaticDeploymentsOnCreation(
      await this.contexts.releaseContext(context, release.channelId),
    );
    const rows = await this.deployments.transaction(async (manager) => {
      await this.deployments.lockReleases(manager, [release.id]);
      const existing = await this.deployments.keysOf([release.id], DEPLOYMENT_STATUSES, manager);
      const fresh = due.filter((key) => !existing.some((row) => sameKey(row, key)));
      return this.writer.automatic(
        manager,
        context,
        fresh.map((key) => ({ release, ...key })),
        automaticActor({ releaseCreatedBy: null }),
      );
    });
    return this.writer.commit(rows);
  }

  /**
   * After a success: the automatic deployments of the phases it completed, for the same tenant.
   * They count as the request of the key that created the release: those outside its scope are
   * not queued, and `notQueued` says which and why (the runner logs it on the deployment).
   */
  async scheduleAutomaticAfterSuccess(deploymentId: string): Promise<AutomaticAfterSuccess> {
    const none = { deployments: [], notQueued: null };
    const done = await this.deployments.keyOf(deploymentId);
    if (!done || done.status !== 'succeeded') return none;
    const release = await this.releases.get(done.releaseId);
    const project = await this.projects.get(release.projectId);
    // Most successes open nothing (the last phase, or no automatic environment left): they need
    // not read the project's tenants nor lock the release, which a fan-out's successes would
    // otherwise do one after the other, each reading every tenant.
    const lifecycle = await this.contexts.lifecycleFor(project, release.channelId);
    if (!mayDueAutomaticAfterSuccess(lifecycle, done.environmentId)) return none;
    const context = await this.contexts.forProject(project);
    const releaseContext = await this.contexts.releaseContext(context, release.channelId);
    const creator = release.createdByKeyId
      ? await this.keys.findById(release.createdByKeyId)
      : null;
    const refused: string[] = [];
    const rows = await this.deployments.transaction(async (manager) => {
      await this.deployments.lockReleases(manager, [release.id]);
      const existing = await this.deployments.keysOf(
        [release.id],
        STANDING_DEPLOYMENT_STATUSES,
        manager,
      );
      const due = automaticDeploymentsAfterSuccess({
        ...releaseContext,
        succeeded: existing.filter((row) => row.status === 'succeeded'),
        justSucceeded: { environmentId: done.environmentId, tenantId: done.tenantId },
        existing,
      });
      const allowed = due.filter((key) => {
        if (!creator || keyMayDeploy(creator, context.project.id, key.environmentId)) return true;
        refused.push(placeLabel(context, key));
        return false;
      });
      return this.writer.automatic(
        manager,
        context,
        allowed.map((key) => ({ release, ...key })),
        automaticActor({ releaseCreatedBy: release.createdBy, after: deploymentId }),
        release.createdByKeyId ?? null,
      );
    });
    return {
      deployments: await this.writer.commit(rows),
      notQueued: refused.length
        ? `Did not queue the automatic deployment(s) to ${refused.join(', ')}: release ${release.version} was created by key '${creator?.name ?? release.createdBy}', which may not deploy there. Deploy or promote it with a key that may.`
        : null,
    };
  }
}

/** What `scheduleAutomaticAfterSuccess` queued, and what the creator's key kept it from queueing. */
export interface AutomaticAfterSuccess {
  deployments: DeploymentRecord[];
  /** One line for the deployment log naming the places left out, or null. */
  notQueued: string | null;
}

/** `environment` or `environment/tenant`, by slug. */
function placeLabel(
  context: { environments: EnvironmentEntity[]; tenants: Array<{ id: string; slug: string }> },
  key: { environmentId: string; tenantId: string | null },
): string {
  const environment = context.environments.find((e) => e.id === key.environmentId)?.slug;
  const tenant = key.tenantId ? context.tenants.find((t) => t.id === key.tenantId)?.slug : null;
  return `${environment ?? key.environmentId}${key.tenantId ? `/${tenant ?? key.tenantId}` : ''}`;
}

function requestOptions(input: {
  force?: boolean;
  actorName: string | null;
  actorKeyId?: string | null;
  freezeOverride?: { reason: string };
}): RequestOptions {
  return {
    forced: input.force ?? false,
    createdBy: input.actorName,
    createdByKeyId: input.actorKeyId ?? null,
    ...(input.freezeOverride
      ? { freezeOverride: { reason: input.freezeOverride.reason, by: input.actorName } }
      : {}),
  };
}
