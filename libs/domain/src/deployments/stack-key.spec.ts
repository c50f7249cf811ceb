import { stackKey } from './stack-key';

describe('stackKey', () => {
  it.each([
    ['p1', 'e1', 't1', 'p1:e1:t1'],
    ['p1', 'e1', null, 'p1:e1:untenanted'],
    ['p', 'prod', 'acme', 'p:prod:acme'],
  ])('%s / %s / %s → %s', (projectId, environmentId, tenantId, key) => {
    expect(stackKey(projectId, environmentId, tenantId)).toBe(key);
  });
});
