import { request as httpRequest, type ClientRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { RedisDeploymentEvents } from '@gantry/core';
import {
  DeploymentEntity,
  DeploymentRunsRepository,
  DeploymentTargetEntity,
  type LogEntry,
} from '@gantry/persistence';
import { startPrivateRedis, type PrivateRedis } from '@gantry/testing';
import { LiveService } from '../../apps/api/src/live/live.service';
import { ADMIN_KEY, startApi, type ApiHarness } from '../support/api-harness';
import { eventually } from '../support/platform-harness';
import { seedPlatform } from '../support/seed';

interface SseEvent {
  event: string;
  id?: string;
  data: string;
}

/** A server-sent event stream read as it arrives; `close()` disconnects. */
interface OpenStream {
  status: number;
  contentType: string;
  body: string;
  events: SseEvent[];
  ended: boolean;
  close(): void;
  /** The seqs of the `log` events so far. */
  seqs(): number[];
}

function openStream(url: string, key = ADMIN_KEY): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    let req: ClientRequest | null = null;
    req = httpRequest(url, { headers: { Authorization: `Bearer ${key}` } }, (res) => {
      let buffer = '';
      const stream: OpenStream = {
        status: res.statusCode ?? 0,
        contentType: String(res.headers['content-type']),
        body: '',
        events: [],
        ended: false,
        close: () => req?.destroy(),
        seqs: () =>
          stream.events
            .filter((event) => event.event === 'log')
            .map((event) => (JSON.parse(event.data) as { seq: number }).seq),
      };
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        stream.body += chunk;
        buffer += chunk;
        let split: number;
        while ((split = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, split);
          buffer = buffer.slice(split + 2);
          const fields = block
            .split('\n')
            .filter(Boolean)
            .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]);
          const field = (name: string) => fields.find(([key]) => key === name)?.[1];
          stream.events.push({
            event: field('event') ?? 'message',
            id: field('id'),
            data: field('data') ?? '',
          });
        }
      });
      res.on('end', () => (stream.ended = true));
      res.on('error', () => (stream.ended = true));
      resolve(stream);
    });
    req.on('error', reject);
    req.end();
  });
}

const line = (message: string): LogEntry => ({ level: 'info', source: 'test', message });
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('live log streams fan out through Redis pub/sub', () => {
  const STREAMS = 10;
  let redis: PrivateRedis;
  let api: ApiHarness;
  let baseUrl: string;
  let queries: jest.SpyInstance;
  let publisher: RedisDeploymentEvents;
  let runs: DeploymentRunsRepository;
  /** A writer whose publishes are lost: the lines reach PostgreSQL only. */
  let silentRuns: DeploymentRunsRepository;
  let deployments: string[];
  let written = 0;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    api = await startApi('livefanout', {
      REDIS_URL: redis.url,
      LIVE_STREAMS_PER_KEY: String(STREAMS + 2),
      // No quiet-spell reads during the test: every database read is caused by the test.
      LIVE_RESYNC_SECONDS: '3600',
    });
    await seedPlatform(api, { project: 'fan' });
    for (const version of ['1.0.0', '1.0.1'])
      await api
        .post('/api/projects/fan/releases', { version, images: { web: version, worker: '1.0.0' } })
        .expect(201);
    deployments = await eventually(async () => {
      const items = (await api.get('/api/deployments?project=fan').expect(200)).body.items as {
        id: string;
        createdAt: string;
      }[];
      return items.length === 2 ? items.reverse().map((item) => item.id) : undefined;
    });
    const server = api.app.getHttpServer();
    if (!server.listening)
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // Every query of the API process goes through its data source's logger.
    queries = jest.spyOn(api.app.get(DataSource).logger, 'logQuery');

    // The worker's side, on the test's own connection: lines written, then published.
    const dataSource = api.db.dataSource;
    publisher = new RedisDeploymentEvents(redis.url, api.config.QUEUE_PREFIX);
    const repository = (events: RedisDeploymentEvents | null) =>
      new DeploymentRunsRepository(
        dataSource.getRepository(DeploymentEntity),
        dataSource.getRepository(DeploymentTargetEntity),
        dataSource,
        events,
      );
    runs = repository(publisher);
    silentRuns = repository(null);
  });

  afterAll(async () => {
    publisher?.close();
    await api?.close();
    await redis?.close();
  });

  const streamUrl = (id: string) => `${baseUrl}/api/deployments/${id}/log/stream`;
  let streams: OpenStream[] = [];

  async function write(count: number, via = runs): Promise<void> {
    for (let i = 0; i < count; i++) {
      written += 1;
      await via.appendLog(deployments[0], [line(`line ${written}`)]);
    }
  }

  const allAt = (seq: number, what: string) =>
    eventually(
      async () => (streams.every((stream) => stream.seqs().at(-1) === seq) ? true : undefined),
      15_000,
      what,
    );

  it('N streams of one deployment cost no database query per new line', async () => {
    await write(3);
    streams = await Promise.all(range(1, STREAMS).map(() => openStream(streamUrl(deployments[0]))));
    expect(streams.map((stream) => stream.status)).toEqual(streams.map(() => 200));
    await allAt(3, 'every stream to replay the first lines');
    expect(streams.every((stream) => stream.events.some((e) => e.event === 'status'))).toBe(true);

    queries.mockClear();
    await write(20);
    await allAt(23, 'every stream to get the 20 pushed lines');
    // 10 streams × 20 lines: pushed lines that follow on need no read at all.
    expect(queries.mock.calls.length).toBe(0);
    for (const stream of streams) expect(stream.seqs()).toEqual(range(1, 23));
  });

  it('a lost publish is found by its seq and read once for every stream, nothing twice', async () => {
    expect(streams).toHaveLength(STREAMS);
    queries.mockClear();
    await write(4, silentRuns); // 24..27 reach PostgreSQL only
    await write(1); // 28 is pushed: the streams see the gap
    await allAt(28, 'every stream to fill the gap');
    expect(queries.mock.calls.length).toBe(1);
    for (const stream of streams) expect(stream.seqs()).toEqual(range(1, 28));
  });

  it('lines written while Redis is down arrive when it is back; the end arrives too', async () => {
    expect(streams).toHaveLength(STREAMS);
    await redis.kill();
    await write(5); // 29..33: publishes fail
    await redis.start();
    await allAt(33, 'every stream to catch up after the outage');

    await write(2); // pushed again once the publisher reconnected (or read at the next gap)
    const claim = await runs.claim(deployments[0], 'test-worker', 60);
    expect(claim.outcome).toBe('claimed');
    const token = (claim as { token: number }).token;
    written += 1;
    await runs
      .fencedTo(deployments[0], token)
      .finish(deployments[0], 'succeeded', null, null, line('Deployment succeeded.'));
    await eventually(
      async () => (streams.every((stream) => stream.ended) ? true : undefined),
      15_000,
      'every stream to end',
    );
    for (const stream of streams) {
      expect(stream.seqs()).toEqual(range(1, written));
      const last = stream.events.at(-1)!;
      expect(last).toMatchObject({ event: 'end', id: String(written) });
      const statuses = stream.events
        .filter((event) => event.event === 'status')
        .map((event) => (JSON.parse(event.data) as { status: string }).status);
      expect(statuses.at(-1)).toBe('succeeded');
    }
    expect(api.app.get(LiveService).feeds.following).toBe(0);
  });

  it('caps the streams one key holds open (429 problem), and gives the slot back on disconnect', async () => {
    const live = api.app.get(LiveService);
    const keyId = (await api.get('/api/api-keys').expect(200)).body.items[0].id as string;
    streams = await Promise.all(
      range(1, STREAMS + 2).map(() => openStream(streamUrl(deployments[1]))),
    );
    expect(streams.map((stream) => stream.status)).toEqual(streams.map(() => 200));
    expect(live.streamsOf(keyId)).toBe(STREAMS + 2);

    const refused = await openStream(streamUrl(deployments[1]));
    await eventually(async () => (refused.ended ? true : undefined), 5_000, 'the 429 body');
    expect(refused.status).toBe(429);
    expect(refused.contentType).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(refused.body)).toMatchObject({
      status: 429,
      detail: expect.stringMatching(/LIVE_STREAMS_PER_KEY/),
    });

    streams[0].close();
    await eventually(
      async () => (live.streamsOf(keyId) === STREAMS + 1 ? true : undefined),
      5_000,
      'the slot to come back',
    );
    const again = await openStream(streamUrl(deployments[1]));
    expect(again.status).toBe(200);
    streams.push(again);
    // One subscription for the deployment, however many streams follow it.
    expect(live.feeds.following).toBe(1);
    for (const stream of streams) stream.close();
    await eventually(
      async () => (live.streamsOf(keyId) === 0 && live.feeds.following === 0 ? true : undefined),
      5_000,
      'every slot and the subscription to be released',
    );
  });
});
