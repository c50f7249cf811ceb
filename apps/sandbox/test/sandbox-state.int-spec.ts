import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CloudFormationClient,
  CreateStackCommand,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
import { CreateClusterCommand, DescribeClustersCommand, ECSClient } from '@aws-sdk/client-ecs';
import { startSandbox } from '../src/sandbox-server';
import { serviceTemplate, startKit, stopKit, waitForStack, type Kit } from './sandbox-kit';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

describe('the sandbox state', () => {
  let kit: Kit;
  beforeAll(async () => {
    kit = await startKit();
  });
  afterAll(() => stopKit(kit));

  it('shows stacks, services, tasks and request counts per action, and resets', async () => {
    await kit.ecs.send(new CreateClusterCommand({ clusterName: 'apps' }));
    await kit.cfn.send(
      new CreateStackCommand({
        StackName: 'state',
        TemplateBody: serviceTemplate({ desiredCount: 1 }),
      }),
    );
    await waitForStack(kit, 'state');
    const state = (await (await fetch(`${kit.sandbox.url}/_sandbox/state`)).json()) as Record<
      string,
      unknown[]
    > & {
      requestCounts: Record<string, number>;
    };
    expect(state.stacks).toEqual([
      expect.objectContaining({ stackName: 'state', status: 'CREATE_COMPLETE' }),
    ]);
    expect(state.services).toHaveLength(1);
    expect(state.tasks).toEqual([expect.objectContaining({ lastStatus: 'RUNNING' })]);
    expect(state.taskDefinitions).toHaveLength(1);
    expect(state.requestCounts).toMatchObject({
      'ecs:CreateCluster': 1,
      'cloudformation:CreateStack': 1,
    });
    expect(state.requestCounts['cloudformation:DescribeStacks']).toBeGreaterThan(0);
    await fetch(`${kit.sandbox.url}/_sandbox/reset`, { method: 'POST' });
    const empty = (await (await fetch(`${kit.sandbox.url}/_sandbox/state`)).json()) as Record<
      string,
      unknown[]
    >;
    expect(empty.stacks).toEqual([]);
  });

  it('persists to a state file (creating its folder) and loads it on the next start', async () => {
    const stateFile = join(
      mkdtempSync(join(tmpdir(), 'sandbox-state-')),
      'new-folder',
      'state.json',
    );
    const first = await startSandbox({ port: 0, timeScale: 0.005, stateFile });
    const config = (url: string) => ({ endpoint: url, region: 'eu-west-1', credentials });
    const cfn = new CloudFormationClient(config(first.url));
    const ecs = new ECSClient(config(first.url));
    await ecs.send(new CreateClusterCommand({ clusterName: 'kept' }));
    await cfn.send(
      new CreateStackCommand({
        StackName: 'kept',
        TemplateBody: serviceTemplate({ cluster: 'kept', desiredCount: 1 }),
      }),
    );
    await waitForStack({ sandbox: first, cfn, ecs }, 'kept');
    await first.close();
    const second = await startSandbox({ port: 0, timeScale: 0.005, stateFile });
    const cfn2 = new CloudFormationClient(config(second.url));
    const ecs2 = new ECSClient(config(second.url));
    try {
      const stacks = await cfn2.send(new DescribeStacksCommand({ StackName: 'kept' }));
      expect(stacks.Stacks?.[0].StackStatus).toBe('CREATE_COMPLETE');
      const clusters = await ecs2.send(new DescribeClustersCommand({ clusters: ['kept'] }));
      expect(clusters.clusters?.[0]).toMatchObject({
        status: 'ACTIVE',
        activeServicesCount: 1,
        runningTasksCount: 1,
      });
    } finally {
      [cfn, ecs, cfn2, ecs2].forEach((c) => c.destroy());
      await second.close();
    }
  });
});
