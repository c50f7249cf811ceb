import { UsageError } from '../cli-errors';
import { itemKey, parseApplyFile } from './apply-file';

function problemsOf(text: string): string[] {
  try {
    parseApplyFile(text);
  } catch (error) {
    if (error instanceof UsageError)
      return [
        error.message,
        ...error.errors.map((problem) => `${problem.path}: ${problem.message}`),
      ];
    throw error;
  }
  return [];
}

describe('parseApplyFile', () => {
  it('reads every list, defaulting missing ones to empty', () => {
    const file = parseApplyFile(
      'environments:\n  - name: Dev\nprojects:\n  - name: Shop Web\n    channels: [{name: Hotfix}]\n    variables: [{name: A, value: "1"}]\n',
    );
    expect(file.environments).toEqual([{ name: 'Dev' }]);
    expect(file.projects[0].channels).toEqual([{ name: 'Hotfix' }]);
    expect(file.lifecycles).toEqual([]);
    expect(file.tenants).toEqual([]);
    expect(file.targets).toEqual([]);
  });

  it('accepts an empty file', () => {
    expect(parseApplyFile('')).toEqual({
      environments: [],
      lifecycles: [],
      projects: [],
      tenants: [],
      targets: [],
    });
  });

  it.each([
    [
      'a list of strings',
      '- a\n- b\n',
      [
        'the file must be a YAML mapping with lists: environments, lifecycles, projects, tenants, targets',
      ],
    ],
    [
      'an unknown list',
      'clusters: []\n',
      [
        'the file is invalid',
        'clusters: unknown list; expected one of environments, lifecycles, projects, tenants, targets',
      ],
    ],
    [
      'a list that is a mapping',
      'environments: {name: dev}\n',
      ['the file is invalid', 'environments: must be a list'],
    ],
    [
      'an item without a name',
      'environments:\n  - slug: dev\n',
      ['the file is invalid', 'environments.0.name: required'],
    ],
    [
      'a name without letters',
      'environments:\n  - name: "!!"\n',
      [
        'the file is invalid',
        'environments.0.slug: required when the name has no letters or digits',
      ],
    ],
    [
      'the same slug twice',
      'environments:\n  - name: Dev\n  - name: dev\n',
      ['the file is invalid', "environments.1: 'dev' appears twice"],
    ],
    [
      'a bad channel',
      'projects:\n  - name: p\n    channels: [1]\n',
      ['the file is invalid', 'projects.0.channels.0: must be a mapping'],
    ],
    [
      'a variable without a name',
      'projects:\n  - name: p\n    variables: [{value: x}]\n',
      ['the file is invalid', 'projects.0.variables.0.name: required'],
    ],
  ])('refuses %s', (_name, text, expected) => {
    expect(problemsOf(text)).toEqual(expected);
  });

  it('refuses broken YAML, naming the line', () => {
    const [message, first] = problemsOf('environments:\n  - name: [unclosed\n');
    expect(message).toBe('the file is not valid YAML');
    expect(first).toMatch(/^line \d+: /);
  });
});

describe('itemKey', () => {
  it.each([
    [{ name: 'Shop Web' }, 'shop-web'],
    [{ name: 'Shop Web', slug: 'web' }, 'web'],
    [{ name: '  Prod (EU) ' }, 'prod-eu'],
    [{ name: 3 }, ''],
  ])('%j is matched by %p', (item, key) => {
    expect(itemKey(item)).toBe(key);
  });
});
