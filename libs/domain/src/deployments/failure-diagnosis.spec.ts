import { diagnoseFailure } from './failure-diagnosis';

const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, second));

describe('diagnoseFailure', () => {
  it('names the first failed resource with its own reason, stopped tasks with exit codes and service events', () => {
    const text = diagnoseFailure({
      stackStatus: 'UPDATE_ROLLBACK_COMPLETE',
      events: [
        {
          logicalId: 'Service',
          resourceType: 'AWS::ECS::Service',
          status: 'UPDATE_FAILED',
          reason: "Error occurred during operation 'ECS Deployment Circuit Breaker was triggered'.",
          timestamp: at(5),
        },
        {
          logicalId: 'LogGroup',
          resourceType: 'AWS::Logs::LogGroup',
          status: 'UPDATE_FAILED',
          reason: 'Resource update cancelled',
          timestamp: at(4),
        },
        {
          logicalId: 'Service',
          resourceType: 'AWS::ECS::Service',
          status: 'UPDATE_IN_PROGRESS',
          timestamp: at(1),
        },
      ],
      serviceEvents: [
        '(service gantry-shop-dev) deployment failed: tasks failed to start.',
        '(service gantry-shop-dev) has started 1 tasks',
      ],
      stoppedTasks: [
        {
          taskArn: 'arn:aws:ecs:eu-west-1:1:task/c/abc123',
          stoppedReason: 'Essential container in task exited',
          stopCode: 'EssentialContainerExited',
          containers: [{ name: 'web', exitCode: 1 }],
        },
      ],
    });
    expect(text).toContain('Stack ended in UPDATE_ROLLBACK_COMPLETE.');
    expect(text).toContain(
      "Service (AWS::ECS::Service) UPDATE_FAILED: Error occurred during operation 'ECS Deployment Circuit Breaker was triggered'.",
    );
    expect(text).toContain(
      'task abc123 EssentialContainerExited: Essential container in task exited [web exit code 1]',
    );
    expect(text).toContain('deployment failed: tasks failed to start.');
    expect(text).not.toContain('LogGroup');
  });

  it('still says something when nothing else is known', () => {
    expect(
      diagnoseFailure({
        stackStatus: 'ROLLBACK_COMPLETE',
        events: [],
        serviceEvents: [],
        stoppedTasks: [],
      }),
    ).toBe('Stack ended in ROLLBACK_COMPLETE.');
  });

  const task = (id: string, stopCode: string, stoppedReason: string, containerReason?: string) => ({
    taskArn: `arn:aws:ecs:eu-west-1:1:task/c/${id}`,
    stopCode,
    stoppedReason,
    containers: [
      { name: 'web', exitCode: containerReason ? undefined : 0, reason: containerReason },
    ],
  });
  const pull = 'CannotPullContainerError: pull image manifest has been retried 7 time(s)';

  it.each([
    [
      'a failed task before an old one scaled in',
      [
        task(
          'old',
          'ServiceSchedulerInitiated',
          'Scaling activity initiated by (deployment ecs-svc/1)',
        ),
        task('new', 'TaskFailedToStart', pull, pull),
      ],
      `Stopped tasks: task new TaskFailedToStart: ${pull} [web exit code none]; task old ServiceSchedulerInitiated`,
    ],
    [
      "a container reason that differs from the task's",
      [
        task(
          't1',
          'EssentialContainerExited',
          'Essential container in task exited',
          'OutOfMemoryError: Container killed',
        ),
      ],
      'task t1 EssentialContainerExited: Essential container in task exited [web exit code none (OutOfMemoryError: Container killed)]',
    ],
  ])('lists stopped tasks: %s', (_case, stoppedTasks, expected) => {
    expect(
      diagnoseFailure({
        stackStatus: 'UPDATE_ROLLBACK_COMPLETE',
        events: [],
        serviceEvents: [],
        stoppedTasks,
      }),
    ).toContain(expected);
  });
});
