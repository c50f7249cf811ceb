// Input fixtures for the renderer's specs and the benchmark: plain data, as the API would store it.
import {
  ecsRunTaskStepSchema,
  ecsServiceStepSchema,
  stackName,
  type EcsRunTaskStepInput,
  type EcsServiceStepInput,
  type VariableDefinition,
} from '@gantry/domain';
import type { ConvertInput, RenderInput, RunTaskRenderInput } from '../src';

const ACCOUNT = '123456789012';
const ECR = `${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com`;
const EXECUTION_ROLE = `arn:aws:iam::${ACCOUNT}:role/shop-execution`;

export const ids = {
  project: '0b7c2a4e-1111-4c8e-9a51-000000000001',
  release: '0b7c2a4e-2222-4c8e-9a51-000000000002',
  dev: '0b7c2a4e-3333-4c8e-9a51-000000000003',
  prod: '0b7c2a4e-3333-4c8e-9a51-000000000004',
  acme: '0b7c2a4e-4444-4c8e-9a51-000000000005',
  globex: '0b7c2a4e-4444-4c8e-9a51-000000000006',
  channel: '0b7c2a4e-5555-4c8e-9a51-000000000007',
  hotfix: '0b7c2a4e-5555-4c8e-9a51-000000000008',
  euTarget: '0b7c2a4e-6666-4c8e-9a51-000000000009',
  usTarget: '0b7c2a4e-6666-4c8e-9a51-000000000010',
} as const;

export const environments = {
  dev: { id: ids.dev, slug: 'dev', name: 'Development' },
  prod: { id: ids.prod, slug: 'prod', name: 'Production' },
};
export const tenants = {
  acme: { id: ids.acme, slug: 'acme', name: 'Acme Corp' },
  globex: { id: ids.globex, slug: 'globex', name: 'Globex' },
};

/** One container, no variables: the smallest realistic step. */
export const singleContainerStep: EcsServiceStepInput = {
  containers: [
    {
      name: 'web',
      image: `${ECR}/shop-web`,
      portMappings: [{ containerPort: 8080 }],
      environment: { LOG_LEVEL: 'info' },
    },
  ],
  task: { cpu: '256', memory: '512', executionRoleArn: EXECUTION_ROLE },
  service: { network: { subnets: ['subnet-0a1b2c3d'], securityGroups: ['sg-0a1b2c3d'] } },
  tags: { team: 'shop' },
};

/** Three containers with dependsOn, health checks, secrets, two load balancers and variables. */
export const threeContainerStep: EcsServiceStepInput = {
  containers: [
    {
      name: 'shop-web',
      image: `${ECR}/shop-web`,
      cpu: 256,
      memory: '#{Web.Memory}',
      portMappings: [{ containerPort: 8080, name: 'http', appProtocol: 'http' }],
      environment: {
        LOG_LEVEL: '#{LogLevel}',
        API_URL: 'http://localhost:9000',
        DATABASE_URL: '#{Db.Url}',
        GREETING: 'Hello from #{Gantry.Environment.Name}${NOT_A_SUB}',
        RELEASE: '#{Gantry.Release.Number}',
      },
      secrets: { SESSION_KEY: `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:shop/session` },
      healthCheck: {
        command: ['CMD-SHELL', 'curl -f http://localhost:8080/health || exit 1'],
        startPeriod: 15,
      },
      dependsOn: [
        { containerName: 'migrate', condition: 'SUCCESS' },
        { containerName: 'api', condition: 'HEALTHY' },
      ],
    },
    {
      name: 'api',
      image: `${ECR}/shop-api`,
      cpu: 512,
      memoryReservation: 1024,
      portMappings: [{ containerPort: 9000, protocol: 'tcp' }],
      environment: { DB_PASSWORD: '#{Db.Password}', TENANT: '#{Gantry.Tenant.Name}' },
      secrets: {
        STRIPE_KEY: `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/shop/#{Gantry.Environment.Name}/stripe`,
      },
      command: ['node', 'dist/main.js', '--port', '9000'],
      healthCheck: { command: ['CMD', '/bin/health'], interval: 10, timeout: 3, retries: 5 },
    },
    {
      name: 'migrate',
      image: `${ECR}/shop-api`,
      essential: false,
      entryPoint: ['/bin/sh', '-c'],
      command: ['npm run migrate -- --url "$DATABASE_URL"'],
      workingDirectory: '/app',
      environment: { DATABASE_URL: '#{Db.Url}' },
      logging: 'none',
    },
  ],
  task: {
    cpu: '1024',
    memory: '#{Task.Memory}',
    executionRoleArn: EXECUTION_ROLE,
    taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/shop-#{Gantry.Environment.Name}`,
    cpuArchitecture: 'ARM64',
    logRetentionInDays: 14,
  },
  service: {
    desiredCount: '#{DesiredCount}',
    minimumHealthyPercent: 50,
    network: {
      subnets: ['#{Subnet.A}', '#{Subnet.B}'],
      securityGroups: ['sg-0a1b2c3d'],
      assignPublicIp: false,
    },
    loadBalancers: [
      { targetGroupArn: '#{Web.TargetGroup}', containerName: 'shop-web', containerPort: 8080 },
      {
        targetGroupArn: `arn:aws:elasticloadbalancing:eu-west-1:${ACCOUNT}:targetgroup/shop-api/0123456789abcdef`,
        containerName: 'api',
        containerPort: 9000,
      },
    ],
    healthCheckGracePeriodSeconds: 60,
    enableExecuteCommand: true,
  },
  tags: { team: 'shop', 'cost-center': '#{CostCenter}', 'gantry:project': 'overridden-by-gantry' },
};

const v = (
  name: string,
  value: string | null,
  scope: VariableDefinition['scope'] = {},
  sensitive = false,
): VariableDefinition => ({
  name,
  value,
  sensitive,
  scope,
});

/** Unscoped defaults, environment-, tenant- and channel-scoped values, secrets and nesting. */
export const shopVariables: VariableDefinition[] = [
  v('LogLevel', 'info'),
  v('LogLevel', 'debug', { environments: [ids.dev] }),
  v('LogLevel', 'warn', { environments: [ids.prod], tenants: [ids.acme] }),
  v('Web.Memory', '512'),
  v('Web.Memory', '1024', { environments: [ids.prod] }),
  v('Task.Memory', '2048'),
  v('Task.Memory', '4096', { environments: [ids.prod] }),
  v('DesiredCount', '1'),
  v('DesiredCount', '3', { environments: [ids.prod] }),
  v('DesiredCount', '5', { tenants: [ids.acme] }),
  v('Db.Host', 'db.dev.internal'),
  v('Db.Host', 'db.prod.internal', { environments: [ids.prod] }),
  v('Db.Host', 'acme.db.prod.internal', { environments: [ids.prod], tenants: [ids.acme] }),
  v('Db.Password', 'dev-password', {}, true),
  v('Db.Password', 'pr0d-$ecret', { environments: [ids.prod] }, true),
  v('Db.Url', 'postgres://shop:#{Db.Password}@#{Db.Host}:5432/shop'),
  v('Subnet.A', 'subnet-0aaa1111'),
  v('Subnet.B', 'subnet-0bbb2222'),
  v('Subnet.B', 'subnet-0ccc3333', { targets: [ids.usTarget] }),
  v(
    'Web.TargetGroup',
    `arn:aws:elasticloadbalancing:eu-west-1:${ACCOUNT}:targetgroup/shop-web/0123456789abcdef`,
  ),
  v('CostCenter', 'cc-100'),
  v('CostCenter', 'cc-hotfix', { channels: [ids.hotfix] }),
  v('Unused.Ambiguous', 'a'),
  v('Unused.Ambiguous', 'b'),
];

interface RenderOptions {
  step?: EcsServiceStepInput;
  environment?: keyof typeof environments;
  tenant?: keyof typeof tenants | null;
  variables?: VariableDefinition[];
  images?: Record<string, string>;
  deploymentId?: string;
}

/** A RenderInput for the shop project; the step goes through the real step schema. */
export function renderInput(options: RenderOptions = {}): RenderInput {
  const step = ecsServiceStepSchema.parse(options.step ?? threeContainerStep);
  return {
    project: { id: ids.project, slug: 'shop', name: 'Shop' },
    release: {
      id: ids.release,
      version: '1.4.0',
      images:
        options.images ??
        Object.fromEntries(
          step.containers.map((container, index) => [container.name, `1.4.${index}`]),
        ),
      step,
    },
    environment: environments[options.environment ?? 'prod'],
    tenant: options.tenant ? tenants[options.tenant] : null,
    channel: { id: ids.channel, slug: 'default', name: 'Default' },
    target: {
      id: ids.euTarget,
      slug: 'eu-prod',
      name: 'EU production',
      cluster: 'shop-eu',
      region: 'eu-west-1',
    },
    variables: options.variables ?? shopVariables,
    ...(options.deploymentId ? { deploymentId: options.deploymentId } : {}),
  };
}

/** A ConvertInput for the shop project. */
export function convertInput(
  options: {
    step?: EcsServiceStepInput;
    variables?: VariableDefinition[];
    images?: Record<string, string>;
  } = {},
): ConvertInput {
  const step = ecsServiceStepSchema.parse(options.step ?? threeContainerStep);
  return {
    project: { id: ids.project, slug: 'shop', name: 'Shop' },
    step,
    variables: options.variables ?? shopVariables,
    ...(options.images ? { images: options.images } : {}),
    releaseVersion: '1.4.0',
  };
}

/**
 * Sensitive values in service numbers and lists (NoEcho parameters) and in environment values,
 * whole and within text with `${` (secrets of the stack); nothing logs. Sensitive values are
 * refused in the rest of the task definition and in tags.
 */
export const sensitiveEverywhereStep: EcsServiceStepInput = {
  containers: [
    {
      name: 'worker',
      image: 'public.ecr.aws/docker/library/busybox',
      cpu: '#{Worker.Cpu}',
      memory: 512,
      environment: {
        TOKEN_HEADER: 'Bearer #{Api.Token}',
        SHELL_TEMPLATE: 'echo ${HOME} #{Api.Token} #{Plain}',
        PLAIN: '#{Plain}',
        API_TOKEN: '#{Api.Token}',
      },
      secrets: { DB: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:#{Secret.Name}' },
      command: ['sh', '-c', 'run --token "$TOKEN_HEADER"'],
      logging: 'none',
    },
  ],
  task: { cpu: '512', memory: '1024', executionRoleArn: EXECUTION_ROLE },
  service: {
    desiredCount: '#{Hidden.Count}',
    network: { subnets: ['#{Hidden.Subnet}', 'subnet-0f0e0d0c'], assignPublicIp: true },
    platformVersion: '1.4.0',
  },
  tags: { owner: '#{Hidden.Owner}' },
};

export const sensitiveEverywhereVariables: VariableDefinition[] = [
  v('Worker.Cpu', '256'),
  v('Api.Token', 't0ken-value', {}, true),
  v('Plain', 'plain-value'),
  v('Secret.Name', 'worker-db-secret'),
  v('Hidden.Count', '2', {}, true),
  v('Hidden.Subnet', 'subnet-0a0b0c0e', {}, true),
  v('Hidden.Owner', 'owner-value'),
];

/** A database migration (ecs-run-task): the shop's migrate image, its secret URL, a sidecar that may fail. */
export const migrationStep: EcsRunTaskStepInput = {
  containers: [
    {
      name: 'migrate',
      image: `${ECR}/shop-migrate`,
      command: ['npm', 'run', 'migrate', '--', '--to', '#{Gantry.Release.Number}'],
      environment: { DATABASE_URL: '#{Db.Url}', LOG_LEVEL: '#{LogLevel}' },
    },
    { name: 'xray', image: 'amazon/aws-xray-daemon', essential: false, cpu: 32, memory: 64 },
  ],
  task: { cpu: '512', memory: '#{Task.Memory}', executionRoleArn: EXECUTION_ROLE },
  network: { subnets: ['#{Subnet.A}', '#{Subnet.B}'], securityGroups: ['sg-0a1b2c3d'] },
  timeoutSeconds: 900,
};

/** A RunTaskRenderInput for the shop's migration step. */
export function runTaskRenderInput(
  options: { environment?: keyof typeof environments; tenant?: keyof typeof tenants | null } = {},
): RunTaskRenderInput {
  const environment = environments[options.environment ?? 'prod'];
  const tenant = options.tenant ? tenants[options.tenant] : null;
  return {
    project: { id: ids.project, slug: 'shop', name: 'Shop' },
    step: { slug: 'migrate', name: 'Migrate database' },
    release: {
      id: ids.release,
      version: '1.4.0',
      images: { migrate: '1.4.0', xray: '3.3.7' },
      body: ecsRunTaskStepSchema.parse(migrationStep),
    },
    environment,
    tenant,
    channel: { id: ids.channel, slug: 'default', name: 'Default' },
    target: {
      id: ids.euTarget,
      slug: 'eu-prod',
      name: 'EU production',
      cluster: 'shop-eu',
      region: 'eu-west-1',
    },
    variables: shopVariables,
    stackName: stackName('shop-migrate', environment.slug, tenant?.slug),
  };
}

const LOAD_BALANCER = `arn:aws:elasticloadbalancing:eu-west-1:${ACCOUNT}:loadbalancer/app/shop/0123456789abcdef`;
const TARGET_GROUP = `arn:aws:elasticloadbalancing:eu-west-1:${ACCOUNT}:targetgroup/shop-web/0123456789abcdef`;

/** Every option off: no roles, default logging, no secrets. The stack creates the execution role. */
export const allOptionsOffStep: EcsServiceStepInput = {
  containers: [{ name: 'web', image: 'public.ecr.aws/nginx/nginx' }],
  task: { cpu: '256', memory: '512' },
  service: { network: { subnets: ['subnet-0a1b2c3d'] } },
};

/** The production options of docs/templates.md one at a time, each on top of {@link allOptionsOffStep}. */
export const optionSteps: Record<string, EcsServiceStepInput> = {
  'sensitive environment': {
    ...allOptionsOffStep,
    containers: [
      { ...allOptionsOffStep.containers[0], environment: { DB_PASSWORD: '#{Db.Password}' } },
    ],
  },
  'existing secrets': {
    ...allOptionsOffStep,
    containers: [
      {
        ...allOptionsOffStep.containers[0],
        secrets: {
          SESSION_KEY: `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:shop/session-AbCdEf:key::`,
          STRIPE_KEY: `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/shop/stripe`,
          FLAGS: '/shop/flags',
        },
      },
    ],
  },
  'auto-scaling': {
    ...allOptionsOffStep,
    service: {
      ...allOptionsOffStep.service,
      autoScaling: {
        minCapacity: 2,
        maxCapacity: 10,
        targetTracking: [{ metric: 'cpu', target: 60, scaleInCooldown: 300, scaleOutCooldown: 60 }],
        scheduled: [
          {
            name: 'night',
            schedule: 'cron(0 22 * * ? *)',
            timezone: 'Europe/Paris',
            minCapacity: 1,
            maxCapacity: 2,
          },
        ],
      },
    },
  },
  'capacity providers': {
    ...allOptionsOffStep,
    service: {
      ...allOptionsOffStep.service,
      capacityProviderStrategy: [
        { capacityProvider: 'FARGATE', weight: 1, base: 1 },
        { capacityProvider: 'FARGATE_SPOT', weight: 3 },
      ],
    },
  },
  'ephemeral storage': {
    ...allOptionsOffStep,
    task: { ...allOptionsOffStep.task, ephemeralStorageGiB: 50 },
  },
  'container hardening': {
    ...allOptionsOffStep,
    containers: [
      {
        ...allOptionsOffStep.containers[0],
        readonlyRootFilesystem: true,
        user: '1000:1000',
        stopTimeout: 60,
        ulimits: [{ name: 'nofile', softLimit: 65536, hardLimit: 65536 }],
        dockerLabels: { 'com.example.team': 'shop' },
        linuxParameters: { initProcessEnabled: true },
      },
    ],
  },
  'efs volume': {
    ...allOptionsOffStep,
    containers: [
      {
        ...allOptionsOffStep.containers[0],
        mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }],
      },
    ],
    task: {
      ...allOptionsOffStep.task,
      volumes: [
        {
          name: 'data',
          efs: {
            fileSystemId: 'fs-0123456789abcdef0',
            transitEncryption: 'ENABLED',
            accessPointId: 'fsap-0123456789abcdef0',
            iam: 'DISABLED',
          },
        },
      ],
    },
  },
};

const DISCOVERY_SERVICE = `arn:aws:servicediscovery:eu-west-1:${ACCOUNT}:service/srv-0123456789abcdef`;
const NAMESPACE_ID = 'ns-0123456789abcdef';

/** Cloud Map and Service Connect, one at a time (merged into {@link optionSteps}). */
const discoveryOptionSteps: Record<string, EcsServiceStepInput> = {
  'existing Cloud Map service': {
    ...allOptionsOffStep,
    service: {
      ...allOptionsOffStep.service,
      serviceRegistries: [{ registryArn: DISCOVERY_SERVICE }],
    },
  },
  'created Cloud Map service (SRV)': {
    ...allOptionsOffStep,
    containers: [{ ...allOptionsOffStep.containers[0], portMappings: [{ containerPort: 80 }] }],
    service: {
      ...allOptionsOffStep.service,
      serviceRegistries: [
        {
          create: { namespaceId: NAMESPACE_ID, name: 'web', dnsRecordType: 'SRV', ttl: 30 },
          containerName: 'web',
          containerPort: 80,
        },
      ],
    },
  },
  'service connect': {
    ...allOptionsOffStep,
    containers: [
      {
        ...allOptionsOffStep.containers[0],
        portMappings: [{ containerPort: 80, name: 'http', appProtocol: 'http' }],
      },
    ],
    service: {
      ...allOptionsOffStep.service,
      serviceConnect: {
        namespace: 'shop.local',
        services: [
          { portName: 'http', discoveryName: 'web', clientAliases: [{ port: 80, dnsName: 'web' }] },
        ],
      },
    },
  },
};
const ALTERNATE_TARGET_GROUP = `arn:aws:elasticloadbalancing:eu-west-1:${ACCOUNT}:targetgroup/shop-green/fedcba9876543210`;
const LISTENER_RULE = (last: string) =>
  `arn:aws:elasticloadbalancing:eu-west-1:${ACCOUNT}:listener-rule/app/shop/0123456789abcdef/0123456789abcdef/${last}`;
const BLUE_GREEN_ADVANCED = {
  alternateTargetGroupArn: ALTERNATE_TARGET_GROUP,
  productionListenerRule: LISTENER_RULE('1111111111111111'),
  testListenerRule: LISTENER_RULE('2222222222222222'),
  roleArn: `arn:aws:iam::${ACCOUNT}:role/ecs-infrastructure`,
};
discoveryOptionSteps['blue/green'] = {
  ...allOptionsOffStep,
  containers: [{ ...allOptionsOffStep.containers[0], portMappings: [{ containerPort: 80 }] }],
  service: {
    ...allOptionsOffStep.service,
    deploymentStrategy: 'blue-green',
    bakeTimeInMinutes: 10,
    loadBalancers: [
      {
        targetGroupArn: TARGET_GROUP,
        containerName: 'web',
        containerPort: 80,
        advancedConfiguration: BLUE_GREEN_ADVANCED,
      },
    ],
  },
};
Object.assign(optionSteps, discoveryOptionSteps);

/** Every option on at once, with alb-requests scaling behind a load balancer. */
export const allOptionsOnStep: EcsServiceStepInput = {
  containers: [
    {
      name: 'web',
      image: 'public.ecr.aws/nginx/nginx',
      portMappings: [{ containerPort: 8080, name: 'http' }],
      environment: {
        DB_PASSWORD: '#{Db.Password}',
        DSN: 'postgres://shop:#{Db.Password}@db/shop',
        MODE: 'on',
      },
      secrets: { STRIPE_KEY: `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/shop/stripe` },
      readonlyRootFilesystem: true,
      user: '1000',
      stopTimeout: 120,
      ulimits: [{ name: 'nofile', softLimit: 4096, hardLimit: 8192 }],
      dockerLabels: { 'com.example.release': '#{Gantry.Release.Number}' },
      linuxParameters: { initProcessEnabled: true },
      mountPoints: [{ sourceVolume: 'data', containerPath: '/data', readOnly: true }],
    },
  ],
  task: {
    cpu: '512',
    memory: '1024',
    taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/shop-task`,
    ephemeralStorageGiB: 40,
    volumes: [
      {
        name: 'data',
        efs: { fileSystemId: 'fs-0123abcd', transitEncryption: 'ENABLED', iam: 'ENABLED' },
      },
    ],
  },
  service: {
    network: { subnets: ['subnet-0a1b2c3d'] },
    loadBalancers: [
      {
        targetGroupArn: TARGET_GROUP,
        containerName: 'web',
        containerPort: 8080,
        advancedConfiguration: BLUE_GREEN_ADVANCED,
      },
    ],
    deploymentStrategy: 'blue-green',
    bakeTimeInMinutes: 5,
    capacityProviderStrategy: [
      { capacityProvider: 'FARGATE', weight: 1, base: 2 },
      { capacityProvider: 'FARGATE_SPOT', weight: 4 },
    ],
    autoScaling: {
      minCapacity: 2,
      maxCapacity: 20,
      targetTracking: [
        { metric: 'cpu', target: 55 },
        { metric: 'memory', target: 70, scaleInCooldown: 120 },
        { metric: 'alb-requests', target: 1000, loadBalancerArn: LOAD_BALANCER },
      ],
      scheduled: [{ name: 'weekday-morning', schedule: 'cron(0 7 ? * MON-FRI *)', minCapacity: 4 }],
    },
    serviceRegistries: [{ create: { namespaceId: NAMESPACE_ID } }],
    serviceConnect: {
      namespace: `arn:aws:servicediscovery:eu-west-1:${ACCOUNT}:namespace/ns-0123456789abcdef`,
      services: [{ portName: 'http', clientAliases: [{ port: 8080 }] }],
    },
  },
};

export const optionVariables: VariableDefinition[] = [v('Db.Password', 'opt-s3cret', {}, true)];
