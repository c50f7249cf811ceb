import { Throttle } from './throttle';

describe('Throttle', () => {
  it.each([
    [0, 50, 50],
    [2, 5, 2],
    [10, 10, 10],
    [10, 11, 10],
  ])('at %d/s, %d requests in one instant pass %d', (rate, requests, passed) => {
    const throttle = new Throttle(rate);
    const results = Array.from({ length: requests }, () => throttle.take('DescribeStacks', 1000));
    expect(results.filter(Boolean)).toHaveLength(passed);
  });

  it('refills with time and counts each action apart', () => {
    const throttle = new Throttle(2);
    expect([throttle.take('A', 0), throttle.take('A', 0), throttle.take('A', 0)]).toEqual([
      true,
      true,
      false,
    ]);
    expect(throttle.take('B', 0)).toBe(true);
    expect(throttle.take('A', 500)).toBe(true);
    expect(throttle.take('A', 500)).toBe(false);
  });
});

describe('Throttle limited to some actions', () => {
  it('throttles only the actions named, and a rate below 1 holds them back', () => {
    const throttle = new Throttle(0.01, ['cloudformation:CancelUpdateStack']);
    const cancels = Array.from({ length: 5 }, (_, i) =>
      throttle.take('cloudformation:CancelUpdateStack', i * 1000),
    );
    expect(cancels).toEqual([false, false, false, false, false]);
    expect(throttle.take('cloudformation:DescribeStacks', 0)).toBe(true);
    expect(throttle.take('cloudformation:DescribeStacks', 0)).toBe(true);
  });

  it('throttles every action again once set without a list', () => {
    const throttle = new Throttle(0.01, ['cloudformation:CancelUpdateStack']);
    throttle.set(1);
    expect(throttle.take('cloudformation:DescribeStacks', 0)).toBe(true);
    expect(throttle.take('cloudformation:DescribeStacks', 0)).toBe(false);
    throttle.set(0);
    expect(throttle.take('cloudformation:CancelUpdateStack', 0)).toBe(true);
  });
});
