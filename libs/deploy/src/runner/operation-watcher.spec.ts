import type { StackEvent } from '@aws-sdk/client-cloudformation';
import type { DeploymentRunsRepository } from '@gantry/persistence';
import type { CloudFormationGateway } from '../gateways/cloudformation.gateway';
import type { DeploymentLog } from './deployment-log';
import { OperationWatcher } from './operation-watcher';
import type { RunnerSettings } from './runner-settings';
import type { TargetContext } from './target-context';

const TOKEN = 'gantry-0000';

/**
 * A stack whose status moves along a script, one step per poll, and a log that keeps its lines:
 * enough of the gateway for the watcher's cancel decisions.
 */
function watcherOn(
  script: string[],
  options: {
    cancelRequested: boolean;
    cancelRefusal?: string;
    timeoutSeconds?: number;
    startedSecondsAgo?: number;
    /** The service's events, newest first as DescribeServices gives them. */
    serviceEvents?: Array<{ id: string; message: string; createdAt: Date }>;
  },
) {
  const serviceEvents = options.serviceEvents ?? [];
  const lines: string[] = [];
  const cancelCalls: string[] = [];
  let poll = -1;
  let logged = -1;
  const events: string[] = [];
  const reads = { events: 0 };
  const stackEvent = (status: string, index: number): StackEvent => ({
    EventId: `event-${index}`,
    StackId: 'stack-id',
    StackName: 'gantry-web-dev',
    LogicalResourceId: 'gantry-web-dev',
    ResourceType: 'AWS::CloudFormation::Stack',
    ResourceStatus: status as StackEvent['ResourceStatus'],
    ClientRequestToken: TOKEN,
    Timestamp: new Date(),
  });
  const cloudformation = {
    // Events read since the last read: the stack's own, one per status it went through.
    eventsSince: async () => {
      reads.events += 1;
      const fresh = [];
      for (; logged < Math.min(poll, script.length - 1);) {
        logged += 1;
        fresh.push(stackEvent(script[logged], logged));
        events.push(script[logged]);
      }
      return fresh;
    },
    // One look per follow, after the poll delay: the script moves on a step each look.
    followStack: async (_stackName: string, _status: string | null, maxWaitMs: number) => {
      await new Promise((resolve) => setTimeout(resolve, maxWaitMs));
      poll += 1;
      return { StackStatus: script[Math.min(poll, script.length - 1)] };
    },
    cancelUpdate: async (stackName: string) => {
      cancelCalls.push(stackName);
      if (options.cancelRefusal)
        throw Object.assign(new Error(options.cancelRefusal), {
          name: 'ValidationError',
          $metadata: { httpStatusCode: 400 },
        });
    },
    continueRollback: async () => undefined,
  } as unknown as CloudFormationGateway;
  const record = async (message: string) => {
    lines.push(message);
  };
  const log = {
    info: (_source: string, message: string) => record(message),
    warn: (_source: string, message: string) => record(message),
    error: (_source: string, message: string) => record(message),
    write: async (entries: { message: string }[]) => {
      lines.push(...entries.map((entry) => entry.message));
    },
  } as unknown as DeploymentLog;
  const context = {
    deployment: { id: 'deployment-1' },
    target: {
      targetId: 'target-1',
      stackName: 'gantry-web-dev',
      lastEventId: null,
      operationStartedAt: new Date(Date.now() - (options.startedSecondsAgo ?? 0) * 1000),
    },
    cluster: 'main',
    cloudformation,
    ecs: {
      describeService: async () => ({ serviceName: 'gantry-web-dev', events: serviceEvents }),
    },
    log,
    isCancelRequested: async () => options.cancelRequested,
  } as unknown as TargetContext;
  const runs = { updateTarget: async () => undefined } as unknown as DeploymentRunsRepository;
  const settings: RunnerSettings = {
    workerId: 'test',
    leaseSeconds: 30,
    pollMinMs: 1,
    pollMaxMs: 1,
    timeoutSeconds: options.timeoutSeconds ?? 600,
    busyStackTimeoutSeconds: 60,
    maxWorkerErrors: 3,
    sandboxUrl: 'http://127.0.0.1:1',
  };
  return {
    watcher: new OperationWatcher(context, runs, settings, TOKEN),
    lines,
    cancelCalls,
    events,
    reads,
  };
}

describe('OperationWatcher cancelling an operation', () => {
  it('sends CancelUpdateStack once when a cancel is requested during an update', async () => {
    const { watcher, lines, cancelCalls } = watcherOn(
      ['UPDATE_IN_PROGRESS', 'UPDATE_ROLLBACK_IN_PROGRESS', 'UPDATE_ROLLBACK_COMPLETE'],
      { cancelRequested: true },
    );
    await expect(watcher.watch()).resolves.toMatchObject({
      status: 'UPDATE_ROLLBACK_COMPLETE',
      cancelled: 'cancel',
    });
    expect(cancelCalls).toEqual(['gantry-web-dev']);
    expect(lines).toContain('Cancel requested: CancelUpdateStack sent; CloudFormation rolls back.');
  });

  it('says the cancel came too late when CloudFormation refuses it, and follows the update', async () => {
    const { watcher, lines } = watcherOn(['UPDATE_IN_PROGRESS', 'UPDATE_COMPLETE'], {
      cancelRequested: true,
      cancelRefusal: 'Stack is in UPDATE_COMPLETE state and can not be updated.',
    });
    await expect(watcher.watch()).resolves.toMatchObject({
      status: 'UPDATE_COMPLETE',
      cancelled: 'cancel',
    });
    expect(lines).toContain(
      'CancelUpdateStack came too late (Stack is in UPDATE_COMPLETE state and can not be updated.); following the update to its end.',
    );
  });

  it('explains a cancel that arrives after the operation has already settled, without calling AWS', async () => {
    const { watcher, lines, cancelCalls } = watcherOn(['UPDATE_COMPLETE'], {
      cancelRequested: true,
    });
    await expect(watcher.watch()).resolves.toMatchObject({
      status: 'UPDATE_COMPLETE',
      cancelled: null,
    });
    expect(cancelCalls).toEqual([]);
    expect(lines).toContain(
      'Cancel requested, but the stack had already reached UPDATE_COMPLETE: nothing left to cancel.',
    );
  });

  it('says nothing of cancelling when nobody asked', async () => {
    const { watcher, lines, cancelCalls } = watcherOn(['UPDATE_IN_PROGRESS', 'UPDATE_COMPLETE'], {
      cancelRequested: false,
    });
    await expect(watcher.watch()).resolves.toMatchObject({
      status: 'UPDATE_COMPLETE',
      cancelled: null,
    });
    expect(cancelCalls).toEqual([]);
    expect(lines.filter((line) => /cancel/i.test(line))).toEqual([]);
  });

  it('cancels an update that runs past the timeout', async () => {
    const { watcher, lines, cancelCalls } = watcherOn(
      ['UPDATE_IN_PROGRESS', 'UPDATE_ROLLBACK_COMPLETE'],
      { cancelRequested: false, timeoutSeconds: 30, startedSecondsAgo: 60 },
    );
    await expect(watcher.watch()).resolves.toMatchObject({
      status: 'UPDATE_ROLLBACK_COMPLETE',
      cancelled: 'timeout',
    });
    expect(cancelCalls).toHaveLength(1);
    expect(lines).toContain(
      'Timed out after 30 s: CancelUpdateStack sent; CloudFormation rolls back.',
    );
  });
});

describe('OperationWatcher reading events', () => {
  it('reads the events once the operation settles, not at every look, and logs each once', async () => {
    const { watcher, lines, reads } = watcherOn(
      [
        ...Array(6).fill('UPDATE_IN_PROGRESS'),
        'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS',
        'UPDATE_COMPLETE',
      ],
      { cancelRequested: false },
    );
    await expect(watcher.watch()).resolves.toMatchObject({ status: 'UPDATE_COMPLETE' });
    expect(reads.events).toBe(1);
    expect(lines.filter((line) => line.includes('UPDATE_COMPLETE'))).toEqual([
      'gantry-web-dev AWS::CloudFormation::Stack UPDATE_COMPLETE_CLEANUP_IN_PROGRESS',
      'gantry-web-dev AWS::CloudFormation::Stack UPDATE_COMPLETE',
    ]);
    expect(watcher.events.map((event) => event.status)).toContain('UPDATE_IN_PROGRESS');
  });

  it('reads the events as soon as the stack starts rolling back, then once more when it settles', async () => {
    const { watcher, lines, reads } = watcherOn(
      [
        'UPDATE_IN_PROGRESS',
        'UPDATE_IN_PROGRESS',
        'UPDATE_ROLLBACK_IN_PROGRESS',
        'UPDATE_ROLLBACK_IN_PROGRESS',
        'UPDATE_ROLLBACK_COMPLETE',
      ],
      { cancelRequested: false },
    );
    await expect(watcher.watch()).resolves.toMatchObject({ status: 'UPDATE_ROLLBACK_COMPLETE' });
    expect(reads.events).toBe(2);
    expect(lines).toContain(
      'gantry-web-dev AWS::CloudFormation::Stack UPDATE_ROLLBACK_IN_PROGRESS',
    );
  });
});

describe('OperationWatcher following the service', () => {
  it('logs the service events of this operation once each, oldest first, after a note of the stack status', async () => {
    const now = Date.now();
    const at = (secondsAgo: number) => new Date(now - secondsAgo * 1000);
    const { watcher, lines } = watcherOn(
      ['UPDATE_IN_PROGRESS', 'UPDATE_IN_PROGRESS', 'UPDATE_IN_PROGRESS', 'UPDATE_COMPLETE'],
      {
        cancelRequested: false,
        startedSecondsAgo: 10,
        serviceEvents: [
          {
            id: 'e3',
            message: '(service gantry-web-dev) has reached a steady state.',
            createdAt: at(1),
          },
          {
            id: 'e2',
            message: '(service gantry-web-dev) has started 1 tasks: (task 1).',
            createdAt: at(5),
          },
          {
            id: 'e1',
            message: '(service gantry-web-dev) an earlier deployment.',
            createdAt: at(600),
          },
        ],
      },
    );
    await watcher.watch();
    expect(lines.filter((line) => /service|Stack gantry/.test(line))).toEqual([
      "Stack gantry-web-dev is UPDATE_IN_PROGRESS; following its service's events.",
      '(service gantry-web-dev) has started 1 tasks: (task 1).',
      '(service gantry-web-dev) has reached a steady state.',
    ]);
  });
});
