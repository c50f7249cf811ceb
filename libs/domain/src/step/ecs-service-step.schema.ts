import { z } from 'zod';
import { AWS_IDENTIFIERS, type AwsIdentifier } from './aws-identifiers';
import { fargateSizeProblem } from './fargate-sizes';

/** A `#{Name}` reference anywhere in a string. */
export const VARIABLE_REFERENCE = /#\{[^}]+\}/;

/** A number, or a string holding a `#{Variable}` that must yield a number after substitution. */
export const numberOrVariable = (min: number, max: number) =>
  z.union([
    z.number().int().min(min).max(max),
    z.string().regex(VARIABLE_REFERENCE, 'must be a number or a #{Variable} reference'),
  ]);

/**
 * An AWS id or ARN: its literal value must have the shape AWS accepts, so a typo is heard when
 * the project is saved; a value holding a `#{Variable}` is checked after substitution, at render.
 */
const awsIdentifier = (identifier: AwsIdentifier) =>
  z
    .string()
    .min(1)
    .refine(
      (value) => VARIABLE_REFERENCE.test(value) || identifier.pattern.test(value),
      `must be ${identifier.expected}, or a #{Variable} reference`,
    );

const SIZE_PATTERN = /^\d+$/;
const size = z.union([
  z.number().int().positive(),
  z
    .string()
    .refine(
      (value) => SIZE_PATTERN.test(value) || VARIABLE_REFERENCE.test(value),
      'must be a number or a #{Variable} reference',
    ),
]);

/** DNS-safe container name; it also becomes part of CloudFormation parameter names. */
export const CONTAINER_NAME_PATTERN = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){0,62}$/;

/** An image repository without a tag or digest: the release chooses the tag. */
export const IMAGE_REPOSITORY_PATTERN =
  /^(?:[a-zA-Z0-9.-]+(?::\d+)?\/)?[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/;

const portMappingSchema = z.strictObject({
  containerPort: z.number().int().min(1).max(65535),
  hostPort: z.number().int().min(1).max(65535).optional(),
  protocol: z.enum(['tcp', 'udp']).default('tcp'),
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
    .optional(),
  appProtocol: z.enum(['http', 'http2', 'grpc']).optional(),
});

const healthCheckSchema = z.strictObject({
  command: z.array(z.string().min(1)).min(1),
  interval: z.number().int().min(5).max(300).default(30),
  timeout: z.number().int().min(2).max(120).default(5),
  retries: z.number().int().min(1).max(10).default(3),
  startPeriod: z.number().int().min(0).max(300).optional(),
});

const dependsOnSchema = z.strictObject({
  containerName: z.string().min(1),
  condition: z.enum(['START', 'COMPLETE', 'SUCCESS', 'HEALTHY']),
});

/** The ulimit names ECS knows (Fargate overrides only `nofile`'s default). */
export const ULIMIT_NAMES = [
  'core',
  'cpu',
  'data',
  'fsize',
  'locks',
  'memlock',
  'msgqueue',
  'nice',
  'nofile',
  'nproc',
  'rss',
  'rtprio',
  'rttime',
  'sigpending',
  'stack',
] as const;

const ulimitSchema = z.strictObject({
  name: z.enum(ULIMIT_NAMES),
  softLimit: z.number().int().min(0),
  hardLimit: z.number().int().min(0),
});

const mountPointSchema = z.strictObject({
  sourceVolume: z.string().min(1),
  containerPath: z.string().regex(/^\//, 'must be an absolute path'),
  readOnly: z.boolean().default(false),
});

/** An EFS volume of the task (the only kind a Fargate task can mount besides bind mounts). */
const volumeSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,255}$/, 'must be letters, digits, hyphens and underscores'),
  efs: z.strictObject({
    fileSystemId: awsIdentifier(AWS_IDENTIFIERS.efsFileSystem),
    rootDirectory: z.string().regex(/^\//, 'must be an absolute path').optional(),
    transitEncryption: z.enum(['ENABLED', 'DISABLED']).optional(),
    transitEncryptionPort: z.number().int().min(1).max(65535).optional(),
    accessPointId: awsIdentifier(AWS_IDENTIFIERS.efsAccessPoint).optional(),
    iam: z.enum(['ENABLED', 'DISABLED']).optional(),
  }),
});

const capacityProviderItemSchema = z.strictObject({
  capacityProvider: z.enum(['FARGATE', 'FARGATE_SPOT']),
  weight: z.number().int().min(0).max(1000),
  base: z.number().int().min(0).max(100000).optional(),
});

const cooldown = z.number().int().min(0).max(86400);

const targetTrackingSchema = z.strictObject({
  metric: z.enum(['cpu', 'memory', 'alb-requests']),
  /** Percent for cpu and memory, requests per target per minute for alb-requests. */
  target: z.number().positive().max(1_000_000),
  scaleInCooldown: cooldown.optional(),
  scaleOutCooldown: cooldown.optional(),
  /** alb-requests: the load balancer in front of the target group (its ARN names both). */
  loadBalancerArn: awsIdentifier(AWS_IDENTIFIERS.loadBalancer).optional(),
  /** alb-requests: one of the service's target groups; the first one when left out. */
  targetGroupArn: awsIdentifier(AWS_IDENTIFIERS.targetGroup).optional(),
});

const scheduledScalingSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9_.-]{1,128}$/, 'must be 1–128 letters, digits, _ . or -'),
  /** `at(yyyy-mm-ddThh:mm:ss)`, `rate(n unit)` or `cron(…)` (Application Auto Scaling's forms). */
  schedule: z
    .string()
    .regex(
      /^(?:at\(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\)|rate\(\d+ (?:minute|minutes|hour|hours|day|days)\)|cron\([^)]+\))$/,
      'must be at(yyyy-mm-ddThh:mm:ss), rate(n minutes|hours|days) or cron(...)',
    ),
  timezone: z.string().min(1).max(64).optional(),
  minCapacity: z.number().int().min(0).max(5000).optional(),
  maxCapacity: z.number().int().min(0).max(5000).optional(),
});

export const autoScalingSchema = z.strictObject({
  minCapacity: z.number().int().min(0).max(5000),
  maxCapacity: z.number().int().min(0).max(5000),
  targetTracking: z.array(targetTrackingSchema).max(3).default([]),
  scheduled: z.array(scheduledScalingSchema).max(50).default([]),
});

/**
 * A Cloud Map registration of the service's tasks: an existing Cloud Map service (`registryArn`)
 * or one the stack creates (`create`) in a namespace. With awsvpc an SRV record needs the
 * container and port it points at; an A record needs neither (the task's own address).
 */
const serviceRegistrySchema = z.strictObject({
  registryArn: awsIdentifier(AWS_IDENTIFIERS.discoveryService).optional(),
  create: z
    .strictObject({
      namespaceId: awsIdentifier(AWS_IDENTIFIERS.discoveryNamespace),
      /** The Cloud Map service name (the DNS label); the ECS service's name when left out. */
      name: z
        .string()
        .regex(/^[a-zA-Z0-9](?:[a-zA-Z0-9_-]{0,61}[a-zA-Z0-9])?$/, 'must be a DNS label')
        .optional(),
      dnsRecordType: z.enum(['A', 'SRV']).default('A'),
      ttl: z.number().int().min(0).max(2147483647).default(60),
    })
    .optional(),
  containerName: z.string().min(1).optional(),
  containerPort: z.number().int().min(1).max(65535).optional(),
});

const serviceConnectSchema = z.strictObject({
  /** The Cloud Map namespace's name or ARN. */
  namespace: z.string().min(1).max(1024),
  services: z
    .array(
      z.strictObject({
        portName: z.string().min(1).max(64),
        discoveryName: z
          .string()
          .regex(/^[a-z0-9](?:[a-z0-9-]{0,62})$/, 'must be lower-case letters, digits and hyphens')
          .optional(),
        clientAliases: z
          .array(
            z.strictObject({
              port: z.number().int().min(1).max(65535),
              dnsName: z
                .string()
                .regex(/^[a-zA-Z0-9](?:[a-zA-Z0-9.-]{0,253}[a-zA-Z0-9])?$/, 'must be a DNS name')
                .optional(),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
});

const environmentKey = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a valid environment variable name');

export const containerSchema = z.strictObject({
  name: z
    .string()
    .regex(
      CONTAINER_NAME_PATTERN,
      'must be lower-case letters, digits and single hyphens, at most 63 characters',
    ),
  image: z
    .string()
    .max(255)
    .regex(
      IMAGE_REPOSITORY_PATTERN,
      'must be an image repository without a tag or digest (the release chooses the tag)',
    ),
  essential: z.boolean().default(true),
  cpu: numberOrVariable(0, 16384).default(0),
  memory: numberOrVariable(6, 122880).nullable().default(null),
  memoryReservation: numberOrVariable(6, 122880).nullable().default(null),
  portMappings: z.array(portMappingSchema).default([]),
  environment: z.record(environmentKey, z.string()).default({}),
  secrets: z.record(environmentKey, z.string().min(1)).default({}),
  command: z.array(z.string()).default([]),
  entryPoint: z.array(z.string()).default([]),
  workingDirectory: z.string().optional(),
  healthCheck: healthCheckSchema.optional(),
  dependsOn: z.array(dependsOnSchema).default([]),
  logging: z.enum(['awslogs', 'none']).default('awslogs'),
  readonlyRootFilesystem: z.boolean().optional(),
  user: z.string().min(1).max(255).optional(),
  /** Seconds ECS waits after SIGTERM before SIGKILL; Fargate allows at most 120. */
  stopTimeout: z
    .number()
    .int()
    .min(2, 'must be at least 2 seconds')
    .max(120, 'Fargate allows at most 120 seconds')
    .optional(),
  ulimits: z.array(ulimitSchema).max(15).default([]),
  dockerLabels: z.record(z.string().min(1).max(255), z.string().max(1024)).default({}),
  linuxParameters: z.strictObject({ initProcessEnabled: z.boolean() }).optional(),
  mountPoints: z.array(mountPointSchema).max(10).default([]),
});

export const taskSchema = z.strictObject({
  cpu: size,
  memory: size,
  executionRoleArn: awsIdentifier(AWS_IDENTIFIERS.role).optional(),
  taskRoleArn: awsIdentifier(AWS_IDENTIFIERS.role).optional(),
  cpuArchitecture: z.enum(['X86_64', 'ARM64']).default('X86_64'),
  logRetentionInDays: z
    .union([
      z.literal(1),
      z.literal(3),
      z.literal(5),
      z.literal(7),
      z.literal(14),
      z.literal(30),
      z.literal(60),
      z.literal(90),
      z.literal(180),
      z.literal(365),
    ])
    .default(30),
  /** Fargate ephemeral storage in GiB (21–200); 20 GiB when left out. */
  ephemeralStorageGiB: z
    .number()
    .int()
    .min(21, 'Fargate ephemeral storage is 21–200 GiB (20 GiB when left out)')
    .max(200, 'Fargate ephemeral storage is 21–200 GiB (20 GiB when left out)')
    .optional(),
  volumes: z.array(volumeSchema).max(20).default([]),
});

/** The awsvpc network of a service's or a one-off task's tasks. */
export const networkSchema = z.strictObject({
  subnets: z.array(awsIdentifier(AWS_IDENTIFIERS.subnet)).min(1).max(16),
  securityGroups: z.array(awsIdentifier(AWS_IDENTIFIERS.securityGroup)).max(5).default([]),
  assignPublicIp: z.boolean().default(false),
});

export const serviceSchema = z.strictObject({
  desiredCount: numberOrVariable(0, 5000).default(1),
  minimumHealthyPercent: z.number().int().min(0).max(100).default(100),
  maximumPercent: z.number().int().min(100).max(200).default(200),
  circuitBreaker: z
    .strictObject({ enable: z.boolean().default(true), rollback: z.boolean().default(true) })
    .default({ enable: true, rollback: true }),
  network: networkSchema,
  loadBalancers: z
    .array(
      z.strictObject({
        targetGroupArn: awsIdentifier(AWS_IDENTIFIERS.targetGroup),
        containerName: z.string().min(1),
        containerPort: z.number().int().min(1).max(65535),
        /** Blue/green only: the second target group and the listener rules ECS switches. */
        advancedConfiguration: z
          .strictObject({
            alternateTargetGroupArn: awsIdentifier(AWS_IDENTIFIERS.targetGroup),
            productionListenerRule: awsIdentifier(AWS_IDENTIFIERS.listenerRule),
            testListenerRule: awsIdentifier(AWS_IDENTIFIERS.listenerRule).optional(),
            /** The role ECS assumes to change the listener rules. */
            roleArn: awsIdentifier(AWS_IDENTIFIERS.role),
          })
          .optional(),
      }),
    )
    .default([]),
  /** `blue-green`: ECS-native blue/green (`Strategy: BLUE_GREEN`); `rolling` by default. */
  deploymentStrategy: z.enum(['rolling', 'blue-green']).default('rolling'),
  /** Blue/green: minutes both revisions stay up after the traffic shift before the old one stops. */
  bakeTimeInMinutes: z.number().int().min(0).max(1440).optional(),
  healthCheckGracePeriodSeconds: numberOrVariable(0, 2147483647).default(0),
  enableExecuteCommand: z.boolean().default(false),
  platformVersion: z.string().default('LATEST'),
  /** FARGATE, the default; leave it out to use `capacityProviderStrategy` instead. */
  launchType: z.literal('FARGATE').optional(),
  capacityProviderStrategy: z.array(capacityProviderItemSchema).max(2).default([]),
  autoScaling: autoScalingSchema.optional(),
  /** ECS allows one Cloud Map registration per service. */
  serviceRegistries: z
    .array(serviceRegistrySchema)
    .max(1, 'ECS allows one service registry per service')
    .default([]),
  serviceConnect: serviceConnectSchema.optional(),
});

export const ecsServiceStepSchema = z
  .strictObject({
    containers: z.array(containerSchema).min(1).max(10),
    task: taskSchema,
    service: serviceSchema,
    tags: z.record(z.string().min(1).max(128), z.string().max(256)).default({}),
  })
  .superRefine((step, ctx) => {
    for (const issue of stepConsistencyProblems(step)) ctx.addIssue({ code: 'custom', ...issue });
  });

export type EcsServiceStep = z.infer<typeof ecsServiceStepSchema>;
export type EcsServiceStepInput = z.input<typeof ecsServiceStepSchema>;
export type ContainerDefinition = EcsServiceStep['containers'][number];

interface StepProblem {
  path: (string | number)[];
  message: string;
}

/** Rules that span fields: unique names and ports, an essential container, references between fields. */
export function stepConsistencyProblems(step: EcsServiceStep): StepProblem[] {
  const problems = containersProblems(step.containers);
  step.service.loadBalancers.forEach((balancer, index) => {
    const container = step.containers.find(
      (candidate) => candidate.name === balancer.containerName,
    );
    if (!container) {
      problems.push({
        path: ['service', 'loadBalancers', index, 'containerName'],
        message: `'${balancer.containerName}' is not a container of this step`,
      });
    } else if (
      !container.portMappings.some((mapping) => mapping.containerPort === balancer.containerPort)
    ) {
      problems.push({
        path: ['service', 'loadBalancers', index, 'containerPort'],
        message: `container '${balancer.containerName}' does not map port ${balancer.containerPort}`,
      });
    }
  });
  problems.push(...discoveryProblems(step), ...blueGreenProblems(step));
  return problems;
}

/** ECS-native blue/green: every load balancer gets its alternate target group and rules. */
function blueGreenProblems(step: EcsServiceStep): StepProblem[] {
  const problems: StepProblem[] = [];
  const { service } = step;
  const blueGreen = service.deploymentStrategy === 'blue-green';
  if (!blueGreen && service.bakeTimeInMinutes !== undefined)
    problems.push({
      path: ['service', 'bakeTimeInMinutes'],
      message: "applies to deploymentStrategy 'blue-green' only",
    });
  if (blueGreen && service.loadBalancers.length === 0)
    problems.push({
      path: ['service', 'loadBalancers'],
      message:
        "deploymentStrategy 'blue-green' needs a load balancer with advancedConfiguration (the alternate target group and listener rules)",
    });
  service.loadBalancers.forEach((balancer, index) => {
    const at = ['service', 'loadBalancers', index, 'advancedConfiguration'];
    const advanced = balancer.advancedConfiguration;
    if (!blueGreen) {
      if (advanced)
        problems.push({ path: at, message: "applies to deploymentStrategy 'blue-green' only" });
      return;
    }
    if (!advanced) {
      problems.push({
        path: at,
        message:
          "is required with deploymentStrategy 'blue-green': alternateTargetGroupArn, productionListenerRule and roleArn",
      });
      return;
    }
    if (advanced.alternateTargetGroupArn === balancer.targetGroupArn)
      problems.push({
        path: [...at, 'alternateTargetGroupArn'],
        message: 'must be another target group than targetGroupArn',
      });
    if (
      advanced.testListenerRule !== undefined &&
      advanced.testListenerRule === advanced.productionListenerRule
    )
      problems.push({
        path: [...at, 'testListenerRule'],
        message: 'must be another listener rule than productionListenerRule',
      });
  });
  return problems;
}

/** Cloud Map registrations and Service Connect: what they name must exist in the task. */
function discoveryProblems(step: EcsServiceStep): StepProblem[] {
  const problems: StepProblem[] = [];
  step.service.serviceRegistries.forEach((registry, index) => {
    const at = ['service', 'serviceRegistries', index];
    if ((registry.registryArn === undefined) === (registry.create === undefined))
      problems.push({
        path: at,
        message: 'needs exactly one of registryArn (an existing Cloud Map service) or create',
      });
    const srv = registry.create?.dnsRecordType === 'SRV';
    if (registry.create && !srv) {
      for (const field of ['containerName', 'containerPort'] as const)
        if (registry[field] !== undefined)
          problems.push({
            path: [...at, field],
            message: 'applies to SRV records only: an A record holds the task address',
          });
    }
    if (srv)
      for (const field of ['containerName', 'containerPort'] as const)
        if (registry[field] === undefined)
          problems.push({
            path: [...at, field],
            message: 'is required for an SRV record with awsvpc networking',
          });
    if (
      registry.create === undefined &&
      (registry.containerName === undefined) !== (registry.containerPort === undefined)
    )
      problems.push({
        path: [...at, registry.containerName === undefined ? 'containerName' : 'containerPort'],
        message: 'containerName and containerPort go together',
      });
    if (registry.containerName !== undefined) {
      const container = step.containers.find((c) => c.name === registry.containerName);
      if (!container)
        problems.push({
          path: [...at, 'containerName'],
          message: `'${registry.containerName}' is not a container of this step`,
        });
      else if (
        registry.containerPort !== undefined &&
        !container.portMappings.some((m) => m.containerPort === registry.containerPort)
      )
        problems.push({
          path: [...at, 'containerPort'],
          message: `container '${registry.containerName}' does not map port ${registry.containerPort}`,
        });
    }
  });
  const connect = step.service.serviceConnect;
  if (connect) {
    const portNames = new Set(
      step.containers.flatMap((c) =>
        c.portMappings.flatMap((m) => (m.name === undefined ? [] : [m.name])),
      ),
    );
    const discoveryNames = new Set<string>();
    connect.services.forEach((service, index) => {
      const at = ['service', 'serviceConnect', 'services', index];
      if (!portNames.has(service.portName))
        problems.push({
          path: [...at, 'portName'],
          message: `'${service.portName}' is not the name of a container port mapping (set portMappings[].name)`,
        });
      const discoveryName = service.discoveryName ?? service.portName;
      if (discoveryNames.has(discoveryName))
        problems.push({
          path: [...at, 'discoveryName'],
          message: `discovery name '${discoveryName}' is used twice`,
        });
      discoveryNames.add(discoveryName);
      const ports = new Set<number>();
      service.clientAliases.forEach((alias, aliasIndex) => {
        if (ports.has(alias.port))
          problems.push({
            path: [...at, 'clientAliases', aliasIndex, 'port'],
            message: `port ${alias.port} has two client aliases`,
          });
        ports.add(alias.port);
      });
    });
  }
  return problems;
}

/** The rules of a task's containers: unique names and ports, `dependsOn` names, an essential container. */
export function containersProblems(containers: ContainerDefinition[]): StepProblem[] {
  const problems: StepProblem[] = [];
  const names = containers.map((container) => container.name);
  containers.forEach((container, index) => {
    if (names.indexOf(container.name) !== index) {
      problems.push({
        path: ['containers', index, 'name'],
        message: `container name '${container.name}' is used twice`,
      });
    }
    container.dependsOn.forEach((dependency, depIndex) => {
      if (
        !names.includes(dependency.containerName) ||
        dependency.containerName === container.name
      ) {
        problems.push({
          path: ['containers', index, 'dependsOn', depIndex, 'containerName'],
          message: `'${dependency.containerName}' is not another container of this step`,
        });
      }
    });
    const ports = container.portMappings.map(
      (mapping) => `${mapping.containerPort}/${mapping.protocol}`,
    );
    ports.forEach((port, portIndex) => {
      if (ports.indexOf(port) !== portIndex) {
        problems.push({
          path: ['containers', index, 'portMappings', portIndex],
          message: `port ${port} is mapped twice`,
        });
      }
    });
  });
  if (!containers.some((container) => container.essential)) {
    problems.push({ path: ['containers'], message: 'at least one container must be essential' });
  }
  return problems;
}

/**
 * The Fargate CPU/memory problem of a step whose sizes are literal (a rule: 422, not a 400);
 * sizes that still refer to variables are checked after substitution, at render time.
 */
export function stepFargateProblems(step: Pick<EcsServiceStep, 'task'>): StepProblem[] {
  const cpu = literalNumber(step.task.cpu);
  const memory = literalNumber(step.task.memory);
  if (cpu === null || memory === null) return [];
  const problem = fargateSizeProblem(cpu, memory);
  return problem ? [{ path: ['task', 'memory'], message: problem }] : [];
}

/** The number a literal field holds, or null while it still refers to a variable. */
export function literalNumber(value: number | string | null | undefined): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return null;
}
