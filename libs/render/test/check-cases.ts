// The render checks of docs/deployments.md (Rendering), one broken step per case, shared by the checks spec.
import { ecsServiceStepSchema, type EcsServiceStep, type VariableDefinition } from '@gantry/domain';

const ROLE = 'arn:aws:iam::123456789012:role/exec';
const LOAD_BALANCER =
  'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/0123456789abcdef';
const TARGET_GROUP =
  'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef';

/** Two valid containers; each case breaks it after parsing, as a stored step or a variable could. */
export const base = ecsServiceStepSchema.parse({
  containers: [
    {
      name: 'web',
      image: 'nginx',
      cpu: 128,
      memory: 256,
      portMappings: [{ containerPort: 80 }],
      healthCheck: { command: ['CMD', 'true'] },
    },
    {
      name: 'worker',
      image: 'busybox',
      cpu: 128,
      memoryReservation: 128,
      command: ['sleep', '3600'],
    },
  ],
  task: { cpu: '256', memory: '512', executionRoleArn: ROLE },
  service: {
    network: { subnets: ['subnet-0a1b2c3d'] },
    loadBalancers: [{ targetGroupArn: TARGET_GROUP, containerName: 'web', containerPort: 80 }],
  },
});

export const variable = (name: string, value: string, sensitive = false): VariableDefinition => ({
  name,
  value,
  sensitive,
  scope: {},
});

export type CheckCase = [
  string,
  (step: EcsServiceStep) => void,
  VariableDefinition[],
  string,
  string[],
];

export const checkCases: CheckCase[] = [
  [
    'a task memory Fargate does not pair with the cpu',
    (s) => (s.task.memory = '4096'),
    [],
    'fargate_size_invalid',
    ['step.task.memory'],
  ],
  [
    'a task cpu that is not a Fargate size',
    (s) => (s.task.cpu = '300'),
    [],
    'fargate_size_invalid',
    ['step.task.cpu'],
  ],
  [
    'a task memory variable that is not a number',
    (s) => (s.task.memory = '#{Mem}'),
    [variable('Mem', 'lots')],
    'render_check_failed',
    ['step.task.memory'],
  ],
  [
    'a desired count that is not whole',
    (s) => (s.service.desiredCount = '#{Count}'),
    [variable('Count', '2.5')],
    'render_check_failed',
    ['step.service.desiredCount'],
  ],
  [
    'a container cpu below zero',
    (s) => (s.containers[0].cpu = '#{Cpu}'),
    [variable('Cpu', '-1')],
    'render_check_failed',
    ['step.containers.0.cpu'],
  ],
  [
    'a container memory out of range',
    (s) => (s.containers[0].memory = '#{Mem}'),
    [variable('Mem', '999999')],
    'render_check_failed',
    ['step.containers.0.memory'],
  ],
  [
    'a memory reservation that is not a number',
    (s) => (s.containers[1].memoryReservation = '#{R}'),
    [variable('R', '')],
    'render_check_failed',
    ['step.containers.1.memoryReservation'],
  ],
  [
    'a grace period that is not a number',
    (s) => (s.service.healthCheckGracePeriodSeconds = '#{G}'),
    [variable('G', 'soon')],
    'render_check_failed',
    ['step.service.healthCheckGracePeriodSeconds'],
  ],
  [
    'container cpu above the task cpu',
    (s) => (s.containers[1].cpu = 200),
    [],
    'render_check_failed',
    ['step.task.cpu'],
  ],
  [
    'container memory above the task memory',
    (s) => (s.containers[1].memory = 300),
    [],
    'render_check_failed',
    ['step.task.memory'],
  ],
  [
    'a reservation above the hard limit',
    (s) => (s.containers[0].memoryReservation = 300),
    [],
    'render_check_failed',
    ['step.containers.0.memoryReservation'],
  ],
  [
    'no essential container',
    (s) => s.containers.forEach((c) => (c.essential = false)),
    [],
    'render_check_failed',
    ['step.containers'],
  ],
  [
    'a port mapped by two containers',
    (s) => (s.containers[1].portMappings = [{ containerPort: 80, protocol: 'tcp' }]),
    [],
    'render_check_failed',
    ['step.containers.1.portMappings.0.containerPort'],
  ],
  [
    'a host port unlike the container port',
    (s) => (s.containers[0].portMappings[0].hostPort = 8080),
    [],
    'render_check_failed',
    ['step.containers.0.portMappings.0.hostPort'],
  ],
  [
    'a port name used twice',
    (s) => {
      s.containers[0].portMappings = [
        { containerPort: 80, protocol: 'tcp', name: 'http' },
        { containerPort: 81, protocol: 'tcp', name: 'http' },
      ];
    },
    [],
    'render_check_failed',
    ['step.containers.0.portMappings.1.name'],
  ],
  [
    'dependsOn naming no container',
    (s) => (s.containers[0].dependsOn = [{ containerName: 'db', condition: 'START' }]),
    [],
    'render_check_failed',
    ['step.containers.0.dependsOn.0.containerName'],
  ],
  [
    'dependsOn naming itself',
    (s) => (s.containers[0].dependsOn = [{ containerName: 'web', condition: 'START' }]),
    [],
    'render_check_failed',
    ['step.containers.0.dependsOn.0.containerName'],
  ],
  [
    'HEALTHY on a container without health check',
    (s) => (s.containers[0].dependsOn = [{ containerName: 'worker', condition: 'HEALTHY' }]),
    [],
    'render_check_failed',
    ['step.containers.0.dependsOn.0.condition'],
  ],
  [
    'SUCCESS on an essential container',
    (s) => (s.containers[0].dependsOn = [{ containerName: 'worker', condition: 'SUCCESS' }]),
    [],
    'render_check_failed',
    ['step.containers.0.dependsOn.0.condition'],
  ],
  [
    'a load balancer on an unknown container',
    (s) => (s.service.loadBalancers[0].containerName = 'api'),
    [],
    'render_check_failed',
    ['step.service.loadBalancers.0.containerName'],
  ],
  [
    'a load balancer on an unmapped port',
    (s) => (s.service.loadBalancers[0].containerPort = 81),
    [],
    'render_check_failed',
    ['step.service.loadBalancers.0.containerPort'],
  ],
  [
    'a grace period without load balancers',
    (s) => {
      s.service.loadBalancers = [];
      s.service.healthCheckGracePeriodSeconds = 30;
    },
    [],
    'render_check_failed',
    ['step.service.healthCheckGracePeriodSeconds'],
  ],
  [
    'a health check that is not CMD or CMD-SHELL',
    (s) =>
      (s.containers[0].healthCheck = {
        command: ['curl localhost'],
        interval: 30,
        timeout: 5,
        retries: 3,
      }),
    [],
    'render_check_failed',
    ['step.containers.0.healthCheck.command.0'],
  ],
  [
    'a subnet that is empty after substitution',
    (s) => (s.service.network.subnets = ['#{Subnet}']),
    [variable('Subnet', ' ')],
    'render_check_failed',
    ['step.service.network.subnets.0'],
  ],
  [
    'a subnet variable whose value is no subnet id (EC2 would refuse it)',
    (s) => (s.service.network.subnets = ['#{Subnet}']),
    [variable('Subnet', 'not-a-subnet')],
    'render_check_failed',
    ['step.service.network.subnets.0'],
  ],
  [
    'a target group variable whose value is no target group ARN',
    (s) => (s.service.loadBalancers[0].targetGroupArn = '#{TargetGroup}'),
    [variable('TargetGroup', 'web-tg')],
    'render_check_failed',
    ['step.service.loadBalancers.0.targetGroupArn'],
  ],
  [
    'a sensitive variable in a container command (it would be readable in the task definition)',
    (s) => (s.containers[1].command = ['run', '--token', '#{Token}']),
    [variable('Token', 'hunter2', true)],
    'render_check_failed',
    ['step.containers.1.command.2'],
  ],
  [
    'a sensitive variable in a tag (the task definition carries the tags)',
    (s) => (s.tags = { owner: '#{Owner}' }),
    [variable('Owner', 'hunter2', true)],
    'render_check_failed',
    ['step.tags.owner'],
  ],
  [
    'a launch type together with a capacity provider strategy',
    (s) => {
      s.service.launchType = 'FARGATE';
      s.service.capacityProviderStrategy = [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }];
    },
    [],
    'render_check_failed',
    ['step.service.launchType'],
  ],
  [
    'Spot with a base while FARGATE has one too',
    (s) =>
      (s.service.capacityProviderStrategy = [
        { capacityProvider: 'FARGATE', weight: 1, base: 1 },
        { capacityProvider: 'FARGATE_SPOT', weight: 1, base: 2 },
      ]),
    [],
    'render_check_failed',
    ['step.service.capacityProviderStrategy.1.base'],
  ],
  [
    'a capacity provider listed twice',
    (s) =>
      (s.service.capacityProviderStrategy = [
        { capacityProvider: 'FARGATE', weight: 1 },
        { capacityProvider: 'FARGATE', weight: 2 },
      ]),
    [],
    'render_check_failed',
    ['step.service.capacityProviderStrategy.1.capacityProvider'],
  ],
  [
    'capacity providers that all weigh 0',
    (s) => (s.service.capacityProviderStrategy = [{ capacityProvider: 'FARGATE', weight: 0 }]),
    [],
    'render_check_failed',
    ['step.service.capacityProviderStrategy.0.weight'],
  ],
  [
    'auto-scaling with a maximum below the minimum',
    (s) =>
      (s.service.autoScaling = {
        minCapacity: 3,
        maxCapacity: 2,
        targetTracking: [],
        scheduled: [],
      }),
    [],
    'render_check_failed',
    ['step.service.autoScaling.maxCapacity'],
  ],
  [
    'alb-requests scaling without a load balancer',
    (s) => {
      s.service.loadBalancers = [];
      s.service.autoScaling = {
        minCapacity: 1,
        maxCapacity: 4,
        targetTracking: [{ metric: 'alb-requests', target: 100, loadBalancerArn: LOAD_BALANCER }],
        scheduled: [],
      };
    },
    [],
    'render_check_failed',
    ['step.service.autoScaling.targetTracking.0.metric'],
  ],
  [
    'alb-requests scaling without the load balancer ARN its metric label needs',
    (s) =>
      (s.service.autoScaling = {
        minCapacity: 1,
        maxCapacity: 4,
        targetTracking: [{ metric: 'alb-requests', target: 100 }],
        scheduled: [],
      }),
    [],
    'render_check_failed',
    ['step.service.autoScaling.targetTracking.0.loadBalancerArn'],
  ],
  [
    'a cpu target above 100 percent and a metric tracked twice',
    (s) =>
      (s.service.autoScaling = {
        minCapacity: 1,
        maxCapacity: 4,
        targetTracking: [
          { metric: 'cpu', target: 150 },
          { metric: 'cpu', target: 50 },
        ],
        scheduled: [],
      }),
    [],
    'render_check_failed',
    [
      'step.service.autoScaling.targetTracking.0.target',
      'step.service.autoScaling.targetTracking.1.metric',
    ],
  ],
  [
    'a scheduled action that changes nothing',
    (s) =>
      (s.service.autoScaling = {
        minCapacity: 1,
        maxCapacity: 4,
        targetTracking: [],
        scheduled: [{ name: 'noop', schedule: 'rate(1 day)' }],
      }),
    [],
    'render_check_failed',
    ['step.service.autoScaling.scheduled.0'],
  ],
  [
    'a mount point of a volume the task does not have',
    (s) =>
      (s.containers[0].mountPoints = [
        { sourceVolume: 'data', containerPath: '/data', readOnly: false },
      ]),
    [],
    'render_check_failed',
    ['step.containers.0.mountPoints.0.sourceVolume'],
  ],
  [
    'an EFS access point without transit encryption',
    (s) =>
      (s.task.volumes = [
        {
          name: 'data',
          efs: { fileSystemId: 'fs-0123abcd', accessPointId: 'fsap-0123456789abcdef0' },
        },
      ]),
    [],
    'render_check_failed',
    ['step.task.volumes.0.efs.transitEncryption'],
  ],
  [
    'EFS IAM authorization without a task role',
    (s) =>
      (s.task.volumes = [
        {
          name: 'data',
          efs: { fileSystemId: 'fs-0123abcd', transitEncryption: 'ENABLED', iam: 'ENABLED' },
        },
      ]),
    [],
    'render_check_failed',
    ['step.task.volumes.0.efs.iam'],
  ],
  [
    'an EFS volume on a platform version before 1.4.0',
    (s) => {
      s.service.platformVersion = '1.3.0';
      s.task.volumes = [{ name: 'data', efs: { fileSystemId: 'fs-0123abcd' } }];
    },
    [],
    'render_check_failed',
    ['step.task.volumes.0.efs'],
  ],
  [
    'an EFS file system variable that is no file system id',
    (s) => (s.task.volumes = [{ name: 'data', efs: { fileSystemId: '#{Fs}' } }]),
    [variable('Fs', 'my-efs')],
    'render_check_failed',
    ['step.task.volumes.0.efs.fileSystemId'],
  ],
  [
    'a ulimit whose soft limit exceeds the hard limit',
    (s) => (s.containers[0].ulimits = [{ name: 'nofile', softLimit: 10, hardLimit: 5 }]),
    [],
    'render_check_failed',
    ['step.containers.0.ulimits.0.softLimit'],
  ],
  [
    'a nofile limit above what Fargate allows',
    (s) => (s.containers[0].ulimits = [{ name: 'nofile', softLimit: 10, hardLimit: 2_000_000 }]),
    [],
    'render_check_failed',
    ['step.containers.0.ulimits.0.hardLimit'],
  ],
  [
    'a docker label in the namespace ECS reserves',
    (s) => (s.containers[0].dockerLabels = { 'com.amazonaws.ecs.cluster': 'x' }),
    [],
    'render_check_failed',
    ['step.containers.0.dockerLabels.com.amazonaws.ecs.cluster'],
  ],
  [
    'a name that is both an environment variable and a secret',
    (s) => {
      s.containers[0].environment = { TOKEN: 'x' };
      s.containers[0].secrets = { TOKEN: 'arn:aws:ssm:eu-west-1:123456789012:parameter/token' };
    },
    [],
    'render_check_failed',
    ['step.containers.0.secrets.TOKEN'],
  ],
  [
    'a tag value AWS refuses',
    (s) => (s.tags = { owner: 'a,b' }),
    [],
    'render_check_failed',
    ['step.tags.owner'],
  ],
  [
    'a tag key reserved by AWS',
    (s) => (s.tags = { 'aws:owner': 'me' }),
    [],
    'render_check_failed',
    ['step.tags.aws:owner'],
  ],
  [
    'a tag value that becomes invalid after substitution',
    (s) => (s.tags = { owner: '#{Owner}' }),
    [variable('Owner', 'x'.repeat(257))],
    'render_check_failed',
    ['step.tags.owner'],
  ],
];
