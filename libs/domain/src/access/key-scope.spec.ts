import { keyMayDeploy, type KeyScope } from './key-scope';

describe('keyMayDeploy', () => {
  it.each<[string, KeyScope, boolean]>([
    ['an admin, anywhere', { role: 'admin', environments: ['dev'], projects: ['q'] }, true],
    ['an unlimited deployer', { role: 'deployer', environments: [], projects: [] }, true],
    [
      'a deployer in its environment',
      { role: 'deployer', environments: ['prod'], projects: [] },
      true,
    ],
    [
      'a deployer outside its environments',
      { role: 'deployer', environments: ['dev'], projects: [] },
      false,
    ],
    ['a deployer on its project', { role: 'deployer', environments: [], projects: ['p'] }, true],
    ['a deployer off its projects', { role: 'deployer', environments: [], projects: ['q'] }, false],
    ['a viewer', { role: 'viewer', environments: [], projects: [] }, false],
  ])('%s', (_case, key, expected) => {
    expect(keyMayDeploy(key, 'p', 'prod')).toBe(expected);
  });
});
