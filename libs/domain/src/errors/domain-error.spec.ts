import { pathsOf, unknownReferences } from './domain-error';

describe('pathsOf', () => {
  it.each([
    ['environments', 2, ['environments.0', 'environments.1']],
    [['projects.0.project', 'projects.3.project'], 2, ['projects.0.project', 'projects.3.project']],
    ['tenants', 0, []],
  ] as const)('%j for %i refs → %j', (path, count, expected) => {
    expect(pathsOf(path, count)).toEqual(expected);
  });
});

describe('unknownReferences', () => {
  it('lists every unknown ref at its own path in one not_found error', () => {
    const error = unknownReferences('environment', [
      { ref: 'qa', path: 'projects.1.environments.2' },
      { ref: 'uat', path: 'projects.2.environments.0' },
    ]);
    expect(error.code).toBe('not_found');
    expect(error.message).toBe('Unknown environment reference(s): qa, uat.');
    expect(error.errors).toEqual([
      { path: 'projects.1.environments.2', message: "environment 'qa' does not exist" },
      { path: 'projects.2.environments.0', message: "environment 'uat' does not exist" },
    ]);
  });
});
