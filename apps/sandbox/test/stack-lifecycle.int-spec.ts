import {
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
  GetTemplateCommand,
  UpdateStackCommand,
} from '@aws-sdk/client-cloudformation';
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListTasksCommand,
} from '@aws-sdk/client-ecs';
import {
  allEvents,
  serviceTemplate,
  startKitWithClusters,
  stopKit,
  waitForStack,
  type Kit,
} from './sandbox-kit';

describe('a stack through create, update, crash rollback and delete (SDK over HTTP)', () => {
  let kit: Kit;
  const StackName = 'web-prod';
  const template = serviceTemplate();
  const output = async (key: string) => {
    const out = await kit.cfn.send(new DescribeStacksCommand({ StackName }));
    return out.Stacks?.[0].Outputs?.find((o) => o.OutputKey === key)?.OutputValue;
  };
  const service = async () =>
    (await kit.ecs.send(new DescribeServicesCommand({ cluster: 'apps', services: ['web'] })))
      .services?.[0];

  beforeAll(async () => {
    kit = await startKitWithClusters('apps');
  });
  afterAll(() => stopKit(kit));

  it('creates the stack in dependency order with outputs and masked NoEcho parameters', async () => {
    const created = await kit.cfn.send(
      new CreateStackCommand({ StackName, TemplateBody: template, ClientRequestToken: 'create-1' }),
    );
    expect(created.StackId).toMatch(
      /^arn:aws:cloudformation:eu-west-1:123456789012:stack\/web-prod\//,
    );
    const stack = await waitForStack(kit, StackName);
    expect(stack.StackStatus).toBe('CREATE_COMPLETE');
    expect(stack.Parameters).toEqual(
      expect.arrayContaining([
        { ParameterKey: 'DbPassword', ParameterValue: '****' },
        { ParameterKey: 'ImageTagWeb', ParameterValue: '1.27' },
      ]),
    );
    expect(await output('TaskDefinitionArn')).toBe(
      'arn:aws:ecs:eu-west-1:123456789012:task-definition/web-prod-web:1',
    );
    expect(await output('ServiceArn')).toBe('arn:aws:ecs:eu-west-1:123456789012:service/apps/web');
    expect(await output('LogGroupName')).toBe('/gantry/web-prod');
    const events = await allEvents(kit, StackName);
    const completes = events
      .filter((e) => e.ResourceStatus === 'CREATE_COMPLETE')
      .map((e) => e.LogicalResourceId);
    expect(completes).toEqual([StackName, 'Service', 'TaskDefinition', 'LogGroup']);
    expect(
      events.every((e) => e.ClientRequestToken === 'create-1' && e.EventId && e.Timestamp),
    ).toBe(true);
    const initiated = events.find(
      (e) =>
        e.LogicalResourceId === 'Service' &&
        e.ResourceStatusReason === 'Resource creation Initiated',
    );
    expect(initiated).toMatchObject({
      ResourceStatus: 'CREATE_IN_PROGRESS',
      PhysicalResourceId: 'arn:aws:ecs:eu-west-1:123456789012:service/apps/web',
    });
    const svc = await service();
    expect(svc?.deployments).toEqual([
      expect.objectContaining({ status: 'PRIMARY', rolloutState: 'COMPLETED', runningCount: 2 }),
    ]);
    expect(svc?.events?.[0].message).toBe('(service web) has reached a steady state.');
    const body = await kit.cfn.send(new GetTemplateCommand({ StackName }));
    expect(body.TemplateBody).toBe(template);
  });

  it('replaces the task definition and updates the service in place on a new image tag', async () => {
    await kit.cfn.send(
      new UpdateStackCommand({
        StackName,
        TemplateBody: template,
        Parameters: [
          { ParameterKey: 'ImageTagWeb', ParameterValue: '1.28' },
          { ParameterKey: 'DbPassword', UsePreviousValue: true },
        ],
      }),
    );
    const stack = await waitForStack(kit, StackName);
    expect(stack.StackStatus).toBe('UPDATE_COMPLETE');
    expect(await output('TaskDefinitionArn')).toMatch(/task-definition\/web-prod-web:2$/);
    const events = await allEvents(kit, StackName);
    const reasons = events
      .filter(
        (e) =>
          e.LogicalResourceId === 'TaskDefinition' && e.ResourceStatus === 'UPDATE_IN_PROGRESS',
      )
      .map((e) => e.ResourceStatusReason);
    expect(reasons).toContain(
      'Requested update requires the creation of a new physical resource; hence creating one.',
    );
    expect(
      events.some(
        (e) => e.LogicalResourceId === 'Service' && e.ResourceStatus === 'UPDATE_COMPLETE',
      ),
    ).toBe(true);
    expect(
      events.some(
        (e) => e.LogicalResourceId === 'TaskDefinition' && e.ResourceStatus === 'DELETE_SKIPPED',
      ),
    ).toBe(true);
    const svc = await service();
    expect(svc?.taskDefinition).toMatch(/web-prod-web:2$/);
    expect(svc?.deployments?.[0]).toMatchObject({ rolloutState: 'COMPLETED' });
    const old = await kit.ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: 'web-prod-web:1' }),
    );
    expect(old.taskDefinition?.status).toBe('ACTIVE');
  });

  it('rolls back an update whose image crashes: circuit breaker, old revision, reasons', async () => {
    await kit.cfn.send(
      new UpdateStackCommand({
        StackName,
        TemplateBody: template,
        Parameters: [{ ParameterKey: 'ImageTagWeb', ParameterValue: '1.29-crash' }],
      }),
    );
    const stack = await waitForStack(kit, StackName);
    expect(stack.StackStatus).toBe('UPDATE_ROLLBACK_COMPLETE');
    expect(stack.StackStatusReason).toBeUndefined();
    expect(stack.Parameters?.find((p) => p.ParameterKey === 'ImageTagWeb')?.ParameterValue).toBe(
      '1.28',
    );
    expect(await output('TaskDefinitionArn')).toMatch(/web-prod-web:2$/);
    const events = await allEvents(kit, StackName);
    const failed = events.find((e) => e.ResourceStatus === 'UPDATE_FAILED');
    expect(failed?.LogicalResourceId).toBe('Service');
    expect(failed?.ResourceStatusReason).toContain(
      "Error occurred during operation 'ECS Deployment Circuit Breaker was triggered'.",
    );
    expect(
      events.find((e) => e.ResourceStatus === 'UPDATE_ROLLBACK_IN_PROGRESS')?.ResourceStatusReason,
    ).toBe('The following resource(s) failed to update: [Service]. ');
    const svc = await service();
    expect(svc?.taskDefinition).toMatch(/web-prod-web:2$/);
    expect(svc?.deployments?.[0]).toMatchObject({ status: 'PRIMARY', rolloutState: 'COMPLETED' });
    const messages = svc?.events?.map((e) => e.message ?? '') ?? [];
    expect(messages.some((m) => /deployment failed: tasks failed to start\.$/.test(m))).toBe(true);
    expect(messages.some((m) => m.includes('rolling back to deployment'))).toBe(true);
    const stopped = await kit.ecs.send(
      new ListTasksCommand({ cluster: 'apps', serviceName: 'web', desiredStatus: 'STOPPED' }),
    );
    const tasks = await kit.ecs.send(
      new DescribeTasksCommand({ cluster: 'apps', tasks: stopped.taskArns }),
    );
    const crashed = tasks.tasks?.filter((t) => t.stopCode === 'EssentialContainerExited') ?? [];
    expect(crashed.length).toBeGreaterThanOrEqual(3);
    expect(crashed[0]).toMatchObject({
      lastStatus: 'STOPPED',
      stoppedReason: 'Essential container in task exited',
    });
    expect(crashed[0].containers?.[0].exitCode).toBe(1);
    expect(crashed[0].taskDefinitionArn).toMatch(/web-prod-web:3$/);
  });

  it('says there is nothing to update for the same template and parameters', async () => {
    await expect(
      kit.cfn.send(
        new UpdateStackCommand({
          StackName,
          UsePreviousTemplate: true,
          Parameters: [
            { ParameterKey: 'ImageTagWeb', UsePreviousValue: true },
            { ParameterKey: 'DbPassword', UsePreviousValue: true },
          ],
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ValidationError',
      message: 'No updates are to be performed.',
    });
  });

  it('deletes the stack, keeps the retained task definitions and forgets the name', async () => {
    const { StackResources } = await kit.cfn.send(new DescribeStackResourcesCommand({ StackName }));
    expect(StackResources?.map((r) => r.LogicalResourceId).sort()).toEqual([
      'LogGroup',
      'Service',
      'TaskDefinition',
    ]);
    const stackId = (await kit.cfn.send(new DescribeStacksCommand({ StackName }))).Stacks?.[0]
      .StackId as string;
    await kit.cfn.send(new DeleteStackCommand({ StackName }));
    const deleted = await waitForStack(kit, stackId);
    expect(deleted.StackStatus).toBe('DELETE_COMPLETE');
    await expect(kit.cfn.send(new DescribeStacksCommand({ StackName }))).rejects.toMatchObject({
      name: 'ValidationError',
      message: `Stack with id ${StackName} does not exist`,
    });
    expect((await service())?.status).toBe('INACTIVE');
    const td = await kit.ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: 'web-prod-web:2' }),
    );
    expect(td.taskDefinition?.status).toBe('ACTIVE');
  });
});
