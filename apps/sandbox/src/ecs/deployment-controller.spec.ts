import { failureThreshold, taskId } from './deployment-controller';

describe('failureThreshold', () => {
  it.each([
    [0, 3],
    [1, 3],
    [6, 3],
    [7, 4],
    [20, 10],
    [1000, 200],
  ])('desired %d fails after %d tasks', (desired, threshold) => {
    expect(failureThreshold(desired)).toBe(threshold);
  });
});

describe('taskId', () => {
  it.each([['arn:aws:ecs:eu-west-1:123456789012:task/apps/0123abcd', '0123abcd']])(
    '%s',
    (arn, id) => {
      expect(taskId(arn)).toBe(id);
    },
  );
});
