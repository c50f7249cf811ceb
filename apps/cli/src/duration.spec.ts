import { parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['30m', 1_800_000],
    ['1h30m', 5_400_000],
    ['90s', 90_000],
    ['2h', 7_200_000],
    ['500ms', 500],
    ['45', 45_000],
    [' 10s ', 10_000],
  ])('%s is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', 'abc', '10x', '-5m', '1.5h', '0', '0m', 'm30'])('refuses %p', (text) => {
    expect(() => parseDuration(text)).toThrow(/invalid duration/);
  });
});
