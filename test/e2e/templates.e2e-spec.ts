import { parse } from 'yaml';
import { ApiHarness, startApi } from '../support/api-harness';
import { deployStep, seedPlatform } from '../support/seed';

describe('template exports', () => {
  let api: ApiHarness;
  let releaseId: string;
  beforeAll(async () => {
    api = await startApi('templates');
    await seedPlatform(api);
    const release = await api
      .post('/api/projects/shop/releases', {
        version: '1.4.2',
        images: { web: '1.4.2', worker: '1.4.0' },
      })
      .expect(201);
    releaseId = release.body.id;
  });
  afterAll(() => api.close());

  it('exports the exact deployment template with scoped values and secrets as NoEcho parameters', async () => {
    const response = await api
      .get(`/api/releases/${releaseId}/template?environment=prod`)
      .expect(200)
      .expect('Content-Type', /application\/json/);
    expect(response.text).not.toContain('hunter2-secret');
    const template = JSON.parse(response.text);
    expect(template.AWSTemplateFormatVersion).toBe('2010-09-09');
    expect(template.Parameters.ImageTagWeb).toMatchObject({ Type: 'String', Default: '1.4.2' });
    const noEcho = Object.values(template.Parameters).filter(
      (parameter) => (parameter as { NoEcho?: boolean }).NoEcho,
    );
    expect(noEcho).toHaveLength(1);
    expect(template.Resources.Service.Properties).toMatchObject({
      DesiredCount: 2,
      LaunchType: 'FARGATE',
      Cluster: 'shop-cluster',
      ServiceName: 'gantry-shop-prod',
    });
    expect(template.Resources.TaskDefinition).toMatchObject({
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    expect(response.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);

    const dev = JSON.parse(
      (await api.get(`/api/releases/${releaseId}/template?environment=dev`).expect(200)).text,
    );
    expect(dev.Resources.Service.Properties.DesiredCount).toBe(1);
  });

  it('serves YAML that parses back to the same template', async () => {
    const json = JSON.parse(
      (await api.get(`/api/releases/${releaseId}/template?environment=test`).expect(200)).text,
    );
    const yaml = await api
      .get(`/api/releases/${releaseId}/template?environment=test&format=yaml`)
      .expect(200)
      .expect('Content-Type', /yaml/);
    expect(parse(yaml.text)).toEqual(json);
    expect(yaml.text).not.toMatch(/!Ref|!Sub/);
  });

  it('converts the project step into a standalone, parameterised template', async () => {
    const response = await api.get('/api/projects/shop/cloudformation?format=yaml').expect(200);
    expect(response.text).not.toContain('#{');
    expect(response.text).not.toContain('hunter2-secret');
    const template = parse(response.text);
    expect(Object.keys(template.Parameters)).toEqual(
      expect.arrayContaining(['ImageTagWeb', 'ImageTagWorker', 'ClusterName']),
    );
    const withRelease = JSON.parse(
      (await api.get(`/api/projects/shop/cloudformation?release=${releaseId}`).expect(200)).text,
    );
    expect(withRelease.Parameters.ImageTagWeb.Default).toBe('1.4.2');
  });

  it.each([
    ['an unknown environment', `environment=mars`, 404],
    ['no environment', ``, 400],
    ['a bad format', `environment=dev&format=xml`, 400],
    ['an unknown query field', `environment=dev&colour=red`, 400],
    ['a target that does not match', `environment=dev&target=nope`, 422],
  ])('refuses %s', async (_label, query, status) => {
    const response = await api.get(`/api/releases/${releaseId}/template?${query}`).expect(status);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
  });

  it('answers 404 for an unknown release or project', async () => {
    await api
      .get('/api/releases/00000000-0000-0000-0000-000000000000/template?environment=dev')
      .expect(404);
    await api.get('/api/releases/not-a-uuid/template?environment=dev').expect(404);
    await api.get('/api/projects/nope/cloudformation').expect(404);
  });

  describe('a release whose variables make the template too large', () => {
    const withLogLevel = async (version: string, logLevel: string, extra: object[] = []) => {
      await api
        .put('/api/projects/shop/variables', {
          items: [
            { name: 'LogLevel', value: logLevel },
            { name: 'DesiredCount', value: '1' },
            { name: 'Db.Password', value: 'hunter2-secret', sensitive: true },
            ...extra,
          ],
        })
        .expect(200);
      return (
        await api
          .post('/api/projects/shop/releases', {
            version,
            images: { web: version, worker: '1.4.0' },
          })
          .expect(201)
      ).body.id as string;
    };

    it('answers 422 naming the variable whose nested expansion is too large', async () => {
      const id = await withLogLevel('5.0.0', '#{Chunk}-#{Chunk}', [
        { name: 'Chunk', value: 'x'.repeat(30_000) },
      ]);
      const response = await api.get(`/api/releases/${id}/template?environment=test`).expect(422);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({
        type: expect.stringMatching(/variable-too-large$/),
        errors: [expect.objectContaining({ path: 'variables.LogLevel' })],
      });
    });

    it('answers 422 naming the variable that fills a template past the 51,200-byte TemplateBody', async () => {
      // Release creation refuses such a release; a snapshot refreshed afterwards still meets the render check.
      const id = await withLogLevel('5.0.1', 'info');
      await api
        .put('/api/projects/shop/variables', {
          items: [
            { name: 'LogLevel', value: 'y'.repeat(50_000) },
            { name: 'DesiredCount', value: '1' },
            { name: 'Db.Password', value: 'hunter2-secret', sensitive: true },
          ],
        })
        .expect(200);
      await api.post(`/api/releases/${id}/snapshot`, {}).expect(200);
      const response = await api.get(`/api/releases/${id}/template?environment=test`).expect(422);
      expect(response.body).toMatchObject({
        type: expect.stringMatching(/template-too-large$/),
        status: 422,
        errors: [
          {
            path: 'variables.LogLevel',
            message: expect.stringMatching(
              /^puts 50,000 bytes into a template of [\d,]+ bytes \(at most 51,200 bytes\)$/,
            ),
          },
        ],
      });
      expect(response.body.detail).toMatch(
        /^The template for stack gantry-shop-test \(environment 'test'\) is [\d,]+ bytes; CloudFormation takes at most 51,200 bytes in a TemplateBody\. The largest variable values: #\{LogLevel\} 50,000 bytes\.$/,
      );
    });
  });

  describe('at release creation', () => {
    // A value may expand to at most 51,200 bytes: two 30 KB values in two fields make ~60 KB.
    const bigStep = () => {
      const step = deployStep();
      const [web, worker] = step.containers as Array<Record<string, unknown>>;
      const environment = { ...(web.environment as object), EXTRA: '#{Extra}' };
      return { ...step, containers: [{ ...web, environment }, worker] };
    };
    beforeAll(async () => {
      await seedPlatform(api, { project: 'big', step: bigStep() });
      await seedPlatform(api, { project: 'multi', tenancy: 'mixed', step: bigStep() });
      for (const name of ['Initech', 'Umbrella'])
        await api
          .post('/api/tenants', { name, projects: [{ project: 'multi', environments: ['dev'] }] })
          .expect(201);
    });
    const setVariables = (project: string, items: object[]) =>
      api
        .put(`/api/projects/${project}/variables`, {
          items: [
            { name: 'DesiredCount', value: '1' },
            { name: 'Db.Password', value: 'hunter2-secret', sensitive: true },
            ...items,
          ],
        })
        .expect(200);
    const release = (project: string, version: string) =>
      api.post(`/api/projects/${project}/releases`, {
        version,
        images: { web: version, worker: '1.4.0' },
      });

    it('refuses a release whose dev template would be about 60 KB, naming the step, environment and variables', async () => {
      await setVariables('big', [
        { name: 'LogLevel', value: 'info' },
        { name: 'LogLevel', value: 'z'.repeat(30_000), scope: { environments: ['dev'] } },
        { name: 'Extra', value: 'e'.repeat(29_000) },
      ]);
      const response = await release('big', '6.0.0').expect(422);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({
        type: expect.stringMatching(/template-too-large$/),
        status: 422,
        errors: [
          {
            path: 'variables.LogLevel',
            message: expect.stringMatching(
              /^puts 30,000 bytes into a template of at least [\d,]+ bytes/,
            ),
          },
          { path: 'variables.Extra', message: expect.stringMatching(/^puts 29,000 bytes/) },
        ],
      });
      expect(response.body.detail).toMatch(
        /^Step 'service': the template for stack gantry-big-dev \(environment 'dev'\) is at least [\d,]+ bytes; CloudFormation takes at most 51,200 bytes in a TemplateBody\. The largest variable values: #\{LogLevel\} 30,000 bytes, #\{Extra\} 29,000 bytes\.$/,
      );
      const releases = await api.get('/api/projects/big/releases').expect(200);
      expect(releases.body.items.map((r: { version: string }) => r.version)).not.toContain('6.0.0');
    });

    it('accepts a release whose largest template is just under 51,200 bytes', async () => {
      await setVariables('big', [
        { name: 'LogLevel', value: 'info' },
        { name: 'Extra', value: 'e' },
      ]);
      const small = (await release('big', '6.1.0').expect(201)).body.id as string;
      const bytes = async (id: string, environment: string) =>
        Buffer.byteLength(
          (await api.get(`/api/releases/${id}/template?environment=${environment}`).expect(200))
            .text,
        );
      const base = Math.max(await bytes(small, 'dev'), await bytes(small, 'prod'));
      const fill = 51_200 - base + 'info'.length - 64;
      await setVariables('big', [
        { name: 'LogLevel', value: 'a'.repeat(fill) },
        { name: 'Extra', value: 'e' },
      ]);
      const id = (await release('big', '6.1.1').expect(201)).body.id as string;
      const near = await bytes(id, 'prod');
      expect(near).toBeGreaterThan(51_000);
      expect(near).toBeLessThanOrEqual(51_200);
    });

    it('is not refused for large values scoped to a tenant the project never deploys to', async () => {
      await api.post('/api/tenants', { name: 'Globex', projects: [] }).expect(201);
      await setVariables('big', [
        { name: 'LogLevel', value: 'info' },
        { name: 'LogLevel', value: 'g'.repeat(30_000), scope: { tenants: ['globex'] } },
        { name: 'Extra', value: 'h'.repeat(30_000), scope: { tenants: ['globex'] } },
      ]);
      await release('big', '6.2.0').expect(201);
    });

    it('renders tenant by tenant when the bound is over: two tenants each under the limit pass, one over is named', async () => {
      // The bound takes Initech's LogLevel and Umbrella's Extra together (~60 KB); neither tenant has both.
      await setVariables('multi', [
        { name: 'LogLevel', value: 'info' },
        { name: 'Extra', value: 'e' },
        { name: 'LogLevel', value: 'i'.repeat(30_000), scope: { tenants: ['initech'] } },
        { name: 'Extra', value: 'u'.repeat(30_000), scope: { tenants: ['umbrella'] } },
      ]);
      await release('multi', '7.0.0').expect(201);

      await setVariables('multi', [
        { name: 'LogLevel', value: 'info' },
        { name: 'Extra', value: 'e' },
        { name: 'LogLevel', value: 'i'.repeat(30_000), scope: { tenants: ['initech'] } },
        { name: 'Extra', value: 'u'.repeat(30_000), scope: { tenants: ['initech'] } },
      ]);
      const response = await release('multi', '7.0.1').expect(422);
      expect(response.body.type).toMatch(/template-too-large$/);
      expect(response.body.detail).toMatch(
        /^Step 'service': the template for stack gantry-multi-dev-initech \(environment 'dev', tenant 'initech'\) is at least [\d,]+ bytes/,
      );
    });
  });
});
