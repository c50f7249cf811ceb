import { Logger } from '@nestjs/common';
import { ApiHarness, startApi } from '../support/api-harness';
import { eventually } from '../support/platform-harness';
import { startTcpRelay, TcpOutage } from '../support/tcp-outage';

describe('a PostgreSQL outage: 503 with Retry-After, one log line, readiness down', () => {
  let relay: TcpOutage;
  let api: ApiHarness;
  beforeAll(async () => {
    relay = await startTcpRelay('127.0.0.1', 5432);
    api = await startApi(
      'database-outage',
      {},
      {
        databaseUrl: (url) => url.replace(':5432/', `:${relay.port}/`),
      },
    );
  });
  afterAll(async () => {
    relay.restore();
    await api.close();
    await relay.close();
  });

  it('answers 503 problem+json with Retry-After while the database is away, then recovers', async () => {
    await api.get('/api/environments').expect(200);
    const logged = [jest.spyOn(Logger.prototype, 'error'), jest.spyOn(Logger.prototype, 'warn')];
    relay.cut();
    for (let i = 0; i < 5; i++) {
      const response = await api.get('/api/environments');
      expect(response.status).toBe(503);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      expect(response.body).toMatchObject({
        status: 503,
        type: expect.stringMatching(/unavailable/),
      });
      expect(JSON.stringify(response.body)).not.toMatch(/127\.0\.0\.1|5432|\d+\.\d+\.\d+\.\d+/);
    }
    const ready = await api.anonymous().get('/health/ready').expect(503);
    expect(ready.body).toEqual({
      status: 'unavailable',
      checks: { postgres: 'down', redis: 'up' },
    });
    const lines = logged.flatMap((spy) => spy.mock.calls.map((call) => String(call[0])));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/PostgreSQL/);
    expect(lines[0]).not.toMatch(/\n\s+at /);
    relay.restore();
    await eventually(
      async () => ((await api.get('/api/environments')).status === 200 ? true : undefined),
      20_000,
      'the API to answer again',
    );
    logged.forEach((spy) => spy.mockRestore());
  });
});
