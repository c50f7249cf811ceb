import { ApiHarness, startApi } from '../support/api-harness';
import { sampleStep } from '../support/fixtures';

describe('lifecycles, projects and channels API', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi('projects');
    for (const name of ['Dev', 'Test', 'Prod'])
      await api.post('/api/environments', { name }).expect(201);
  });
  afterAll(() => api.close());

  describe('lifecycles', () => {
    it('creates a lifecycle with phases by slug and shows environments', async () => {
      const response = await api
        .post('/api/lifecycles', {
          name: 'Standard',
          phases: [
            { name: 'Development', environments: ['dev'], automatic: ['dev'] },
            { name: 'Testing', environments: ['test'] },
            { name: 'Production', environments: ['prod'] },
          ],
        })
        .expect(201);
      expect(response.body.slug).toBe('standard');
      expect(response.body.phases[0]).toMatchObject({
        name: 'Development',
        environments: [{ slug: 'dev' }],
        automatic: [{ slug: 'dev' }],
        minimumEnvironmentsBeforePromotion: 0,
        optional: false,
      });
    });

    it('refuses automatic environments outside the phase and an environment in two phases', async () => {
      const response = await api
        .post('/api/lifecycles', {
          name: 'Broken',
          phases: [
            { name: 'A', environments: ['dev'], automatic: ['test'] },
            { name: 'B', environments: ['dev'] },
          ],
        })
        .expect(400);
      expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
        'phases.0.automatic.0',
        'phases.1.environments.0',
      ]);
    });

    it('names unknown environments with their paths (404)', async () => {
      const response = await api
        .post('/api/lifecycles', {
          name: 'Ghost',
          phases: [{ name: 'A', environments: ['dev', 'nowhere'] }],
        })
        .expect(404);
      expect(response.body.errors).toEqual([
        { path: 'phases.0.environments.1', message: "environment 'nowhere' does not exist" },
      ]);
    });

    it('replaces phases on PATCH and refuses deleting a used environment', async () => {
      await api
        .patch('/api/lifecycles/standard', {
          phases: [
            {
              name: 'All',
              environments: ['dev', 'test', 'prod'],
              minimumEnvironmentsBeforePromotion: 1,
            },
          ],
        })
        .expect(200);
      const lifecycle = await api.get('/api/lifecycles/standard').expect(200);
      expect(lifecycle.body.phases).toHaveLength(1);
      await api.delete('/api/environments/dev').expect(409);
    });
  });

  describe('projects', () => {
    it('creates a project with a default channel and defaults applied to the step', async () => {
      const response = await api
        .post('/api/projects', {
          name: 'Shop Web',
          lifecycle: 'standard',
          targetTags: ['web'],
          step: sampleStep(),
        })
        .expect(201);
      expect(response.body).toMatchObject({
        slug: 'shop-web',
        tenancy: 'untenanted',
        lifecycle: { slug: 'standard' },
        targetTags: ['web'],
      });
      expect(response.body.step.containers[0]).toMatchObject({
        essential: true,
        logging: 'awslogs',
        portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
      });
      expect(response.body.step.service.circuitBreaker).toEqual({ enable: true, rollback: true });
      const channels = await api.get('/api/projects/shop-web/channels').expect(200);
      expect(channels.body.items).toEqual([
        expect.objectContaining({ slug: 'default', isDefault: true }),
      ]);
    });

    it.each([
      [
        'an image with a tag',
        { containers: [{ name: 'web', image: 'nginx:1.25' }] },
        'step.containers.0.image',
      ],
      [
        'a container name that is not DNS-safe',
        { containers: [{ name: 'Web_1', image: 'nginx' }] },
        'step.containers.0.name',
      ],
      [
        'a port out of range',
        { containers: [{ name: 'web', image: 'nginx', portMappings: [{ containerPort: 70000 }] }] },
        'step.containers.0.portMappings.0.containerPort',
      ],
      [
        'no essential container',
        { containers: [{ name: 'web', image: 'nginx', essential: false }] },
        'step.containers',
      ],
      [
        'duplicate container names',
        {
          containers: [
            { name: 'web', image: 'nginx' },
            { name: 'web', image: 'nginx' },
          ],
        },
        'step.containers.1.name',
      ],
      [
        'an unknown dependsOn',
        {
          containers: [
            {
              name: 'web',
              image: 'nginx',
              dependsOn: [{ containerName: 'db', condition: 'START' }],
            },
          ],
        },
        'step.containers.0.dependsOn.0.containerName',
      ],
      [
        'an unknown step field',
        { containers: [{ name: 'web', image: 'nginx', colour: 'red' }] },
        'step.containers.0.colour',
      ],
      // What ECS and EC2 would refuse at deploy time (the sandbox does too), heard at save time.
      [
        'a malformed subnet id',
        { service: { network: { subnets: ['subnet-0a1b2c3d', 'not-a-subnet'] } } },
        'step.service.network.subnets.1',
      ],
      [
        'a malformed security group id',
        { service: { network: { subnets: ['subnet-0a1b2c3d'], securityGroups: ['sg-1'] } } },
        'step.service.network.securityGroups.0',
      ],
      [
        'a target group that is not a target group ARN',
        {
          containers: [{ name: 'web', image: 'nginx', portMappings: [{ containerPort: 80 }] }],
          service: {
            network: { subnets: ['subnet-0a1b2c3d'] },
            loadBalancers: [{ targetGroupArn: 'web-tg', containerName: 'web', containerPort: 80 }],
          },
        },
        'step.service.loadBalancers.0.targetGroupArn',
      ],
      [
        'an execution role that is not a role ARN',
        { task: { cpu: '256', memory: '512', executionRoleArn: 'ecsTaskExecutionRole' } },
        'step.task.executionRoleArn',
      ],
    ])('refuses %s naming the field', async (_label, override, path) => {
      const response = await api
        .post('/api/projects', {
          name: `P ${Math.random()}`,
          targetTags: ['web'],
          step: sampleStep(override),
        })
        .expect(400);
      expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    });

    it('refuses a literal Fargate size AWS does not accept with 422 naming the field', async () => {
      const response = await api
        .post('/api/projects', {
          name: 'Big',
          targetTags: ['web'],
          step: sampleStep({ task: { cpu: '256', memory: '4096' } }),
        })
        .expect(422);
      expect(response.body.errors).toEqual([expect.objectContaining({ path: 'step.task.memory' })]);
    });

    it('accepts sizes given as variables (checked at render time)', async () => {
      await api
        .post('/api/projects', {
          name: 'Sized',
          targetTags: ['web'],
          step: sampleStep({ task: { cpu: '#{Cpu}', memory: '#{Memory}' } }),
        })
        .expect(201);
    });

    it('refuses an unknown lifecycle with 404 and a duplicate slug with 409', async () => {
      await api
        .post('/api/projects', {
          name: 'Other',
          lifecycle: 'nope',
          targetTags: ['web'],
          step: sampleStep(),
        })
        .expect(404);
      await api
        .post('/api/projects', {
          name: 'Shop Web 2',
          slug: 'shop-web',
          targetTags: ['web'],
          step: sampleStep(),
        })
        .expect(409);
    });

    it('patches and deletes', async () => {
      const patched = await api
        .patch('/api/projects/sized', { tenancy: 'tenanted', lifecycle: null })
        .expect(200);
      expect(patched.body).toMatchObject({ tenancy: 'tenanted', lifecycle: null });
      await api.delete('/api/projects/sized').expect(204);
      await api.get('/api/projects/sized').expect(404);
    });
  });

  describe('channels', () => {
    it('stores valid rules and moves the default flag', async () => {
      const created = await api
        .post('/api/projects/shop-web/channels', {
          name: 'Hotfix',
          isDefault: true,
          rules: [{ containers: ['web'], versionRange: '>=1.2.0 <2.0.0', tagPattern: '-hotfix$' }],
        })
        .expect(201);
      expect(created.body).toMatchObject({
        slug: 'hotfix',
        isDefault: true,
        rules: [{ containers: ['web'], versionRange: '>=1.2.0 <2.0.0' }],
      });
      const old = await api.get('/api/projects/shop-web/channels/default').expect(200);
      expect(old.body.isDefault).toBe(false);
    });

    it.each([
      [
        'a bad semver range',
        { containers: ['web'], versionRange: '>=banana' },
        'rules.0.versionRange',
      ],
      ['a bad regex', { containers: ['web'], tagPattern: '([' }, 'rules.0.tagPattern'],
      ['an unknown container', { containers: ['db'], tagPattern: '^1' }, 'rules.0.containers.0'],
    ])('refuses %s with 400', async (_label, rule, path) => {
      const response = await api
        .post('/api/projects/shop-web/channels', { name: `C ${Math.random()}`, rules: [rule] })
        .expect(400);
      expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    });

    it('keeps exactly one default channel', async () => {
      await api.patch('/api/projects/shop-web/channels/hotfix', { isDefault: false }).expect(409);
      await api.delete('/api/projects/shop-web/channels/hotfix').expect(409);
      await api.delete('/api/projects/shop-web/channels/default').expect(204);
    });
  });
});
