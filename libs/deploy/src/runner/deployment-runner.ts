import { ClusterPreflight } from './cluster-preflight';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  deploymentOutcome,
  DomainError,
  isFinalTargetStatus,
  unavailableDependency,
  type Dependency,
  type DeploymentOutcome,
  type TargetOutcome,
} from '@gantry/domain';
import {
  DeploymentEntity,
  DeploymentRunsRepository,
  DeploymentSuperseded,
  DeploymentTargetEntity,
  TargetsRepository,
} from '@gantry/persistence';
import { NotificationPublisher } from '@gantry/notifications';
import { DeploymentScheduler, FreezeGate, StackQueue } from '@gantry/scheduling';
import { AwsCaller, CallOptions } from '../aws/aws-caller';
import { isCredentialsError } from '../aws/throttling';
import { AwsClientPool } from '../aws/aws-clients';
import { AwsBatchers, batchersFor } from '../gateways/aws-batchers';
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
  /** One per worker process: its brief cache of ACTIVE clusters is shared by every deployment. */
  private readonly preflight = new ClusterPreflight();

  private readonly logger = new Logger('DeploymentRunner');

  /** One per worker process: a target's clients and stack/service batchers serve all its deployments. */
  private pool?: AwsClientPool<AwsBatchers>;
  private get clientPool(): AwsClientPool<AwsBatchers> {
    return (this.pool ??= new AwsClientPool(
      this.settings.sandboxUrl,
      batchersFor(this.caller, this.settings.pollMinMs),
    ));
  }

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

  /** Deployments this process runs now: one runner per deployment, even within one process. */
  private readonly running = new Set<string>();

  async run(deploymentId: string): Promise<void> {
    // A job redelivered while this process still runs the deployment (an event-loop stall outlived
    // the job lock) finds its runner alive: the runner carries on, the duplicate stops here.
    if (this.running.has(deploymentId)) return;
    this.running.add(deploymentId);
    try {
      await this.runThroughOutages(deploymentId);
    } finally {
      this.running.delete(deploymentId);
    }
  }

  /**
   * PostgreSQL or Redis being unavailable is no reason for a deployment to fail: the attempt
   * stops, waits until they answer, and resumes (re-claiming with the token it holds, so it
   * picks up its own deployment again and finds the outcome in AWS). An attempt superseded by
   * another runner meanwhile stops without another word.
   */
  private async runThroughOutages(deploymentId: string): Promise<void> {
    let held: number | null = null;
    let resumedAfter: Dependency | null = null;
    let quietUntil = 0;
    for (let pause = 0; ; pause++) {
      try {
        return await this.attempt(deploymentId, held, resumedAfter, (token) => (held = token));
      } catch (error) {
        if (error instanceof DeploymentSuperseded) {
          this.logger.warn(
            { deploymentId },
            'Another runner claimed this deployment; this one stops.',
          );
          return;
        }
        const dependency = unavailableDependency(error);
        if (!dependency) throw error;
        if (Date.now() > quietUntil)
          this.logger.warn(
            { deploymentId },
            `${dependency} unavailable (${(error as Error).message}); the deployment resumes when it is back.`,
          );
        quietUntil = Date.now() + OUTAGE_QUIET_MS;
        resumedAfter = dependency;
        await sleep(Math.min(OUTAGE_PAUSE_MAX_MS, OUTAGE_PAUSE_MIN_MS * 2 ** Math.min(pause, 5)));
      }
    }
  }

  private async attempt(
    deploymentId: string,
    heldToken: number | null,
    resumedAfter: Dependency | null,
    onClaimed: (token: number) => void,
  ): Promise<void> {
    const queued = await this.runs.get(deploymentId);
    if (queued && (await this.freezeGate.holds(queued))) return;
    const claim = await this.runs.claim(
      deploymentId,
      this.settings.workerId,
      this.settings.leaseSeconds,
      heldToken,
    );
    if (claim.outcome !== 'claimed' && claim.outcome !== 'reattached') return;
    onClaimed(claim.token);
    const runs = this.runs.fencedTo(deploymentId, claim.token);
    const deployment = (await runs.get(deploymentId)) as DeploymentEntity;
    const log = new DeploymentLog(runs, deploymentId);
    await log.info('worker', this.claimLine(claim.outcome, heldToken !== null, resumedAfter));
    if (claim.outcome === 'claimed')
      await this.notifications.deployments('deployment.started', [deploymentId]);
    const lease = this.keepLease(runs, deploymentId);
    let outcome: DeploymentOutcome;
    try {
      outcome = await this.deployAllTargets(runs, deployment, log);
    } catch (error) {
      if (error instanceof DeploymentSuperseded || unavailableDependency(error)) throw error;
      outcome =
        error instanceof DomainError
          ? { status: 'failed', error: log.mask(error.message), errorDetails: null }
          : await this.afterWorkerError(runs, deployment, error as Error, log);
    } finally {
      clearInterval(lease);
    }
    await this.complete(runs, deployment, outcome, log);
  }

  private claimLine(
    outcome: 'claimed' | 'reattached',
    resuming: boolean,
    resumedAfter: Dependency | null,
  ): string {
    const worker = this.settings.workerId;
    if (outcome === 'claimed') return `Deployment started on worker ${worker}.`;
    if (resuming && resumedAfter)
      return `Worker ${worker} resumed this deployment: ${resumedAfter} answers again.`;
    return `Worker ${worker} re-attached to this deployment.`;
  }

  /**
   * An unexpected error (a bug, not an outage): the job fails and the reconciler hands the
   * deployment out again, a few times; then it fails with the error, and its unfinished targets
   * with it. Every one of these errors is in the deployment's log, the last one too.
   */
  private async afterWorkerError(
    runs: DeploymentRunsRepository,
    deployment: DeploymentEntity,
    error: Error,
    log: DeploymentLog,
  ): Promise<DeploymentOutcome> {
    const count = await runs.recordWorkerError(deployment.id);
    const max = this.settings.maxWorkerErrors;
    const reason = log.mask(error.message || String(error)).replace(/\.?$/, '.');
    if (count < max) {
      await log.error(
        'worker',
        `Worker error ${count} of ${max}: ${reason} The deployment will be picked up again.`,
      );
      throw error;
    }
    await log.error('worker', `Worker error ${count} of ${max}: ${reason} Giving up.`);
    const message = `Gave up after ${count} worker errors; the last: ${reason}`;
    for (const target of await runs.targetsOf(deployment.id))
      if (!isFinalTargetStatus(target.status))
        await runs.updateTarget(deployment.id, target.targetId, {
          status: 'failed',
          error: message,
        });
    return { status: 'failed', error: message, errorDetails: null };
  }

  private async deployAllTargets(
    runs: DeploymentRunsRepository,
    deployment: DeploymentEntity,
    log: DeploymentLog,
  ) {
    const targets = await runs.targetsOf(deployment.id);
    if (targets.length === 0)
      throw new DomainError('no_matching_target', 'This deployment has no target.');
    // Every target runs to its end before an infrastructure error is passed on: none is left
    // running unattended while the reconciler hands the deployment out again.
    const settled = await Promise.allSettled(
      targets.map((target) => this.deployTarget(runs, deployment, target, log)),
    );
    const broken = settled.find((result) => result.status === 'rejected');
    if (broken) throw broken.reason;
    return deploymentOutcome(
      settled.map((result) => (result as PromiseFulfilledResult<TargetOutcome>).value),
    );
  }

  private async deployTarget(
    runs: DeploymentRunsRepository,
    deployment: DeploymentEntity,
    target: DeploymentTargetEntity,
    log: DeploymentLog,
  ): Promise<TargetOutcome> {
    let outcome: TargetOutcome;
    try {
      const access = await this.targets.awsAccess(target.targetId);
      const clients = this.clientPool.clientsFor(access);
      const callOptions: CallOptions = {
        onUnreachable: (action, reason, seconds) =>
          log.warn(
            'aws',
            `${target.stackName} on target ${access.slug}: ${action} failed (${reason}); retrying for up to ${seconds} s.`,
          ),
      };
      const ecs = new EcsGateway(clients, this.caller, callOptions);
      const work = new TargetDeployment(
        {
          deployment,
          target,
          cluster: access.cluster,
          cloudformation: new CloudFormationGateway(clients, this.caller, callOptions),
          ecs,
          log,
          isCancelRequested: () => runs.isCancelRequested(deployment.id),
          clusterProblem: () => this.preflight.problem(clients.limiterKey, access.cluster, ecs),
        },
        runs,
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
    const errorDetails = 'details' in outcome ? (outcome.details ?? null) : null;
    await runs.updateTarget(deployment.id, target.targetId, {
      status: outcome.status,
      error,
      errorDetails,
    });
    if (error) await log.error('worker', `${target.stackName}: ${error}`);
    return outcome;
  }

  private async complete(
    runs: DeploymentRunsRepository,
    deployment: DeploymentEntity,
    outcome: DeploymentOutcome,
    log: DeploymentLog,
  ): Promise<void> {
    const line = {
      level: 'info' as const,
      source: 'worker',
      message: `Deployment ${outcome.status}.`,
    };
    if (
      !(await runs.finish(deployment.id, outcome.status, outcome.error, outcome.errorDetails, line))
    )
      throw new DeploymentSuperseded(deployment.id);
    log.echo(line);
    await this.notifications.deployments(`deployment.${outcome.status}`, [deployment.id]);
    await untilAvailable(() => this.stacks.releaseStack(deployment.stackKey));
    if (outcome.status === 'succeeded') {
      const { deployments: due, notQueued } = await untilAvailable(() =>
        this.scheduler.scheduleAutomaticAfterSuccess(deployment.id),
      ).catch(async (error: Error) => {
        await log.error('lifecycle', `Could not queue the automatic deployments: ${error.message}`);
        return { deployments: [], notQueued: null };
      });
      if (notQueued) await log.warn('lifecycle', notQueued);
      if (due.length)
        await log.info(
          'lifecycle',
          `Queued ${due.length} automatic deployment(s): ${due.map((d) => d.environment.slug + (d.tenant ? `/${d.tenant.slug}` : '')).join(', ')}.`,
        );
    }
  }

  private keepLease(runs: DeploymentRunsRepository, deploymentId: string): NodeJS.Timeout {
    const every = Math.max(1000, (this.settings.leaseSeconds * 1000) / 3);
    const timer = setInterval(() => {
      void runs.renewLease(deploymentId, this.settings.leaseSeconds).catch((error: Error) => {
        // An outage is reported once by the attempt it stops; a bug is worth a line each time.
        if (!unavailableDependency(error))
          this.logger.warn({ deploymentId }, `Lease renewal failed: ${error.message}`);
      });
    }, every);
    timer.unref();
    return timer;
  }
}

const OUTAGE_PAUSE_MIN_MS = 250;
const OUTAGE_PAUSE_MAX_MS = 5000;
/** Failures of a deployment's attempts closer together than this are one outage: one log line. */
const OUTAGE_QUIET_MS = 30_000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs `work` again (after a pause) for as long as it fails because PostgreSQL or Redis is away. */
async function untilAvailable<T>(work: () => Promise<T>): Promise<T> {
  for (let pause = 0; ; pause++) {
    try {
      return await work();
    } catch (error) {
      if (!unavailableDependency(error)) throw error;
      await sleep(Math.min(OUTAGE_PAUSE_MAX_MS, OUTAGE_PAUSE_MIN_MS * 2 ** Math.min(pause, 5)));
    }
  }
}

/** An AWS error answering the request itself (HTTP 4xx): retrying the same call will not help. */
function isAwsRefusal(error: unknown): boolean {
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  return status !== undefined && status >= 400 && status < 500;
}
