import {
  CreateServiceCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListTaskDefinitionsCommand,
} from '@aws-sdk/client-ecs';
import { Job, Queue } from 'bullmq';
import { bullConnection, RETENTION_QUEUE } from '@gantry/queue';
import { deployClient } from '../support/deploy-client';
import { eventually, PlatformHarness, startPlatform } from '../support/platform-harness';
import { seedPlatform } from '../support/seed';

interface Preview {
  releases: { id: string; version: string; deployments: number; logLines: number }[];
  taskDefinitions: { taskDefinitionArn: string; target: { slug: string } }[];
  skipped: unknown[];
}

describe('retention: old releases and task definition revisions go, what runs stays', () => {
  const project = 'keep';
  const family = `gantry-${project}-dev`;
  let platform: PlatformHarness;
  let client: ReturnType<typeof deployClient>;
  let queue: Queue;
  let ecs: ECSClient;
  const releases = new Map<string, string>();
  const deploymentsOf = new Map<string, string[]>();

  const revisions = async (status: 'ACTIVE' | 'INACTIVE') =>
    (
      await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: family, status, sort: 'ASC' }))
    ).taskDefinitionArns!.map((arn) => Number(arn.split(':').at(-1)));

  /** Runs retention the way the schedule does: a job on the retention queue, taken by the worker. */
  async function runRetention(): Promise<{
    deleted: { releases: number; deployments: number; logLines: number };
    deregistered: number;
  }> {
    const job = await queue.add('retention', {});
    return eventually(
      async () => {
        const done = await Job.fromId(queue, job.id!);
        if (done?.failedReason) throw new Error(done.failedReason);
        return done?.finishedOn ? done.returnvalue : undefined;
      },
      30_000,
      'the retention job',
    );
  }

  beforeAll(async () => {
    platform = await startPlatform('retention', {
      env: { RETENTION_INTERVAL_MINUTES: '60' },
    });
    client = deployClient(platform);
    queue = new Queue(RETENTION_QUEUE, {
      connection: bullConnection(platform.api.config.REDIS_URL),
      prefix: platform.api.config.QUEUE_PREFIX,
    });
    ecs = new ECSClient({
      endpoint: platform.sandbox.url,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    // The worker scheduled retention, and the scheduler's first run (on an empty database) is done.
    await eventually(
      async () =>
        (await queue.getJobSchedulers()).map((scheduler) => scheduler.key).join() === 'retention'
          ? true
          : undefined,
      10_000,
      'the retention job scheduler',
    );
    await eventually(
      async () => ((await queue.getJobCounts('completed')).completed >= 1 ? true : undefined),
      20_000,
      'the first scheduled run',
    );

    await seedPlatform(platform.api, { project });
    // Phase 1 is dev and test (one of them is enough to go on) and keeps 2 releases; prod keeps all.
    await platform.api
      .patch(`/api/lifecycles/${project}-lifecycle`, {
        phases: [
          {
            name: 'Development',
            environments: ['dev', 'test'],
            automatic: ['dev'],
            minimumEnvironmentsBeforePromotion: 1,
            retention: { keepReleases: 2 },
          },
          { name: 'Production', environments: ['prod'] },
        ],
      })
      .expect(200);
    await platform.api
      .patch(`/api/projects/${project}`, { retention: { keepTaskDefinitions: 2 } })
      .expect(200);

    for (const version of ['1.0.0', '1.0.1', '1.0.2', '1.0.3', '1.0.4']) {
      const release = await client.createRelease(project, version, version);
      releases.set(version, release.id);
      const deployment = await client.finished(
        (await client.onlyOf(project, 'dev', release.id)).id,
      );
      expect(deployment.status).toBe('succeeded');
      deploymentsOf.set(version, [deployment.id]);
      if (version === '1.0.0') {
        // 1.0.0 also goes to test, where it stays live: it must survive however old it gets.
        const [toTest] = await client.deploy(release.id, { environment: 'test' });
        expect((await client.finished(toTest.id)).status).toBe('succeeded');
        deploymentsOf.get(version)!.push(toTest.id);
      }
    }
    // A service Gantry does not manage runs revision 2 of the dev family.
    await ecs.send(
      new CreateServiceCommand({
        cluster: `${project}-cluster`,
        serviceName: 'pinned-by-hand',
        taskDefinition: `${family}:2`,
        desiredCount: 1,
        launchType: 'FARGATE',
        networkConfiguration: {
          awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d'], securityGroups: ['sg-0a1b2c3d'] },
        },
      }),
    );
  });

  afterAll(async () => {
    ecs?.destroy();
    await queue?.close();
    await platform?.close();
  });

  let preview: Preview;

  it('previews: the releases beyond the limit that are not live, the unused revisions beyond 2', async () => {
    expect(await revisions('ACTIVE')).toEqual([1, 2, 3, 4, 5]);
    preview = (await platform.api.get('/api/retention/preview').expect(200)).body as Preview;
    expect(preview.releases.map((release) => release.version).sort()).toEqual(['1.0.1', '1.0.2']);
    for (const release of preview.releases) {
      expect(release.deployments).toBe(1);
      expect(release.logLines).toBeGreaterThan(3);
    }
    // 5 and 4 are the newest two, 2 is used by a service: 3 and 1 go.
    expect(
      preview.taskDefinitions
        .map((item) => Number(item.taskDefinitionArn.split(':').at(-1)))
        .sort(),
    ).toEqual([1, 3]);
    expect(preview.skipped).toEqual([]);
    // A preview deletes nothing.
    await platform.api.get(`/api/releases/${releases.get('1.0.1')}`).expect(200);
    expect(await revisions('ACTIVE')).toEqual([1, 2, 3, 4, 5]);
  });

  it('a run deletes exactly what the preview showed, and keeps the live release', async () => {
    const expectedLines = preview.releases.reduce((sum, release) => sum + release.logLines, 0);
    const outcome = await runRetention();
    expect(outcome).toEqual({
      deleted: { releases: 2, deployments: 2, logLines: expectedLines },
      deregistered: 2,
    });
    for (const version of ['1.0.1', '1.0.2']) {
      await platform.api.get(`/api/releases/${releases.get(version)}`).expect(404);
      await platform.api.get(`/api/deployments/${deploymentsOf.get(version)![0]}`).expect(404);
    }
    const [{ lines }] = await platform.api.db.dataSource.query(
      `SELECT count(*)::int AS lines FROM deployment_log WHERE deployment_id = ANY($1)`,
      [[...deploymentsOf.get('1.0.1')!, ...deploymentsOf.get('1.0.2')!]],
    );
    expect(lines).toBe(0);
    for (const version of ['1.0.0', '1.0.3', '1.0.4']) {
      await platform.api.get(`/api/releases/${releases.get(version)}`).expect(200);
      for (const id of deploymentsOf.get(version)!)
        await platform.api.get(`/api/deployments/${id}`).expect(200);
    }
    expect(await revisions('ACTIVE')).toEqual([2, 4, 5]);
    for (const revision of [1, 3]) {
      const described = await ecs.send(
        new DescribeTaskDefinitionCommand({ taskDefinition: `${family}:${revision}` }),
      );
      expect(described.taskDefinition?.status).toBe('INACTIVE');
    }
    // Nothing refers to them, so (as in AWS) they are not even listed as INACTIVE.
    expect(await revisions('INACTIVE')).toEqual([]);
    // The dashboard still shows 1.0.0 live in test and 1.0.4 in dev.
    const dashboard = JSON.stringify((await platform.api.get('/api/dashboard').expect(200)).body);
    expect(dashboard).toContain('1.0.0');
    expect(dashboard).toContain('1.0.4');
  });

  it('a second run changes nothing, and the preview is empty', async () => {
    expect(await runRetention()).toEqual({
      deleted: { releases: 0, deployments: 0, logLines: 0 },
      deregistered: 0,
    });
    expect((await platform.api.get('/api/retention/preview').expect(200)).body).toEqual({
      releases: [],
      taskDefinitions: [],
      skipped: [],
    });
    expect(await revisions('ACTIVE')).toEqual([2, 4, 5]);
  });

  it('the preview is for admins only', async () => {
    const created = await platform.api
      .post('/api/api-keys', { name: 'viewer', role: 'viewer' })
      .expect(201);
    await platform.api
      .anonymous()
      .get('/api/retention/preview')
      .set('Authorization', `Bearer ${created.body.key}`)
      .expect(403);
  });
});
