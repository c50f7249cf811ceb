import { deploymentOutcome, type TargetOutcome } from './deployment-outcome';

const succeeded: TargetOutcome = { status: 'succeeded' };
const unchanged: TargetOutcome = { status: 'no-changes' };
const failed = (error: string): TargetOutcome => ({ status: 'failed', error });
const cancelled = (error: string): TargetOutcome => ({ status: 'cancelled', error });

describe('deploymentOutcome', () => {
  it.each<[string, TargetOutcome[], ReturnType<typeof deploymentOutcome>]>([
    [
      'every target succeeded',
      [succeeded, succeeded],
      { status: 'succeeded', error: null, errorDetails: null },
    ],
    [
      'nothing to change counts as success',
      [unchanged, succeeded],
      { status: 'succeeded', error: null, errorDetails: null },
    ],
    [
      'one failure fails the deployment',
      [succeeded, failed('a broke')],
      { status: 'failed', error: 'a broke', errorDetails: 'a broke' },
    ],
    [
      'cancelled alone cancels',
      [cancelled('stopped a'), succeeded],
      { status: 'cancelled', error: 'stopped a', errorDetails: 'stopped a' },
    ],
    [
      'a failure outweighs a cancel, and every error is kept, one a line',
      [cancelled('stopped a'), failed('b broke')],
      { status: 'failed', error: 'stopped a\nb broke', errorDetails: 'stopped a\n\nb broke' },
    ],
    [
      'the details of a target stand behind its short error',
      [{ status: 'failed', error: 'short', details: 'line 1\nline 2' }],
      { status: 'failed', error: 'short', errorDetails: 'line 1\nline 2' },
    ],
  ])('%s', (_case, targets, expected) => {
    expect(deploymentOutcome(targets)).toEqual(expected);
  });
});
