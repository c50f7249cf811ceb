import { ecsServiceStepSchema, type EcsServiceStepInput } from './ecs-service-step.schema';

const TG = (name: string) =>
  `arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/${name}/0123456789abcdef`;
const RULE = (last: string) =>
  `arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener-rule/app/shop/0123456789abcdef/0123456789abcdef/${last}`;
const ADVANCED = {
  alternateTargetGroupArn: TG('green'),
  productionListenerRule: RULE('1111111111111111'),
  testListenerRule: RULE('2222222222222222'),
  roleArn: 'arn:aws:iam::123456789012:role/ecs-infrastructure',
};

const step = (service: Record<string, unknown>): EcsServiceStepInput =>
  ({
    containers: [{ name: 'web', image: 'nginx', portMappings: [{ containerPort: 80 }] }],
    task: { cpu: '256', memory: '512' },
    service: { network: { subnets: ['subnet-0a1b2c3d'] }, ...service },
  }) as EcsServiceStepInput;

const balancer = (advancedConfiguration?: Record<string, unknown>) => ({
  targetGroupArn: TG('blue'),
  containerName: 'web',
  containerPort: 80,
  ...(advancedConfiguration ? { advancedConfiguration } : {}),
});

const issues = (input: EcsServiceStepInput) => {
  const result = ecsServiceStepSchema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
};

describe('ecs-service step schema: ECS-native blue/green', () => {
  it('is rolling by default', () => {
    expect(ecsServiceStepSchema.parse(step({})).service.deploymentStrategy).toBe('rolling');
  });

  it('accepts blue/green with a bake time and the advanced configuration', () => {
    expect(
      issues(
        step({
          deploymentStrategy: 'blue-green',
          bakeTimeInMinutes: 15,
          loadBalancers: [balancer(ADVANCED)],
        }),
      ),
    ).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, { path: string; message: string }[]]>([
    [
      'blue/green without a load balancer',
      { deploymentStrategy: 'blue-green' },
      [
        {
          path: 'service.loadBalancers',
          message:
            "deploymentStrategy 'blue-green' needs a load balancer with advancedConfiguration (the alternate target group and listener rules)",
        },
      ],
    ],
    [
      'blue/green with a load balancer lacking its advanced configuration',
      { deploymentStrategy: 'blue-green', loadBalancers: [balancer()] },
      [
        {
          path: 'service.loadBalancers.0.advancedConfiguration',
          message:
            "is required with deploymentStrategy 'blue-green': alternateTargetGroupArn, productionListenerRule and roleArn",
        },
      ],
    ],
    [
      'a bake time and an advanced configuration on a rolling service',
      { bakeTimeInMinutes: 5, loadBalancers: [balancer(ADVANCED)] },
      [
        {
          path: 'service.bakeTimeInMinutes',
          message: "applies to deploymentStrategy 'blue-green' only",
        },
        {
          path: 'service.loadBalancers.0.advancedConfiguration',
          message: "applies to deploymentStrategy 'blue-green' only",
        },
      ],
    ],
    [
      'the alternate target group being the production one, the test rule the production rule',
      {
        deploymentStrategy: 'blue-green',
        loadBalancers: [
          balancer({
            ...ADVANCED,
            alternateTargetGroupArn: TG('blue'),
            testListenerRule: ADVANCED.productionListenerRule,
          }),
        ],
      },
      [
        {
          path: 'service.loadBalancers.0.advancedConfiguration.alternateTargetGroupArn',
          message: 'must be another target group than targetGroupArn',
        },
        {
          path: 'service.loadBalancers.0.advancedConfiguration.testListenerRule',
          message: 'must be another listener rule than productionListenerRule',
        },
      ],
    ],
    [
      'a listener rule, a role and a bake time of the wrong shape',
      {
        deploymentStrategy: 'blue-green',
        bakeTimeInMinutes: 2000,
        loadBalancers: [
          balancer({ ...ADVANCED, productionListenerRule: 'rule-1', roleArn: 'ecs' }),
        ],
      },
      [
        {
          path: 'service.loadBalancers.0.advancedConfiguration.productionListenerRule',
          message: expect.stringContaining('must be a listener rule ARN') as string,
        },
        {
          path: 'service.loadBalancers.0.advancedConfiguration.roleArn',
          message: expect.stringContaining('must be an IAM role ARN') as string,
        },
        {
          path: 'service.bakeTimeInMinutes',
          message: expect.stringContaining('1440') as string,
        },
      ],
    ],
  ])('refuses %s, naming the field', (_name, service, expected) => {
    expect(issues(step(service))).toEqual(expected);
  });
});
