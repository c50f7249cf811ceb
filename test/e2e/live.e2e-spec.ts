import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closedPort } from '../support/closed-port';
import { ADMIN_KEY } from '../support/api-harness';
import { deployClient } from '../support/deploy-client';
import { eventually, PlatformHarness, startPlatform } from '../support/platform-harness';
import { seedPlatform } from '../support/seed';

interface SseEvent {
  event: string;
  id?: string;
  data: string;
}

/** Reads a whole server-sent event stream with a raw HTTP request, until the server closes it. */
function readEventStream(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; contentType: string; events: SseEvent[] }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { headers: { Authorization: `Bearer ${ADMIN_KEY}`, ...headers } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const events = text
            .split('\n\n')
            .filter((block) => block.trim())
            .map((block) => {
              const fields = block
                .split('\n')
                .filter(Boolean)
                .map((line) => [
                  line.slice(0, line.indexOf(':')),
                  line.slice(line.indexOf(':') + 2),
                ]);
              const field = (name: string) => fields.find(([key]) => key === name)?.[1];
              return {
                event: field('event') ?? 'message',
                id: field('id'),
                data: field('data') ?? '',
              };
            });
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type']),
            events,
          });
        });
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () =>
      req.destroy(new Error('the event stream did not close within 30 s')),
    );
    req.on('error', reject);
    req.end();
  });
}

describe('live routes: the deployment log stream and the target check', () => {
  let platform: PlatformHarness;
  let client: ReturnType<typeof deployClient>;
  let baseUrl: string;

  beforeAll(async () => {
    platform = await startPlatform('live', { timeScale: 0.05 });
    client = deployClient(platform);
    await seedPlatform(platform.api, { project: 'stream' });
    const server = platform.api.app.getHttpServer();
    if (!server.listening)
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => platform.close());

  it("streams a running deployment's log as events in seq order, then an end event, then closes", async () => {
    const release = await client.createRelease('stream', '1.0.0', '1.0.0-slow');
    const deployment = await client.onlyOf('stream', 'dev', release.id);
    await eventually(
      async () => ((await client.get(deployment.id)).status === 'running' ? true : undefined),
      10_000,
      'the deployment to run',
    );

    const stream = await readEventStream(`${baseUrl}/api/deployments/${deployment.id}/log/stream`);
    expect(stream.status).toBe(200);
    expect(stream.contentType).toMatch(/^text\/event-stream/);
    expect((await client.get(deployment.id)).status).toBe('succeeded');

    const logEvents = stream.events.filter((event) => event.event === 'log');
    const lines = logEvents.map(
      (event) => JSON.parse(event.data) as { seq: number; message: string },
    );
    expect(lines.map((line) => line.seq)).toEqual(lines.map((_, i) => i + 1));
    expect(logEvents.map((event) => event.id)).toEqual(lines.map((line) => String(line.seq)));
    expect(lines.map((line) => line.message)).toEqual(await client.log(deployment.id));
    expect(lines.some((line) => /AWS::ECS::Service CREATE_COMPLETE/.test(line.message))).toBe(true);

    const last = stream.events[stream.events.length - 1];
    expect(last.event).toBe('end');
    expect(JSON.parse(last.data)).toEqual({ deploymentId: deployment.id });
    // A client that reconnects with the end event's id must not be sent the log again.
    expect(last.id).toBe(String(lines.length));
    expect(stream.events.filter((event) => event.event === 'end')).toHaveLength(1);

    const resumed = await readEventStream(
      `${baseUrl}/api/deployments/${deployment.id}/log/stream`,
      { 'Last-Event-ID': '5' },
    );
    const resumedSeqs = resumed.events
      .filter((event) => event.event === 'log')
      .map((event) => (JSON.parse(event.data) as { seq: number }).seq);
    expect(resumedSeqs).toEqual(lines.slice(5).map((line) => line.seq));
    expect(resumed.events.at(-1)?.event).toBe('end');
  });

  it('checks the seeded sandbox target: reachable and ACTIVE', async () => {
    const check = await platform.api.post('/api/targets/stream-sandbox/check').expect(200);
    expect(check.body).toMatchObject({
      target: { slug: 'stream-sandbox' },
      cluster: 'stream-cluster',
      reachable: true,
      active: true,
      status: 'ACTIVE',
    });
  });

  const target = (name: string, cluster: string, endpoint: string) =>
    platform.api
      .post('/api/targets', {
        name,
        environments: ['dev'],
        tags: ['elsewhere'],
        region: 'eu-west-1',
        cluster,
        credentials: { type: 'keys', accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' },
        endpoint,
      })
      .expect(201);

  it('reports a cluster that does not exist as reachable but not active', async () => {
    await target('No cluster', 'no-such-cluster', platform.sandbox.url);
    const check = await platform.api.post('/api/targets/no-cluster/check').expect(200);
    expect(check.body).toMatchObject({
      reachable: true,
      active: false,
      status: null,
      cluster: 'no-such-cluster',
      endpoint: platform.sandbox.url,
    });
    expect(check.body.detail).toMatch(/no-such-cluster.*not found.*MISSING/);
  });

  it('reports an endpoint nobody listens on as not reachable, without a 500', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    await target('Closed port', 'apps', endpoint);
    const check = await platform.api.post('/api/targets/closed-port/check').expect(200);
    expect(check.body).toMatchObject({ reachable: false, active: false, status: null, endpoint });
    expect(check.body.detail).toMatch(/ECONNREFUSED|connect/i);
  });
});
