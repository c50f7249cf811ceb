import {
  CreateStackCommand,
  DescribeStackEventsCommand,
  GetTemplateSummaryCommand,
  ValidateTemplateCommand,
} from '@aws-sdk/client-cloudformation';
import { DescribeClustersCommand } from '@aws-sdk/client-ecs';
import { allEvents, startKit, stopKit, waitForStack, type Kit } from './sandbox-kit';

const YAML_TEMPLATE = `
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env:
    Type: String
    AllowedValues: [prod, dev]
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Cluster:
    Type: AWS::ECS::Cluster
    Properties:
      ClusterName: !Sub "\${AWS::StackName}-\${Env}"
  Logs:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: !Join ["/", ["", gantry, !Ref "AWS::StackName"]]
      RetentionInDays: !If [IsProd, 90, 7]
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: ecs-tasks.amazonaws.com }, Action: "sts:AssumeRole" }]
  Debug:
    Type: AWS::Logs::LogGroup
    Condition: IsProd
    Properties:
      RetentionInDays: 1
Outputs:
  ClusterArn:
    Value: !GetAtt Cluster.Arn
  LogGroup:
    Value: !Select [0, [!Ref Logs, other]]
  RoleArn:
    Value: !GetAtt [Role, Arn]
`;

describe('templates: YAML short form, conditions, validation, events (SDK over HTTP)', () => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKit();
  });
  afterAll(() => stopKit(kit));

  it('creates a YAML template with short-form tags, conditions and IAM capability', async () => {
    const input = {
      StackName: 'yaml',
      TemplateBody: YAML_TEMPLATE,
      Parameters: [{ ParameterKey: 'Env', ParameterValue: 'dev' }],
    };
    await expect(kit.cfn.send(new CreateStackCommand(input))).rejects.toMatchObject({
      name: 'InsufficientCapabilitiesException',
      message: 'Requires capabilities : [CAPABILITY_IAM]',
    });
    await kit.cfn.send(new CreateStackCommand({ ...input, Capabilities: ['CAPABILITY_IAM'] }));
    const stack = await waitForStack(kit, 'yaml');
    expect(stack.StackStatus).toBe('CREATE_COMPLETE');
    const outputs = Object.fromEntries(
      (stack.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]),
    );
    expect(outputs).toEqual({
      ClusterArn: 'arn:aws:ecs:eu-west-1:123456789012:cluster/yaml-dev',
      LogGroup: '/gantry/yaml',
      RoleArn: expect.stringMatching(/^arn:aws:iam::123456789012:role\/yaml-Role-[A-Z0-9]{12}$/),
    });
    const events = await allEvents(kit, 'yaml');
    expect(events.some((e) => e.LogicalResourceId === 'Debug')).toBe(false);
    const clusters = await kit.ecs.send(new DescribeClustersCommand({ clusters: ['yaml-dev'] }));
    expect(clusters.clusters?.[0].status).toBe('ACTIVE');
  });

  it.each([
    [
      { Resources: { B: { Type: 'AWS::S3::Bucket' } } },
      'Template format error: Unrecognized resource types: [AWS::S3::Bucket]',
    ],
    [{ Resources: {} }, 'Template format error: At least one Resources member must be defined.'],
    [
      {
        Resources: {
          L: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: { Ref: 'Nope' } } },
        },
      },
      'Template format error: Unresolved resource dependencies [Nope] in the Resources block of the template',
    ],
    [
      {
        Resources: {
          A: { Type: 'AWS::Logs::LogGroup', DependsOn: 'B' },
          B: { Type: 'AWS::Logs::LogGroup', DependsOn: 'A' },
        },
      },
      'Circular dependency between resources: [A, B]',
    ],
  ])('refuses %j', async (template, message) => {
    const TemplateBody = JSON.stringify(template);
    await expect(kit.cfn.send(new ValidateTemplateCommand({ TemplateBody }))).rejects.toMatchObject(
      { name: 'ValidationError', message },
    );
    await expect(
      kit.cfn.send(new CreateStackCommand({ StackName: 'bad', TemplateBody })),
    ).rejects.toMatchObject({ name: 'ValidationError', message });
  });

  it.each([
    [
      [{ ParameterKey: 'Env', ParameterValue: 'qa' }],
      "Parameter 'Env' must be one of AllowedValues",
    ],
    [[], 'Parameters: [Env] must have values'],
    [
      [
        { ParameterKey: 'Env', ParameterValue: 'dev' },
        { ParameterKey: 'X', ParameterValue: '1' },
      ],
      'Parameters: [X] do not exist in the template',
    ],
  ])('checks parameters %j', async (Parameters, message) => {
    await expect(
      kit.cfn.send(
        new CreateStackCommand({
          StackName: 'params',
          TemplateBody: YAML_TEMPLATE,
          Parameters,
          Capabilities: ['CAPABILITY_IAM'],
        }),
      ),
    ).rejects.toMatchObject({ message });
  });

  it('summarises a template as aws cloudformation deploy needs it', async () => {
    const summary = await kit.cfn.send(
      new GetTemplateSummaryCommand({ TemplateBody: YAML_TEMPLATE }),
    );
    expect(summary.Parameters).toEqual([
      expect.objectContaining({
        ParameterKey: 'Env',
        ParameterType: 'String',
        NoEcho: false,
        ParameterConstraints: { AllowedValues: ['prod', 'dev'] },
      }),
    ]);
    expect(summary.Capabilities).toEqual(['CAPABILITY_IAM']);
    expect(summary.ResourceTypes).toEqual([
      'AWS::ECS::Cluster',
      'AWS::Logs::LogGroup',
      'AWS::IAM::Role',
    ]);
    const byStack = await kit.cfn.send(new GetTemplateSummaryCommand({ StackName: 'yaml' }));
    expect(byStack.Version).toBe('2010-09-09');
  });

  it('pages stack events newest first with a NextToken', async () => {
    const Resources = Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [
        `Logs${i}`,
        { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 1 } },
      ]),
    );
    await kit.cfn.send(
      new CreateStackCommand({ StackName: 'many', TemplateBody: JSON.stringify({ Resources }) }),
    );
    await waitForStack(kit, 'many');
    const first = await kit.cfn.send(new DescribeStackEventsCommand({ StackName: 'many' }));
    expect(first.StackEvents).toHaveLength(100);
    expect(first.StackEvents?.[0]).toMatchObject({
      LogicalResourceId: 'many',
      ResourceStatus: 'CREATE_COMPLETE',
    });
    const second = await kit.cfn.send(
      new DescribeStackEventsCommand({ StackName: 'many', NextToken: first.NextToken }),
    );
    expect(second.NextToken).toBeUndefined();
    const all = [...(first.StackEvents ?? []), ...(second.StackEvents ?? [])];
    expect(all).toHaveLength(182);
    expect(new Set(all.map((e) => e.EventId)).size).toBe(182);
    expect(all[181]).toMatchObject({
      ResourceStatus: 'CREATE_IN_PROGRESS',
      ResourceStatusReason: 'User Initiated',
    });
    const times = all.map((e) => e.Timestamp?.getTime() ?? 0);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });
});
