import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import {
  DeploymentEntity,
  DeploymentRunsRepository,
  DeploymentTargetEntity,
} from '@gantry/persistence';
import { deployClient } from '../support/deploy-client';
import { PlatformHarness, startPlatform } from '../support/platform-harness';
import { seedPlatform } from '../support/seed';

/**
 * Sits between Gantry and the sandbox and counts the throttling errors the sandbox answers, so a
 * test can prove the worker was throttled and still succeeded. Nothing is changed on the way.
 */
interface ThrottleCounter {
  url: string;
  upstream: string;
  throttled: Record<string, number>;
  close(): Promise<void>;
}

async function startThrottleCounter(): Promise<ThrottleCounter> {
  const counter = { upstream: '', throttled: {} as Record<string, number> };
  const server: Server = createServer((req, res) => {
    void forward(req).then(
      ({ status, headers, body, action }) => {
        if (status === 400 && /<Code>Throttling<\/Code>|"ThrottlingException"/.test(body))
          counter.throttled[action] = (counter.throttled[action] ?? 0) + 1;
        res.writeHead(status, headers).end(body);
      },
      () => res.writeHead(502).end(),
    );
  });
  const forward = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = Buffer.concat(chunks).toString('utf8');
    const action = /Action=(\w+)/.exec(request)?.[1] ?? String(req.headers['x-amz-target']);
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(
        ([name]) => !['host', 'connection', 'content-length'].includes(name),
      ),
    ) as Record<string, string>;
    const response = await fetch(counter.upstream + req.url, {
      method: req.method,
      headers,
      body: req.method === 'GET' ? undefined : request,
    });
    const body = await response.text();
    const kept = ['content-type', 'x-amzn-requestid'].flatMap((name) => {
      const value = response.headers.get(name);
      return value ? [[name, value] as [string, string]] : [];
    });
    return { status: response.status, headers: Object.fromEntries(kept), body, action };
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(counter, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}

describe('deployments running at the same time, on two workers', () => {
  let platform: PlatformHarness;
  let counter: ThrottleCounter;
  let client: ReturnType<typeof deployClient>;
  /** A second worker process's worth of worker: both take jobs from the same queue. */
  let secondWorker: INestApplicationContext;
  const sql = <T>(query: string, parameters: unknown[] = []): Promise<T[]> =>
    platform.api.db.dataSource.query(query, parameters);

  beforeAll(async () => {
    counter = await startThrottleCounter();
    platform = await startPlatform('deployconc', { env: { SANDBOX_URL: counter.url } });
    counter.upstream = platform.sandbox.url;
    secondWorker = await NestFactory.createApplicationContext(
      WorkerModule.forRoot(platform.api.config, platform.api.masterKey),
      { logger: false },
    );
    await secondWorker.init();
    client = deployClient(platform);
    await seedPlatform(platform.api, { project: 'pair' });
    await seedPlatform(platform.api, { project: 'fleet', tenancy: 'tenanted' });
    await seedPlatform(platform.api, { project: 'twin' });
    await platform.api
      .post('/api/targets', {
        name: 'twin sandbox us',
        environments: ['dev'],
        tags: ['twin-web'],
        region: 'us-east-1',
        cluster: 'twin-cluster',
        credentials: { type: 'sandbox' },
      })
      .expect(201);
  });
  afterAll(async () => {
    await secondWorker?.close();
    await platform.close();
    await counter.close();
  });

  it('runs two deployments of one stack one after the other, in the order they were made', async () => {
    const first = await client.createRelease('pair', '1.0.0', '1.0.0-slow');
    const second = await client.createRelease('pair', '1.1.0', '1.1.0');
    const ids = [
      (await client.onlyOf('pair', 'dev', first.id)).id,
      (await client.onlyOf('pair', 'dev', second.id)).id,
    ];

    let mostRunning = 0;
    const seenRunning = new Set<string>();
    for (;;) {
      const rows = await sql<{ id: string; status: string }>(
        'SELECT id, status FROM deployments WHERE id = ANY($1)',
        [ids],
      );
      const running = rows.filter((row) => row.status === 'running');
      running.forEach((row) => seenRunning.add(row.id));
      mostRunning = Math.max(mostRunning, running.length);
      if (rows.every((row) => ['succeeded', 'failed', 'cancelled'].includes(row.status))) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(mostRunning).toBe(1);
    expect(seenRunning).toEqual(new Set(ids));

    const [a, b] = await Promise.all(ids.map((id) => client.get(id)));
    expect([a.status, b.status]).toEqual(['succeeded', 'succeeded']);
    expect(Date.parse(b.startedAt as string)).toBeGreaterThanOrEqual(
      Date.parse(a.finishedAt as string),
    );
    const { primary } = await client.service('gantry-pair-dev');
    expect(primary?.taskDefinition).toBe(b.targets[0].outputs?.TaskDefinitionArn);
  });

  it('deploys one deployment to two targets at once, with one gap-free log', async () => {
    const release = await client.createRelease('twin', '1.0.0', '1.0.0');
    const deployment = await client.finished((await client.onlyOf('twin', 'dev', release.id)).id);
    expect(deployment.error ?? null).toBeNull();
    expect(deployment.status).toBe('succeeded');
    expect(deployment.targets.map((target) => target.status)).toEqual(['succeeded', 'succeeded']);

    const log = await platform.api.get(`/api/deployments/${deployment.id}/log`).expect(200);
    const lines = log.body.items as { seq: number; message: string }[];
    expect(lines.map((line) => line.seq)).toEqual(lines.map((_, i) => i + 1));
    // Both targets ran in the first attempt: nothing broke and had to be re-attached.
    expect(lines.filter((line) => /re-attached/i.test(line.message))).toEqual([]);
    expect(
      lines.filter((line) => /^\[[^\]]+\] Rendered the template/.test(line.message)),
    ).toHaveLength(2);
    const created = lines.filter((line) =>
      line.message.endsWith('] gantry-twin-dev AWS::CloudFormation::Stack CREATE_COMPLETE'),
    );
    expect(created).toHaveLength(2);
    const state = await client.sandboxState();
    expect(
      state.stacks
        .filter((stack) => stack.stackName === 'gantry-twin-dev')
        .map((stack) => stack.status),
    ).toEqual(['CREATE_COMPLETE', 'CREATE_COMPLETE']);
  });

  it('numbers log lines from concurrent writers (as from two worker processes) without gaps or collisions', async () => {
    const [deployment] = (await platform.api.get('/api/deployments?project=twin').expect(200)).body
      .items as { id: string }[];
    const before = (await platform.api.get(`/api/deployments/${deployment.id}/log`).expect(200))
      .body.items.length as number;
    const dataSource = platform.api.db.dataSource;
    const writers = [1, 2, 3].map(
      () =>
        new DeploymentRunsRepository(
          dataSource.getRepository(DeploymentEntity),
          dataSource.getRepository(DeploymentTargetEntity),
          dataSource,
        ),
    );
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        writers[i % 3].appendLog(deployment.id, [
          { level: 'info', source: 'test', message: `batch ${i} line 1` },
          { level: 'info', source: 'test', message: `batch ${i} line 2` },
        ]),
      ),
    );
    const lines = (await platform.api.get(`/api/deployments/${deployment.id}/log`).expect(200)).body
      .items as { seq: number; message: string }[];
    expect(lines.map((line) => line.seq)).toEqual(lines.map((_, i) => i + 1));
    const added = lines.slice(before);
    expect(added).toHaveLength(120);
    for (let i = 0; i < added.length; i += 2)
      expect(added[i + 1].message).toBe(added[i].message.replace('line 1', 'line 2'));
  });

  it('deploys to 20 tenants at once against a sandbox throttling 5 requests/s per action: every one succeeds', async () => {
    const tenants = Array.from({ length: 20 }, (_, i) => `t${String(i + 1).padStart(2, '0')}`);
    for (const name of tenants) {
      await platform.api
        .post('/api/tenants', { name, projects: [{ project: 'fleet', environments: ['dev'] }] })
        .expect(201);
    }
    platform.sandbox.setThrottle(5);
    try {
      const release = await client.createRelease('fleet', '1.0.0', '1.0.0');
      const deployments = await client.ofRelease('fleet', 'dev', release.id);
      expect(deployments.map((d) => d.tenant?.slug).sort()).toEqual(tenants);
      const done = await Promise.all(deployments.map((d) => client.finished(d.id, 40_000)));
      expect(
        done.filter((d) => d.status !== 'succeeded').map((d) => `${d.tenant?.slug}: ${d.error}`),
      ).toEqual([]);
    } finally {
      platform.sandbox.setThrottle(0);
    }
    const throttled = Object.values(counter.throttled).reduce((sum, n) => sum + n, 0);
    expect(throttled).toBeGreaterThan(0);
    const state = await client.sandboxState();
    const running = state.services.filter((s) => s.serviceName.startsWith('gantry-fleet-dev'));
    expect(running).toHaveLength(20);
    expect(
      running.every((s) =>
        s.deployments.some((d) => d.status === 'PRIMARY' && d.rolloutState === 'COMPLETED'),
      ),
    ).toBe(true);
  });
});
