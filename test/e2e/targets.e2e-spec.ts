import type { Response } from 'supertest';
import { SecretBox, TargetsRepository } from '@gantry/persistence';
import { ApiHarness, startApi } from '../support/api-harness';
import { sampleStep } from '../support/fixtures';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const NEW_SECRET = 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY';
const ROLE_ARN = 'arn:aws:iam::123456789012:role/gantry-deploy';

const paths = (body: { errors?: Array<{ path: string }> }) =>
  (body.errors ?? []).map((error) => error.path).sort();

const keysTarget = (overrides: Record<string, unknown> = {}) => ({
  name: 'Prod EU',
  environments: ['prod'],
  tags: ['web', 'web'],
  region: 'eu-west-1',
  cluster: 'prod-cluster',
  credentials: { type: 'keys', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET },
  ...overrides,
});

describe('ECS cluster targets API', () => {
  let api: ApiHarness;
  const seen: string[] = [];
  /** Every response body is kept, to prove the secret never comes back. */
  const keep = (response: Response) => {
    seen.push(response.text);
    return response;
  };
  const storedSecret = async (slug: string): Promise<string | null> =>
    (
      await api.db.dataSource.query(
        'SELECT secret_access_key_encrypted AS s FROM targets WHERE slug = $1',
        [slug],
      )
    )[0].s;

  beforeAll(async () => {
    api = await startApi('targets');
    for (const name of ['Dev', 'Prod', 'Staging'])
      await api.post('/api/environments', { name }).expect(201);
    await api.post('/api/tenants', { name: 'Acme', tags: ['tier/gold'] }).expect(201);
    await api.post('/api/tenants', { name: 'Globex' }).expect(201);
  });
  afterAll(() => api.close());

  it('creates a keys target; the secret is stored encrypted and never returned', async () => {
    const created = keep(
      await api.post('/api/targets', keysTarget({ environments: ['prod', 'dev'] })).expect(201),
    );
    expect(created.body).toMatchObject({
      name: 'Prod EU',
      slug: 'prod-eu',
      environments: [{ slug: 'dev' }, { slug: 'prod' }],
      tags: ['web'],
      tenants: [],
      tenantedMode: 'untenanted',
      region: 'eu-west-1',
      cluster: 'prod-cluster',
      credentials: { type: 'keys', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', hasSecret: true },
      endpoint: null,
    });
    expect(Object.keys(created.body.credentials).sort()).toEqual([
      'accessKeyId',
      'hasSecret',
      'type',
    ]);
    const stored = await storedSecret('prod-eu');
    expect(stored).toMatch(/^v1:/);
    expect(stored).not.toContain(SECRET);
    expect(api.app.get(SecretBox).decrypt(stored as string)).toBe(SECRET);
  });

  it('finds by id and slug, lists with paging', async () => {
    const byId = keep(
      await api.get(`/api/targets/${(await api.get('/api/targets/prod-eu')).body.id}`).expect(200),
    );
    expect(byId.body.slug).toBe('prod-eu');
    keep(
      await api
        .post('/api/targets', {
          name: 'Dev',
          environments: ['dev'],
          tags: ['web'],
          region: 'us-east-2',
          cluster: 'arn:aws:ecs:us-east-2:123456789012:cluster/dev',
          credentials: { type: 'default' },
        })
        .expect(201),
    );
    const list = keep(await api.get('/api/targets').expect(200));
    expect(list.body.total).toBe(2);
    expect(list.body.items.map((target: { slug: string }) => target.slug)).toEqual([
      'dev',
      'prod-eu',
    ]);
    const page = keep(await api.get('/api/targets?limit=1&offset=1').expect(200));
    expect(page.body).toMatchObject({
      total: 2,
      items: [{ slug: 'prod-eu', credentials: { hasSecret: true } }],
    });
    await api.get('/api/targets?limit=0').expect(400);
    const inProd = keep(await api.get('/api/targets?environment=prod&tag=web&tag=api').expect(200));
    expect(inProd.body).toMatchObject({ total: 1, items: [{ slug: 'prod-eu' }] });
    expect((await api.get('/api/targets?tag=db').expect(200)).body).toEqual({
      items: [],
      total: 0,
    });
    await api.get('/api/targets?environment=nope').expect(404);
    await api.get('/api/targets?tag=%00').expect(400);
  });

  it('gives the worker decrypted credentials and the matcher its ids', async () => {
    const targets = api.app.get(TargetsRepository);
    const access = await targets.awsAccess('prod-eu');
    expect(access).toMatchObject({
      region: 'eu-west-1',
      cluster: 'prod-cluster',
      endpoint: null,
      credentials: { type: 'keys', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET },
    });
    const dev = (await api.get('/api/environments/dev')).body;
    const inDev = await targets.inEnvironment(dev.id);
    expect(
      inDev.map((target) => [
        target.slug,
        target.environmentIds.includes(dev.id),
        target.tags,
        target.tenantedMode,
      ]),
    ).toEqual([
      ['dev', true, ['web'], 'untenanted'],
      ['prod-eu', true, ['web'], 'untenanted'],
    ]);
  });

  it('keeps the stored secret when keys come back without one, replaces or clears it otherwise', async () => {
    const before = await storedSecret('prod-eu');
    const kept = keep(
      await api
        .patch('/api/targets/prod-eu', {
          credentials: { type: 'keys', accessKeyId: 'AKIAIOSFODNN7EXAMPLE' },
          region: 'eu-central-1',
        })
        .expect(200),
    );
    expect(kept.body).toMatchObject({
      region: 'eu-central-1',
      credentials: { type: 'keys', hasSecret: true },
    });
    expect(await storedSecret('prod-eu')).toBe(before);
    const newKey = await api
      .patch('/api/targets/prod-eu', {
        credentials: { type: 'keys', accessKeyId: 'AKIANEWKEY0000000000' },
      })
      .expect(400);
    expect(paths(newKey.body)).toEqual(['credentials.secretAccessKey']);
    keep(
      await api
        .patch('/api/targets/prod-eu', {
          credentials: {
            type: 'keys',
            accessKeyId: 'AKIANEWKEY0000000000',
            secretAccessKey: NEW_SECRET,
          },
        })
        .expect(200),
    );
    expect(api.app.get(SecretBox).decrypt((await storedSecret('prod-eu')) as string)).toBe(
      NEW_SECRET,
    );
    const role = keep(
      await api
        .patch('/api/targets/prod-eu', {
          credentials: { type: 'assume-role', roleArn: ROLE_ARN, externalId: 'gantry-ext' },
        })
        .expect(200),
    );
    expect(role.body.credentials).toEqual({
      type: 'assume-role',
      roleArn: ROLE_ARN,
      externalId: 'gantry-ext',
      hasSecret: false,
    });
    expect(await storedSecret('prod-eu')).toBeNull();
    const back = await api
      .patch('/api/targets/prod-eu', {
        credentials: { type: 'keys', accessKeyId: 'AKIANEWKEY0000000000' },
      })
      .expect(400);
    expect(paths(back.body)).toEqual(['credentials.secretAccessKey']);
  });

  it('creates a sandbox target with the default region and the embedded endpoint', async () => {
    const sandbox = keep(
      await api
        .post('/api/targets', {
          name: 'Local',
          environments: ['dev'],
          tags: ['web'],
          cluster: 'local',
          credentials: { type: 'sandbox' },
        })
        .expect(201),
    );
    expect(sandbox.body).toMatchObject({
      region: 'us-east-1',
      endpoint: null,
      credentials: { type: 'sandbox', hasSecret: false },
    });
    const custom = keep(
      await api.patch('/api/targets/local', { endpoint: 'http://127.0.0.1:4566' }).expect(200),
    );
    expect(custom.body.endpoint).toBe('http://127.0.0.1:4566');
    expect(
      (await api.patch('/api/targets/local', { endpoint: null }).expect(200)).body.endpoint,
    ).toBeNull();
  });

  it('limits tenanted targets to tenants, by the rules of its tenanted mode', async () => {
    const tenanted = keep(
      await api
        .post('/api/targets', {
          name: 'Gold',
          environments: ['prod'],
          tags: ['web'],
          tenants: ['acme'],
          tenantedMode: 'tenanted',
          region: 'eu-west-1',
          cluster: 'gold',
          credentials: { type: 'default' },
        })
        .expect(201),
    );
    expect(tenanted.body).toMatchObject({ tenantedMode: 'tenanted', tenants: [{ slug: 'acme' }] });
    const untenanted = await api
      .patch('/api/targets/gold', { tenantedMode: 'untenanted' })
      .expect(400);
    expect(paths(untenanted.body)).toEqual(['tenants']);
    const changed = keep(
      await api
        .patch('/api/targets/gold', { tenantedMode: 'mixed', tenants: ['globex', 'acme'] })
        .expect(200),
    );
    expect(changed.body).toMatchObject({
      tenantedMode: 'mixed',
      tenants: [{ slug: 'acme' }, { slug: 'globex' }],
    });
    const refused = await api
      .post('/api/targets', { ...keysTarget({ name: 'Bad', tenants: ['acme'] }) })
      .expect(400);
    expect(paths(refused.body)).toEqual(['tenants']);
  });

  it('refuses duplicates with 409', async () => {
    expect(
      (await api.post('/api/targets', keysTarget({ name: 'Another', slug: 'prod-eu' })).expect(409))
        .body.errors,
    ).toEqual([{ path: 'slug', message: 'already exists' }]);
    expect(
      (
        await api
          .post('/api/targets', keysTarget({ slug: 'prod-eu-2', region: 'eu-central-1' }))
          .expect(409)
      ).body.errors,
    ).toEqual([{ path: 'name', message: 'already exists' }]);
    await api.patch('/api/targets/dev', { slug: 'prod-eu' }).expect(409);
  });

  it('refuses a second target that would deploy the same stacks, naming the other one', async () => {
    const web = (name: string, overrides: Record<string, unknown> = {}) => ({
      name,
      environments: ['preview'],
      tags: ['shop'],
      cluster: name.toLowerCase().replace(/ /g, '-'),
      credentials: { type: 'sandbox' },
      ...overrides,
    });
    await api.post('/api/environments', { name: 'Preview' }).expect(201);
    await api.post('/api/targets', web('Shop A')).expect(201);
    // Another cluster in the same account and region: one stack name, deployed twice.
    const refused = await api.post('/api/targets', web('Shop B')).expect(409);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({
      type: expect.stringMatching(/stack-collision$/),
      status: 409,
      errors: [{ path: 'target', message: "collides with target 'Shop A'" }],
    });
    expect(refused.body.detail).toContain("target 'Shop A' deploys the same stacks");
    expect(refused.body.detail).toContain(
      "environment 'preview', tag 'shop', untenanted deployments",
    );
    // An explicit endpoint that is the sandbox's is the same account.
    const sandboxUrl = api.config.SANDBOX_URL ?? `http://127.0.0.1:${api.config.SANDBOX_PORT}`;
    const keys = { type: 'keys', accessKeyId: 'AKIAX', secretAccessKey: SECRET };
    const viaEndpoint = await api
      .post(
        '/api/targets',
        web('Shop B', { credentials: keys, endpoint: `${sandboxUrl}/`, region: 'us-east-1' }),
      )
      .expect(409);
    expect(viaEndpoint.body.errors).toEqual([
      { path: 'target', message: "collides with target 'Shop A'" },
    ]);
    // Another region, another environment, or tenants of their own are other stacks.
    await api.post('/api/targets', web('Shop B', { region: 'eu-west-1' })).expect(201);
    await api.post('/api/targets', web('Shop C', { environments: ['dev'] })).expect(201);
    await api
      .post('/api/targets', web('Shop D', { tenantedMode: 'tenanted', tenants: ['acme'] }))
      .expect(201);
    await api
      .post('/api/targets', web('Shop E', { tenantedMode: 'tenanted', tenants: ['globex'] }))
      .expect(201);
    // Moving one onto another's place is refused the same way, and nothing changes.
    const moved = await api.patch('/api/targets/shop-b', { region: 'us-east-1' }).expect(409);
    expect(moved.body.errors).toEqual([
      { path: 'target', message: "collides with target 'Shop A'" },
    ]);
    expect((await api.get('/api/targets/shop-b').expect(200)).body.region).toBe('eu-west-1');
    const tenant = await api
      .patch('/api/targets/shop-e', { tenants: ['acme', 'globex'] })
      .expect(409);
    expect(tenant.body.detail).toContain("tenant 'acme'");
  });

  it('refuses project target tags that select two targets deploying the same stack', async () => {
    // Targets with tags of their own do not collide until a project carries both tags.
    await api
      .post('/api/targets', {
        name: 'Batch A',
        environments: ['preview'],
        tags: ['batch'],
        cluster: 'batch-a',
        credentials: { type: 'sandbox' },
      })
      .expect(201);
    const step = sampleStep();
    const refused = await api
      .post('/api/projects', { name: 'Both', targetTags: ['shop', 'batch'], step })
      .expect(409);
    expect(refused.body).toMatchObject({
      type: expect.stringMatching(/stack-collision$/),
      errors: [{ path: 'targetTags', message: "selects both 'Batch A' and 'Shop A'" }],
    });
    expect(refused.body.detail).toContain("environment 'preview', tags 'shop', 'batch'");
    await api.post('/api/projects', { name: 'Both', targetTags: ['shop'], step }).expect(201);
    await api.patch('/api/projects/both', { targetTags: ['batch', 'shop'] }).expect(409);
    await api.patch('/api/projects/both', { targetTags: ['batch'] }).expect(200);
    await api.delete('/api/projects/both').expect(204);
  });

  it('lists every unknown reference with its path', async () => {
    const response = await api
      .post(
        '/api/targets',
        keysTarget({
          name: 'Nowhere',
          environments: ['dev', 'qa', '00000000-0000-0000-0000-000000000000'],
          tenants: ['nobody'],
          tenantedMode: 'mixed',
        }),
      )
      .expect(404);
    expect(paths(response.body)).toEqual(['environments.1', 'environments.2', 'tenants.0']);
    await api.patch('/api/targets/dev', { environments: ['nope'] }).expect(404);
    await api.get('/api/targets/nowhere').expect(404);
  });

  it.each([
    [
      'wrong types',
      { name: 1, environments: 'prod', tags: [1], region: 5, cluster: true, credentials: 'keys' },
      ['cluster', 'credentials', 'environments', 'name', 'region', 'tags.0'],
    ],
    [
      'unknown fields',
      keysTarget({ colour: 'red', credentials: { type: 'default', password: 'x' } }),
      ['colour', 'credentials.password'],
    ],
    ['a too-long name', keysTarget({ name: 'x'.repeat(101) }), ['name']],
    ['a hostile slug', keysTarget({ slug: "'; drop table targets; --" }), ['slug']],
    ['a path slug', keysTarget({ slug: '../..' }), ['slug']],
    [
      'a NUL character',
      keysTarget({ name: 'a\u0000', environments: ['p\u0000'] }),
      ['environments.0', 'name'],
    ],
    [
      'a bad region and cluster',
      keysTarget({ region: 'Europe', cluster: 'my cluster!' }),
      ['cluster', 'region'],
    ],
    [
      'a cluster ARN of another service',
      keysTarget({ cluster: 'arn:aws:s3:::bucket' }),
      ['cluster'],
    ],
    [
      'keys without their fields',
      keysTarget({ credentials: { type: 'keys' } }),
      ['credentials.accessKeyId', 'credentials.secretAccessKey'],
    ],
    [
      'a role without an ARN',
      keysTarget({ credentials: { type: 'assume-role', externalId: 'x1' } }),
      ['credentials.roleArn'],
    ],
    [
      'a malformed role ARN',
      keysTarget({ credentials: { type: 'assume-role', roleArn: 'arn:aws:iam::12345:user/me' } }),
      ['credentials.roleArn'],
    ],
    [
      'fields of another type',
      keysTarget({ credentials: { type: 'default', accessKeyId: 'AKIA', roleArn: ROLE_ARN } }),
      ['credentials.accessKeyId', 'credentials.roleArn'],
    ],
    [
      'an unknown credentials type',
      keysTarget({ credentials: { type: 'magic' } }),
      ['credentials.type'],
    ],
    ['a non-http endpoint', keysTarget({ endpoint: 'ftp://example.com' }), ['endpoint']],
    ['no environments', keysTarget({ environments: [] }), ['environments']],
    ['an unknown tenanted mode', keysTarget({ tenantedMode: 'sometimes' }), ['tenantedMode']],
    ['no region outside the sandbox', keysTarget({ region: undefined }), ['region']],
    [
      'a cluster ARN in another region',
      keysTarget({ cluster: 'arn:aws:ecs:us-west-2:123456789012:cluster/prod' }),
      ['cluster'],
    ],
    ['missing required fields', {}, ['cluster', 'credentials', 'environments', 'name', 'tags']],
  ])('refuses %s with 400 naming every field', async (_label, body, expected) => {
    const response = keep(await api.post('/api/targets', body).expect(400));
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(paths(response.body)).toEqual(expected);
  });

  it('answers 404 for unknown or hostile refs in the path', async () => {
    await api.get(`/api/targets/${encodeURIComponent("'; drop table targets; --")}`).expect(404);
    await api.get('/api/targets/..%2F..').expect(404);
    await api.get('/api/targets/a%00b').expect(404);
    await api.delete('/api/targets/nope').expect(404);
  });

  it('protects environments and tenants a target uses', async () => {
    expect((await api.delete('/api/environments/dev').expect(409)).body).toMatchObject({
      status: 409,
      title: 'In use',
    });
    await api.delete('/api/tenants/acme').expect(409);
    await api.delete('/api/environments/staging').expect(204);
  });

  it('refuses to delete a target a deployment used, and deletes others', async () => {
    const project = (
      await api
        .post('/api/projects', { name: 'Shop', targetTags: ['web'], step: sampleStep() })
        .expect(201)
    ).body;
    const db = api.db.dataSource;
    const [channel] = await db.query('SELECT id FROM channels WHERE project_id = $1', [project.id]);
    const [release] = await db.query(
      `INSERT INTO releases (project_id, channel_id, version, images, steps) VALUES ($1, $2, '1.0.0', '{}', '[]') RETURNING id`,
      [project.id, channel.id],
    );
    const [deployment] = await db.query(
      `INSERT INTO deployments (release_id, project_id, environment_id, stack_key) SELECT $1, $2, id, 'shop/dev' FROM environments WHERE slug = 'dev' RETURNING id`,
      [release.id, project.id],
    );
    await db.query(
      `INSERT INTO deployment_targets (deployment_id, step_slug, target_id, stack_name) SELECT $1, 'service', id, 'gantry-shop-dev' FROM targets WHERE slug = 'dev'`,
      [deployment.id],
    );
    expect((await api.delete('/api/targets/dev').expect(409)).body).toMatchObject({
      status: 409,
      title: 'In use',
    });
    await api.delete('/api/targets/local').expect(204);
    await api.get('/api/targets/local').expect(404);
  });

  it('documents the routes and bodies in the OpenAPI document', async () => {
    const document = (await api.get('/api/openapi.json').expect(200)).body;
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/targets',
        '/api/targets/{ref}',
        '/api/tenants',
        '/api/tenants/{ref}',
      ]),
    );
    const body = document.paths['/api/targets'].post.requestBody.content['application/json'].schema;
    expect(body.properties.credentials.properties.type.enum).toEqual([
      'default',
      'keys',
      'assume-role',
      'sandbox',
    ]);
    expect(body.required).toEqual(
      expect.arrayContaining(['name', 'environments', 'tags', 'cluster', 'credentials']),
    );
  });

  it('never returned a secret in any response, nor recorded one in the audit log', async () => {
    const audit = await api.get('/api/audit?limit=500').expect(200);
    expect(audit.text).toContain('********');
    expect(seen.length).toBeGreaterThan(20);
    for (const text of [...seen, audit.text]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(NEW_SECRET);
    }
  });
});
