import { randomBytes } from 'node:crypto';
import { ADMIN_KEY, ApiHarness, startApi } from '../support/api-harness';

/** Sends one request with this key (and X-Forwarded-For when given); resolves to the status. */
async function attempt(api: ApiHarness, key: string, forwardedFor?: string): Promise<number> {
  const test = api.anonymous().get('/api/environments').set('Authorization', `Bearer ${key}`);
  const response = await (forwardedFor ? test.set('X-Forwarded-For', forwardedFor) : test);
  return response.status;
}

async function failUntilLimited(api: ApiHarness, key: string, forwardedFor?: string) {
  const statuses: number[] = [];
  for (let i = 0; i < 15 && statuses.at(-1) !== 429; i++) {
    statuses.push(await attempt(api, key, forwardedFor));
  }
  return statuses;
}

describe('login limiter: limits failures, per address and presented key, across replicas', () => {
  describe('behind no proxy', () => {
    let api: ApiHarness;
    beforeAll(async () => {
      api = await startApi('login-limiter');
    });
    afterAll(() => api.close());

    it('never refuses a valid key because other keys failed from the same address', async () => {
      for (let i = 0; i < 12; i++) {
        expect(await attempt(api, `wrong-${randomBytes(8).toString('hex')}`)).toBe(401);
      }
      expect(await attempt(api, ADMIN_KEY)).toBe(200);
    });

    it('slows down one key failing again and again, and only that key', async () => {
      const statuses = await failUntilLimited(api, 'guessed-key-aaaaaaaaaaaa');
      expect(statuses.at(-1)).toBe(429);
      expect(statuses.filter((status) => status === 401).length).toBeGreaterThanOrEqual(5);
      expect(await attempt(api, ADMIN_KEY)).toBe(200);
    });

    it('ignores X-Forwarded-For unless TRUST_PROXY says so', async () => {
      await failUntilLimited(api, 'spoofed-key-bbbbbbbbbbb', '203.0.113.1');
      expect(await attempt(api, 'spoofed-key-bbbbbbbbbbb', '203.0.113.2')).toBe(429);
    });
  });

  describe('behind a trusted proxy, with two API replicas', () => {
    let first: ApiHarness;
    let second: ApiHarness;
    beforeAll(async () => {
      const prefix = `test-login-replicas-${randomBytes(3).toString('hex')}`;
      first = await startApi('login-replica-a', { TRUST_PROXY: 'true', QUEUE_PREFIX: prefix });
      second = await startApi('login-replica-b', { TRUST_PROXY: 'true', QUEUE_PREFIX: prefix });
    });
    afterAll(async () => {
      await first.close();
      await second.close();
    });

    it('keys the limit on the forwarded client address', async () => {
      const statuses = await failUntilLimited(first, 'forwarded-key-ccccccc', '198.51.100.7');
      expect(statuses.at(-1)).toBe(429);
      expect(await attempt(first, 'forwarded-key-ccccccc', '198.51.100.8')).toBe(401);
    });

    it('shares the failures between replicas', async () => {
      await failUntilLimited(first, 'shared-key-dddddddddd', '198.51.100.9');
      const response = await second
        .anonymous()
        .get('/api/environments')
        .set('Authorization', 'Bearer shared-key-dddddddddd')
        .set('X-Forwarded-For', '198.51.100.9')
        .expect(429);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    });
  });
});
