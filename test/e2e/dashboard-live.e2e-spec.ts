import type { AddressInfo } from 'node:net';
import { parseEvents, ServerEvent } from '../../apps/web/src/lib/sse-parser';
import { PrivateRedis, startPrivateRedis } from '@gantry/testing';
import { ADMIN_KEY, ApiHarness, startApi } from '../support/api-harness';
import { sampleStep } from '../support/fixtures';
import { eventually, PlatformHarness, startPlatform } from '../support/platform-harness';
import { seedPlatform } from '../support/seed';

/** An open server-sent event stream: the events so far, and a way to close it. */
async function openStream(url: string, key = ADMIN_KEY) {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { Authorization: `Bearer ${key}` },
    signal: controller.signal,
  });
  const events: ServerEvent[] = [];
  const done = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        const parsed = parseEvents(buffer + decoder.decode(chunk, { stream: true }));
        buffer = parsed.rest;
        events.push(...parsed.events);
      }
    } catch {
      // aborted
    }
  })();
  return {
    response,
    events,
    async close() {
      controller.abort();
      await done;
    },
  };
}

/** GET /api/dashboard/stream: the dashboard's cells as they change, without polling the API. */
describe('the live dashboard stream', () => {
  let platform: PlatformHarness;
  let base: string;
  const api = () => platform.api;

  beforeAll(async () => {
    platform = await startPlatform('dashboard-live');
    await seedPlatform(api());
    await api().app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api().app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => platform.close());

  it('says ready, then reports a cell as its deployment is queued, runs and succeeds', async () => {
    const stream = await openStream(`${base}/api/dashboard/stream`);
    const other = await openStream(`${base}/api/dashboard/stream`);
    try {
      expect(stream.response.status).toBe(200);
      expect(stream.response.headers.get('content-type')).toMatch(/text\/event-stream/);
      await eventually(async () =>
        stream.events.some((e) => e.type === 'ready') ? true : undefined,
      );
      await eventually(async () =>
        other.events.some((e) => e.type === 'ready') ? true : undefined,
      );

      const project = (await api().get('/api/projects/shop').expect(200)).body;
      const dev = (await api().get('/api/environments/dev').expect(200)).body;
      // dev is automatic: creating the release deploys it there.
      await api()
        .post('/api/projects/shop/releases', {
          version: '1.0.0',
          images: { web: '1.0.0', worker: '1.0.0' },
        })
        .expect(201);
      const cellEvents = (events: ServerEvent[]) =>
        events
          .filter((event) => event.type === 'cell')
          .map((event) => JSON.parse(event.data))
          .filter((cell) => cell.projectId === project.id && cell.environmentId === dev.id);
      const succeeded = await eventually(
        async () => cellEvents(stream.events).find((cell) => cell.status === 'succeeded'),
        60_000,
        'a cell event with status succeeded',
      );
      expect(succeeded.liveDeploymentId).toBe(succeeded.latestDeploymentId);
      const deployment = await api()
        .get(`/api/deployments/${succeeded.latestDeploymentId}`)
        .expect(200);
      expect(deployment.body).toMatchObject({ status: 'succeeded', environment: { slug: 'dev' } });
      // Every stream sees the same changes, once each (the cell's status never repeats in a row).
      await eventually(async () =>
        cellEvents(other.events).some((cell) => cell.status === 'succeeded') ? true : undefined,
      );
      const statuses = cellEvents(stream.events).map((cell) => cell.status);
      expect(statuses[statuses.length - 1]).toBe('succeeded');
      expect(statuses.filter((status, index) => status === statuses[index - 1])).toEqual([]);
    } finally {
      await stream.close();
      await other.close();
    }
  });

  it('needs a key, refuses parameters, and answers HEAD without a stream', async () => {
    expect((await fetch(`${base}/api/dashboard/stream`)).status).toBe(401);
    const unknown = await fetch(`${base}/api/dashboard/stream?surprise=1`, {
      headers: { Authorization: `Bearer ${ADMIN_KEY}` },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const head = await fetch(`${base}/api/dashboard/stream`, {
      method: 'HEAD',
      headers: { Authorization: `Bearer ${ADMIN_KEY}` },
      signal: AbortSignal.timeout(5_000),
    });
    expect(head.status).toBe(200);
  });
});

/**
 * The stream follows the deployments' status changes through Redis (a private instance here),
 * the API's own ones too: queued by a release's creation, cancelled by a request. Redis killed
 * and started again: the API keeps answering, the stream stays open and says `ready` again.
 */
describe('the live dashboard stream through a Redis outage', () => {
  let redis: PrivateRedis;
  let api: ApiHarness;
  let base: string;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    api = await startApi('dashboard-live-outage', { REDIS_URL: redis.url });
    await api.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    await api.post('/api/environments', { name: 'Dev' }).expect(201);
    await api
      .post('/api/lifecycles', {
        name: 'Auto',
        phases: [{ name: 'Development', environments: ['dev'], automatic: ['dev'] }],
      })
      .expect(201);
    await api
      .post('/api/projects', {
        name: 'Shop',
        lifecycle: 'auto',
        targetTags: ['web'],
        step: sampleStep(),
      })
      .expect(201);
    await api.db.dataSource.query(
      `INSERT INTO targets (slug, name, tags, region, cluster, credentials_type) VALUES ('main', 'Main', '{web}', 'eu-west-1', 'main', 'sandbox');
       INSERT INTO target_environments (target_id, environment_id) SELECT t.id, e.id FROM targets t, environments e;`,
    );
  });
  afterAll(async () => {
    await redis.start().catch(() => undefined);
    await api.close();
    await redis.close();
  }, 60_000);

  it('reports the API-side changes, says ready again after the outage and goes on', async () => {
    const stream = await openStream(`${base}/api/dashboard/stream`);
    const readies = () => stream.events.filter((event) => event.type === 'ready').length;
    const cell = (deploymentId: string, status: string) =>
      eventually(
        async () =>
          stream.events
            .filter((event) => event.type === 'cell')
            .map((event) => JSON.parse(event.data))
            .find((data) => data.latestDeploymentId === deploymentId && data.status === status),
        30_000,
        `a cell event: ${deploymentId} ${status}`,
      );
    const release = async (version: string) =>
      (
        await api
          .post('/api/projects/shop/releases', {
            version,
            images: { web: version, worker: version },
          })
          .expect(201)
      ).body.deployments[0].id as string;
    try {
      await eventually(async () => (readies() === 1 ? true : undefined));
      const first = await release('1.0.0');
      await cell(first, 'queued');
      await api.post(`/api/deployments/${first}/cancel`, {}).expect(202);
      await cell(first, 'cancelled');

      await redis.kill();
      await api.get('/api/dashboard').expect(200);
      await redis.start();
      await eventually(async () => (readies() === 2 ? true : undefined), 30_000, 'ready again');

      const second = await eventually(
        async () => {
          const response = await api.post('/api/projects/shop/releases', {
            version: '1.1.0',
            images: { web: '1.1.0', worker: '1.1.0' },
          });
          return response.status === 201 ? (response.body.deployments[0].id as string) : undefined;
        },
        30_000,
        'a release once the queue answers again',
      );
      await cell(second, 'queued');
    } finally {
      await stream.close();
    }
  });
});
