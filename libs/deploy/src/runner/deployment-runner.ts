import { ClusterPreflight } from './cluster-preflight';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  deploymentOutcome,
  DomainError,
  isFinalStepStatus,
  isFinalTargetStatus,
  parallelGroups,
  stepKindOf,
  unavailableDependency,
  type Dependency,
  type DeploymentOutcome,
  type ProcessStep,
  type TargetOutcome,
} from '@gantry/domain';
import {
  DeploymentEntity,
  DeploymentRunsRepository,
  DeploymentStepEntity,
  DeploymentSuperseded,
  DeploymentTargetEntity,
  ReleasesRepository,
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
import {
  DeploymentSuspended,
  STEP_EXECUTORS,
  type StepExecutor,
  type StepRunContext,
} from '../process/step-executor';
import { DeploymentLog } from './deployment-log';
import { RUNNER_SETTINGS, RunnerSettings } from './runner-settings';
import { StartGate } from './start-gate';

/** A step of the running deployment: the release's definition and its recorded progress. */
interface StepInRun {
  step: ProcessStep;
  record: DeploymentStepEntity;
  parallelWithPrevious: boolean;
}

/**
 * Runs one deployment end to end: claims it, runs its process (the steps in order, a parallel
 * group at once, each step on every target through its kind's executor), records the outcome,
 * then starts what was waiting on the same stacks and what the lifecycle makes due.
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
    private readonly releases: ReleasesRepository,
    @Inject(STEP_EXECUTORS) executors: StepExecutor[],
    private readonly caller: AwsCaller,
    private readonly stacks: StackQueue,
    private readonly scheduler: DeploymentScheduler,
    private readonly freezeGate: FreezeGate,
    private readonly notifications: NotificationPublisher,
    @Inject(RUNNER_SETTINGS) private readonly settings: RunnerSettings,
  ) {
    this.executors = new Map(executors.map((executor) => [executor.kind, executor]));
  }

  private readonly executors: Map<string, StepExecutor>;

  /** Deployments this process runs now: one runner per deployment, even within one process. */
  private readonly running = new Set<string>();

  /** A few deployments at a time get ready for AWS; each one's way to let the next in. */
  private readonly startGate = new StartGate(GETTING_READY_AT_ONCE);
  private readonly gettingReady = new Map<string, () => void>();

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

  /** One attempt, its start (up to its first AWS call) through the start gate. */
  private async attempt(
    deploymentId: string,
    heldToken: number | null,
    resumedAfter: Dependency | null,
    onClaimed: (token: number) => void,
  ): Promise<void> {
    const leave = await this.startGate.enter();
    this.gettingReady.set(deploymentId, leave);
    try {
      await this.claimAndRun(deploymentId, heldToken, resumedAfter, onClaimed);
    } finally {
      this.ready(deploymentId);
    }
  }

  /** The deployment is ready for AWS, or its attempt ended: the next one may get ready. */
  private ready(deploymentId: string): void {
    this.gettingReady.get(deploymentId)?.();
    this.gettingReady.delete(deploymentId);
  }

  private async claimAndRun(
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
      outcome = await this.runProcess(runs, deployment, log);
    } catch (error) {
      if (error instanceof DeploymentSuspended) {
        clearInterval(lease);
        return;
      }
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
        await runs.updateTarget(target, { status: 'failed', error: message });
    for (const step of await runs.stepsOf(deployment.id))
      if (!isFinalStepStatus(step.status))
        await runs.updateStep(deployment.id, step.slug, {
          status: step.status === 'running' ? 'failed' : 'skipped',
          ...(step.status === 'running'
            ? { error: message }
            : { reason: 'the deployment gave up after worker errors' }),
          finishedAt: new Date(),
        });
    return { status: 'failed', error: message, errorDetails: null };
  }

  /**
   * The process: its groups in order (the steps of a group at once), each step through its kind's
   * executor. A step already final (a re-attach) is not run again; a skipped step is logged once.
   * The first group with a failed or cancelled step ends the process: the steps after it are
   * skipped, and a process of several steps names the step in the deployment's error.
   */
  private async runProcess(
    runs: DeploymentRunsRepository,
    deployment: DeploymentEntity,
    log: DeploymentLog,
  ): Promise<DeploymentOutcome> {
    const release = await this.releases.get(deployment.releaseId);
    const records = await runs.stepsOf(deployment.id);
    const steps = records.map((record): StepInRun => {
      const step = release.steps.find((candidate) => candidate.slug === record.slug);
      if (!step) throw new Error(`Step '${record.slug}' is not in release ${release.version}`);
      return { step, record, parallelWithPrevious: step.parallelWithPrevious };
    });
    if (steps.length === 0)
      throw new DomainError('no_matching_target', 'This deployment has no step to run.');
    const several = steps.length > 1;
    const groups = parallelGroups(steps);
    for (const [index, group] of groups.entries()) {
      for (const { record } of group)
        if (record.status === 'skipped' && !record.finishedAt) {
          await log.scoped(record.slug).info('worker', `Skipped: ${record.reason ?? 'not run'}.`);
          await runs.updateStep(deployment.id, record.slug, { finishedAt: new Date() });
          record.finishedAt = new Date();
        }
      const due = group.filter(({ record }) => !isFinalStepStatus(record.status));
      const recorded = group.filter(({ record }) =>
        ['failed', 'cancelled'].includes(record.status),
      );
      if (due.length && !recorded.length && (await runs.isCancelRequested(deployment.id))) {
        const rest = groups.slice(index).flat();
        await this.skipRest(runs, deployment, rest, 'the deployment was cancelled', log);
        const error = `Cancelled before step '${due[0].record.slug}'.`;
        return { status: 'cancelled', error, errorDetails: null };
      }
      // Every step of the group runs to its end before an infrastructure error is passed on:
      // none is left running unattended while the reconciler hands the deployment out again.
      const settled = await Promise.allSettled(
        due.map((item) => this.runStep(runs, deployment, item, log)),
      );
      const broken =
        settled.find(
          (result) =>
            result.status === 'rejected' && !(result.reason instanceof DeploymentSuspended),
        ) ?? settled.find((result) => result.status === 'rejected');
      if (broken) throw (broken as PromiseRejectedResult).reason;
      const outcomes = [
        ...recorded.map(({ record }) => ({
          slug: record.slug,
          outcome: {
            status: record.status as 'failed' | 'cancelled',
            error: record.error ?? `step ${record.status}`,
            errorDetails: null,
          } as DeploymentOutcome,
        })),
        ...settled.map((result, i) => ({
          slug: due[i].record.slug,
          outcome: (result as PromiseFulfilledResult<DeploymentOutcome>).value,
        })),
      ];
      const unsuccessful = outcomes.filter(({ outcome }) => outcome.status !== 'succeeded');
      if (unsuccessful.length) {
        const [first] = unsuccessful;
        await this.skipRest(
          runs,
          deployment,
          groups.slice(index + 1).flat(),
          `step '${first.slug}' ${first.outcome.status === 'failed' ? 'failed' : 'was cancelled'}`,
          log,
        );
        const status = unsuccessful.some(({ outcome }) => outcome.status === 'failed')
          ? 'failed'
          : 'cancelled';
        const name = (slug: string, text: string | null) =>
          several ? `Step '${slug}': ${text ?? status}` : (text ?? status);
        return {
          status,
          error: unsuccessful.map(({ slug, outcome }) => name(slug, outcome.error)).join('\n'),
          errorDetails:
            unsuccessful
              .map(({ slug, outcome }) => name(slug, outcome.errorDetails ?? outcome.error))
              .join('\n\n') || null,
        };
      }
    }
    return { status: 'succeeded', error: null, errorDetails: null };
  }

  /** Steps that will not run now: skipped, with the reason, each logged. */
  private async skipRest(
    runs: DeploymentRunsRepository,
    deployment: DeploymentEntity,
    rest: StepInRun[],
    reason: string,
    log: DeploymentLog,
  ): Promise<void> {
    for (const { record } of rest) {
      if (record.status !== 'pending') continue;
      await runs.updateStep(deployment.id, record.slug, {
        status: 'skipped',
        reason,
        finishedAt: new Date(),
      });
      await log.scoped(record.slug).info('worker', `Not run: ${reason}.`);
    }
  }

  /** One step: on each of its targets at once (scope `targets`), or once (scope `deployment`). */
  private async runStep(
    runs: DeploymentRunsRepository,
    deployment: DeploymentEntity,
    { step, record }: StepInRun,
    log: DeploymentLog,
  ): Promise<DeploymentOutcome> {
    const executor = this.executors.get(step.kind);
    const stepLog = log.scoped(step.slug);
    if (record.status === 'pending') {
      await runs.updateStep(deployment.id, step.slug, { status: 'running', startedAt: new Date() });
      await stepLog.info('worker', `Step '${step.name}' (${step.kind}) started.`);
    }
    let outcome: DeploymentOutcome;
    if (!executor) {
      outcome = {
        status: 'failed',
        error: `No executor for step kind '${step.kind}' on worker ${this.settings.workerId}.`,
        errorDetails: null,
      };
    } else if (stepKindOf(step.kind).scope === 'deployment') {
      const context: StepRunContext = {
        deployment,
        step,
        record,
        target: null,
        runs,
        log: stepLog,
        isCancelRequested: () => runs.isCancelRequested(deployment.id),
        settings: this.settings,
      };
      const result = await this.outcomeOf(() => executor.run(context), stepLog);
      outcome = deploymentOutcome([result]);
    } else {
      const targets = await runs.targetsOf(deployment.id, step.slug);
      if (targets.length === 0)
        throw new DomainError('no_matching_target', `Step '${step.slug}' has no target.`);
      const settled = await Promise.allSettled(
        targets.map((target) =>
          this.deployTarget(runs, deployment, { step, record }, target, log, executor),
        ),
      );
      const broken = settled.find((result) => result.status === 'rejected');
      if (broken) throw broken.reason;
      outcome = deploymentOutcome(
        settled.map((result) => (result as PromiseFulfilledResult<TargetOutcome>).value),
      );
    }
    // A step's executor that never said it was ready for AWS ends the deployment's start here.
    this.ready(deployment.id);
    await runs.updateStep(deployment.id, step.slug, {
      status: outcome.status,
      error: outcome.error,
      finishedAt: new Date(),
    });
    await stepLog.info('worker', `Step ${outcome.status}.`);
    return outcome;
  }

  /** The executor's outcome; a refusal (DomainError, AWS 4xx, no credentials) is a failure. */
  private async outcomeOf(
    work: () => Promise<TargetOutcome>,
    log: DeploymentLog,
  ): Promise<TargetOutcome> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof DomainError) return { status: 'failed', error: log.mask(error.message) };
      if (isCredentialsError(error))
        return {
          status: 'failed',
          error: log.mask(
            `No AWS credentials to sign with: ${(error as Error).message}. An assume-role target needs base credentials in Gantry's environment (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE or an instance role); a default target needs them too.`,
          ),
        };
      if (isAwsRefusal(error))
        return {
          status: 'failed',
          error: log.mask(`AWS refused: ${(error as Error).name}: ${(error as Error).message}`),
        };
      throw error;
    }
  }

  private async deployTarget(
    runs: DeploymentRunsRepository,
    deployment: DeploymentEntity,
    { step, record }: Pick<StepInRun, 'step' | 'record'>,
    target: DeploymentTargetEntity,
    deploymentLog: DeploymentLog,
    executor: StepExecutor,
  ): Promise<TargetOutcome> {
    let log = deploymentLog.scoped(step.slug);
    const outcome = await this.outcomeOf(async () => {
      const access = await this.targets.awsAccess(target.targetId);
      log = deploymentLog.scoped(`${step.slug}/${access.slug}`);
      const clients = this.clientPool.clientsFor(access);
      const callOptions: CallOptions = {
        // Waiting for the rate limit, an older deployment's calls go first (see CallOptions).
        since: deployment.startedAt?.getTime(),
        onUnreachable: (action, reason, seconds) =>
          log.warn(
            'aws',
            `${target.stackName} on target ${access.slug}: ${action} failed (${reason}); retrying for up to ${seconds} s.`,
          ),
      };
      const ecs = new EcsGateway(clients, this.caller, callOptions);
      const isCancelRequested = () => runs.isCancelRequested(deployment.id);
      return executor.run({
        deployment,
        step,
        record,
        runs,
        log,
        isCancelRequested,
        settings: this.settings,
        target: {
          deployment,
          target,
          cluster: access.cluster,
          cloudformation: new CloudFormationGateway(clients, this.caller, callOptions),
          ecs,
          log,
          isCancelRequested,
          clusterProblem: () => this.preflight.problem(clients.limiterKey, access.cluster, ecs),
          ready: () => this.ready(deployment.id),
        },
      });
    }, log);
    const error = 'error' in outcome ? outcome.error : null;
    const errorDetails = 'details' in outcome ? (outcome.details ?? null) : null;
    await runs.updateTarget(target, { status: outcome.status, error, errorDetails });
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

/**
 * Deployments of one worker getting ready for AWS at once (claim, steps, render, first writes).
 * A fan-out's first ones reach AWS within seconds instead of all of them at once, late; and
 * getting ready keeps a large share of PostgreSQL's pool while hundreds of others are following
 * their stacks (a fan-out of 1,000 on a loaded machine: 200 is faster than 20 or 50).
 */
const GETTING_READY_AT_ONCE = 200;

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
