import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
} from '@aws-sdk/client-ecs';
import { MIGRATIONS } from '../../migrations';
import { deployClient, type DeploymentView } from '../support/deploy-client';
import { sampleStep } from '../support/fixtures';
import { PlatformHarness, startPlatform } from '../support/platform-harness';
import { seedPlatform } from '../support/seed';

interface StepView {
  slug: string;
  name: string;
  parallelWithPrevious: boolean;
  kind: string;
  status: string;
  reason?: string;
  targets: { stackName: string; status: string; outputs?: Record<string, string> }[];
  startedAt?: string;
  finishedAt?: string;
}
type ProcessDeployment = DeploymentView & { steps: StepView[] };

/** One container's ECS service step (the sample step's network, roles and sizes). */
function serviceStep(name: string, container: string, extra: Record<string, unknown> = {}) {
  const sample = sampleStep();
  return {
    name,
    kind: 'ecs-service',
    ...sample,
    containers: [
      {
        name: container,
        image: `123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop-${container}`,
      },
    ],
    service: { ...sample.service, desiredCount: 1 },
    ...extra,
  };
}

describe('deployment processes end to end: steps, conditions, parallel groups, the old model', () => {
  let platform: PlatformHarness;
  const api = () => platform.api;
  const client = () => deployClient(platform);

  beforeAll(async () => {
    platform = await startPlatform('process');
    await seedPlatform(api(), { project: 'multi' });
  });
  afterAll(() => platform.close());

  const sandbox = async () =>
    (await (await fetch(`${platform.sandbox.url}/_sandbox/state`)).json()) as {
      services: { serviceName: string; taskDefinition: string }[];
    };

  /** The images of the task definition the service runs now, asked through the ECS API. */
  const runningImages = async (service: string): Promise<string[]> => {
    const ecs = new ECSClient({
      endpoint: platform.sandbox.url,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    try {
      const { services } = await ecs.send(
        new DescribeServicesCommand({ cluster: 'multi-cluster', services: [service] }),
      );
      const { taskDefinition } = await ecs.send(
        new DescribeTaskDefinitionCommand({ taskDefinition: services?.[0]?.taskDefinition }),
      );
      return taskDefinition?.containerDefinitions?.map((c) => c.image ?? '') ?? [];
    } finally {
      ecs.destroy();
    }
  };

  it('deploys web and worker at once, skips a step its conditions exclude and logs why', async () => {
    await api()
      .patch('/api/projects/multi', {
        steps: [
          serviceStep('Web', 'web'),
          serviceStep('Worker', 'worker', { parallelWithPrevious: true }),
          serviceStep('Prod smoke', 'smoke', { environments: ['prod'] }),
        ],
      })
      .expect(200);
    const project = (await api().get('/api/projects/multi').expect(200)).body;
    expect(project.steps.map((s: { slug: string }) => s.slug)).toEqual([
      'web',
      'worker',
      'prod-smoke',
    ]);
    expect(project.steps[2].environments).toEqual(['prod']);
    expect(project.step).toBeUndefined();

    const release = await api()
      .post('/api/projects/multi/releases', { images: { web: '2.0.1' }, defaultTag: '2.0.0' })
      .expect(201);
    expect(release.body).toMatchObject({
      version: '2.0.0',
      images: { web: '2.0.1', worker: '2.0.0', smoke: '2.0.0' },
    });

    const queued = await client().onlyOf('multi', 'dev', release.body.id);
    const done = (await client().finished(queued.id, 60_000)) as ProcessDeployment;
    expect(done.status).toBe('succeeded');
    expect(done.steps.map((s) => [s.slug, s.status])).toEqual([
      ['web', 'succeeded'],
      ['worker', 'succeeded'],
      ['prod-smoke', 'skipped'],
    ]);
    expect(done.steps[2].reason).toBe('it runs only in prod');
    expect(done.steps[2].targets).toEqual([]);
    // Each step says its name and its group: web and worker run together, the smoke test after.
    expect(done.steps.map((s) => [s.name, s.parallelWithPrevious])).toEqual([
      ['Web', false],
      ['Worker', true],
      ['Prod smoke', false],
    ]);
    const [web, worker] = done.steps;
    expect(web.targets.map((t) => t.stackName)).toEqual(['gantry-multi-web-dev']);
    expect(worker.targets.map((t) => t.stackName)).toEqual(['gantry-multi-worker-dev']);
    // One parallel group: each started before the other finished.
    expect(Date.parse(web.startedAt!)).toBeLessThanOrEqual(Date.parse(worker.finishedAt!));
    expect(Date.parse(worker.startedAt!)).toBeLessThanOrEqual(Date.parse(web.finishedAt!));

    const state = await sandbox();
    const services = state.services.map((s) => s.serviceName);
    expect(services).toEqual(
      expect.arrayContaining(['gantry-multi-web-dev', 'gantry-multi-worker-dev']),
    );
    expect(services).not.toContain('gantry-multi-prod-smoke-dev');
    expect(await runningImages('gantry-multi-web-dev')).toEqual([
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop-web:2.0.1',
    ]);
    expect(await runningImages('gantry-multi-worker-dev')).toEqual([
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop-worker:2.0.0',
    ]);
    expect(web.targets[0].outputs?.ServiceName).toBe('gantry-multi-web-dev');

    const log = await client().log(done.id);
    expect(log).toContain('[prod-smoke] Skipped: it runs only in prod.');
    expect(log.some((line) => line.startsWith('[web/multi-sandbox] '))).toBe(true);
    expect(log.some((line) => line.startsWith('[worker/multi-sandbox] '))).toBe(true);
  });

  it('stops at the first failed step, names it, and runs nothing after it', async () => {
    await api()
      .patch('/api/projects/multi', {
        steps: [
          serviceStep('Web', 'web'),
          serviceStep('Worker', 'worker', { parallelWithPrevious: true }),
          serviceStep('After', 'after'),
        ],
      })
      .expect(200);
    const release = await api()
      .post('/api/projects/multi/releases', {
        version: '3.0.0',
        images: { worker: '3.0.0-crash' },
        defaultTag: '3.0.0',
      })
      .expect(201);
    const queued = await client().onlyOf('multi', 'dev', release.body.id);
    const done = (await client().finished(queued.id, 60_000)) as ProcessDeployment;
    expect(done.status).toBe('failed');
    expect(done.error).toMatch(/^Step 'worker': /);
    expect(done.steps.map((s) => [s.slug, s.status])).toEqual([
      ['web', 'succeeded'],
      ['worker', 'failed'],
      ['after', 'skipped'],
    ]);
    expect(done.steps[2].reason).toBe("step 'worker' failed");
    const state = await sandbox();
    expect(state.services.map((s) => s.serviceName)).not.toContain('gantry-multi-after-dev');
  });

  it('answers 422 naming the steps when a template export does not say which step', async () => {
    const [release] = (await api().get('/api/projects/multi/releases').expect(200)).body.items;
    const refused = await api()
      .get(`/api/releases/${release.id}/template?environment=dev`)
      .expect(422);
    expect(refused.body.errors).toEqual([
      { path: 'step', message: 'required: one of web, worker, after' },
    ]);
    const template = await api()
      .get(`/api/releases/${release.id}/template?environment=dev&step=worker`)
      .expect(200);
    expect(template.body.Resources.Service.Properties.ServiceName).toBe('gantry-multi-worker-dev');
    await api().get('/api/projects/multi/cloudformation').expect(422);
    const standalone = await api()
      .get('/api/projects/multi/steps/after/cloudformation')
      .expect(200);
    expect(Object.keys(standalone.body.Parameters)).toContain('ImageTagAfter');
    await api().get('/api/projects/multi/steps/nope/cloudformation').expect(404);
  });

  it('still deploys a project of the single-step model to its old stack name after the migration', async () => {
    await seedPlatform(api(), { project: 'legacy' });
    const release = await api()
      .post('/api/projects/legacy/releases', {
        version: '1.0.0',
        images: { web: '1.0.0', worker: '1.0.0' },
      })
      .expect(201);
    const first = await client().finished(
      (await client().onlyOf('legacy', 'dev', release.body.id)).id,
      60_000,
    );
    expect(first.status).toBe('succeeded');

    // Back to the single-step model's shape (`step`, bare image names), then migrate again.
    const migration = MIGRATIONS.find((m) => m.name.startsWith('DeploymentProcess'));
    const runner = api().db.dataSource.createQueryRunner();
    try {
      await new migration!().down(runner);
      const [old] = await runner.query(
        `SELECT p.step, r.images FROM projects p JOIN releases r ON r.project_id = p.id WHERE p.slug = 'legacy'`,
      );
      expect(old.images).toEqual({ web: '1.0.0', worker: '1.0.0' });
      expect(old.step.containers.map((c: { name: string }) => c.name)).toEqual(['web', 'worker']);
      await new migration!().up(runner);
    } finally {
      await runner.release();
    }

    const project = (await api().get('/api/projects/legacy').expect(200)).body;
    expect(project.steps).toEqual([
      expect.objectContaining({ slug: 'service', kind: 'ecs-service' }),
    ]);
    const again = await api()
      .post(`/api/releases/${release.body.id}/deployments`, { environment: 'test' })
      .expect(202);
    const done = (await client().finished(again.body.items[0].id, 60_000)) as ProcessDeployment;
    expect(done.status).toBe('succeeded');
    expect(done.targets.map((t) => t.stackName)).toEqual(['gantry-legacy-test']);
    expect(done.steps.map((s) => [s.slug, s.status])).toEqual([['service', 'succeeded']]);
    const next = await api()
      .post('/api/projects/legacy/releases', { defaultTag: '1.0.1' })
      .expect(201);
    expect(next.body.images).toEqual({ web: '1.0.1', worker: '1.0.1' });
    const redeployed = await client().finished(
      (await client().onlyOf('legacy', 'dev', next.body.id)).id,
      60_000,
    );
    expect(redeployed.status).toBe('succeeded');
    expect(redeployed.targets.map((t) => t.stackName)).toEqual(['gantry-legacy-dev']);
  });
});
