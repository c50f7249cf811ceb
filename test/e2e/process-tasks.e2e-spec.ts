import {
  CreateServiceCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import { eventually, PlatformHarness, startPlatform } from '../support/platform-harness';
import { seedLifecycle } from '../support/seed';

const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';
const EXECUTION_ROLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';
const network = { subnets: ['subnet-0a1b2c3d'], securityGroups: ['sg-0a1b2c3d'] };

const service = (name: string) => ({
  containers: [{ name, image: `${ECR}/shop-${name}`, environment: { LOG_LEVEL: 'info' } }],
  task: { cpu: '256', memory: '512', executionRoleArn: EXECUTION_ROLE },
  service: { desiredCount: 1, network },
});

/**
 * The ecs-run-task and ecs-update-service kinds end to end: API → queue → worker → sandbox, a
 * migration before two services, a crashing migration, and a service Gantry did not create.
 */
describe('one-off tasks and services Gantry did not create, deployed', () => {
  let platform: PlatformHarness;
  let ecs: ECSClient;
  const api = () => platform.api;
  const cluster = 'tasks-cluster';

  beforeAll(async () => {
    platform = await startPlatform('processtasks', { env: { DEPLOYMENT_TIMEOUT_SECONDS: '20' } });
    ecs = new ECSClient({
      endpoint: platform.sandbox.url,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    await seedLifecycle(api(), 'Tasks');
    const target = await api().post('/api/targets', {
      name: 'tasks sandbox',
      environments: ['dev', 'test', 'prod'],
      tags: ['tasks'],
      region: 'eu-west-1',
      cluster,
      credentials: { type: 'sandbox' },
    });
    expect(target.status).toBe(201);
    const project = await api().post('/api/projects', {
      name: 'Shop',
      lifecycle: 'tasks',
      targetTags: ['tasks'],
      steps: [
        {
          name: 'Migrate',
          kind: 'ecs-run-task',
          containers: [
            {
              name: 'migrate',
              image: `${ECR}/shop-migrate`,
              command: ['npm', 'run', 'migrate'],
              environment: { DATABASE_URL: '#{Db.Url}' },
            },
          ],
          task: { cpu: '256', memory: '512', executionRoleArn: EXECUTION_ROLE },
          network,
          timeoutSeconds: 20,
        },
        { name: 'Web', kind: 'ecs-service', ...service('web') },
        { name: 'Worker', kind: 'ecs-service', parallelWithPrevious: true, ...service('worker') },
      ],
    });
    expect(project.status).toBe(201);
    await api()
      .put('/api/projects/shop/variables', {
        items: [{ name: 'Db.Url', value: 'postgres://shop:hunter2@db/shop', sensitive: true }],
      })
      .expect(200);
  });
  afterAll(async () => {
    ecs?.destroy();
    await platform.close();
  });

  const finished = (id: string) =>
    eventually(
      async () => {
        const response = await api().get(`/api/deployments/${id}`).expect(200);
        return ['succeeded', 'failed', 'cancelled'].includes(response.body.status)
          ? response.body
          : undefined;
      },
      90_000,
      `deployment ${id} to finish`,
    );
  const sandboxState = async () =>
    (await (await fetch(`${platform.sandbox.url}/_sandbox/state`)).json()) as {
      services: {
        serviceName: string;
        taskDefinition: string;
        deployments: { status: string; taskDefinition: string; rolloutState: string }[];
      }[];
      tasks: { taskArn: string; taskDefinitionArn: string; serviceArn?: string }[];
      requestCounts: Record<string, number>;
    };
  const logOf = async (id: string) =>
    (await api().get(`/api/deployments/${id}/log?limit=500`).expect(200)).body.items.map(
      (line: { message: string }) => line.message,
    ) as string[];
  const imageOf = async (serviceName: string) => {
    const described = await ecs.send(
      new DescribeServicesCommand({ cluster, services: [serviceName] }),
    );
    const td = await ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: described.services?.[0].taskDefinition }),
    );
    return td.taskDefinition?.containerDefinitions?.[0].image;
  };

  it('runs the migration once, then web and worker together, in dev', async () => {
    const release = await api()
      .post('/api/projects/shop/releases', { version: '1.0.0', defaultTag: '1.0.0' })
      .expect(201);
    const deployment = await finished(release.body.deployments[0].id);
    expect(deployment.status).toBe('succeeded');
    expect(
      deployment.steps.map((step: { slug: string; status: string }) => [step.slug, step.status]),
    ).toEqual([
      ['migrate', 'succeeded'],
      ['web', 'succeeded'],
      ['worker', 'succeeded'],
    ]);
    const migrate = deployment.steps[0].targets[0];
    expect(migrate.stackName).toBe('gantry-shop-migrate-dev');
    expect(migrate.outputs.TaskArn).toMatch(/:task\/tasks-cluster\//);
    const state = await sandboxState();
    const migrations = state.tasks.filter((task) =>
      task.taskDefinitionArn.includes(':task-definition/gantry-shop-migrate-dev:'),
    );
    expect(migrations.map((task) => task.taskArn)).toEqual([migrate.outputs.TaskArn]);
    expect(state.requestCounts['ecs:RunTask']).toBe(1);
    expect(await imageOf('gantry-shop-web-dev')).toBe(`${ECR}/shop-web:1.0.0`);
    expect(await imageOf('gantry-shop-worker-dev')).toBe(`${ECR}/shop-worker:1.0.0`);
    const log = await logOf(deployment.id);
    expect(
      log.some((line) =>
        /^\[migrate\/[^\]]+\] Task \w+ completed: migrate exit code 0\.$/.test(line),
      ),
    ).toBe(true);
    expect(JSON.stringify(log)).not.toContain('hunter2');
  });

  it('fails a deployment whose migration crashes, before any service changes', async () => {
    const before = await sandboxState();
    const release = await api()
      .post('/api/projects/shop/releases', {
        version: '1.1.0',
        defaultTag: '1.1.0',
        images: { migrate: '1.1.0-exit-3' },
      })
      .expect(201);
    const deployment = await finished(release.body.deployments[0].id);
    expect(deployment.status).toBe('failed');
    expect(deployment.error).toMatch(
      /^Step 'migrate': Task \w+ failed: Essential container in task exited \(EssentialContainerExited\); migrate exit code 3\.$/,
    );
    expect(deployment.steps.map((step: { status: string }) => step.status)).toEqual([
      'failed',
      'skipped',
      'skipped',
    ]);
    const after = await sandboxState();
    for (const name of ['gantry-shop-web-dev', 'gantry-shop-worker-dev'])
      expect(after.services.find((s) => s.serviceName === name)?.taskDefinition).toBe(
        before.services.find((s) => s.serviceName === name)?.taskDefinition,
      );
    expect(await imageOf('gantry-shop-web-dev')).toBe(`${ECR}/shop-web:1.0.0`);
  });

  it('exports a run-task step as its task definition stack, from the release and from the project', async () => {
    const release = await api()
      .post('/api/projects/shop/releases', { version: '1.2.0', defaultTag: '1.2.0' })
      .expect(201);
    const exported = await api()
      .get(`/api/releases/${release.body.id}/template?environment=dev&step=migrate`)
      .expect(200);
    const types = Object.values(
      exported.body.Resources as Record<string, { Type: string; Properties: object }>,
    ).map((resource) => resource.Type);
    expect(types).toContain('AWS::ECS::TaskDefinition');
    expect(types).not.toContain('AWS::ECS::Service');
    expect(JSON.stringify(exported.body)).toContain('gantry-shop-migrate-dev');
    expect(JSON.stringify(exported.body)).not.toContain('hunter2');
    const standalone = await api()
      .get('/api/projects/shop/steps/migrate/cloudformation?format=yaml')
      .expect(200);
    expect(standalone.text).toMatch(/Type: AWS::ECS::TaskDefinition/);
    expect(standalone.text).not.toMatch(/AWS::ECS::Service/);
  });

  describe('ecs-update-service on a service created through the sandbox ECS API', () => {
    const createLegacy = async (name: string, breaker: boolean) => {
      const td = await ecs.send(
        new RegisterTaskDefinitionCommand({
          family: name,
          cpu: '256',
          memory: '512',
          networkMode: 'awsvpc',
          requiresCompatibilities: ['FARGATE'],
          ephemeralStorage: { sizeInGiB: 40 },
          volumes: [{ name: 'scratch' }],
          containerDefinitions: [
            {
              name: 'api',
              image: 'legacy/api:7',
              ulimits: [{ name: 'nofile', softLimit: 4096, hardLimit: 8192 }],
              mountPoints: [{ sourceVolume: 'scratch', containerPath: '/scratch' }],
              dockerLabels: { team: 'legacy' },
              environment: [{ name: 'MODE', value: 'legacy' }],
            },
          ],
          tags: [{ key: 'owner', value: 'legacy-team' }],
        }),
      );
      await ecs.send(
        new CreateServiceCommand({
          cluster,
          serviceName: name,
          taskDefinition: td.taskDefinition?.taskDefinitionArn,
          desiredCount: 1,
          launchType: 'FARGATE',
          networkConfiguration: { awsvpcConfiguration: { subnets: network.subnets } },
          deploymentConfiguration: {
            deploymentCircuitBreaker: { enable: breaker, rollback: breaker },
          },
        }),
      );
      await eventually(async () => {
        const s = await ecs.send(new DescribeServicesCommand({ cluster, services: [name] }));
        return s.services?.[0].deployments?.[0].rolloutState === 'COMPLETED' ? true : undefined;
      });
      return td.taskDefinition?.taskDefinitionArn as string;
    };
    const legacyProject = async (slug: string, serviceName: string) => {
      const project = await api().post('/api/projects', {
        name: slug,
        lifecycle: 'tasks',
        targetTags: ['tasks'],
        steps: [
          {
            name: 'Update API',
            kind: 'ecs-update-service',
            service: serviceName,
            containers: { api: { image: 'legacy/api' } },
            environment: { RELEASE: '#{Gantry.Release.Number}' },
          },
        ],
      });
      expect(project.status).toBe(201);
    };

    it('registers a revision that keeps every field the template never set, and rolls it out', async () => {
      const previous = await createLegacy('legacy-api', false);
      await legacyProject('legacy', 'legacy-api');
      const release = await api()
        .post('/api/projects/legacy/releases', { version: '8.0.0', defaultTag: '8' })
        .expect(201);
      const deployment = await finished(release.body.deployments[0].id);
      expect(deployment.status).toBe('succeeded');
      const outputs = deployment.steps[0].targets[0].outputs;
      expect(outputs.PreviousTaskDefinitionArn).toBe(previous);
      const next = await ecs.send(
        new DescribeTaskDefinitionCommand({
          taskDefinition: outputs.TaskDefinitionArn,
          include: ['TAGS'],
        }),
      );
      expect(next.taskDefinition).toMatchObject({
        family: 'legacy-api',
        revision: 2,
        ephemeralStorage: { sizeInGiB: 40 },
        volumes: [{ name: 'scratch' }],
      });
      expect(next.taskDefinition?.containerDefinitions?.[0]).toMatchObject({
        image: 'legacy/api:8',
        ulimits: [{ name: 'nofile', softLimit: 4096, hardLimit: 8192 }],
        mountPoints: [{ sourceVolume: 'scratch', containerPath: '/scratch' }],
        dockerLabels: { team: 'legacy' },
        environment: [
          { name: 'MODE', value: 'legacy' },
          { name: 'RELEASE', value: '8.0.0' },
        ],
      });
      expect(next.tags).toEqual([{ key: 'owner', value: 'legacy-team' }]);
      const described = await ecs.send(
        new DescribeServicesCommand({ cluster, services: ['legacy-api'] }),
      );
      expect(described.services?.[0].deployments?.[0]).toMatchObject({
        status: 'PRIMARY',
        taskDefinition: outputs.TaskDefinitionArn,
        rolloutState: 'COMPLETED',
      });
    });

    it('puts the previous revision back when the new one crashes (no circuit breaker)', async () => {
      const previous = await createLegacy('legacy-crash', false);
      await legacyProject('legacy-crash', 'legacy-crash');
      const release = await api()
        .post('/api/projects/legacy-crash/releases', { version: '8.0.0', defaultTag: '8-crash' })
        .expect(201);
      const deployment = await finished(release.body.deployments[0].id);
      expect(deployment.status).toBe('failed');
      expect(deployment.error).toMatch(
        /exit code 1.*service legacy-crash is back on legacy-crash:1\.$/,
      );
      const described = await ecs.send(
        new DescribeServicesCommand({ cluster, services: ['legacy-crash'] }),
      );
      expect(described.services?.[0].deployments?.[0]).toMatchObject({
        status: 'PRIMARY',
        taskDefinition: previous,
        rolloutState: 'COMPLETED',
      });
    });
  });
});
