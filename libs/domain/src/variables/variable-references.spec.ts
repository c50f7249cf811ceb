import {
  collectVariableUses,
  findVariableReferences,
  parseTemplateString,
  substituteVariables,
} from './variable-references';
import { maskSecrets } from './mask-secrets';
import { variableNameProblem, variableSetProblems } from './variable-name';
import type { ResolvedVariable } from './variable.types';

describe('parseTemplateString', () => {
  it.each([
    ['plain', [{ text: 'plain' }]],
    ['', [{ text: '' }]],
    ['#{A}', [{ ref: 'A' }]],
    ['x-#{A}-#{ B.c }', [{ text: 'x-' }, { ref: 'A' }, { text: '-' }, { ref: 'B.c' }]],
    ['#{A}#{A}', [{ ref: 'A' }, { ref: 'A' }]],
    ['no #{ closing', [{ text: 'no #{ closing' }]],
  ])('splits %j', (text, expected) => {
    expect(parseTemplateString(text)).toEqual(expected);
  });

  it('splits as the regular expression #\\{([^}]*)\\} does, on every arrangement of its characters', () => {
    const byRegExp = (text: string) => {
      const segments: Array<{ text: string } | { ref: string }> = [];
      let last = 0;
      for (const match of text.matchAll(/#\{([^}]*)\}/g)) {
        if (match.index > last) segments.push({ text: text.slice(last, match.index) });
        segments.push({ ref: match[1].trim() });
        last = match.index + match[0].length;
      }
      if (last < text.length || segments.length === 0) segments.push({ text: text.slice(last) });
      return segments;
    };
    const alphabet = ['#', '{', '}', 'a', ' '];
    const texts = [''];
    for (let length = 1; length <= 6; length += 1)
      for (let code = 0; code < alphabet.length ** length; code += 1) {
        let text = '';
        for (let rest = code, i = 0; i < length; i += 1, rest = Math.floor(rest / alphabet.length))
          text += alphabet[rest % alphabet.length];
        texts.push(text);
      }
    for (const text of texts)
      expect([text, parseTemplateString(text)]).toEqual([text, byRegExp(text)]);
  });

  it('lists distinct references', () => {
    expect(findVariableReferences('#{A} #{B} #{A}')).toEqual(['A', 'B']);
  });
});

describe('collectVariableUses', () => {
  it('finds references in nested values and keys with their paths', () => {
    const value = { a: ['#{X}', 'plain'], b: { '#{K}': 'v-#{Y}' }, n: 3, z: null };
    expect(collectVariableUses(value, 'step')).toEqual([
      { name: 'X', path: 'step.a.0' },
      { name: 'K', path: 'step.b.#{K}' },
      { name: 'Y', path: 'step.b.#{K}' },
    ]);
  });
});

describe('substituteVariables', () => {
  const resolved = new Map<string, ResolvedVariable>([
    ['A', { name: 'A', value: '1', sensitive: false, builtIn: false }],
  ]);
  it('replaces references', () => {
    expect(substituteVariables('a=#{A}, again #{A}', resolved)).toBe('a=1, again 1');
  });
  it('refuses a name that was not resolved', () => {
    expect(() => substituteVariables('#{B}', resolved)).toThrow("variable 'B' was not resolved");
  });
});

describe('maskSecrets', () => {
  it.each([
    ['password is s3cret', ['s3cret'], 'password is ********'],
    ['s3cret and s3cret', ['s3cret'], '******** and ********'],
    ['token abc123 and abc', ['abc', 'abc123'], 'token ******** and ********'],
    ['nothing here', ['', 'zzz'], 'nothing here'],
  ])('masks %j', (line, secrets, expected) => {
    expect(maskSecrets(line, secrets)).toBe(expected);
  });
});

describe('variableNameProblem', () => {
  it.each([
    ['LogLevel', null],
    ['Db.Primary_Host-1', null],
    ['', 'must be'],
    ['has space', 'must be'],
    ['.dot', 'must be'],
    ['Gantry.Environment.Name', 'reserved'],
  ])('%j', (name, expected) => {
    const problem = variableNameProblem(name);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toContain(expected);
  });
});

describe('variableSetProblems', () => {
  it('accepts distinct scopes and refuses bad names and duplicate scopes', () => {
    const items = [
      { name: 'A', scope: {} },
      { name: 'A', scope: { environments: ['e1'] } },
      { name: 'A', scope: { environments: ['e1'], tenants: [] } },
      { name: 'bad name', scope: {} },
      { name: 'B', scope: { environments: ['e2', 'e1'] } },
      { name: 'B', scope: { environments: ['e1', 'e2'] } },
    ];
    expect(variableSetProblems(items)).toEqual([
      { path: 'items.2.scope', message: "'A' already has a value with this scope (items.1)" },
      { path: 'items.3.name', message: expect.stringContaining('must be') },
      { path: 'items.5.scope', message: "'B' already has a value with this scope (items.4)" },
    ]);
  });
});
