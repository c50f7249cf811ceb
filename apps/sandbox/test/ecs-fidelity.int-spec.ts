import {
  CreateServiceCommand,
  DeregisterTaskDefinitionCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type RegisterTaskDefinitionCommandInput,
} from '@aws-sdk/client-ecs';
import { startKitWithClusters, stopKit, waitUntil, type Kit, failureOf } from './sandbox-kit';

/** ECS refuses what AWS refuses, with AWS's exception types and wording, and answers in AWS's shapes. */
describe('ECS fidelity (SDK over HTTP)', () => {
  let kit: Kit;
  const cluster = 'fidelity';
  const network = {
    awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d'], securityGroups: ['sg-0a1b2c3d'] },
  };
  const fargate = (overrides: Partial<RegisterTaskDefinitionCommandInput> = {}) =>
    new RegisterTaskDefinitionCommand({
      family: 'fid',
      cpu: '256',
      memory: '512',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      containerDefinitions: [
        { name: 'web', image: 'nginx:1', portMappings: [{ containerPort: 80 }] },
      ],
      ...overrides,
    });
  let tdArn: string;

  beforeAll(async () => {
    kit = await startKitWithClusters(cluster);
    tdArn = (await kit.ecs.send(fargate())).taskDefinition?.taskDefinitionArn as string;
  });
  afterAll(() => stopKit(kit));

  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size
  it.each([
    [
      '256 CPU with 4096 MiB',
      { cpu: '256', memory: '4096' },
      'No Fargate configuration exists for given values: 256 CPU, 4096 memory. See the Amazon ECS documentation for the valid values.',
    ],
    [
      'a CPU that is no Fargate size',
      { cpu: '300', memory: '512' },
      'No Fargate configuration exists for given values: 300 CPU, 512 memory. See the Amazon ECS documentation for the valid values.',
    ],
    [
      'no task-level CPU',
      { cpu: undefined },
      "Fargate requires that 'cpu' be defined at the task level.",
    ],
    [
      'no task-level memory',
      { memory: undefined },
      "Fargate requires that 'memory' be defined at the task level.",
    ],
    [
      'bridge network mode',
      { networkMode: 'bridge' as const },
      'Fargate only supports network mode \u2018awsvpc\u2019.',
    ],
    [
      'no network mode',
      { networkMode: undefined },
      'Fargate only supports network mode \u2018awsvpc\u2019.',
    ],
    [
      'two containers with one name',
      {
        containerDefinitions: [
          { name: 'web', image: 'nginx:1' },
          { name: 'web', image: 'nginx:2' },
        ],
      },
      'Container names must be unique within a Task Definition.',
    ],
  ])(
    'RegisterTaskDefinition refuses %s with a ClientException (task-cpu-memory-error.html)',
    async (_label, overrides, message) => {
      expect(await failureOf(kit.ecs.send(fargate(overrides)))).toEqual({
        name: 'ClientException',
        message,
      });
    },
  );

  it('accepts the documented size forms ("1 vCPU", "2 GB") and stores them as units and MiB', async () => {
    const out = await kit.ecs.send(fargate({ family: 'units', cpu: '1 vCPU', memory: '2 GB' }));
    expect(out.taskDefinition).toMatchObject({ cpu: '1024', memory: '2048' });
  });

  // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html: in awsvpc mode
  // hostPort is left blank or equals containerPort; protocol defaults to tcp.
  it('normalises port mappings as ECS does: hostPort = containerPort in awsvpc, protocol tcp', async () => {
    const out = await kit.ecs.send(fargate({ family: 'ports' }));
    expect(out.taskDefinition?.containerDefinitions?.[0].portMappings).toEqual([
      { containerPort: 80, hostPort: 80, protocol: 'tcp' },
    ]);
  });

  // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeregisterTaskDefinition.html:
  // "You must specify a revision."
  it.each([
    ['fid', 'ClientException', 'Revision is missing.'],
    ['fid:latest', 'InvalidParameterException', 'Invalid revision number. Number: latest'],
  ])('DeregisterTaskDefinition of %s is refused', async (ref, name, message) => {
    expect(
      await failureOf(kit.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: ref }))),
    ).toEqual({
      name,
      message,
    });
  });

  // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AwsVpcConfiguration.html and
  // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html (InvalidSubnetID.Malformed,
  // InvalidGroupId.Malformed), relayed by ECS as InvalidParameterException.
  it.each([
    [
      'a malformed subnet id',
      { awsvpcConfiguration: { subnets: ['not-a-subnet'] } },
      [],
      'Error retrieving subnet information for [not-a-subnet]: Invalid id: "not-a-subnet" (ErrorCode: InvalidSubnetID.Malformed)',
    ],
    [
      'a malformed security group id',
      { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d'], securityGroups: ['web-sg'] } },
      [],
      'Error retrieving security group information for [web-sg]: Invalid id: "web-sg" (expecting "sg-...") (ErrorCode: InvalidGroupId.Malformed)',
    ],
    [
      'a malformed target group ARN',
      network,
      [{ targetGroupArn: 'my-target-group', containerName: 'web', containerPort: 80 }],
      "'my-target-group' is not a valid target group ARN",
    ],
  ])(
    'CreateService refuses %s with InvalidParameterException',
    async (_label, networkConfiguration, loadBalancers, message) => {
      const error = await failureOf(
        kit.ecs.send(
          new CreateServiceCommand({
            cluster,
            serviceName: 'refused',
            taskDefinition: tdArn,
            desiredCount: 1,
            launchType: 'FARGATE',
            networkConfiguration,
            loadBalancers,
          }),
        ),
      );
      expect(error).toEqual({ name: 'InvalidParameterException', message });
      const described = await kit.ecs.send(
        new DescribeServicesCommand({ cluster, services: ['refused'] }),
      );
      expect(described.services).toEqual([]);
    },
  );

  // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeServices.html: `services` is
  // an array of strings; the JSON protocol refuses another type before the action runs.
  it('answers SerializationException when services is a string instead of a list', async () => {
    const input = { cluster, services: 'web' } as unknown as {
      cluster: string;
      services: string[];
    };
    expect((await failureOf(kit.ecs.send(new DescribeServicesCommand(input)))).name).toBe(
      'SerializationException',
    );
  });

  // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeServices.html: "You may
  // specify up to 10 services to describe"; ECS answers more with this InvalidParameterException.
  it('refuses more than 10 services in one DescribeServices', async () => {
    const services = Array.from({ length: 11 }, (_, i) => `svc-${i}`);
    const error = await failureOf(kit.ecs.send(new DescribeServicesCommand({ cluster, services })));
    expect([error.name, error.message]).toEqual([
      'InvalidParameterException',
      'service names can have at most 10 items.',
    ]);
    const ten = await kit.ecs.send(
      new DescribeServicesCommand({ cluster, services: services.slice(0, 10) }),
    );
    expect(ten.failures).toHaveLength(10);
  });

  // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Task.html and
  // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html
  it('describes a Fargate task with its cpu, memory and ENI attachment in the service subnet', async () => {
    await kit.ecs.send(
      new CreateServiceCommand({
        cluster,
        serviceName: 'web',
        taskDefinition: tdArn,
        desiredCount: 1,
        launchType: 'FARGATE',
        networkConfiguration: network,
      }),
    );
    const taskArn = await waitUntil(async () => {
      const out = await kit.ecs.send(new ListTasksCommand({ cluster, serviceName: 'web' }));
      return out.taskArns?.[0];
    });
    const task = await waitUntil(async () => {
      const out = await kit.ecs.send(new DescribeTasksCommand({ cluster, tasks: [taskArn] }));
      return out.tasks?.[0].lastStatus === 'RUNNING' ? out.tasks[0] : undefined;
    });
    expect(task).toMatchObject({ cpu: '256', memory: '512', launchType: 'FARGATE' });
    const attachment = task.attachments?.[0];
    expect(attachment).toMatchObject({ type: 'ElasticNetworkInterface', status: 'ATTACHED' });
    const details = Object.fromEntries((attachment?.details ?? []).map((d) => [d.name, d.value]));
    expect(details.subnetId).toBe('subnet-0a1b2c3d');
    expect(details.networkInterfaceId).toMatch(/^eni-[0-9a-f]{17}$/);
    expect(details.privateIPv4Address).toMatch(/^10\.0\.\d+\.\d+$/);
    expect(task.containers?.[0].networkInterfaces?.[0].privateIpv4Address).toBe(
      details.privateIPv4Address,
    );
  });

  it('UpdateService refuses a malformed subnet and leaves the service as it was', async () => {
    const error = await failureOf(
      kit.ecs.send(
        new UpdateServiceCommand({
          cluster,
          service: 'web',
          networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } },
        }),
      ),
    );
    expect(error.name).toBe('InvalidParameterException');
    const described = await kit.ecs.send(
      new DescribeServicesCommand({ cluster, services: ['web'] }),
    );
    expect(described.services?.[0].networkConfiguration).toEqual(network);
  });
});
