import type { Stack, StackEvent } from '@aws-sdk/client-cloudformation';
import type { Service } from '@aws-sdk/client-ecs';
import type { DeploymentRunsRepository } from '@gantry/persistence';
import type { RunnerSettings } from './runner-settings';
import {
  isOperationEvent,
  operationOutcome,
  pollDelayMs,
  stackPhase,
  type StackEventFact,
} from '@gantry/domain';
import { BlueGreenProgress } from './blue-green-progress';
import type { TargetContext } from './target-context';

export interface WatchResult {
  /** The stack status the operation settled in. */
  status: string;
  /** Whether Gantry asked CloudFormation to stop it, and why. */
  cancelled: 'cancel' | 'timeout' | null;
  /** The settled stack as DescribeStacks showed it (outputs included), or null when it is gone. */
  stack: Stack | null;
}

/** While an operation runs, its new events are read (and logged) at least this often. */
export const EVENTS_EVERY_MS = 60_000;

function isSettled(status: string): boolean {
  return operationOutcome(status) !== 'pending' && stackPhase(status) !== 'in-progress';
}

/**
 * Follows one stack operation of a deployment: logs each new stack event once (remembering the
 * last one, so a re-attached worker carries on where the log stopped), continues a failed
 * rollback, and cancels the update when asked to or when it runs past the timeout.
 */
export class OperationWatcher {
  /** Every event of the operation seen so far, for the failure diagnosis. */
  readonly events: StackEventFact[] = [];
  /** ECS service events already logged, by id. */
  private readonly serviceEventIds = new Set<string>();
  private serviceEventsAt = Date.now();
  /** The in-progress status last noted in the log (once per status, before its service events). */
  private notedStatus: string | null = null;
  private readonly blueGreen: BlueGreenProgress;

  constructor(
    private readonly context: TargetContext,
    private readonly runs: DeploymentRunsRepository,
    private readonly settings: RunnerSettings,
    private readonly token: string,
  ) {
    this.blueGreen = new BlueGreenProgress(context);
  }

  private get stackName(): string {
    return this.context.target.stackName;
  }

  /**
   * Follows the stack until the operation settles, cancelling on request or timeout. Its status
   * comes from `DescribeStacks`, which the stack poller shares with every other deployment of the
   * account and region; its events are read (and logged) only when there is news worth a call:
   * when the operation settles, when it starts rolling back, and at least every
   * `EVENTS_EVERY_MS` while it runs.
   */
  async watch(): Promise<WatchResult> {
    const { target } = this.context;
    const startedAt = target.operationStartedAt?.getTime() ?? Date.now() - 60_000;
    const deadline = startedAt + this.settings.timeoutSeconds * 1000;
    // Events without a token are matched by time; a second of slack absorbs clock skew.
    const since = new Date(startedAt - 1000);
    let cancelled: 'cancel' | 'timeout' | null = null;
    let continued = false;
    let eventsAt = Date.now();
    let rollingBack = false;
    // Unknown before the first look (a status no stack has), so the first look answers.
    let seen: string | null = '';
    for (let polls = 0; ; polls++) {
      // The stack as soon as its status changes; cancels, the timeout and the service's events
      // are checked at least at the backed-off poll pace meanwhile.
      const stack = await this.context.cloudformation.followStack(
        this.stackName,
        seen,
        pollDelayMs(polls, this.settings.pollMinMs, this.settings.pollMaxMs),
      );
      const described = stack?.StackStatus ?? null;
      seen = described;
      const settled = described !== null && isSettled(described);
      const rollback = described?.includes('ROLLBACK') ?? false;
      let status: string | null = described;
      if (
        described === null ||
        settled ||
        (rollback && !rollingBack) ||
        Date.now() - eventsAt >= EVENTS_EVERY_MS
      ) {
        eventsAt = Date.now();
        const fromEvents = await this.pollEvents(since);
        // A stack that is gone (a failed create deleted on failure) is known by its events only.
        if (described === null) status = fromEvents;
      }
      rollingBack = rollback;
      if (
        (status === 'CREATE_IN_PROGRESS' || status === 'UPDATE_IN_PROGRESS') &&
        Date.now() - this.serviceEventsAt >= this.settings.pollMaxMs
      ) {
        this.serviceEventsAt = Date.now();
        if (status !== this.notedStatus) {
          this.notedStatus = status;
          await this.context.log.info(
            'cloudformation',
            `Stack ${this.stackName} is ${status}; following its service's events.`,
          );
        }
        await this.logServiceEvents(since);
      }
      const phase = stackPhase(status);
      if (phase === 'rollback-failed' && !continued) {
        continued = true;
        await this.context.log.warn(
          'worker',
          'Stack is UPDATE_ROLLBACK_FAILED: asking CloudFormation to continue the rollback.',
        );
        await this.context.cloudformation
          .continueRollback(this.stackName, `${this.token}-rollback`)
          .catch((error: Error) =>
            this.context.log.error('worker', `ContinueUpdateRollback failed: ${error.message}`),
          );
        continue;
      }
      if (status && isSettled(status)) {
        await this.blueGreen.settle();
        if (!cancelled) await this.noteUnheededCancel(status);
        return { status, cancelled, stack: described === null ? null : stack };
      }
      if (!cancelled && (await this.context.isCancelRequested()))
        cancelled = await this.cancel('cancel', status);
      if (!cancelled && Date.now() > deadline) cancelled = await this.cancel('timeout', status);
    }
  }

  /**
   * While the stack waits on its service (tasks starting, health checks), the service's new ECS
   * events are logged (source `ecs`), at the slowest poll pace: what `gantry … --wait` shows
   * while a stack sits in UPDATE_IN_PROGRESS. Only progress: a failed look is skipped.
   */
  private async logServiceEvents(since: Date): Promise<void> {
    const service = await this.context.ecs
      .describeService(this.context.cluster, this.stackName, { followUp: true })
      .catch(() => null);
    await this.logNewServiceEvents(service, since);
    await this.blueGreen.follow(service);
  }

  private async logNewServiceEvents(service: Service | null, since: Date): Promise<void> {
    const fresh = (service?.events ?? [])
      .filter(
        (event) =>
          event.id &&
          event.message &&
          !this.serviceEventIds.has(event.id) &&
          (event.createdAt?.getTime() ?? 0) >= since.getTime(),
      )
      .reverse();
    if (!fresh.length) return;
    for (const event of fresh) this.serviceEventIds.add(event.id as string);
    await this.context.log.write(
      fresh.map((event) => ({
        level: 'info' as const,
        source: 'ecs',
        message: event.message as string,
        at: event.createdAt,
      })),
    );
  }

  /** Logs new events; returns the stack's latest status as this operation's events tell it. */
  private async pollEvents(since: Date): Promise<string | null> {
    const fresh = await this.context.cloudformation.eventsSince(
      this.stackName,
      this.context.target.lastEventId,
      (event) => isOperationEvent(event, this.token, since),
    );
    if (fresh.length) {
      await this.context.log.write(
        fresh.map((event) => ({
          level: event.ResourceStatus?.endsWith('FAILED') ? 'error' : 'info',
          source: 'cloudformation',
          message: describeEvent(event),
          at: event.Timestamp,
        })),
      );
      this.events.push(...fresh.map(toFact));
      const lastEventId = fresh[fresh.length - 1].EventId ?? null;
      this.context.target.lastEventId = lastEventId;
      await this.runs.updateTarget(this.context.target, {
        lastEventId,
      });
    }
    return this.lastStackStatus();
  }

  private lastStackStatus(): string | null {
    const stack = this.events.filter(
      (event) => event.resourceType === 'AWS::CloudFormation::Stack',
    );
    return stack.length ? stack[stack.length - 1].status : null;
  }

  /** A cancel that arrived while the operation was already settling: say why nothing was cancelled. */
  private async noteUnheededCancel(status: string): Promise<void> {
    if (await this.context.isCancelRequested())
      await this.context.log.warn(
        'worker',
        `Cancel requested, but the stack had already reached ${status}: nothing left to cancel.`,
      );
  }

  private async cancel(
    reason: 'cancel' | 'timeout',
    status: string | null,
  ): Promise<'cancel' | 'timeout' | null> {
    if (status !== 'UPDATE_IN_PROGRESS') {
      await this.context.log.warn(
        'worker',
        `${reason === 'cancel' ? 'Cancel requested' : 'Deployment timed out'}, but the stack is ${status}: only an update can be cancelled; waiting for it to finish.`,
      );
      return reason;
    }
    const refused = await this.context.cloudformation
      .cancelUpdate(this.stackName, `${this.token}-cancel`)
      .then(
        () => null,
        (error: Error & { $metadata?: { httpStatusCode?: number } }) => {
          // The update moved on between our look and the call (throttling can hold a call back for
          // seconds): CloudFormation refuses, and the stack ends however the update ends.
          if (error.name === 'ValidationError' && error.$metadata?.httpStatusCode === 400)
            return error.message;
          throw error;
        },
      );
    if (refused) {
      await this.context.log.warn(
        'worker',
        `CancelUpdateStack came too late (${refused}); following the update to its end.`,
      );
      return reason;
    }
    await this.context.log.warn(
      'worker',
      reason === 'cancel'
        ? 'Cancel requested: CancelUpdateStack sent; CloudFormation rolls back.'
        : `Timed out after ${this.settings.timeoutSeconds} s: CancelUpdateStack sent; CloudFormation rolls back.`,
    );
    return reason;
  }
}

function describeEvent(event: StackEvent): string {
  const reason = event.ResourceStatusReason ? `: ${event.ResourceStatusReason}` : '';
  return `${event.LogicalResourceId} ${event.ResourceType} ${event.ResourceStatus}${reason}`;
}

function toFact(event: StackEvent): StackEventFact {
  return {
    logicalId: event.LogicalResourceId ?? '',
    resourceType: event.ResourceType ?? '',
    status: event.ResourceStatus ?? '',
    reason: event.ResourceStatusReason,
    timestamp: event.Timestamp ?? new Date(0),
    physicalId: event.PhysicalResourceId,
  };
}
