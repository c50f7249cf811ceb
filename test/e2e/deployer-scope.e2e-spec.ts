import request from 'supertest';
import { ApiHarness, startApi } from '../support/api-harness';
import { deployClient } from '../support/deploy-client';
import { sampleStep } from '../support/fixtures';
import { eventually, PlatformHarness, startPlatform } from '../support/platform-harness';

/**
 * A lifecycle's automatic deployments count as the request of whoever created the release: a
 * deployer limited to dev cannot get deployments into another environment that way.
 */
describe('automatic deployments and a deployer key limited to some environments', () => {
  let api: ApiHarness;
  let devDeployer: string;
  const images = { web: '1.0.0', worker: '1.0.0' };
  const asDeployer = (path: string, body: object) =>
    request(api.app.getHttpServer())
      .post(path)
      .set('Authorization', `Bearer ${devDeployer}`)
      .send(body);

  beforeAll(async () => {
    api = await startApi('deployer-scope');
    for (const name of ['Dev', 'Other']) await api.post('/api/environments', { name }).expect(201);
    await api
      .post('/api/lifecycles', {
        name: 'Everywhere at once',
        phases: [{ name: 'All', environments: ['dev', 'other'], automatic: ['dev', 'other'] }],
      })
      .expect(201);
    await api
      .post('/api/lifecycles', {
        name: 'Dev first',
        phases: [
          { name: 'Development', environments: ['dev'], automatic: ['dev'] },
          { name: 'Elsewhere', environments: ['other'] },
        ],
      })
      .expect(201);
    for (const [name, lifecycle] of [
      ['Wide', 'everywhere-at-once'],
      ['Narrow', 'dev-first'],
    ])
      await api
        .post('/api/projects', { name, lifecycle, targetTags: ['web'], step: sampleStep() })
        .expect(201);
    await api
      .post('/api/targets', {
        name: 'sandbox',
        environments: ['dev', 'other'],
        tags: ['web'],
        region: 'eu-west-1',
        cluster: 'apps',
        credentials: { type: 'sandbox' },
      })
      .expect(201);
    devDeployer = (
      await api
        .post('/api/api-keys', { name: 'ci-dev', role: 'deployer', environments: ['dev'] })
        .expect(201)
    ).body.key;
  });
  afterAll(() => api.close());

  it('refuses a release whose automatic deployments reach outside the key, naming them', async () => {
    const refused = await asDeployer('/api/projects/wide/releases', { images }).expect(403);
    expect(refused.body).toMatchObject({
      detail: "The key 'ci-dev' is not allowed to deploy to environment 'other'.",
      errors: [{ path: 'environment', message: "the key is not allowed in environment 'other'" }],
    });
    const releases = await api.get('/api/projects/wide/releases').expect(200);
    expect(releases.body.items).toEqual([]);
    const deployments = await api.get('/api/deployments?project=wide').expect(200);
    expect(deployments.body.items).toEqual([]);
  });

  it('queues the automatic deployments inside the key, recording who triggered them', async () => {
    const created = await asDeployer('/api/projects/narrow/releases', { images }).expect(201);
    expect(created.body.deployments).toHaveLength(1);
    expect(created.body.deployments[0]).toMatchObject({
      environment: { slug: 'dev' },
      createdBy: "automatic (lifecycle) for 'ci-dev'",
    });
  });

  it('lets an admin create the release that deploys everywhere', async () => {
    const created = await api.post('/api/projects/wide/releases', { images }).expect(201);
    expect(created.body.deployments.map((d: { createdBy: string }) => d.createdBy)).toEqual([
      "automatic (lifecycle) for 'bootstrap'",
      "automatic (lifecycle) for 'bootstrap'",
    ]);
  });
});

/**
 * A later phase's automatic deployments (queued by the worker when a deployment succeeds) count
 * as the request of the key that created the release, like those of the first phase.
 */
describe('later-phase automatic deployments and the key that created the release', () => {
  let platform: PlatformHarness;
  let client: ReturnType<typeof deployClient>;
  let devDeployer: string;
  const images = { web: '1.0.0', worker: '1.0.0' };

  beforeAll(async () => {
    platform = await startPlatform('deployer-scope-later');
    client = deployClient(platform);
    const api = platform.api;
    for (const name of ['Dev', 'Other']) await api.post('/api/environments', { name }).expect(201);
    await api
      .post('/api/lifecycles', {
        name: 'Dev then other',
        phases: [
          { name: 'Development', environments: ['dev'], automatic: ['dev'] },
          { name: 'Elsewhere', environments: ['other'], automatic: ['other'] },
        ],
      })
      .expect(201);
    await api
      .post('/api/targets', {
        name: 'chain sandbox',
        environments: ['dev', 'other'],
        tags: ['chain'],
        region: 'eu-west-1',
        cluster: 'chain',
        credentials: { type: 'sandbox' },
      })
      .expect(201);
    await api
      .post('/api/projects', {
        name: 'Chain',
        lifecycle: 'dev-then-other',
        targetTags: ['chain'],
        step: sampleStep(),
      })
      .expect(201);
    await api
      .put('/api/projects/chain/variables', {
        items: [
          { name: 'LogLevel', value: 'info' },
          { name: 'DesiredCount', value: '1' },
        ],
      })
      .expect(200);
    devDeployer = (
      await api
        .post('/api/api-keys', { name: 'ci-dev', role: 'deployer', environments: ['dev'] })
        .expect(201)
    ).body.key;
  });
  afterAll(() => platform.close());

  it('does not queue them outside the creator key, and says so in the log', async () => {
    const created = await request(platform.api.app.getHttpServer())
      .post('/api/projects/chain/releases')
      .set('Authorization', `Bearer ${devDeployer}`)
      .send({ version: '1.0.0', images })
      .expect(201);
    const [dev] = created.body.deployments as Array<{ id: string }>;
    const done = await client.finished(dev.id);
    expect([done.status, done.error ?? null]).toEqual(['succeeded', null]);
    const line = await eventually(
      async () =>
        (await client.log(dev.id)).find((message) => /automatic deployment/.test(message)),
      15_000,
      'the lifecycle line of the dev deployment',
    );
    expect(line).toBe(
      "Did not queue the automatic deployment(s) to other: release 1.0.0 was created by key 'ci-dev', which may not deploy there. Deploy or promote it with a key that may.",
    );
    expect(await client.ofRelease('chain', 'other', created.body.id)).toEqual([]);
  });

  it('queues them for a key that may, naming the creator and the deployment that triggered them', async () => {
    const created = await platform.api
      .post('/api/projects/chain/releases', { version: '1.0.1', images })
      .expect(201);
    const [dev] = created.body.deployments as Array<{ id: string }>;
    const done = await client.finished(dev.id);
    expect([done.status, done.error ?? null]).toEqual(['succeeded', null]);
    const other = await client.onlyOf('chain', 'other', created.body.id);
    expect(other.createdBy).toBe(
      `automatic (lifecycle) for 'bootstrap' after deployment ${dev.id}`,
    );
  });
});
