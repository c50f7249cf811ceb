import request from 'supertest';
import { deployClient } from '../support/deploy-client';
import { eventually, PlatformHarness, startPlatform } from '../support/platform-harness';
import { seedPlatform } from '../support/seed';

/** Freezes and blocked releases, through the real API, worker and sandbox. */
describe('promotion gates: freezes and blocked releases', () => {
  let platform: PlatformHarness;
  let client: ReturnType<typeof deployClient>;
  let deployerKey: string;

  beforeAll(async () => {
    platform = await startPlatform('gates');
    client = deployClient(platform);
    for (const project of ['frozen', 'held', 'blocked'])
      await seedPlatform(platform.api, { project });
    const key = await platform.api
      .post('/api/api-keys', { name: 'ci', role: 'deployer' })
      .expect(201);
    deployerKey = key.body.key;
  });
  afterAll(() => platform.close());

  const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
  const succeededInDev = async (project: string, version: string) => {
    const release = await client.createRelease(project, version, version);
    const deployment = await client.finished((await client.onlyOf(project, 'dev', release.id)).id);
    expect(deployment.status).toBe('succeeded');
    return release;
  };

  it('refuses a freeze without a window, listing the fields', async () => {
    const response = await platform.api
      .post('/api/freezes', {
        name: 'Nothing',
        timeZone: 'Mars/Olympus',
        recurrence: { kind: 'cron', expression: 'every day', durationMinutes: 60 },
      })
      .expect(400);
    expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'recurrence.expression',
      'timeZone',
    ]);
  });

  it('a freeze over production refuses a deploy with 409 naming it and its end; an admin override deploys and is audited', async () => {
    const release = await succeededInDev('frozen', '1.0.0');
    await client.deploy(release.id, { environment: 'test' });
    const end = inAnHour();
    const freeze = await platform.api
      .post('/api/freezes', {
        name: 'Year end',
        reason: 'closing the books',
        start: new Date(Date.now() - 60_000).toISOString(),
        end,
        environments: ['prod'],
        projects: ['frozen'],
      })
      .expect(201);
    expect(freeze.body).toMatchObject({ active: true, environments: [{ slug: 'prod' }] });
    await eventually(
      async () =>
        (await client.ofRelease('frozen', 'test', release.id)).find(
          (d) => d.status === 'succeeded',
        ),
      30_000,
      'the test deployment',
    );

    const refused = await platform.api
      .post(`/api/releases/${release.id}/deployments`, { environment: 'prod' })
      .expect(409);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({
      type: expect.stringContaining('frozen'),
      freeze: { name: 'Year end', reason: 'closing the books' },
      frozenUntil: new Date(end).toISOString(),
    });
    expect(refused.body.detail).toContain(
      `frozen by 'Year end' (closing the books) until ${new Date(end).toISOString()}`,
    );

    const progression = await platform.api.get(`/api/releases/${release.id}`).expect(200);
    const prod = progression.body.progression.find(
      (cell: { environment: { slug: string } }) => cell.environment.slug === 'prod',
    );
    expect(prod.frozen.message).toMatch(/^frozen by 'Year end'.* until /);

    await request(platform.api.app.getHttpServer())
      .post(`/api/releases/${release.id}/deployments`)
      .set('Authorization', `Bearer ${deployerKey}`)
      .send({ environment: 'prod', override: { reason: 'hotfix' } })
      .expect(403);

    const [overridden] = await client.deploy(release.id, {
      environment: 'prod',
      override: { reason: 'payment outage hotfix' },
    });
    expect(overridden).toMatchObject({
      freezeOverride: {
        reason: 'payment outage hotfix',
        by: 'bootstrap',
        freezes: [{ name: 'Year end' }],
      },
    });
    expect((await client.finished(overridden.id)).status).toBe('succeeded');
    const audit = await platform.api.get('/api/audit?limit=100').expect(200);
    expect(
      audit.body.items.find(
        (entry: { route: string; body: { override?: { reason: string } } }) =>
          entry.route === `/api/releases/${release.id}/deployments` &&
          entry.body?.override?.reason === 'payment outage hotfix',
      ),
    ).toMatchObject({ outcome: 'success', status: 202 });
  });

  it('an automatic deployment due during a short freeze waits, queued with the reason, then starts by itself', async () => {
    const end = new Date(Date.now() + 4_000);
    await platform.api
      .post('/api/freezes', {
        name: 'Short',
        start: new Date(Date.now() - 1_000).toISOString(),
        end: end.toISOString(),
        projects: ['held'],
      })
      .expect(201);
    const release = await client.createRelease('held', '1.0.0', '1.0.0');
    const held = await eventually(
      async () => {
        const [deployment] = await client.ofRelease('held', 'dev', release.id);
        const view = deployment && (await client.get(deployment.id));
        return view && (view as { waitingReason?: string }).waitingReason ? view : undefined;
      },
      10_000,
      'the automatic deployment to be held',
    );
    expect(held).toMatchObject({
      status: 'queued',
      waitingReason: `Frozen by 'Short' until ${end.toISOString()}`,
    });
    const done = await client.finished(held.id, 40_000);
    expect(done.status).toBe('succeeded');
    expect(new Date(done.startedAt as unknown as string).getTime()).toBeGreaterThanOrEqual(
      end.getTime(),
    );
  });

  it('a blocked release cannot be deployed; promote with skipBlocked promotes the previous good one', async () => {
    const good = await succeededInDev('blocked', '1.0.0');
    const bad = await succeededInDev('blocked', '1.0.1');
    const blocked = await platform.api
      .post(`/api/releases/${bad.id}/block`, { reason: 'corrupts carts' })
      .expect(200);
    expect(blocked.body).toMatchObject({
      blocked: true,
      block: { reason: 'corrupts carts', by: 'bootstrap' },
    });

    const direct = await platform.api
      .post(`/api/releases/${bad.id}/deployments`, { environment: 'test' })
      .expect(409);
    expect(direct.body.detail).toContain('Release 1.0.1 is blocked: corrupts carts');
    const promote = await platform.api
      .post('/api/projects/blocked/promote', { from: 'dev', to: 'test' })
      .expect(409);
    expect(promote.body.type).toContain('release-blocked');

    const skipped = await platform.api
      .post('/api/projects/blocked/promote', { from: 'dev', to: 'test', skipBlocked: true })
      .expect(202);
    expect(skipped.body.items).toEqual([
      expect.objectContaining({ release: { id: good.id, version: '1.0.0' } }),
    ]);

    await platform.api.post(`/api/releases/${bad.id}/unblock`).expect(200);
    expect((await platform.api.get(`/api/releases/${bad.id}`).expect(200)).body.blocked).toBe(
      false,
    );
  });
});
