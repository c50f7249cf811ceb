import type { TargetAwsAccess } from '@gantry/persistence';
import { AwsClientPool } from './aws-clients';

const target = (overrides: Partial<TargetAwsAccess> = {}): TargetAwsAccess => ({
  targetId: '00000000-0000-4000-8000-000000000001',
  slug: 'shared',
  name: 'Shared',
  region: 'eu-west-1',
  cluster: 'main',
  endpoint: null,
  credentials: { type: 'keys', accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'one' },
  ...overrides,
});

describe('AwsClientPool', () => {
  it('hands every deployment of one account and region the same clients and batchers', () => {
    let made = 0;
    const pool = new AwsClientPool('http://127.0.0.1:4566', () => ({ batch: ++made }));
    const first = pool.clientsFor(target());
    expect(pool.clientsFor(target({ slug: 'renamed', cluster: 'other' }))).toBe(first);
    expect(first.batch).toBe(1);
    expect(pool.size).toBe(1);
  });

  it.each([
    ['another region', { region: 'us-east-1' }],
    ['another endpoint', { endpoint: 'http://127.0.0.1:9999' }],
    [
      'a rotated secret',
      { credentials: { type: 'keys', accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'two' } },
    ],
  ] as [string, Partial<TargetAwsAccess>][])('makes new clients for %s', (_label, change) => {
    const pool = new AwsClientPool('http://127.0.0.1:4566');
    expect(pool.clientsFor(target(change))).not.toBe(pool.clientsFor(target()));
    expect(pool.size).toBe(2);
  });

  it('lets clients unused for ten minutes go', () => {
    let now = 0;
    const pool = new AwsClientPool('http://127.0.0.1:4566', undefined, () => now);
    const first = pool.clientsFor(target());
    now = 11 * 60_000;
    pool.clientsFor(target({ region: 'us-east-1' }));
    expect(pool.size).toBe(1);
    expect(pool.clientsFor(target())).not.toBe(first);
  });
});
