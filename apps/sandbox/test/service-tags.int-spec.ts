import { CreateStackCommand, UpdateStackCommand } from '@aws-sdk/client-cloudformation';
import { DescribeServicesCommand, TagResourceCommand } from '@aws-sdk/client-ecs';
import {
  serviceTemplate,
  startKitWithClusters,
  stopKit,
  waitForStack,
  type Kit,
} from './sandbox-kit';

describe('service tags follow the template on update', () => {
  let kit: Kit;
  const StackName = 'tagged-web';
  const tagsOfService = async () =>
    (
      await kit.ecs.send(
        new DescribeServicesCommand({ cluster: 'apps', services: ['web'], include: ['TAGS'] }),
      )
    ).services?.[0].tags;

  beforeAll(async () => {
    kit = await startKitWithClusters('apps');
  });
  afterAll(() => stopKit(kit));

  it('replaces changed tags and removes tags the template no longer has', async () => {
    await kit.cfn.send(
      new CreateStackCommand({
        StackName,
        TemplateBody: serviceTemplate({ tags: { 'gantry:release': '1.0.0', team: 'shop' } }),
      }),
    );
    expect((await waitForStack(kit, StackName)).StackStatus).toBe('CREATE_COMPLETE');
    await kit.cfn.send(
      new UpdateStackCommand({
        StackName,
        TemplateBody: serviceTemplate({ tags: { 'gantry:release': '1.1.0' } }),
      }),
    );
    expect((await waitForStack(kit, StackName)).StackStatus).toBe('UPDATE_COMPLETE');
    expect(await tagsOfService()).toEqual([{ key: 'gantry:release', value: '1.1.0' }]);
  });

  it('answers ResourceNotFoundException for an ARN that names nothing', async () => {
    await expect(
      kit.ecs.send(
        new TagResourceCommand({
          resourceArn: 'arn:aws:ecs:us-east-1:000000000000:service/apps/nothing',
          tags: [{ key: 'a', value: 'b' }],
        }),
      ),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
