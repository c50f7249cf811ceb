import { parse } from 'yaml';
import { ApiHarness, startApi } from '../support/api-harness';
import { seedPlatform } from '../support/seed';

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
      const id = await withLogLevel('5.0.1', 'y'.repeat(50_000));
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
});
