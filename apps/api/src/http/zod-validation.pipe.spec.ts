import { unsafeStringErrors } from './zod-validation.pipe';

describe('unsafeStringErrors', () => {
  it.each([
    ['plain strings and emoji', { name: 'é€😀', tags: ['a', 'b'] }, []],
    [
      'a NUL in a nested string',
      { step: { containers: [{ name: 'a\u0000' }] } },
      [{ path: 'step.containers.0.name', message: 'must not contain a NUL character' }],
    ],
    [
      'a NUL in a key',
      { 'na\u0000me': 'x' },
      [{ path: 'na\u0000me', message: 'must not contain a NUL character' }],
    ],
    [
      'a lone high surrogate',
      { name: 'a\ud800b' },
      [{ path: 'name', message: 'must be well-formed Unicode (a lone surrogate was found)' }],
    ],
    [
      'a lone low surrogate at the start',
      ['\udc00'],
      [{ path: '0', message: 'must be well-formed Unicode (a lone surrogate was found)' }],
    ],
    [
      'a __proto__ key',
      JSON.parse('{"tags":{"__proto__":{"x":1}}}'),
      [{ path: 'tags.__proto__', message: 'is not an accepted field name' }],
    ],
    ['a constructor key is an ordinary name', { constructor: 'x' }, []],
    ['a scalar body', 42, []],
  ])('%s', (_label, value, expected) => {
    expect(unsafeStringErrors(value)).toEqual(expected);
  });
});
