import { ecsServiceStepSchema, type EcsServiceStepInput } from './ecs-service-step.schema';

const REGISTRY = 'arn:aws:servicediscovery:eu-west-1:123456789012:service/srv-0123456789abcdef';
const NAMESPACE = 'ns-0123456789abcdef';

const step = (service: Record<string, unknown>): EcsServiceStepInput =>
  ({
    containers: [
      {
        name: 'web',
        image: 'nginx',
        portMappings: [{ containerPort: 80, name: 'http' }, { containerPort: 9090 }],
      },
    ],
    task: { cpu: '256', memory: '512' },
    service: { network: { subnets: ['subnet-0a1b2c3d'] }, ...service },
  }) as EcsServiceStepInput;

const issues = (input: EcsServiceStepInput) => {
  const result = ecsServiceStepSchema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
};

describe('ecs-service step schema: service discovery and Service Connect', () => {
  it.each<[string, Record<string, unknown>]>([
    ['an existing Cloud Map service', { serviceRegistries: [{ registryArn: REGISTRY }] }],
    [
      'an existing Cloud Map service with its SRV container',
      { serviceRegistries: [{ registryArn: REGISTRY, containerName: 'web', containerPort: 80 }] },
    ],
    ['a created A record', { serviceRegistries: [{ create: { namespaceId: NAMESPACE } }] }],
    [
      'a created SRV record',
      {
        serviceRegistries: [
          {
            create: { namespaceId: NAMESPACE, dnsRecordType: 'SRV' },
            containerName: 'web',
            containerPort: 80,
          },
        ],
      },
    ],
    [
      'Service Connect on a named port',
      {
        serviceConnect: {
          namespace: 'shop.local',
          services: [{ portName: 'http', clientAliases: [{ port: 80, dnsName: 'web' }] }],
        },
      },
    ],
    ['a Service Connect client only', { serviceConnect: { namespace: 'shop.local' } }],
  ])('accepts %s', (_name, service) => {
    expect(issues(step(service))).toEqual([]);
  });

  it('defaults to no registry and no Service Connect', () => {
    const parsed = ecsServiceStepSchema.parse(step({}));
    expect(parsed.service.serviceRegistries).toEqual([]);
    expect(parsed.service.serviceConnect).toBeUndefined();
  });

  it.each<[string, Record<string, unknown>, { path: string; message: string }[]]>([
    [
      'neither an ARN nor create',
      { serviceRegistries: [{}] },
      [
        {
          path: 'service.serviceRegistries.0',
          message: 'needs exactly one of registryArn (an existing Cloud Map service) or create',
        },
      ],
    ],
    [
      'both an ARN and create',
      { serviceRegistries: [{ registryArn: REGISTRY, create: { namespaceId: NAMESPACE } }] },
      [
        {
          path: 'service.serviceRegistries.0',
          message: 'needs exactly one of registryArn (an existing Cloud Map service) or create',
        },
      ],
    ],
    [
      'an ARN that is not a Cloud Map service',
      { serviceRegistries: [{ registryArn: 'srv-123' }] },
      [
        {
          path: 'service.serviceRegistries.0.registryArn',
          message: expect.stringContaining('must be a Cloud Map service ARN') as string,
        },
      ],
    ],
    [
      'a namespace id of the wrong shape',
      { serviceRegistries: [{ create: { namespaceId: 'shop.local' } }] },
      [
        {
          path: 'service.serviceRegistries.0.create.namespaceId',
          message: expect.stringContaining('must be a Cloud Map namespace id') as string,
        },
      ],
    ],
    [
      'two registries',
      { serviceRegistries: [{ registryArn: REGISTRY }, { registryArn: REGISTRY }] },
      [
        {
          path: 'service.serviceRegistries',
          message: 'ECS allows one service registry per service',
        },
      ],
    ],
    [
      'an SRV record without its container and port',
      { serviceRegistries: [{ create: { namespaceId: NAMESPACE, dnsRecordType: 'SRV' } }] },
      [
        {
          path: 'service.serviceRegistries.0.containerName',
          message: 'is required for an SRV record with awsvpc networking',
        },
        {
          path: 'service.serviceRegistries.0.containerPort',
          message: 'is required for an SRV record with awsvpc networking',
        },
      ],
    ],
    [
      'an A record with a container port',
      {
        serviceRegistries: [
          { create: { namespaceId: NAMESPACE }, containerName: 'web', containerPort: 80 },
        ],
      },
      [
        {
          path: 'service.serviceRegistries.0.containerName',
          message: 'applies to SRV records only: an A record holds the task address',
        },
        {
          path: 'service.serviceRegistries.0.containerPort',
          message: 'applies to SRV records only: an A record holds the task address',
        },
      ],
    ],
    [
      'an SRV record on an unknown container and a port it does not map',
      {
        serviceRegistries: [{ registryArn: REGISTRY, containerName: 'api', containerPort: 80 }],
      },
      [
        {
          path: 'service.serviceRegistries.0.containerName',
          message: "'api' is not a container of this step",
        },
      ],
    ],
    [
      'an SRV port the container does not map',
      {
        serviceRegistries: [
          {
            create: { namespaceId: NAMESPACE, dnsRecordType: 'SRV' },
            containerName: 'web',
            containerPort: 81,
          },
        ],
      },
      [
        {
          path: 'service.serviceRegistries.0.containerPort',
          message: "container 'web' does not map port 81",
        },
      ],
    ],
    [
      'a container name without its port',
      { serviceRegistries: [{ registryArn: REGISTRY, containerName: 'web' }] },
      [
        {
          path: 'service.serviceRegistries.0.containerPort',
          message: 'containerName and containerPort go together',
        },
      ],
    ],
    [
      'a Service Connect port name no port mapping has',
      {
        serviceConnect: {
          namespace: 'shop.local',
          services: [{ portName: 'grpc', clientAliases: [{ port: 80 }] }],
        },
      },
      [
        {
          path: 'service.serviceConnect.services.0.portName',
          message: "'grpc' is not the name of a container port mapping (set portMappings[].name)",
        },
      ],
    ],
    [
      'two Service Connect services with one discovery name and a doubled alias port',
      {
        serviceConnect: {
          namespace: 'shop.local',
          services: [
            { portName: 'http' },
            { portName: 'http', clientAliases: [{ port: 80 }, { port: 80, dnsName: 'x' }] },
          ],
        },
      },
      [
        {
          path: 'service.serviceConnect.services.1.discoveryName',
          message: "discovery name 'http' is used twice",
        },
        {
          path: 'service.serviceConnect.services.1.clientAliases.1.port',
          message: 'port 80 has two client aliases',
        },
      ],
    ],
  ])('refuses %s, naming the field', (_name, service, expected) => {
    expect(issues(step(service))).toEqual(expected);
  });
});
