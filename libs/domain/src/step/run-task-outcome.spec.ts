import {
  runTaskClientToken,
  runTaskOutcome,
  runTaskStartedBy,
  type RunTaskFact,
  type RunTaskState,
} from './run-task-outcome';

const ARN = 'arn:aws:ecs:eu-west-1:123456789012:task/jobs/0123456789abcdef';
const stopped = (fact: Partial<RunTaskFact>): RunTaskFact => ({
  taskArn: ARN,
  lastStatus: 'STOPPED',
  stoppedReason: 'Essential container in task exited',
  stopCode: 'EssentialContainerExited',
  ...fact,
});

describe('runTaskOutcome', () => {
  it.each<[string, RunTaskFact, string[], RunTaskState]>([
    [
      'still running',
      { taskArn: ARN, lastStatus: 'RUNNING' },
      ['migrate'],
      { state: 'running', lastStatus: 'RUNNING' },
    ],
    ['not yet described', {}, ['migrate'], { state: 'running', lastStatus: 'PROVISIONING' }],
    [
      'every essential container exited 0',
      stopped({ containers: [{ name: 'migrate', exitCode: 0 }] }),
      ['migrate'],
      {
        state: 'succeeded',
        summary: 'Task 0123456789abcdef completed: migrate exit code 0.',
      },
    ],
    [
      'a non-essential crash does not fail it',
      stopped({
        containers: [
          { name: 'migrate', exitCode: 0 },
          { name: 'xray', exitCode: 1 },
        ],
      }),
      ['migrate'],
      {
        state: 'succeeded',
        summary:
          'Task 0123456789abcdef completed: migrate exit code 0, xray (non-essential) exit code 1.',
      },
    ],
    [
      'an essential container exited 3',
      stopped({
        containers: [
          { name: 'migrate', exitCode: 3 },
          { name: 'xray', exitCode: 0 },
        ],
      }),
      ['migrate'],
      {
        state: 'failed',
        error:
          'Task 0123456789abcdef failed: Essential container in task exited (EssentialContainerExited); migrate exit code 3, xray (non-essential) exit code 0.',
      },
    ],
    [
      'one of two essential containers failed',
      stopped({
        containers: [
          { name: 'migrate', exitCode: 0 },
          {
            name: 'seed',
            exitCode: 137,
            reason: 'OutOfMemoryError: Container killed due to memory usage',
          },
        ],
      }),
      ['migrate', 'seed'],
      {
        state: 'failed',
        error:
          'Task 0123456789abcdef failed: Essential container in task exited (EssentialContainerExited); migrate exit code 0, seed exit code 137 (OutOfMemoryError: Container killed due to memory usage).',
      },
    ],
    [
      'the image could not be pulled',
      stopped({
        stoppedReason: 'CannotPullContainerError: not found',
        stopCode: 'TaskFailedToStart',
        containers: [{ name: 'migrate', reason: 'CannotPullContainerError: not found' }],
      }),
      ['migrate'],
      {
        state: 'failed',
        error:
          'Task 0123456789abcdef failed: CannotPullContainerError: not found (TaskFailedToStart); migrate did not run: CannotPullContainerError: not found.',
      },
    ],
    [
      'someone stopped it, even with exit code 0',
      stopped({
        stoppedReason: 'Task stopped by user',
        stopCode: 'UserInitiated',
        containers: [{ name: 'migrate', exitCode: 0 }],
      }),
      ['migrate'],
      {
        state: 'failed',
        error:
          'Task 0123456789abcdef failed: Task stopped by user (UserInitiated); migrate exit code 0.',
      },
    ],
  ])('%s', (_case, task, essential, expected) => {
    expect(runTaskOutcome(task, essential)).toEqual(expected);
  });
});

describe('runTaskClientToken and runTaskStartedBy', () => {
  const deployment = '7f0c2a4e-1111-4c8e-9a51-000000000001';
  it('is stable for one step on one target, different otherwise, and fits RunTask', () => {
    const token = runTaskClientToken(deployment, 'migrate', 'target-a');
    expect(runTaskClientToken(deployment, 'migrate', 'target-a')).toBe(token);
    expect(runTaskClientToken(deployment, 'migrate', 'target-b')).not.toBe(token);
    expect(runTaskClientToken(deployment, 'seed', 'target-a')).not.toBe(token);
    expect(token).toMatch(/^[\x21-\x7e]{1,64}$/);
    expect(runTaskStartedBy(deployment)).toBe(`gantry-${deployment}`);
    expect(runTaskStartedBy(deployment)).toMatch(/^[A-Za-z0-9_-]{1,128}$/);
  });
});
