import { ApiHarness, startApi } from '../support/api-harness';
import { sampleStep } from '../support/fixtures';

const network = { subnets: ['subnet-0a1b2c3d'] };
const TARGET_GROUP =
  'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef';

/** Steps that no variable value could make renderable: refused when saved, each naming its field. */
const neverRenderable: [string, Record<string, unknown>, string[]][] = [
  [
    'a launch type with a capacity provider strategy, and Spot with a second base',
    sampleStep({
      service: {
        network,
        launchType: 'FARGATE',
        capacityProviderStrategy: [
          { capacityProvider: 'FARGATE', weight: 1, base: 1 },
          { capacityProvider: 'FARGATE_SPOT', weight: 1, base: 1 },
        ],
      },
    }),
    ['step.service.launchType', 'step.service.capacityProviderStrategy.1.base'],
  ],
  [
    'alb-requests auto-scaling without a load balancer',
    sampleStep({
      service: {
        network,
        autoScaling: {
          minCapacity: 1,
          maxCapacity: 4,
          targetTracking: [
            {
              metric: 'alb-requests',
              target: 500,
              loadBalancerArn:
                'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/0123456789abcdef',
            },
          ],
        },
      },
    }),
    ['step.service.autoScaling.targetTracking.0.metric'],
  ],
  [
    'a maximum capacity below the minimum',
    sampleStep({ service: { network, autoScaling: { minCapacity: 5, maxCapacity: 2 } } }),
    ['step.service.autoScaling.maxCapacity'],
  ],
  [
    'a mount point of a volume the task lacks, and an access point without transit encryption',
    sampleStep({
      containers: [
        {
          name: 'web',
          image: 'nginx',
          mountPoints: [{ sourceVolume: 'cache', containerPath: '/cache' }],
        },
      ],
      task: {
        cpu: '256',
        memory: '512',
        volumes: [
          {
            name: 'data',
            efs: { fileSystemId: 'fs-0123abcd', accessPointId: 'fsap-0123456789abcdef0' },
          },
        ],
      },
    }),
    ['step.task.volumes.0.efs.transitEncryption', 'step.containers.0.mountPoints.0.sourceVolume'],
  ],
  [
    'a load balancer container port the container does not map',
    sampleStep({
      service: {
        network,
        loadBalancers: [
          { targetGroupArn: TARGET_GROUP, containerName: 'web', containerPort: 8080 },
        ],
        healthCheckGracePeriodSeconds: 30,
      },
      containers: [
        { name: 'web', image: 'nginx', portMappings: [{ containerPort: 8080, protocol: 'udp' }] },
      ],
    }),
    ['step.service.loadBalancers.0.containerPort'],
  ],
];

describe('a project whose step can never render is refused when saved', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi('stepchecks');
  });
  afterAll(() => api.close());

  it.each(neverRenderable)(
    'refuses %s with 422 naming every field',
    async (_title, step, paths) => {
      const response = await api
        .post('/api/projects', { name: 'Never', targetTags: ['web'], step })
        .expect(422);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body.type).toBe('https://gantry.dev/problems/render-check-failed');
      expect(response.body.errors.map((error: { path: string }) => error.path)).toEqual(paths);
    },
  );

  it('refuses Service Connect on an unnamed port, an SRV record without its port and blue/green without its rules: 400 naming each field', async () => {
    const step = sampleStep({
      service: {
        network,
        deploymentStrategy: 'blue-green',
        loadBalancers: [
          { targetGroupArn: TARGET_GROUP, containerName: 'web', containerPort: 8080 },
        ],
        serviceRegistries: [
          { create: { namespaceId: 'ns-0123456789abcdef', dnsRecordType: 'SRV' } },
        ],
        serviceConnect: { namespace: 'shop.local', services: [{ portName: 'http' }] },
      },
    });
    const response = await api
      .post('/api/projects', { name: 'Discovery', targetTags: ['web'], step })
      .expect(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(
      [
        'step.service.loadBalancers.0.advancedConfiguration',
        'step.service.serviceConnect.services.0.portName',
        'step.service.serviceRegistries.0.containerName',
        'step.service.serviceRegistries.0.containerPort',
      ].sort(),
    );
  });

  it('refuses the same step on update, and keeps the project as it was', async () => {
    await api
      .post('/api/projects', { name: 'Kept', targetTags: ['web'], step: sampleStep() })
      .expect(201);
    const [, step, paths] = neverRenderable[2];
    const response = await api.patch('/api/projects/kept', { step }).expect(422);
    expect(response.body.errors.map((error: { path: string }) => error.path)).toEqual(paths);
    const kept = await api.get('/api/projects/kept').expect(200);
    expect(kept.body.step.service.autoScaling).toBeUndefined();
  });

  it('accepts a step without roles that logs with awslogs: the stack creates the execution role', async () => {
    const { executionRoleArn: _role, ...task } = sampleStep().task;
    await api
      .post('/api/projects', { name: 'Newcomer', targetTags: ['web'], step: sampleStep({ task }) })
      .expect(201);
  });

  it('accepts what only a variable decides, checked again at render', async () => {
    await api
      .post('/api/projects', {
        name: 'Variable',
        targetTags: ['web'],
        step: sampleStep({
          task: {
            cpu: '256',
            memory: '512',
            volumes: [{ name: 'data', efs: { fileSystemId: '#{Efs.Id}' } }],
          },
        }),
      })
      .expect(201);
  });
});
