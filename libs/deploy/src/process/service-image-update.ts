import {
  diagnoseFailure,
  nextTaskDefinitionRegistration,
  pollDelayMs,
  type DescribedTaskDefinition,
  type TargetOutcome,
} from '@gantry/domain';
import type { Service } from '@aws-sdk/client-ecs';
import { BlueGreenProgress } from '../runner/blue-green-progress';
import type { RunnerSettings } from '../runner/runner-settings';
import { ecsFailureFacts } from '../runner/rollout-check';
import { sleep, type TargetContext } from '../runner/target-context';
import { revisionOf } from './one-off-task';
import type { TargetRecorder } from './target-progress';

/** Target statuses of an update: the new revision is registered / UpdateService sent / putting the old one back. */
export const SERVICE_REGISTERED = 'registered';
export const SERVICE_UPDATING = 'updating';
export const SERVICE_ROLLING_BACK = 'rolling-back';

export interface ServiceUpdateRequest {
  cluster: string;
  /** A service name or ARN. */
  service: string;
  /** Container → the image to run (`repository:tag`). */
  images: Record<string, string>;
  environment: Record<string, string>;
  /** How long the rollout may take, from UpdateService, before the previous revision is put back. */
  timeoutSeconds: number;
}

type Rollout = 'completed' | 'failed' | 'replaced' | 'cancelled' | 'timeout';

/**
 * Updates an ECS service Gantry did not create (Octopus's "Update Amazon ECS Service"): reads the
 * service's current task definition, registers a revision keeping every field with only the
 * chosen images (and variables) changed, UpdateService, and waits for the rollout as the
 * ecs-service step does (ECS's PRIMARY deployment runs the new revision, rollout COMPLETED).
 * The previous revision is recorded before anything changes; on failure, unless ECS's circuit
 * breaker already rolled the service back, the service is put back on it.
 */
export class ServiceImageUpdate {
  constructor(
    private readonly context: TargetContext,
    private readonly recorder: TargetRecorder,
    private readonly settings: RunnerSettings,
  ) {}

  private get outputs(): Record<string, string> {
    return this.recorder.progress.outputs ?? {};
  }

  async run(request: ServiceUpdateRequest): Promise<TargetOutcome> {
    const { log } = this.context;
    let previous = this.outputs.PreviousTaskDefinitionArn;
    if (!previous) {
      if (await this.context.isCancelRequested())
        return { status: 'cancelled', error: 'Cancelled before the service was changed.' };
      const service = await this.context.ecs.describeService(request.cluster, request.service);
      if (!service || service.status !== 'ACTIVE' || !service.taskDefinition)
        return {
          status: 'failed',
          error: `Service ${request.service} was not found in cluster ${request.cluster}${service?.status ? ` (it is ${service.status})` : ''}.`,
        };
      previous = service.taskDefinition;
      await this.recorder.record({
        outputs: {
          ...this.outputs,
          ServiceArn: service.serviceArn ?? request.service,
          PreviousTaskDefinitionArn: previous,
        },
      });
      await log.info('ecs', `Service ${request.service} runs ${revisionOf(previous)}.`);
    }
    let next = this.outputs.TaskDefinitionArn;
    if (!next) {
      next = await this.register(previous, request);
    }
    const status = this.recorder.progress.status;
    if (status === SERVICE_ROLLING_BACK) {
      await log.warn(
        'worker',
        `Re-attached while putting ${request.service} back on ${revisionOf(previous)}.`,
      );
      return this.rollBack(request, previous, next, 'failed', {
        error: `Service ${request.service} did not roll out ${revisionOf(next)}.`,
      });
    }
    if (status !== SERVICE_UPDATING) {
      if (await this.context.isCancelRequested())
        return { status: 'cancelled', error: 'Cancelled before the service was updated.' };
      await this.recorder.record({ status: SERVICE_UPDATING, operationStartedAt: new Date() });
      await this.context.ecs.updateService(request.cluster, request.service, next);
      await log.info(
        'ecs',
        `Updated service ${request.service} to ${revisionOf(next)}; waiting for the rollout.`,
      );
    } else {
      await log.warn('worker', `Re-attached to the rollout of ${revisionOf(next)}.`);
    }
    const since = this.recorder.progress.operationStartedAt?.getTime() ?? Date.now();
    const rollout = await this.awaitRollout(request, next, since + request.timeoutSeconds * 1000);
    if (rollout.state === 'completed') {
      await log.info(
        'ecs',
        `Service ${request.service} runs ${revisionOf(next)} (rollout COMPLETED, ${rollout.primary?.runningCount ?? 0} tasks running).`,
      );
      return { status: 'succeeded' };
    }
    const diagnosis = await this.diagnose(request, next);
    const why =
      rollout.state === 'timeout'
        ? `The rollout of ${revisionOf(next)} did not complete in ${request.timeoutSeconds} s`
        : rollout.state === 'cancelled'
          ? `Cancelled during the rollout of ${revisionOf(next)}`
          : `The rollout of ${revisionOf(next)} failed`;
    const failure = {
      error: `${why}${diagnosis.summary ? `: ${diagnosis.summary}` : '.'}`,
      details: diagnosis.details,
    };
    if (rollout.state === 'replaced') {
      const now = rollout.primary?.taskDefinition;
      const message = `${why}: ECS put service ${request.service} back on ${now ? revisionOf(now) : 'another revision'}${diagnosis.summary ? ` (${diagnosis.summary})` : ''}.`;
      await log.error('ecs', message);
      return { status: 'failed', error: message, details: diagnosis.details };
    }
    return this.rollBack(
      request,
      previous,
      next,
      rollout.state === 'cancelled' ? 'cancelled' : 'failed',
      failure,
    );
  }

  /** Registers the next revision of the service's task definition; records it. */
  private async register(previous: string, request: ServiceUpdateRequest): Promise<string> {
    const described = await this.context.ecs.describeTaskDefinition(previous);
    const { input, images } = nextTaskDefinitionRegistration(
      described.taskDefinition as DescribedTaskDefinition,
      { images: request.images, environment: request.environment },
      described.tags,
    );
    const registered = await this.context.ecs.registerTaskDefinition(input as never);
    const next = registered.taskDefinitionArn as string;
    await this.recorder.record({
      status: SERVICE_REGISTERED,
      outputs: { ...this.outputs, TaskDefinitionArn: next },
    });
    const changes = images.map((image) => `${image.container} ${image.from} → ${image.to}`);
    const variables = Object.keys(request.environment);
    await this.context.log.info(
      'ecs',
      `Registered ${revisionOf(next)} from ${revisionOf(previous)}: ${changes.join(', ')}${variables.length ? `; environment ${variables.join(', ')} set` : ''}.`,
    );
    return next;
  }

  /** Waits until ECS's PRIMARY deployment settles: this revision COMPLETED, FAILED, or replaced. */
  private async awaitRollout(
    request: ServiceUpdateRequest,
    taskDefinition: string,
    deadline: number,
    allowCancel = true,
  ): Promise<{ state: Rollout; primary?: NonNullable<Service['deployments']>[number] }> {
    const blueGreen = new BlueGreenProgress(this.context);
    for (let polls = 0; ; polls++) {
      const service = await this.context.ecs.describeService(request.cluster, request.service);
      await blueGreen.follow(service);
      const primary = service?.deployments?.find((deployment) => deployment.status === 'PRIMARY');
      if (primary && primary.taskDefinition !== taskDefinition)
        return { state: 'replaced', primary };
      if (primary?.rolloutState === 'COMPLETED') return { state: 'completed', primary };
      // A circuit breaker with rollback starts ECS's own rollback next: wait for it.
      const ecsRollsBack = service?.deploymentConfiguration?.deploymentCircuitBreaker?.rollback;
      if (primary?.rolloutState === 'FAILED' && !ecsRollsBack) return { state: 'failed', primary };
      if (allowCancel && (await this.context.isCancelRequested()))
        return { state: 'cancelled', primary };
      if (Date.now() > deadline) return { state: 'timeout', primary };
      await sleep(pollDelayMs(polls, this.settings.pollMinMs, this.settings.pollMaxMs));
    }
  }

  /** Puts the service back on the previous revision and waits for that rollout. */
  private async rollBack(
    request: ServiceUpdateRequest,
    previous: string,
    next: string,
    status: 'failed' | 'cancelled',
    failure: { error: string; details?: string },
  ): Promise<TargetOutcome> {
    const { log } = this.context;
    await this.recorder.record({ status: SERVICE_ROLLING_BACK });
    await log.warn(
      'ecs',
      `${failure.error} Putting service ${request.service} back on ${revisionOf(previous)}.`,
    );
    await this.context.ecs.updateService(request.cluster, request.service, previous);
    const back = await this.awaitRollout(
      request,
      previous,
      Date.now() + this.settings.busyStackTimeoutSeconds * 1000,
      false,
    );
    const outcome =
      back.state === 'completed'
        ? `service ${request.service} is back on ${revisionOf(previous)}`
        : `putting service ${request.service} back on ${revisionOf(previous)} did not complete (${back.state})`;
    await (back.state === 'completed'
      ? log.info('ecs', `${outcome[0].toUpperCase()}${outcome.slice(1)}.`)
      : log.error('ecs', outcome));
    return {
      status,
      error: `${failure.error.replace(/\.$/, '')}; ${outcome}.`,
      details:
        `${failure.details ?? ''}\nThe new revision ${revisionOf(next)} stays registered.`.trim(),
    };
  }

  /** The stopped tasks of the new revision and the service events of its rollout. */
  private async diagnose(
    request: ServiceUpdateRequest,
    next: string,
  ): Promise<{ summary: string; details: string }> {
    const { ecs, log } = this.context;
    const service = await ecs.describeService(request.cluster, request.service).catch(() => null);
    const stopped = service?.serviceName
      ? await ecs.stoppedTasks(request.cluster, service.serviceName).catch(() => [])
      : [];
    const described = await ecs.describeTaskDefinition(next).catch(() => null);
    const essential = (described?.taskDefinition.containerDefinitions ?? [])
      .filter((container) => container.essential !== false)
      .map((container) => container.name ?? '');
    const since = this.recorder.progress.operationStartedAt ?? new Date();
    const diagnosis = diagnoseFailure({
      stackStatus: 'ROLLOUT',
      events: [
        {
          logicalId: 'TaskDefinition',
          resourceType: 'AWS::ECS::TaskDefinition',
          status: 'CREATE_COMPLETE',
          physicalId: next,
          timestamp: since,
        },
      ],
      essentialContainers: essential,
      ...ecsFailureFacts(service, stopped),
    });
    const summary = diagnosis.summary.startsWith('ROLLOUT: ')
      ? diagnosis.summary.slice('ROLLOUT: '.length)
      : '';
    const details = diagnosis.details.split('\n').slice(1).join('\n');
    return { summary: log.mask(summary), details: log.mask(details) };
  }
}
