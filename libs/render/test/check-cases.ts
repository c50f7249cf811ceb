// The render checks of docs/deployments.md (Rendering), one broken step per case, shared by the checks spec.
import { ecsServiceStepSchema, type EcsServiceStep, type VariableDefinition } from '@gantry/domain';

const ROLE = 'arn:aws:iam::123456789012:role/exec';
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
    'awslogs without an execution role',
    (s) => delete s.task.executionRoleArn,
    [],
    'render_check_failed',
    ['step.task.executionRoleArn'],
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
