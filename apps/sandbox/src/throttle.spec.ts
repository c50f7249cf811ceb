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
