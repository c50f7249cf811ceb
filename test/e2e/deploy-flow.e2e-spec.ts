import { PlatformHarness, startPlatform } from '../support/platform-harness';
import {
  deployClient,
  DeploymentView as Deployment,
  SandboxService,
} from '../support/deploy-client';
import { seedPlatform } from '../support/seed';

/** The sandbox's view of a service: scoped desired count, tasks running, rolled out and steady on this deployment's task definition. */
function steadyService(state: unknown, name: string, deployment: Deployment) {
  const service = (state as { services: SandboxService[] }).services.find(
    (candidate) => candidate.serviceName === name,
  );
  const primary = service?.deployments.find((candidate) => candidate.status === 'PRIMARY');
  expect(primary?.taskDefinition).toBe(deployment.targets[0].outputs?.TaskDefinitionArn);
  return {
    desiredCount: service?.desiredCount,
    runningCount: primary?.runningCount,
    rolloutState: primary?.rolloutState,
    steady: /has reached a steady state/.test(service?.events[0]?.message ?? ''),
  };
}

describe('deployments end to end: API → queue → worker → sandbox', () => {
  let platform: PlatformHarness;
  const api = () => platform.api;

  beforeAll(async () => {
    platform = await startPlatform('deployflow');
    await seedPlatform(api());
  });
  afterAll(() => platform.close());

  const finished = (id: string) => deployClient(platform).finished(id, 60_000);

  const sandboxState = async () => (await fetch(`${platform.sandbox.url}/_sandbox/state`)).json();

  const createRelease = async (version: string, web: string) => {
    const response = await api()
      .post('/api/projects/shop/releases', { version, images: { web, worker: '1.0.0' } })
      .expect(201);
    return response.body as { id: string };
  };

  const deploy = async (releaseId: string, environment: string) => {
    const response = await api()
      .post(`/api/releases/${releaseId}/deployments`, { environment })
      .expect(202);
    return response.body.items[0] as Deployment;
  };

  const latestIn = async (environment: string) => {
    const response = await api()
      .get(`/api/deployments?project=shop&environment=${environment}`)
      .expect(200);
    return response.body.items[0] as Deployment;
  };

  it('takes a release through dev (automatic), test and production (promote)', async () => {
    const release = await createRelease('1.0.0', '1.0.0');
    const dev = await finished((await latestIn('dev')).id);
    expect(dev).toMatchObject({ status: 'succeeded', environment: { slug: 'dev' } });
    expect(dev.targets[0]).toMatchObject({ stackName: 'gantry-shop-dev', status: 'succeeded' });
    expect(dev.targets[0].outputs).toEqual(
      expect.objectContaining({ ServiceName: 'gantry-shop-dev' }),
    );

    const test = await finished((await deploy(release.id, 'test')).id);
    expect(test.status).toBe('succeeded');
    const promoted = await api()
      .post('/api/projects/shop/promote', { from: 'test', to: 'prod' })
      .expect(202);
    const prod = await finished(promoted.body.items[0].id);
    expect(prod.status).toBe('succeeded');

    const log = await api().get(`/api/deployments/${prod.id}/log`).expect(200);
    const messages: string[] = log.body.items.map((line: { message: string }) => line.message);
    expect(
      messages.some((message) => /Service AWS::ECS::Service CREATE_COMPLETE/.test(message)),
    ).toBe(true);
    expect(
      messages.some((message) =>
        /gantry-shop-prod AWS::CloudFormation::Stack CREATE_COMPLETE/.test(message),
      ),
    ).toBe(true);
    expect(JSON.stringify(log.body)).not.toContain('hunter2-secret');

    const state = await sandboxState();
    expect(JSON.stringify(state)).toContain('gantry-shop-prod');
    expect(steadyService(state, 'gantry-shop-prod', prod)).toEqual({
      desiredCount: 2,
      runningCount: 2,
      rolloutState: 'COMPLETED',
      steady: true,
    });
    expect(steadyService(state, 'gantry-shop-dev', dev)).toEqual({
      desiredCount: 1,
      runningCount: 1,
      rolloutState: 'COMPLETED',
      steady: true,
    });
  });

  it('fails a crashing image, names the exit code, and keeps the previous release running', async () => {
    const good = await createRelease('1.1.0', '1.1.0');
    await finished((await latestIn('dev')).id);
    const bad = await createRelease('1.2.0', '1.2.0-crash');
    const failed = await finished((await latestIn('dev')).id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/UPDATE_ROLLBACK_COMPLETE/);
    expect(failed.error).toMatch(/exit code 1|Circuit Breaker/i);

    const progression = await api().get(`/api/releases/${bad.id}`).expect(200);
    const testCell = progression.body.progression.find(
      (cell: { environment: { slug: string } }) => cell.environment.slug === 'test',
    );
    expect(testCell.status).toBe('blocked');
    await api().post(`/api/releases/${bad.id}/deployments`, { environment: 'test' }).expect(409);

    const redeploy = await finished((await deploy(good.id, 'dev')).id);
    expect(redeploy.status).toBe('succeeded');
  });

  it('succeeds as a no-op when nothing changed', async () => {
    const release = await createRelease('1.3.0', '1.3.0');
    const first = await finished((await latestIn('dev')).id);
    expect(first.status).toBe('succeeded');
    const again = await finished(
      (
        await api()
          .post(`/api/releases/${release.id}/deployments`, { environment: 'dev', force: true })
          .expect(202)
      ).body.items[0].id,
    );
    expect(again.status).toBe('succeeded');
    const log = await api().get(`/api/deployments/${again.id}/log`).expect(200);
    expect(log.body.items.map((line: { message: string }) => line.message).join('\n')).toMatch(
      /No changes/,
    );
  });
});
