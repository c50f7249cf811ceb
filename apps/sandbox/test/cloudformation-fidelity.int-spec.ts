import {
  CreateChangeSetCommand,
  CreateStackCommand,
  DescribeChangeSetCommand,
  DeleteStackCommand,
  DescribeStackResourceCommand,
  DescribeStacksCommand,
  ListExportsCommand,
  ListStackResourcesCommand,
  UpdateStackCommand,
  UpdateTerminationProtectionCommand,
  ValidateTemplateCommand,
  type CreateStackCommandInput,
} from '@aws-sdk/client-cloudformation';
import {
  allEvents,
  startKitWithClusters,
  stopKit,
  waitForStack,
  type Kit,
  failureOf,
} from './sandbox-kit';

type Resources = Record<string, unknown>;
const template = (resources: Resources, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: resources, ...extra });
const logGroup = (properties: Record<string, unknown> = {}) => ({
  Type: 'AWS::Logs::LogGroup',
  Properties: properties,
});

/** CloudFormation refuses what AWS refuses, with AWS's wording, and answers what the AWS CLI asks. */
describe('CloudFormation fidelity (SDK over HTTP)', () => {
  let kit: Kit;
  let n = 0;
  const name = () => `fid-${++n}`;
  const create = async (input: Omit<CreateStackCommandInput, 'StackName'>) => {
    const stackName = name();
    const out = await kit.cfn.send(new CreateStackCommand({ StackName: stackName, ...input }));
    return { stackName, stackId: out.StackId as string, stack: await waitForStack(kit, stackName) };
  };
  const failedReason = async (stackName: string, logicalId: string) =>
    (await allEvents(kit, stackName)).find(
      (e) => e.LogicalResourceId === logicalId && e.ResourceStatus?.endsWith('_FAILED'),
    )?.ResourceStatusReason;

  beforeAll(async () => {
    kit = await startKitWithClusters('apps');
  });
  afterAll(() => stopKit(kit));

  describe('resource properties are checked against the official resource schemas', () => {
    // https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-schema.html
    it.each([
      [
        'an unknown property',
        { Logs: logGroup({ RetentionInPdays: 7 }) },
        'Logs',
        'Properties validation failed for resource Logs with message: [#: extraneous key [RetentionInPdays] is not permitted]',
      ],
      [
        'a value outside the enum',
        { Logs: logGroup({ RetentionInDays: 4 }) },
        'Logs',
        'Properties validation failed for resource Logs with message: [#/RetentionInDays: 4 is not a valid enum value]',
      ],
      [
        'a read-only property',
        { Logs: logGroup({ Arn: 'arn:aws:logs:eu-west-1:123456789012:log-group:x' }) },
        'Logs',
        'Properties validation failed for resource Logs with message: [#: extraneous key [Arn] is not permitted]',
      ],
      [
        'a string where an integer is required',
        {
          Svc: {
            Type: 'AWS::ECS::Service',
            Properties: { Cluster: 'apps', TaskDefinition: 'x:1', DesiredCount: 'two' },
          },
        },
        'Svc',
        'Properties validation failed for resource Svc with message: [#/DesiredCount: expected type: Integer, found: String]',
      ],
      [
        'a missing required property',
        { Role: { Type: 'AWS::IAM::Role', Properties: { Path: '/' } } },
        'Role',
        'Properties validation failed for resource Role with message: [#: required key [AssumeRolePolicyDocument] not found]',
      ],
      [
        'a nested unknown property',
        {
          Task: {
            Type: 'AWS::ECS::TaskDefinition',
            Properties: { ContainerDefinitions: [{ Name: 'web', Image: 'nginx', Imagee: 'x' }] },
          },
        },
        'Task',
        'Properties validation failed for resource Task with message: [#/ContainerDefinitions/0: extraneous key [Imagee] is not permitted]',
      ],
    ])('%s fails the resource and rolls the stack back', async (_label, resources, id, message) => {
      const { stackName, stack } = await create({
        TemplateBody: template({ Ok: logGroup(), ...resources }),
        Capabilities: ['CAPABILITY_IAM'],
      });
      expect(stack.StackStatus).toBe('ROLLBACK_COMPLETE');
      expect(await failedReason(stackName, id)).toBe(message);
      const resources2 = await kit.cfn.send(
        new ListStackResourcesCommand({ StackName: stackName }),
      );
      expect(
        resources2.StackResourceSummaries?.find((r) => r.LogicalResourceId === 'Ok'),
      ).toMatchObject({
        ResourceStatus: 'DELETE_COMPLETE',
      });
    });

    it('a numeric string for an integer property passes, as CloudFormation converts it', async () => {
      const { stack } = await create({
        TemplateBody: template({ Logs: logGroup({ RetentionInDays: '7' }) }),
      });
      expect(stack.StackStatus).toBe('CREATE_COMPLETE');
    });

    it('an update with an unknown property fails the resource and rolls back', async () => {
      const { stackName } = await create({
        TemplateBody: template({ Logs: logGroup({ RetentionInDays: 7 }) }),
      });
      await kit.cfn.send(
        new UpdateStackCommand({
          StackName: stackName,
          TemplateBody: template({ Logs: logGroup({ RetentionInDays: 7, Colour: 'red' }) }),
        }),
      );
      expect((await waitForStack(kit, stackName)).StackStatus).toBe('UPDATE_ROLLBACK_COMPLETE');
      expect(await failedReason(stackName, 'Logs')).toBe(
        'Properties validation failed for resource Logs with message: [#: extraneous key [Colour] is not permitted]',
      );
    });
  });

  describe('template errors are refused before anything is created', () => {
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html,
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/format-version-structure.html,
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-conditions.html,
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-getatt.html
    it.each([
      [
        'a Propertes typo',
        template({ Logs: { Type: 'AWS::Logs::LogGroup', Propertes: { RetentionInDays: 7 } } }),
        "Invalid template resource property 'Propertes'",
      ],
      [
        'an unknown top-level section',
        template({ Logs: logGroup() }, { Outptus: {} }),
        'Invalid template property or properties [Outptus]',
      ],
      [
        'a format version that does not exist',
        JSON.stringify({ AWSTemplateFormatVersion: '2010-09-10', Resources: { Logs: logGroup() } }),
        'Template format error: 2010-09-10 is not a supported value for AWSTemplateFormatVersion. The only valid value is 2010-09-09.',
      ],
      [
        'a resource condition that is not defined',
        template({ Logs: { ...logGroup(), Condition: 'IsProd' } }),
        'Template format error: Unresolved condition dependency IsProd in the Resources block of the template',
      ],
      [
        'Fn::If on a condition that is not defined',
        template({ Logs: logGroup({ RetentionInDays: { 'Fn::If': ['IsProd', 7, 1] } }) }),
        'Template error: unresolved condition dependency IsProd in Fn::If',
      ],
      [
        'Fn::GetAtt of an attribute the type does not have',
        template({
          Logs: logGroup(),
          Other: logGroup({ LogGroupName: { 'Fn::GetAtt': ['Logs', 'Name'] } }),
        }),
        'Template error: resource Logs does not support attribute type Name in Fn::GetAtt',
      ],
      [
        'an output referring to a resource that does not exist',
        template(
          { Logs: logGroup() },
          { Outputs: { Arn: { Value: { 'Fn::GetAtt': ['Ghost', 'Arn'] } } } },
        ),
        'Template format error: Unresolved resource dependencies [Ghost] in the Outputs block of the template',
      ],
    ])('%s', async (_label, body, message) => {
      expect(
        await failureOf(kit.cfn.send(new ValidateTemplateCommand({ TemplateBody: body }))),
      ).toEqual({
        name: 'ValidationError',
        message,
      });
      const stackName = name();
      expect(
        await failureOf(
          kit.cfn.send(new CreateStackCommand({ StackName: stackName, TemplateBody: body })),
        ),
      ).toEqual({ name: 'ValidationError', message });
      expect(
        (await failureOf(kit.cfn.send(new DescribeStacksCommand({ StackName: stackName }))))
          .message,
      ).toBe(`Stack with id ${stackName} does not exist`);
    });

    it('accepts the format version unquoted in YAML (a YAML 1.1 date)', async () => {
      const body =
        'AWSTemplateFormatVersion: 2010-09-09\nResources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n';
      await expect(
        kit.cfn.send(new ValidateTemplateCommand({ TemplateBody: body })),
      ).resolves.toBeDefined();
    });
  });

  // https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStack.html (OnFailure)
  it('OnFailure=DELETE deletes the stack after a failed create', async () => {
    const stackName = name();
    const { StackId: stackId } = await kit.cfn.send(
      new CreateStackCommand({
        StackName: stackName,
        TemplateBody: template({ Ok: logGroup(), Logs: logGroup({ RetentionInPdays: 7 }) }),
        OnFailure: 'DELETE',
      }),
    );
    const stack = await waitForStack(kit, stackId as string);
    expect(stack.StackStatus).toBe('DELETE_COMPLETE');
    const deleting = (await allEvents(kit, stackId as string)).find(
      (e) => e.LogicalResourceId === stackName && e.ResourceStatus === 'DELETE_IN_PROGRESS',
    );
    expect(deleting?.ResourceStatusReason).toBe(
      'The following resource(s) failed to create: [Logs]. Delete requested by user.',
    );
  });

  it('OnFailure=DO_NOTHING leaves CREATE_FAILED; the default rolls back', async () => {
    const body = template({ Logs: logGroup({ RetentionInPdays: 7 }) });
    expect((await create({ TemplateBody: body, OnFailure: 'DO_NOTHING' })).stack.StackStatus).toBe(
      'CREATE_FAILED',
    );
    expect((await create({ TemplateBody: body })).stack.StackStatus).toBe('ROLLBACK_COMPLETE');
  });

  // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-stack-exports.html:
  // export names are unique per account and region.
  it('lists exports and refuses a second stack exporting the same name, rolling it back', async () => {
    const exporting = (exportName: string) =>
      template(
        { Logs: logGroup() },
        { Outputs: { Group: { Value: { Ref: 'Logs' }, Export: { Name: exportName } } } },
      );
    const first = await create({ TemplateBody: exporting('shared-logs') });
    expect(first.stack.StackStatus).toBe('CREATE_COMPLETE');
    const exports = await kit.cfn.send(new ListExportsCommand({}));
    expect(exports.Exports).toContainEqual({
      ExportingStackId: first.stackId,
      Name: 'shared-logs',
      Value: first.stack.Outputs?.[0].OutputValue,
    });
    const second = await create({ TemplateBody: exporting('shared-logs') });
    expect(second.stack.StackStatus).toBe('ROLLBACK_COMPLETE');
    expect(second.stack.StackStatusReason).toBeUndefined();
    const rollback = (await allEvents(kit, second.stackName)).find(
      (e) =>
        e.LogicalResourceId === second.stackName && e.ResourceStatus === 'ROLLBACK_IN_PROGRESS',
    );
    expect(rollback?.ResourceStatusReason).toBe(
      `Export with name shared-logs is already exported by stack ${first.stackName}. Rollback requested by user.`,
    );
  });

  // https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ListStackResources.html and
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DescribeStackResource.html
  it('lists and describes stack resources', async () => {
    const { stackName, stackId } = await create({ TemplateBody: template({ Logs: logGroup() }) });
    const listed = await kit.cfn.send(new ListStackResourcesCommand({ StackName: stackName }));
    expect(listed.StackResourceSummaries).toEqual([
      expect.objectContaining({
        LogicalResourceId: 'Logs',
        ResourceType: 'AWS::Logs::LogGroup',
        ResourceStatus: 'CREATE_COMPLETE',
        PhysicalResourceId: expect.stringMatching(/^fid-\d+-Logs-[A-Z0-9]{12}$/),
        LastUpdatedTimestamp: expect.any(Date),
      }),
    ]);
    const described = await kit.cfn.send(
      new DescribeStackResourceCommand({ StackName: stackName, LogicalResourceId: 'Logs' }),
    );
    expect(described.StackResourceDetail).toMatchObject({
      StackId: stackId,
      StackName: stackName,
      LogicalResourceId: 'Logs',
      ResourceStatus: 'CREATE_COMPLETE',
    });
    expect(
      (
        await failureOf(
          kit.cfn.send(
            new DescribeStackResourceCommand({ StackName: stackName, LogicalResourceId: 'Nope' }),
          ),
        )
      ).message,
    ).toBe(`Resource Nope does not exist for stack ${stackName}`);
  });

  // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-protect-stacks.html
  it('termination protection refuses DeleteStack until it is turned off', async () => {
    const { stackName, stackId } = await create({ TemplateBody: template({ Logs: logGroup() }) });
    const out = await kit.cfn.send(
      new UpdateTerminationProtectionCommand({
        StackName: stackName,
        EnableTerminationProtection: true,
      }),
    );
    expect(out.StackId).toBe(stackId);
    const described = await kit.cfn.send(new DescribeStacksCommand({ StackName: stackName }));
    expect(described.Stacks?.[0].EnableTerminationProtection).toBe(true);
    expect(await failureOf(kit.cfn.send(new DeleteStackCommand({ StackName: stackName })))).toEqual(
      {
        name: 'ValidationError',
        message: `Stack [${stackName}] cannot be deleted while TerminationProtection is enabled`,
      },
    );
    await kit.cfn.send(
      new UpdateTerminationProtectionCommand({
        StackName: stackName,
        EnableTerminationProtection: false,
      }),
    );
    await kit.cfn.send(new DeleteStackCommand({ StackName: stackName }));
    expect((await waitForStack(kit, stackId)).StackStatus).toBe('DELETE_COMPLETE');
  });

  it('CreateStack with EnableTerminationProtection protects the stack', async () => {
    const { stackName } = await create({
      TemplateBody: template({ Logs: logGroup() }),
      EnableTerminationProtection: true,
    });
    expect(
      (await failureOf(kit.cfn.send(new DeleteStackCommand({ StackName: stackName })))).message,
    ).toContain('cannot be deleted while TerminationProtection is enabled');
  });

  // https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ResourceChangeDetail.html and
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-updating-stacks-changesets-samples.html
  it('change sets say which parameter or resource causes each change, and when replacement is conditional', async () => {
    const body = JSON.stringify({
      Parameters: {
        Prefix: { Type: 'String', Default: 'one' },
        Retention: { Type: 'Number', Default: 7 },
      },
      Resources: {
        Logs: logGroup({
          LogGroupName: { 'Fn::Sub': '${Prefix}-logs' },
          RetentionInDays: { Ref: 'Retention' },
        }),
        Task: {
          Type: 'AWS::ECS::TaskDefinition',
          Properties: {
            Family: 'fid-cs',
            ContainerDefinitions: [
              {
                Name: 'web',
                Image: 'nginx:1',
                Memory: 512,
                LogConfiguration: {
                  LogDriver: 'awslogs',
                  Options: { 'awslogs-group': { Ref: 'Logs' }, 'awslogs-region': 'eu-west-1' },
                },
              },
            ],
          },
        },
      },
    });
    const { stackName } = await create({ TemplateBody: body });
    const changeSet = async (parameters: Record<string, string>, changeSetName: string) => {
      await kit.cfn.send(
        new CreateChangeSetCommand({
          StackName: stackName,
          ChangeSetName: changeSetName,
          UsePreviousTemplate: true,
          Parameters: Object.entries(parameters).map(([ParameterKey, ParameterValue]) => ({
            ParameterKey,
            ParameterValue,
          })),
        }),
      );
      for (;;) {
        const out = await kit.cfn.send(
          new DescribeChangeSetCommand({ StackName: stackName, ChangeSetName: changeSetName }),
        );
        if (out.Status === 'CREATE_COMPLETE' || out.Status === 'FAILED')
          return Object.fromEntries(
            (out.Changes ?? []).map((c) => [c.ResourceChange?.LogicalResourceId, c.ResourceChange]),
          );
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    };

    const retention = await changeSet({ Prefix: 'one', Retention: '14' }, 'retention');
    expect(Object.keys(retention)).toEqual(['Logs']);
    expect(retention.Logs).toMatchObject({ Action: 'Modify', Replacement: 'False' });
    expect(retention.Logs?.Details).toEqual([
      {
        Target: { Attribute: 'Properties', Name: 'RetentionInDays', RequiresRecreation: 'Never' },
        Evaluation: 'Static',
        ChangeSource: 'ParameterReference',
        CausingEntity: 'Retention',
      },
    ]);

    const renamed = await changeSet({ Prefix: 'two', Retention: '7' }, 'renamed');
    expect(renamed.Logs).toMatchObject({ Replacement: 'True' });
    expect(renamed.Logs?.Details).toEqual([
      {
        Target: { Attribute: 'Properties', Name: 'LogGroupName', RequiresRecreation: 'Always' },
        Evaluation: 'Static',
        ChangeSource: 'ParameterReference',
        CausingEntity: 'Prefix',
      },
    ]);
    expect(renamed.Task).toMatchObject({ Action: 'Modify', Replacement: 'Conditional' });
    expect(renamed.Task?.Details).toEqual([
      {
        Target: {
          Attribute: 'Properties',
          Name: 'ContainerDefinitions',
          RequiresRecreation: 'Always',
        },
        Evaluation: 'Dynamic',
        ChangeSource: 'ResourceReference',
        CausingEntity: 'Logs',
      },
    ]);
  });

  // https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_UpdateStack.html
  it('UpdateStack of a stack that does not exist says Stack [name] does not exist', async () => {
    expect(
      await failureOf(
        kit.cfn.send(
          new UpdateStackCommand({ StackName: 'ghost', TemplateBody: template({ L: logGroup() }) }),
        ),
      ),
    ).toEqual({ name: 'ValidationError', message: 'Stack [ghost] does not exist' });
  });

  // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html
  it('a parameter that fails its constraint is reported with its ConstraintDescription', async () => {
    const body = template(
      { Logs: logGroup() },
      {
        Parameters: {
          Env: {
            Type: 'String',
            AllowedPattern: '[a-z]+',
            ConstraintDescription: 'must be lower-case letters',
          },
        },
      },
    );
    expect(
      await failureOf(
        kit.cfn.send(
          new CreateStackCommand({
            StackName: name(),
            TemplateBody: body,
            Parameters: [{ ParameterKey: 'Env', ParameterValue: 'Prod1' }],
          }),
        ),
      ),
    ).toEqual({
      name: 'ValidationError',
      message: 'Parameter Env failed to satisfy constraint: must be lower-case letters',
    });
  });
});
