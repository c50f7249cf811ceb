import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  deploymentOutcome,
  DomainError,
  isFinalTargetStatus,
  type DeploymentOutcome,
  type TargetOutcome,
} from '@gantry/domain';
import {
  DeploymentEntity,
  DeploymentRunsRepository,
  DeploymentTargetEntity,
  TargetsRepository,
} from '@gantry/persistence';
import { NotificationPublisher } from '@gantry/notifications';
import { DeploymentScheduler, FreezeGate, StackQueue } from '@gantry/scheduling';
import { AwsCaller, CallOptions } from '../aws/aws-caller';
import { isCredentialsError } from '../aws/throttling';
import { createAwsClients } from '../aws/aws-clients';
import { CloudFormationGateway } from '../gateways/cloudformation.gateway';
import { EcsGateway } from '../gateways/ecs.gateway';
import { RenderInputLoader } from '../render-input.loader';
import { DeploymentLog } from './deployment-log';
import { RUNNER_SETTINGS, RunnerSettings } from './runner-settings';
import { TargetDeployment } from './target-deployment';

/**
 * Runs one deployment end to end: claims it, deploys every target's stack, records the outcome,
 * then starts what was waiting on the same stack and what the lifecycle makes due.
 * Safe to call again for the same deployment at any time: the database decides what happens.
 */
@Injectable()
export class DeploymentRunner {
  private readonly logger = new Logger('DeploymentRunner');

  constructor(
    private readonly runs: DeploymentRunsRepository,
    private readonly targets: TargetsRepository,
    private readonly loader: RenderInputLoader,
    private readonly caller: AwsCaller,
    private readonly stacks: StackQueue,
    private readonly scheduler: DeploymentScheduler,
    private readonly freezeGate: FreezeGate,
    private readonly notifications: NotificationPublisher,
    @Inject(RUNNER_SETTINGS) private readonly settings: RunnerSettings,
  ) {}

  async run(deploymentId: string): Promise<void> {
    const queued = await this.runs.get(deploymentId);
    if (queued && (await this.freezeGate.holds(queued))) return;
    const claim = await this.runs.claim(
      deploymentId,
      this.settings.workerId,
      this.settings.leaseSeconds,
    );
    if (claim !== 'claimed' && claim !== 'reattached') return;
    const deployment = (await this.runs.get(deploymentId)) as DeploymentEntity;
    const log = new DeploymentLog(this.runs, deploymentId);
    await log.info(
      'worker',
      claim === 'claimed'
        ? `Deployment started on worker ${this.settings.workerId}.`
        : `Worker ${this.settings.workerId} re-attached to this deployment.`,
    );
    if (claim === 'claimed')
      await this.notifications.deployments('deployment.started', [deploymentId]);
    const lease = this.keepLease(deploymentId);
    let outcome: DeploymentOutcome;
    try {
      outcome = await this.deployAllTargets(deployment, log);
    } catch (error) {
      outcome =
        error instanceof DomainError
          ? { status: 'failed', error: log.mask(error.message) }
          : await this.afterWorkerError(deployment, error as Error, log);
    } finally {
      clearInterval(lease);
    }
    await this.complete(deployment, outcome, log);
  }

  /**
   * Infrastructure trouble (the database, Redis, a bug): the job fails and the reconciler hands
   * the deployment out again, a few times; then it fails with the error, and its unfinished
   * targets with it.
   */
  private async afterWorkerError(
    deployment: DeploymentEntity,
    error: Error,
    log: DeploymentLog,
  ): Promise<{ status: 'failed'; error: string }> {
    const count = await this.runs.recordWorkerError(deployment.id);
    const max = this.settings.maxWorkerErrors;
    const reason = log.mask(error.message || String(error));
    if (count < max) {
      await log.error(
        'worker',
        `Worker error ${count} of ${max}: ${reason.replace(/\.?$/, '.')} The deployment will be picked up again.`,
      );
      throw error;
    }
    const message = `Gave up after ${count} worker errors; the last: ${reason}`;
    for (const target of await this.runs.targetsOf(deployment.id))
      if (!isFinalTargetStatus(target.status))
        await this.runs.updateTarget(deployment.id, target.targetId, {
          status: 'failed',
          error: message,
        });
    return { status: 'failed', error: message };
  }

  private async deployAllTargets(deployment: DeploymentEntity, log: DeploymentLog) {
    const targets = await this.runs.targetsOf(deployment.id);
    if (targets.length === 0)
      throw new DomainError('no_matching_target', 'This deployment has no target.');
    // Every target runs to its end before an infrastructure error is passed on: none is left
    // running unattended while the reconciler hands the deployment out again.
    const settled = await Promise.allSettled(
      targets.map((target) => this.deployTarget(deployment, target, log)),
    );
    const broken = settled.find((result) => result.status === 'rejected');
    if (broken) throw broken.reason;
    return deploymentOutcome(
      settled.map((result) => (result as PromiseFulfilledResult<TargetOutcome>).value),
    );
  }

  private async deployTarget(
    deployment: DeploymentEntity,
    target: DeploymentTargetEntity,
    log: DeploymentLog,
  ): Promise<TargetOutcome> {
    let outcome: TargetOutcome;
    try {
      const access = await this.targets.awsAccess(target.targetId);
      const clients = createAwsClients(access, this.settings.sandboxUrl);
      const callOptions: CallOptions = {
        onUnreachable: (action, reason, seconds) =>
          log.warn(
            'aws',
            `${target.stackName} on target ${access.slug}: ${action} failed (${reason}); retrying for up to ${seconds} s.`,
          ),
      };
      const work = new TargetDeployment(
        {
          deployment,
          target,
          cluster: access.cluster,
          cloudformation: new CloudFormationGateway(clients, this.caller, callOptions),
          ecs: new EcsGateway(clients, this.caller, callOptions),
          log,
          isCancelRequested: () => this.runs.isCancelRequested(deployment.id),
        },
        this.runs,
        this.loader,
        this.settings,
      );
      outcome = await work.run();
    } catch (error) {
      if (error instanceof DomainError)
        outcome = { status: 'failed', error: log.mask(error.message) };
      else if (isCredentialsError(error))
        outcome = {
          status: 'failed',
          error: log.mask(
            `No AWS credentials to sign with: ${(error as Error).message}. An assume-role target needs base credentials in Gantry's environment (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE or an instance role); a default target needs them too.`,
          ),
        };
      else if (isAwsRefusal(error))
        outcome = {
          status: 'failed',
          error: log.mask(`AWS refused: ${(error as Error).name}: ${(error as Error).message}`),
        };
      else throw error;
    }
    const error = 'error' in outcome ? outcome.error : null;
    await this.runs.updateTarget(deployment.id, target.targetId, { status: outcome.status, error });
    if (error) await log.error('worker', `${target.stackName}: ${error}`);
    return outcome;
  }

  private async complete(
    deployment: DeploymentEntity,
    outcome: DeploymentOutcome,
    log: DeploymentLog,
  ): Promise<void> {
    await log.info('worker', `Deployment ${outcome.status}.`);
    const finished = await this.runs.finish(
      deployment.id,
      this.settings.workerId,
      outcome.status,
      outcome.error,
    );
    if (!finished) {
      this.logger.warn(
        { deploymentId: deployment.id },
        'Lost the lease before finishing; another worker owns this deployment now.',
      );
      return;
    }
    await this.notifications.deployments(`deployment.${outcome.status}`, [deployment.id]);
    await this.stacks.releaseStack(deployment.stackKey);
    if (outcome.status === 'succeeded') {
      const due = await this.scheduler
        .scheduleAutomaticAfterSuccess(deployment.id)
        .catch(async (error: Error) => {
          await log.error(
            'lifecycle',
            `Could not queue the automatic deployments: ${error.message}`,
          );
          return [];
        });
      if (due.length)
        await log.info(
          'lifecycle',
          `Queued ${due.length} automatic deployment(s): ${due.map((d) => d.environment.slug + (d.tenant ? `/${d.tenant.slug}` : '')).join(', ')}.`,
        );
    }
  }

  private keepLease(deploymentId: string): NodeJS.Timeout {
    const every = Math.max(1000, (this.settings.leaseSeconds * 1000) / 3);
    const timer = setInterval(() => {
      void this.runs
        .renewLease(deploymentId, this.settings.workerId, this.settings.leaseSeconds)
        .catch((error: Error) =>
          this.logger.warn({ deploymentId }, `Lease renewal failed: ${error.message}`),
        );
    }, every);
    timer.unref();
    return timer;
  }
}

/** An AWS error answering the request itself (HTTP 4xx): retrying the same call will not help. */
function isAwsRefusal(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  return status !== undefined && status >= 400 && status < 500;
}
