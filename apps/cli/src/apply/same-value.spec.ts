import { deepEqual, sameValue } from './same-value';

const dev = { id: '11111111-1111-1111-1111-111111111111', slug: 'dev', name: 'Dev' };
const test = { id: '22222222-2222-2222-2222-222222222222', slug: 'test', name: 'Test' };

describe('sameValue', () => {
  it.each([
    ['equal strings', 'a', 'a', true],
    ['different strings', 'a', 'b', false],
    ['a slug and its reference', 'dev', dev, true],
    ['an id and its reference', dev.id, dev, true],
    ['another slug and a reference', 'test', dev, false],
    ['absent and null', undefined, null, true],
    ['null and a reference', null, dev, false],
    ['a ref list in another order', ['test', 'dev'], [dev, test], true],
    ['a ref list with one missing', ['dev'], [dev, test], false],
    ['tags in another order', ['b', 'a'], ['a', 'b'], true],
    ['repeated tags', ['a', 'a'], ['a', 'b'], false],
    ['objects with the same fields', { a: 1, b: ['x'] }, { b: ['x'], a: 1 }, true],
    ['an object with an extra stored field', { a: 1 }, { a: 1, b: 2 }, false],
    ['an object with an extra null stored field', { a: 1 }, { a: 1, b: null }, true],
    ['object lists in order', [{ a: 1 }, { a: 2 }], [{ a: 1 }, { a: 2 }], true],
    ['object lists in another order', [{ a: 1 }, { a: 2 }], [{ a: 2 }, { a: 1 }], false],
    ['a number and its string', 1, '1', false],
    ['booleans', false, false, true],
  ])('%s: %p', (_name, desired, actual, expected) => {
    expect(sameValue(desired, actual)).toBe(expected);
  });
});

describe('deepEqual', () => {
  it.each([
    [{ a: [1, 2], b: { c: 'x' } }, { b: { c: 'x' }, a: [1, 2] }, true],
    [['a', 'b'], ['b', 'a'], false],
    [{ a: undefined }, {}, true],
    [{ a: null }, {}, false],
    [1, 1, true],
  ])('%j vs %j is %p', (a, b, expected) => {
    expect(deepEqual(a, b)).toBe(expected);
  });
});
