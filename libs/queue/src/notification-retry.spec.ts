import { retryAttempts, retryDelay } from './notification-retry';

describe('retry schedule', () => {
  it.each([
    [1, 1000, 1000],
    [2, 1000, 2000],
    [5, 1000, 16000],
    [30, 1000, 3_600_000],
  ])('after %i failed attempt(s) with base %i ms: %i ms', (attemptsMade, base, expected) => {
    expect(retryDelay(attemptsMade, base, 3_600_000)).toBe(expected);
  });

  it.each([
    ['a day with a 30 s base and an hour cap', 30_000, 3_600_000, 86_400_000, 30],
    ['a window shorter than the first delay: one attempt', 1000, 1000, 500, 1],
    ['three attempts fit 10 + 20 ms', 10, 1000, 30, 3],
  ])('%s', (_name, base, cap, window, attempts) => {
    expect(retryAttempts(base, cap, window)).toBe(attempts);
  });
});
