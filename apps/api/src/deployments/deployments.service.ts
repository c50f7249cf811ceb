import { Injectable } from '@nestjs/common';
import { DomainError, stackKey } from '@gantry/domain';
import { DeploymentScheduler, InterventionDecisions, StackQueue } from '@gantry/scheduling';
import { NotificationPublisher } from '@gantry/notifications';
import {
  DeploymentsRepository,
  EnvironmentsRepository,
  ProjectsRepository,
  ReleasesRepository,
  TenantsRepository,
} from '@gantry/persistence';
import type { Actor } from '../access/actor';
import { assertActorScope } from './actor-scope';
import { encodeCursor } from './deployment-cursor';
import {
  DecideIntervention,
  DeploymentQuery,
  LogQuery,
  Promote,
  RequestDeployments,
} from './deployments.dto';

@Injectable()
export class DeploymentsService {
  constructor(
    private readonly scheduler: DeploymentScheduler,
    private readonly stacks: StackQueue,
    private readonly deployments: DeploymentsRepository,
    private readonly releases: ReleasesRepository,
    private readonly projects: ProjectsRepository,
    private readonly environments: EnvironmentsRepository,
    private readonly tenants: TenantsRepository,
    private readonly notifications: NotificationPublisher,
    private readonly decisions: InterventionDecisions,
  ) {}

  /** Approves or rejects the manual intervention `step` the deployment waits on. */
  decide(id: string, step: string, input: DecideIntervention, actor: Actor) {
    return this.decisions.decide(id, step, input, actor);
  }

  async request(releaseId: string, input: RequestDeployments, actor: Actor) {
    const release = await this.releases.get(releaseId);
    const [project, environment] = await Promise.all([
      this.projects.get(release.projectId),
      this.environments.get(input.environment),
    ]);
    assertActorScope(actor, { project, environments: [environment] });
    assertMayOverride(actor, input.override);
    const items = await this.scheduler.requestDeployments({
      ...input,
      freezeOverride: input.override,
      release,
      project,
      environment,
      actorName: actor.name,
      actorKeyId: actor.keyId,
    });
    return { items, total: items.length };
  }

  async promote(projectRef: string, input: Promote, actor: Actor) {
    const [project, to] = await Promise.all([
      this.projects.get(projectRef),
      this.environments.get(input.to),
    ]);
    assertActorScope(actor, { project, environments: [to] });
    assertMayOverride(actor, input.override);
    const from = await this.environments.get(input.from);
    const items = await this.scheduler.promote({
      ...input,
      freezeOverride: input.override,
      project,
      from,
      to,
      actorName: actor.name,
      actorKeyId: actor.keyId,
    });
    return { items, total: items.length };
  }

  async list(query: DeploymentQuery) {
    const [project, environment, tenant, release] = await Promise.all([
      query.project ? this.projects.get(query.project) : undefined,
      query.environment ? this.environments.get(query.environment) : undefined,
      query.tenant ? this.tenants.get(query.tenant) : undefined,
      query.release ? this.releases.get(query.release) : undefined,
    ]);
    const filter = {
      projectId: project?.id,
      environmentId: environment?.id,
      tenantId: tenant?.id,
      releaseId: release?.id,
      status: query.status,
    };
    const count = query.count ?? query.after === undefined;
    const page = await this.deployments.list(filter, { ...query, count });
    return { ...page, next: page.next && encodeCursor(page.next) };
  }

  get(id: string) {
    return this.deployments.get(id);
  }

  /** Queued: cancelled now. Running: the worker is asked to stop it. Finished: refused. */
  async cancel(id: string, actor: Actor) {
    const deployment = await this.deployments.get(id);
    assertActorScope(actor, {
      project: deployment.project,
      environments: [deployment.environment],
    });
    const outcome = await this.deployments.cancel(deployment.id, actor.name);
    if (outcome === 'finished') {
      throw new DomainError(
        'invalid_state',
        `Deployment ${deployment.id} has already finished (${deployment.status}); there is nothing to cancel.`,
        [],
        { deploymentStatus: deployment.status },
      );
    }
    // A queued deployment that waited behind the cancelled one may start now.
    if (outcome === 'cancelled') {
      await this.stacks.releaseStack(
        stackKey(deployment.project.id, deployment.environment.id, deployment.tenant?.id ?? null),
      );
      await this.notifications.deployments('deployment.cancelled', [deployment.id]);
    }
    return this.deployments.get(deployment.id);
  }

  async log(id: string, query: LogQuery) {
    const deployment = await this.deployments.get(id);
    return { items: await this.deployments.log(deployment.id, query.after, query.limit) };
  }
}

/** Only an admin deploys through a freeze. */
function assertMayOverride(actor: Actor, override: { reason: string } | undefined): void {
  if (override && actor.role !== 'admin')
    throw new DomainError(
      'forbidden',
      `Only an admin may override a deployment freeze; the key '${actor.name}' is a ${actor.role}.`,
      [{ path: 'override', message: 'needs an admin key' }],
    );
}
