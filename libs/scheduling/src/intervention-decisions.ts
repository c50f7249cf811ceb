import { Injectable } from '@nestjs/common';
import {
  decisionOutcome,
  decisionRefusal,
  DomainError,
  SLUG_MAX_LENGTH,
  SLUG_PATTERN,
  stackKey,
  type Decider,
  type DecisionOutcome,
  type InterventionDecision,
} from '@gantry/domain';
import {
  DeploymentRecord,
  DeploymentsRepository,
  InterventionsRepository,
  type DecidedBy,
} from '@gantry/persistence';
import { DeploymentQueue } from '@gantry/queue';
import { NotificationPublisher } from '@gantry/notifications';
import { StackQueue } from './stack-queue';

/**
 * Decisions on manual interventions, by a person (the API) or by the timeout (the reconciler).
 * An approval hands the deployment back to the workers, which continue the process with the next
 * step; a rejection fails the deployment at once (no worker needed), lets the stack's next
 * deployment start, and notifies `deployment.failed`.
 */
@Injectable()
export class InterventionDecisions {
  constructor(
    private readonly deployments: DeploymentsRepository,
    private readonly interventions: InterventionsRepository,
    private readonly queue: DeploymentQueue,
    private readonly stacks: StackQueue,
    private readonly notifications: NotificationPublisher,
  ) {}

  /** A key's decision: refused (403/409) unless the rules let it stand; the deployment after it. */
  async decide(
    deploymentId: string,
    step: string,
    input: { decision: InterventionDecision; note?: string | null },
    decider: Decider,
  ): Promise<DeploymentRecord> {
    const deployment = await this.deployments.get(deploymentId);
    // A step is a slug: anything else names no intervention (and never reaches a query).
    const isSlug = step.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(step);
    const intervention = isSlug ? await this.interventions.get(deployment.id, step) : null;
    if (!intervention) {
      const named = isSlug ? `'${step}'` : 'of that name';
      throw new DomainError(
        'invalid_state',
        `Deployment ${deployment.id} has no manual intervention ${named} to decide${deployment.status === 'waiting' ? '' : ` (it is ${deployment.status})`}.`,
        [{ path: 'step', message: `no intervention ${named} was asked for` }],
        { step: isSlug ? step : null, deploymentStatus: deployment.status },
      );
    }
    const refusal = decisionRefusal({
      deployment: {
        id: deployment.id,
        status: deployment.status,
        projectId: deployment.project.id,
        environmentId: deployment.environment.id,
        startedByKeyId: await this.interventions.startedByKeyId(deployment.id),
      },
      intervention,
      decider,
      decision: input.decision,
    });
    if (refusal) throw refusal;
    const outcome = decisionOutcome(step, {
      decision: input.decision,
      by: decider.name,
      note: input.note ?? null,
    });
    const by = { keyId: decider.keyId, name: decider.name };
    if (!(await this.apply(deployment, step, outcome, by))) {
      // Someone else decided, or cancelled, between the read and the write.
      const now = await this.interventions.get(deployment.id, step);
      throw new DomainError(
        'invalid_state',
        `The manual intervention '${step}' of deployment ${deployment.id} was already decided (${now?.status ?? 'gone'}).`,
        [],
        { step, interventionStatus: now?.status ?? null },
      );
    }
    return this.deployments.get(deployment.id);
  }

  /** Rejects every pending intervention whose timeout passed; how many it rejected. */
  async rejectTimedOut(): Promise<number> {
    let rejected = 0;
    for (const intervention of await this.interventions.due()) {
      const deployment = await this.deployments.records([intervention.deploymentId]);
      if (!deployment[0]) continue;
      const outcome = decisionOutcome(intervention.step, {
        timedOutAfterMinutes: intervention.timeoutMinutes ?? 0,
      });
      if (await this.apply(deployment[0], intervention.step, outcome, null)) rejected += 1;
    }
    return rejected;
  }

  private async apply(
    deployment: DeploymentRecord,
    step: string,
    outcome: DecisionOutcome,
    by: DecidedBy | null,
  ): Promise<boolean> {
    if (!(await this.interventions.decide(deployment.id, step, outcome, by))) return false;
    if (outcome.deploymentStatus === 'running') {
      // The claim is free (no lease): this job, or the reconciler if it is lost, continues it.
      await this.queue.enqueue([deployment.id]);
      return true;
    }
    await this.stacks.releaseStack(
      stackKey(deployment.project.id, deployment.environment.id, deployment.tenant?.id ?? null),
    );
    await this.notifications.deployments('deployment.failed', [deployment.id]);
    return true;
  }
}
