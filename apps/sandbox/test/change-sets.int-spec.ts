import {
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  type DescribeChangeSetCommandOutput,
} from '@aws-sdk/client-cloudformation';
import { CreateClusterCommand, DescribeTasksCommand, ListTasksCommand } from '@aws-sdk/client-ecs';
import {
  allEvents,
  serviceTemplate,
  startKitWithClusters,
  stopKit,
  waitForStack,
  waitUntil,
  type Kit,
} from './sandbox-kit';

describe('change sets (SDK over HTTP)', () => {
  let kit: Kit;
  const template = serviceTemplate();

  beforeAll(async () => {
    kit = await startKitWithClusters('apps');
  });
  afterAll(() => stopKit(kit));

  const settled = (StackName: string, ChangeSetName: string) =>
    waitUntil(async () => {
      const out = await kit.cfn.send(new DescribeChangeSetCommand({ StackName, ChangeSetName }));
      return out.Status === 'CREATE_PENDING' || out.Status === 'CREATE_IN_PROGRESS'
        ? undefined
        : out;
    });

  it('creates a stack through a CREATE change set, executed once for a repeated token', async () => {
    const StackName = 'cs-create';
    const params = {
      StackName,
      ChangeSetName: 'gantry-d1',
      ChangeSetType: 'CREATE' as const,
      TemplateBody: template,
      ClientToken: 'd1',
    };
    const first = await kit.cfn.send(new CreateChangeSetCommand(params));
    const again = await kit.cfn.send(new CreateChangeSetCommand(params));
    expect(again.Id).toBe(first.Id);
    const review = await kit.cfn.send(new DescribeStacksCommand({ StackName }));
    expect(review.Stacks?.[0].StackStatus).toBe('REVIEW_IN_PROGRESS');
    const cs = await settled(StackName, 'gantry-d1');
    expect(cs).toMatchObject({ Status: 'CREATE_COMPLETE', ExecutionStatus: 'AVAILABLE' });
    expect(
      cs.Changes?.map((c) => [c.ResourceChange?.Action, c.ResourceChange?.LogicalResourceId]),
    ).toEqual([
      ['Add', 'LogGroup'],
      ['Add', 'TaskDefinition'],
      ['Add', 'Service'],
    ]);
    await kit.cfn.send(
      new ExecuteChangeSetCommand({
        StackName,
        ChangeSetName: first.Id,
        ClientRequestToken: 'exec-d1',
      }),
    );
    await kit.cfn.send(
      new ExecuteChangeSetCommand({
        StackName,
        ChangeSetName: first.Id,
        ClientRequestToken: 'exec-d1',
      }),
    );
    await expect(
      kit.cfn.send(
        new ExecuteChangeSetCommand({ ChangeSetName: first.Id, ClientRequestToken: 'other' }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidChangeSetStatusException',
    });
    const stack = await waitForStack(kit, StackName);
    expect(stack.StackStatus).toBe('CREATE_COMPLETE');
    expect(stack.ChangeSetId).toBe(first.Id);
    const events = await allEvents(kit, StackName);
    expect(
      events.filter(
        (e) => e.LogicalResourceId === StackName && e.ResourceStatus === 'CREATE_IN_PROGRESS',
      ),
    ).toHaveLength(1);
    expect(
      events
        .filter((e) => e.ResourceStatus === 'CREATE_IN_PROGRESS')
        .every((e) => e.ClientRequestToken === 'exec-d1'),
    ).toBe(true);
    const executed = await kit.cfn.send(new DescribeChangeSetCommand({ ChangeSetName: first.Id }));
    expect(executed.ExecutionStatus).toBe('EXECUTE_COMPLETE');
  });

  it('shows a replaced task definition and an in-place service update, then runs it', async () => {
    const StackName = 'cs-create';
    const created = await kit.cfn.send(
      new CreateChangeSetCommand({
        StackName,
        ChangeSetName: 'gantry-d2',
        ChangeSetType: 'UPDATE',
        TemplateBody: template,
        Parameters: [
          { ParameterKey: 'ImageTagWeb', ParameterValue: '2.0' },
          { ParameterKey: 'DbPassword', ParameterValue: 'new-secret' },
        ],
      }),
    );
    const cs: DescribeChangeSetCommandOutput = await settled(StackName, 'gantry-d2');
    expect(cs.Status).toBe('CREATE_COMPLETE');
    expect(cs.Parameters?.find((p) => p.ParameterKey === 'DbPassword')?.ParameterValue).toBe(
      '****',
    );
    const byId = Object.fromEntries(
      (cs.Changes ?? []).map((c) => [c.ResourceChange?.LogicalResourceId, c.ResourceChange]),
    );
    expect(Object.keys(byId).sort()).toEqual(['Service', 'TaskDefinition']);
    expect(byId.TaskDefinition).toMatchObject({
      Action: 'Modify',
      Replacement: 'True',
      Scope: ['Properties'],
      ResourceType: 'AWS::ECS::TaskDefinition',
    });
    expect(byId.Service).toMatchObject({
      Action: 'Modify',
      Replacement: 'False',
      Scope: ['Properties'],
    });
    expect(byId.Service?.Details?.[0]).toMatchObject({
      Target: { Name: 'TaskDefinition', RequiresRecreation: 'Never' },
      Evaluation: 'Dynamic',
      ChangeSource: 'ResourceReference',
    });
    await kit.cfn.send(
      new ExecuteChangeSetCommand({ ChangeSetName: created.Id, ClientRequestToken: 'exec-d2' }),
    );
    expect((await waitForStack(kit, StackName)).StackStatus).toBe('UPDATE_COMPLETE');
  });

  it('fails a change set that changes nothing with AWS wording', async () => {
    const StackName = 'cs-create';
    await kit.cfn.send(
      new CreateChangeSetCommand({
        StackName,
        ChangeSetName: 'gantry-d3',
        UsePreviousTemplate: true,
        Parameters: [
          { ParameterKey: 'ImageTagWeb', UsePreviousValue: true },
          { ParameterKey: 'DbPassword', UsePreviousValue: true },
        ],
      }),
    );
    const cs = await settled(StackName, 'gantry-d3');
    expect(cs).toMatchObject({
      Status: 'FAILED',
      ExecutionStatus: 'UNAVAILABLE',
      StatusReason:
        "The submitted information didn't contain changes. Submit different information to create a change set.",
    });
    await kit.cfn.send(new DeleteChangeSetCommand({ StackName, ChangeSetName: 'gantry-d3' }));
    await expect(
      kit.cfn.send(new DescribeChangeSetCommand({ StackName, ChangeSetName: 'gantry-d3' })),
    ).rejects.toMatchObject({
      name: 'ChangeSetNotFoundException',
    });
  });

  it('ends a failing CREATE change set in ROLLBACK_COMPLETE with the pull error on the tasks', async () => {
    const StackName = 'cs-pull';
    const created = await kit.cfn.send(
      new CreateChangeSetCommand({
        StackName,
        ChangeSetName: 'gantry-d4',
        ChangeSetType: 'CREATE',
        TemplateBody: serviceTemplate({ cluster: 'apps-2', desiredCount: 1 }),
        Parameters: [{ ParameterKey: 'ImageTagWeb', ParameterValue: 'pull-error' }],
      }),
    );
    await kit.ecs.send(new CreateClusterCommand({ clusterName: 'apps-2' }));
    await settled(StackName, 'gantry-d4');
    await kit.cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: created.Id }));
    const stack = await waitForStack(kit, StackName);
    expect(stack.StackStatus).toBe('ROLLBACK_COMPLETE');
    expect(stack.StackStatusReason).toBeUndefined();
    const events = await allEvents(kit, StackName);
    expect(
      events.find((e) => e.ResourceStatus === 'ROLLBACK_IN_PROGRESS')?.ResourceStatusReason,
    ).toBe('The following resource(s) failed to create: [Service]. Rollback requested by user.');
    expect(
      events.find((e) => e.ResourceStatus === 'CREATE_FAILED')?.ResourceStatusReason,
    ).toContain('ECS Deployment Circuit Breaker was triggered');
    const stopped = await kit.ecs.send(
      new ListTasksCommand({ cluster: 'apps-2', desiredStatus: 'STOPPED' }),
    );
    const tasks = await kit.ecs.send(
      new DescribeTasksCommand({ cluster: 'apps-2', tasks: stopped.taskArns?.slice(0, 1) }),
    );
    expect(tasks.tasks?.[0]).toMatchObject({
      stopCode: 'TaskFailedToStart',
      lastStatus: 'STOPPED',
    });
    expect(tasks.tasks?.[0].stoppedReason).toMatch(/^CannotPullContainerError: /);
    const executed = await kit.cfn.send(
      new DescribeChangeSetCommand({ ChangeSetName: created.Id }),
    );
    expect(executed.ExecutionStatus).toBe('EXECUTE_FAILED');
  });
});
