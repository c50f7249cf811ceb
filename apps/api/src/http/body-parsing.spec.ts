import { nestedDeeperThan } from './body-parsing';

const nest = (depth: number): unknown => (depth === 0 ? 1 : { a: nest(depth - 1) });
const nestArray = (depth: number): unknown => (depth === 0 ? 'x' : [nestArray(depth - 1)]);

describe('nestedDeeperThan', () => {
  it.each([
    ['a scalar', 'text', 0, false],
    ['an empty object at limit 0', {}, 0, true],
    ['one level at limit 1', { a: 1 }, 1, false],
    ['two levels at limit 1', { a: { b: 1 } }, 1, true],
    ['64 levels at limit 64', nest(64), 64, false],
    ['65 levels at limit 64', nest(65), 64, true],
    ['arrays count as levels', nestArray(10), 9, true],
    [
      '5,000 levels, without overflowing the stack',
      JSON.parse(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`),
      64,
      true,
    ],
    ['null', null, 1, false],
  ])('%s', (_label, value, limit, expected) => {
    expect(nestedDeeperThan(value, limit)).toBe(expected);
  });
});
