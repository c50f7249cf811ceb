import { ecsServiceStepSchema, type EcsServiceStepInput } from './ecs-service-step.schema';

const base: EcsServiceStepInput = {
  containers: [{ name: 'web', image: 'nginx' }],
  task: { cpu: '256', memory: '512' },
  service: { network: { subnets: ['subnet-0a1b2c3d'] } },
};

/** A step being broken on purpose: any field may be set to anything. */
type Draft = {
  containers: Record<string, unknown>[];
  task: Record<string, unknown>;
  service: Record<string, unknown>;
};

const issues = (step: unknown) => {
  const result = ecsServiceStepSchema.safeParse(step);
  return result.success
    ? []
    : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
};

describe('ecs-service step schema: production options', () => {
  it('defaults every option to off: no roles, no volumes, no strategy, no auto-scaling', () => {
    const step = ecsServiceStepSchema.parse(base);
    expect(step.task).toMatchObject({ volumes: [] });
    expect(step.task.executionRoleArn).toBeUndefined();
    expect(step.task.ephemeralStorageGiB).toBeUndefined();
    expect(step.service).toMatchObject({ capacityProviderStrategy: [] });
    expect(step.service.autoScaling).toBeUndefined();
    expect(step.service.launchType).toBeUndefined();
    expect(step.containers[0]).toMatchObject({ ulimits: [], dockerLabels: {}, mountPoints: [] });
  });

  it('fills auto-scaling lists and mount point defaults', () => {
    const step = ecsServiceStepSchema.parse({
      ...base,
      containers: [
        { name: 'web', image: 'nginx', mountPoints: [{ sourceVolume: 'd', containerPath: '/d' }] },
      ],
      service: { ...base.service, autoScaling: { minCapacity: 1, maxCapacity: 3 } },
    });
    expect(step.service.autoScaling).toEqual({
      minCapacity: 1,
      maxCapacity: 3,
      targetTracking: [],
      scheduled: [],
    });
    expect(step.containers[0].mountPoints).toEqual([
      { sourceVolume: 'd', containerPath: '/d', readOnly: false },
    ]);
  });

  it.each<[string, (step: Draft) => void, string, RegExp]>([
    [
      'a stop timeout above Fargate’s 120 s',
      (s) => (s.containers[0].stopTimeout = 121),
      'containers.0.stopTimeout',
      /Fargate allows at most 120 seconds/,
    ],
    [
      'ephemeral storage below 21 GiB',
      (s) => (s.task.ephemeralStorageGiB = 20),
      'task.ephemeralStorageGiB',
      /21–200 GiB/,
    ],
    [
      'a capacity provider that is not Fargate’s',
      (s) => (s.service.capacityProviderStrategy = [{ capacityProvider: 'EC2', weight: 1 }]),
      'service.capacityProviderStrategy.0.capacityProvider',
      /FARGATE/,
    ],
    [
      'an unknown scaling metric',
      (s) =>
        (s.service.autoScaling = {
          minCapacity: 1,
          maxCapacity: 2,
          targetTracking: [{ metric: 'disk', target: 1 }],
        }),
      'service.autoScaling.targetTracking.0.metric',
      /cpu|memory|alb-requests/,
    ],
    [
      'a load balancer ARN that is a target group’s',
      (s) =>
        (s.service.autoScaling = {
          minCapacity: 1,
          maxCapacity: 2,
          targetTracking: [
            {
              metric: 'alb-requests',
              target: 10,
              loadBalancerArn:
                'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef',
            },
          ],
        }),
      'service.autoScaling.targetTracking.0.loadBalancerArn',
      /Application Load Balancer ARN/,
    ],
    [
      'a schedule in no form Application Auto Scaling reads',
      (s) =>
        (s.service.autoScaling = {
          minCapacity: 1,
          maxCapacity: 2,
          scheduled: [{ name: 'n', schedule: 'every night', minCapacity: 1 }],
        }),
      'service.autoScaling.scheduled.0.schedule',
      /at\(|rate\(|cron\(/,
    ],
    [
      'an EFS file system id of the wrong shape',
      (s) => (s.task.volumes = [{ name: 'd', efs: { fileSystemId: 'efs-1' } }]),
      'task.volumes.0.efs.fileSystemId',
      /EFS file system id/,
    ],
    [
      'an unknown ulimit',
      (s) => (s.containers[0].ulimits = [{ name: 'files', softLimit: 1, hardLimit: 1 }]),
      'containers.0.ulimits.0.name',
      /nofile/,
    ],
    [
      'a relative mount path',
      (s) => (s.containers[0].mountPoints = [{ sourceVolume: 'd', containerPath: 'data' }]),
      'containers.0.mountPoints.0.containerPath',
      /absolute path/,
    ],
  ])('refuses %s, naming the field', (_title, mutate, path, message) => {
    const step = structuredClone(base) as unknown as Draft;
    mutate(step);
    const found = issues(step);
    expect(found.map((issue) => issue.path)).toEqual([path]);
    expect(found[0].message).toMatch(message);
  });
});
