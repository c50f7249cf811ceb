import { CreateStackCommand } from '@aws-sdk/client-cloudformation';
import { DescribeServicesCommand } from '@aws-sdk/client-ecs';
import { startKitWithClusters, stopKit, waitForStack, type Kit } from './sandbox-kit';

const TG = (name: string, id: string) =>
  `arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/${name}/${id}`;
const ADVANCED = {
  alternateTargetGroupArn: TG('green', 'fedcba9876543210'),
  productionListenerRule:
    'arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener-rule/app/shop/0123456789abcdef/0123456789abcdef/1111111111111111',
  roleArn: 'arn:aws:iam::123456789012:role/ecs-infrastructure',
};

/** docs/sandbox.md: a BLUE_GREEN service is accepted and deployed as a rolling one (phases not modelled). */
describe('sandbox: an ECS-native blue/green service', () => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKitWithClusters('apps');
  });
  afterAll(() => stopKit(kit));

  it('creates the stack and shows the load balancer with its advanced configuration', async () => {
    const template = {
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: {
        TaskDefinition: {
          Type: 'AWS::ECS::TaskDefinition',
          Properties: {
            Family: 'bg-web',
            Cpu: '256',
            Memory: '512',
            NetworkMode: 'awsvpc',
            RequiresCompatibilities: ['FARGATE'],
            ContainerDefinitions: [
              { Name: 'web', Image: 'nginx:1.27', PortMappings: [{ ContainerPort: 80 }] },
            ],
          },
        },
        Service: {
          Type: 'AWS::ECS::Service',
          Properties: {
            ServiceName: 'bg-web',
            Cluster: 'apps',
            LaunchType: 'FARGATE',
            DesiredCount: 1,
            TaskDefinition: { Ref: 'TaskDefinition' },
            NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ['subnet-0a1b2c3d'] } },
            DeploymentConfiguration: { Strategy: 'BLUE_GREEN', BakeTimeInMinutes: 1 },
            LoadBalancers: [
              {
                TargetGroupArn: TG('blue', '0123456789abcdef'),
                ContainerName: 'web',
                ContainerPort: 80,
                AdvancedConfiguration: {
                  AlternateTargetGroupArn: ADVANCED.alternateTargetGroupArn,
                  ProductionListenerRule: ADVANCED.productionListenerRule,
                  RoleArn: ADVANCED.roleArn,
                },
              },
            ],
          },
        },
      },
    };
    await kit.cfn.send(
      new CreateStackCommand({ StackName: 'bg', TemplateBody: JSON.stringify(template) }),
    );
    expect((await waitForStack(kit, 'bg')).StackStatus).toBe('CREATE_COMPLETE');
    const service = (
      await kit.ecs.send(new DescribeServicesCommand({ cluster: 'apps', services: ['bg-web'] }))
    ).services?.[0];
    expect(service?.loadBalancers?.[0]).toEqual({
      targetGroupArn: TG('blue', '0123456789abcdef'),
      containerName: 'web',
      containerPort: 80,
      advancedConfiguration: ADVANCED,
    });
    expect(service?.deployments?.[0]?.rolloutState).toBe('COMPLETED');
  });
});
