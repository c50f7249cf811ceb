import {
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStackResourcesCommand,
  UpdateStackCommand,
} from '@aws-sdk/client-cloudformation';
import { DescribeServicesCommand } from '@aws-sdk/client-ecs';
import { startKitWithClusters, stopKit, waitForStack, waitUntil, type Kit } from './sandbox-kit';

/** A stack as Gantry renders it with a created Cloud Map service (SRV) and Service Connect. */
function discoveryTemplate(ttl: number): string {
  return JSON.stringify({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      TaskDefinition: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: {
          Family: 'sd-web',
          Cpu: '256',
          Memory: '512',
          NetworkMode: 'awsvpc',
          RequiresCompatibilities: ['FARGATE'],
          ContainerDefinitions: [
            {
              Name: 'web',
              Image: 'nginx:1.27',
              PortMappings: [{ ContainerPort: 80, Name: 'http', AppProtocol: 'http' }],
            },
          ],
        },
      },
      DiscoveryService: {
        Type: 'AWS::ServiceDiscovery::Service',
        Properties: {
          Name: 'web',
          NamespaceId: 'ns-0123456789abcdef',
          DnsConfig: { DnsRecords: [{ Type: 'SRV', TTL: ttl }], RoutingPolicy: 'MULTIVALUE' },
          HealthCheckCustomConfig: { FailureThreshold: 1 },
        },
      },
      Service: {
        Type: 'AWS::ECS::Service',
        Properties: {
          ServiceName: 'sd-web',
          Cluster: 'apps',
          LaunchType: 'FARGATE',
          DesiredCount: 1,
          TaskDefinition: { Ref: 'TaskDefinition' },
          NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ['subnet-0a1b2c3d'] } },
          ServiceRegistries: [
            {
              RegistryArn: { 'Fn::GetAtt': ['DiscoveryService', 'Arn'] },
              ContainerName: 'web',
              ContainerPort: 80,
            },
          ],
          ServiceConnectConfiguration: {
            Enabled: true,
            Namespace: 'shop.local',
            Services: [
              {
                PortName: 'http',
                DiscoveryName: 'web',
                ClientAliases: [{ Port: 80, DnsName: 'web' }],
              },
            ],
          },
        },
      },
    },
  });
}

describe('sandbox: Cloud Map service and Service Connect', () => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKitWithClusters('apps');
  });
  afterAll(() => stopKit(kit));

  type Summary = {
    stacks: { stackName: string; status: string }[];
    discoveryServices: { id: string; arn: string; name: string; dnsConfig: unknown }[];
  };
  const state = async () =>
    (await (await fetch(`${kit.sandbox.url}/_sandbox/state`)).json()) as Summary;
  const physicalId = async () =>
    (
      await kit.cfn.send(
        new DescribeStackResourcesCommand({
          StackName: 'sd',
          LogicalResourceId: 'DiscoveryService',
        }),
      )
    ).StackResources?.[0]?.PhysicalResourceId;

  it('creates the Cloud Map service and shows the registry and Service Connect on DescribeServices', async () => {
    await kit.cfn.send(
      new CreateStackCommand({ StackName: 'sd', TemplateBody: discoveryTemplate(60) }),
    );
    expect((await waitForStack(kit, 'sd')).StackStatus).toBe('CREATE_COMPLETE');

    const id = await physicalId();
    expect(id).toMatch(/^srv-[a-z0-9]{16}$/);
    const created = (await state()).discoveryServices.find((service) => service.id === id);
    expect(created).toMatchObject({
      name: 'web',
      arn: `arn:aws:servicediscovery:eu-west-1:123456789012:service/${id}`,
    });

    const service = (
      await kit.ecs.send(new DescribeServicesCommand({ cluster: 'apps', services: ['sd-web'] }))
    ).services?.[0];
    expect(service?.serviceRegistries).toEqual([
      { registryArn: created?.arn, containerName: 'web', containerPort: 80 },
    ]);
    expect(service?.deployments?.[0]?.serviceConnectConfiguration).toEqual({
      enabled: true,
      namespace: 'shop.local',
      services: [
        { portName: 'http', discoveryName: 'web', clientAliases: [{ port: 80, dnsName: 'web' }] },
      ],
    });
  });

  it('updates the DNS records in place, keeping the Cloud Map service', async () => {
    const before = await physicalId();
    await kit.cfn.send(
      new UpdateStackCommand({ StackName: 'sd', TemplateBody: discoveryTemplate(10) }),
    );
    expect((await waitForStack(kit, 'sd')).StackStatus).toBe('UPDATE_COMPLETE');
    expect(await physicalId()).toBe(before);
    const updated = (await state()).discoveryServices.find((service) => service.id === before);
    expect(updated?.dnsConfig).toEqual({
      DnsRecords: [{ Type: 'SRV', TTL: 10 }],
      RoutingPolicy: 'MULTIVALUE',
    });
  });

  it('deletes the Cloud Map service with the stack', async () => {
    await kit.cfn.send(new DeleteStackCommand({ StackName: 'sd' }));
    const summary = await waitUntil(async () => {
      const current = await state();
      const stack = current.stacks.find((candidate) => candidate.stackName === 'sd');
      return stack?.status === 'DELETE_COMPLETE' ? current : undefined;
    });
    expect(summary.discoveryServices).toEqual([]);
  });
});
