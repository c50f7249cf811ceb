import {
  CancelUpdateStackCommand,
  ContinueUpdateRollbackCommand,
  CreateStackCommand,
  DescribeStacksCommand,
  UpdateStackCommand,
  ValidateTemplateCommand,
} from '@aws-sdk/client-cloudformation';
import {
  CreateClusterCommand,
  DeleteServiceCommand,
  DescribeClustersCommand,
  DescribeServicesCommand,
} from '@aws-sdk/client-ecs';
import {
  allEvents,
  serviceTemplate,
  startKitWithClusters,
  stopKit,
  waitForStack,
  waitUntil,
  type Kit,
} from './sandbox-kit';

const TEMPLATE = JSON.stringify({ Resources: { Logs: { Type: 'AWS::Logs::LogGroup' } } });

describe('failure paths: missing cluster, cancel, continue-rollback, throttling (SDK over HTTP)', () => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKitWithClusters('apps');
  });
  afterAll(() => stopKit(kit));

  it('fails a service on a missing cluster with ECS wording and rolls the create back', async () => {
    await kit.cfn.send(
      new CreateStackCommand({
        StackName: 'nocluster',
        TemplateBody: serviceTemplate({ cluster: 'missing' }),
      }),
    );
    const stack = await waitForStack(kit, 'nocluster');
    expect(stack.StackStatus).toBe('ROLLBACK_COMPLETE');
    const failed = (await allEvents(kit, 'nocluster')).find(
      (e) => e.ResourceStatus === 'CREATE_FAILED',
    );
    expect(failed?.ResourceStatusReason).toMatch(
      /^Resource handler returned message: "Cluster not found\. \(Service: AmazonECS; Status Code: 400; Error Code: ClusterNotFoundException;/,
    );
    await expect(
      kit.cfn.send(new UpdateStackCommand({ StackName: 'nocluster', UsePreviousTemplate: true })),
    ).rejects.toMatchObject({
      message: `Stack:${stack.StackId} is in ROLLBACK_COMPLETE state and can not be updated.`,
    });
  });

  // Without the circuit breaker a crash loop never stabilizes, so the update stays in progress
  // for as long as these tests need, whatever the machine's load.
  it('cancels an update: the stack rolls back with "Stack update cancelled"', async () => {
    await kit.cfn.send(
      new CreateStackCommand({
        StackName: 'cancel',
        TemplateBody: serviceTemplate({ cluster: 'apps', desiredCount: 1, circuitBreaker: false }),
      }),
    );
    await waitForStack(kit, 'cancel');
    await kit.cfn.send(
      new UpdateStackCommand({
        StackName: 'cancel',
        UsePreviousTemplate: true,
        Parameters: [{ ParameterKey: 'ImageTagWeb', ParameterValue: 'crash' }],
      }),
    );
    await waitUntil(async () => {
      const events = await allEvents(kit, 'cancel');
      return (
        events.some(
          (e) => e.LogicalResourceId === 'Service' && e.ResourceStatus === 'UPDATE_IN_PROGRESS',
        ) || undefined
      );
    });
    await kit.cfn.send(new CancelUpdateStackCommand({ StackName: 'cancel' }));
    const stack = await waitForStack(kit, 'cancel');
    expect(stack.StackStatus).toBe('UPDATE_ROLLBACK_COMPLETE');
    const events = await allEvents(kit, 'cancel');
    expect(
      events.find((e) => e.ResourceStatus === 'UPDATE_ROLLBACK_IN_PROGRESS')?.ResourceStatusReason,
    ).toBe('Stack update cancelled');
    expect(events.find((e) => e.ResourceStatus === 'UPDATE_FAILED')?.ResourceStatusReason).toBe(
      'Resource update cancelled',
    );
    await expect(
      kit.cfn.send(new CancelUpdateStackCommand({ StackName: 'cancel' })),
    ).rejects.toMatchObject({
      message: 'CancelUpdateStack cannot be called from current stack status',
    });
  });

  it('continues a rollback that failed because the service was deleted out of band', async () => {
    await kit.ecs.send(new CreateClusterCommand({ clusterName: 'oob' }));
    await kit.cfn.send(
      new CreateStackCommand({
        StackName: 'oob',
        TemplateBody: serviceTemplate({ cluster: 'oob', desiredCount: 1, circuitBreaker: false }),
      }),
    );
    await waitForStack(kit, 'oob');
    await kit.cfn.send(
      new UpdateStackCommand({
        StackName: 'oob',
        UsePreviousTemplate: true,
        Parameters: [{ ParameterKey: 'ImageTagWeb', ParameterValue: 'crash' }],
      }),
    );
    await waitUntil(async () => {
      const events = await allEvents(kit, 'oob');
      return (
        events.some(
          (e) => e.LogicalResourceId === 'Service' && e.ResourceStatus === 'UPDATE_IN_PROGRESS',
        ) || undefined
      );
    });
    await kit.ecs.send(new DeleteServiceCommand({ cluster: 'oob', service: 'web', force: true }));
    const failed = await waitForStack(kit, 'oob');
    expect(failed.StackStatus).toBe('UPDATE_ROLLBACK_FAILED');
    expect(failed.StackStatusReason).toBe(
      'The following resource(s) failed to update: [Service]. ',
    );
    const reason = (await allEvents(kit, 'oob')).find(
      (e) => e.ResourceStatus === 'UPDATE_FAILED',
    )?.ResourceStatusReason;
    expect(reason).toContain('Error Code: ServiceNotActiveException');
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ContinueUpdateRollback.html:
    // "You can specify only resources that are in the UPDATE_FAILED state".
    await expect(
      kit.cfn.send(
        new ContinueUpdateRollbackCommand({ StackName: 'oob', ResourcesToSkip: ['LogGroup'] }),
      ),
    ).rejects.toThrow('Resource [LogGroup] cannot be skipped');
    expect((await waitForStack(kit, 'oob')).StackStatus).toBe('UPDATE_ROLLBACK_FAILED');
    await kit.cfn.send(
      new ContinueUpdateRollbackCommand({ StackName: 'oob', ResourcesToSkip: ['Service'] }),
    );
    const stack = await waitForStack(kit, 'oob');
    expect(stack.StackStatus).toBe('UPDATE_ROLLBACK_COMPLETE');
    const svc = await kit.ecs.send(
      new DescribeServicesCommand({ cluster: 'oob', services: ['web'] }),
    );
    expect(svc.services?.[0].status).not.toBe('ACTIVE');
  });

  it('throttles per action with AWS error codes, CloudFormation and ECS alike', async () => {
    kit.sandbox.setThrottle(3);
    try {
      const calls = await Promise.allSettled(
        Array.from({ length: 8 }, () => kit.cfn.send(new DescribeStacksCommand({}))),
      );
      const rejected = calls.filter((c): c is PromiseRejectedResult => c.status === 'rejected');
      expect(rejected.length).toBeGreaterThanOrEqual(4);
      expect(rejected[0].reason).toMatchObject({ name: 'Throttling', message: 'Rate exceeded' });
      const ecsCalls = await Promise.allSettled(
        Array.from({ length: 8 }, () =>
          kit.ecs.send(new DescribeClustersCommand({ clusters: ['apps'] })),
        ),
      );
      const ecsRejected = ecsCalls.filter(
        (c): c is PromiseRejectedResult => c.status === 'rejected',
      );
      expect(ecsRejected[0].reason).toMatchObject({
        name: 'ThrottlingException',
        message: 'Rate exceeded',
      });
      await expect(
        kit.cfn.send(new ValidateTemplateCommand({ TemplateBody: TEMPLATE })),
      ).resolves.toBeDefined();
    } finally {
      kit.sandbox.setThrottle(0);
    }
  });

  it('answers an unknown action with the AWS error shape', async () => {
    const response = await fetch(kit.sandbox.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=DescribeNothing&Version=2010-05-15',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(
      /<Code>InvalidAction<\/Code><Message>Could not find operation DescribeNothing for version 2010-05-15<\/Message>/,
    );
    const ecs = await fetch(kit.sandbox.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AmazonEC2ContainerServiceV20141113.Nope',
      },
      body: '{}',
    });
    expect(await ecs.json()).toEqual({
      __type: 'UnknownOperationException',
      message: 'Unknown operation Nope.',
    });
  });
});
