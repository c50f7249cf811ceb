import {
  CreateStackCommand,
  DescribeStackResourcesCommand,
  UpdateStackCommand,
} from '@aws-sdk/client-cloudformation';
import { DescribeServicesCommand, ListServicesCommand } from '@aws-sdk/client-ecs';
import {
  allEvents,
  serviceTemplate,
  startKitWithClusters,
  stopKit,
  waitForStack,
  type Kit,
} from './sandbox-kit';

describe('replacing a service (SDK over HTTP)', () => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKitWithClusters('blue', 'green');
  });
  afterAll(() => stopKit(kit));

  const physicalId = async (StackName: string) =>
    (
      await kit.cfn.send(
        new DescribeStackResourcesCommand({ StackName, LogicalResourceId: 'Service' }),
      )
    ).StackResources?.[0].PhysicalResourceId as string;

  /** Creates a stack whose service has a generated name, on cluster blue; its physical id. */
  const createdOnBlue = async (StackName: string) => {
    await kit.cfn.send(
      new CreateStackCommand({
        StackName,
        TemplateBody: serviceTemplate({ cluster: 'blue', serviceName: null, desiredCount: 1 }),
      }),
    );
    await waitForStack(kit, StackName);
    return physicalId(StackName);
  };

  it('moves a generated-name service to another cluster by replacement and deletes the old one', async () => {
    const StackName = 'moving';
    const before = await createdOnBlue(StackName);
    expect(before).toMatch(
      /^arn:aws:ecs:eu-west-1:123456789012:service\/blue\/moving-Service-[A-Z0-9]{12}$/,
    );
    await kit.cfn.send(
      new UpdateStackCommand({
        StackName,
        TemplateBody: serviceTemplate({ cluster: 'green', serviceName: null, desiredCount: 1 }),
      }),
    );
    expect((await waitForStack(kit, StackName)).StackStatus).toBe('UPDATE_COMPLETE');
    const after = await physicalId(StackName);
    expect(after).toMatch(/service\/green\//);
    const old = await kit.ecs.send(
      new DescribeServicesCommand({ cluster: 'blue', services: [before] }),
    );
    expect(old.services?.[0].status).toBe('INACTIVE');
    const events = await allEvents(kit, StackName);
    expect(
      events.some((e) => e.ResourceStatus === 'DELETE_COMPLETE' && e.PhysicalResourceId === before),
    ).toBe(true);
  });

  it('refuses to replace a custom-named service, as CloudFormation does', async () => {
    const StackName = 'named';
    await kit.cfn.send(
      new CreateStackCommand({
        StackName,
        TemplateBody: serviceTemplate({ cluster: 'blue', serviceName: 'api', desiredCount: 1 }),
      }),
    );
    await waitForStack(kit, StackName);
    await kit.cfn.send(
      new UpdateStackCommand({
        StackName,
        TemplateBody: serviceTemplate({ cluster: 'green', serviceName: 'api', desiredCount: 1 }),
      }),
    );
    expect((await waitForStack(kit, StackName)).StackStatus).toBe('UPDATE_ROLLBACK_COMPLETE');
    const failed = (await allEvents(kit, StackName)).find(
      (e) => e.ResourceStatus === 'UPDATE_FAILED',
    );
    expect(failed?.ResourceStatusReason).toBe(
      'CloudFormation cannot update a stack when a custom-named resource requires replacing. Rename api and update the stack again.',
    );
  });

  it('deletes a replacement that never stabilized when the update rolls back', async () => {
    const StackName = 'orphan';
    const before = await createdOnBlue(StackName);
    await kit.cfn.send(
      new UpdateStackCommand({
        StackName,
        TemplateBody: serviceTemplate({ cluster: 'green', serviceName: null, desiredCount: 1 }),
        Parameters: [{ ParameterKey: 'ImageTagWeb', ParameterValue: 'crash' }],
      }),
    );
    expect((await waitForStack(kit, StackName)).StackStatus).toBe('UPDATE_ROLLBACK_COMPLETE');
    expect(await physicalId(StackName)).toBe(before);
    const events = await allEvents(kit, StackName);
    const deleted = events.filter(
      (e) => e.LogicalResourceId === 'Service' && e.ResourceStatus === 'DELETE_COMPLETE',
    );
    expect(deleted.map((e) => e.PhysicalResourceId)).toEqual([
      expect.stringMatching(/service\/green\//),
    ]);
    const green = await kit.ecs.send(new ListServicesCommand({ cluster: 'green' }));
    expect(green.serviceArns?.filter((a) => a.includes('/orphan-'))).toEqual([]);
  });
});
