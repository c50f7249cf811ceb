import type { Stack } from '@aws-sdk/client-cloudformation';
import type { Service } from '@aws-sdk/client-ecs';
import type { CallOptions } from '../aws/aws-caller';
import { ServiceBatcher } from './service-batcher';
import { StackPoller, type CloudFormationSend } from './stack-poller';

/**
 * An account's stacks behind a stand-in for `AwsCaller.call`: each call is recorded with its
 * input, and answered as CloudFormation does (pages of `pageSize` without a name, "does not
 * exist" for an unknown name).
 */
function account(stackCount: number, pageSize = 100) {
  const stacks: Stack[] = Array.from({ length: stackCount }, (_, i) => ({
    StackName: `stack-${i}`,
    StackId: `arn:aws:cloudformation:eu-west-1:123456789012:stack/stack-${i}/id-${i}`,
    StackStatus: 'UPDATE_IN_PROGRESS',
    CreationTime: new Date(0),
  }));
  const calls: { StackName?: string; NextToken?: string }[] = [];
  const options: CallOptions[] = [];
  let failWith: Error | null = null;
  let listingRefused = false;
  const client = {
    send: async (command: { input: { StackName?: string; NextToken?: string } }) => {
      calls.push(command.input);
      // The answer is what the stacks are when the call arrives; it comes back a moment later.
      const answer =
        listingRefused && !command.input.StackName
          ? Object.assign(
              new Error('User is not authorized to perform: cloudformation:DescribeStacks'),
              {
                name: 'AccessDenied',
                $metadata: { httpStatusCode: 403 },
              },
            )
          : answerTo(command.input);
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (failWith) throw failWith;
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
  const answerTo = ({ StackName, NextToken }: { StackName?: string; NextToken?: string }) => {
    if (StackName) {
      const found = stacks.find((stack) => stack.StackName === StackName);
      if (!found)
        return Object.assign(new Error(`Stack with id ${StackName} does not exist`), {
          name: 'ValidationError',
        });
      return { Stacks: [{ ...found }] };
    }
    const start = Number(NextToken ?? 0);
    const next = start + pageSize < stacks.length ? String(start + pageSize) : undefined;
    return {
      Stacks: stacks.slice(start, start + pageSize).map((stack) => ({ ...stack })),
      NextToken: next,
    };
  };
  const send = (async (_action, invoke, callOptions) => {
    options.push(callOptions);
    return invoke(client as never);
  }) as CloudFormationSend;
  return {
    stacks,
    calls,
    options,
    send,
    failNext: (error: Error | null) => (failWith = error),
    refuseListing: () => (listingRefused = true),
  };
}

describe('StackPoller', () => {
  it('answers many stacks asked for at once with one listing, stopping once all are found', async () => {
    const aws = account(450);
    const poller = new StackPoller(aws.send, { intervalMs: 20 });
    const names = Array.from({ length: 40 }, (_, i) => `stack-${i * 5}`); // all in the first 2 pages
    const answers = await Promise.all(names.map((name) => poller.describe(name)));
    expect(answers.map((stack) => stack?.StackName)).toEqual(names);
    expect(aws.calls).toEqual([{ NextToken: undefined }, { NextToken: '100' }]);
  });

  it('says a stack missing from the whole listing does not exist, and learns what a listing costs', async () => {
    const aws = account(450);
    const poller = new StackPoller(aws.send, { intervalMs: 20 });
    const answers = await Promise.all([
      poller.describe('stack-3'),
      poller.describe('stack-449'),
      poller.describe('never-created'),
    ]);
    expect(answers.map((stack) => stack?.StackName ?? null)).toEqual([
      'stack-3',
      'stack-449',
      null,
    ]);
    expect(aws.calls.filter((call) => !call.StackName)).toHaveLength(5);
    // The listing took 5 pages: 3 stacks are now cheaper asked for one by one.
    aws.calls.length = 0;
    const again = await Promise.all(['stack-1', 'stack-2', 'gone'].map((n) => poller.describe(n)));
    expect(again.map((stack) => stack?.StackName ?? null)).toEqual(['stack-1', 'stack-2', null]);
    expect(aws.calls.map((call) => call.StackName).sort()).toEqual(['gone', 'stack-1', 'stack-2']);
  });

  it('describes a lone stack by name, and asks once for one stack wanted by several callers', async () => {
    const aws = account(10);
    const poller = new StackPoller(aws.send, { intervalMs: 20 });
    expect((await poller.describe('stack-7'))?.StackName).toBe('stack-7');
    expect(aws.calls).toEqual([{ StackName: 'stack-7' }]);
    aws.calls.length = 0;
    const same = await Promise.all([poller.describe('stack-2'), poller.describe('stack-2')]);
    expect(same.map((stack) => stack?.StackName)).toEqual(['stack-2', 'stack-2']);
    expect(aws.calls).toEqual([{ StackName: 'stack-2' }]);
  });

  it('answers a describe asked during a call with a later call, never with the older answer', async () => {
    const aws = account(10);
    const poller = new StackPoller(aws.send, { intervalMs: 20 });
    const first = poller.describe('stack-1');
    while (aws.calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    aws.stacks[1].StackStatus = 'UPDATE_COMPLETE';
    const second = poller.describe('stack-1');
    expect((await first)?.StackStatus).toBe('UPDATE_IN_PROGRESS');
    expect((await second)?.StackStatus).toBe('UPDATE_COMPLETE');
    expect(aws.calls).toHaveLength(2);
  });

  it('fails every caller of a failed call, tells each about an unreachable endpoint, and carries on', async () => {
    const aws = account(300);
    const poller = new StackPoller(aws.send, { intervalMs: 20 });
    const heard: string[] = [];
    aws.failNext(new Error('connect ECONNREFUSED'));
    const results = await Promise.allSettled(
      ['stack-1', 'stack-2', 'stack-3'].map((name) =>
        poller.describe(name, { onUnreachable: async () => void heard.push(name) }),
      ),
    );
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
    await aws.options[0].onUnreachable?.('DescribeStacks', 'ECONNREFUSED', 300);
    expect(heard.sort()).toEqual(['stack-1', 'stack-2', 'stack-3']);
    aws.failNext(null);
    expect((await poller.describe('stack-2'))?.StackName).toBe('stack-2');
  });

  it('describes stacks by name from then on when a policy refuses the listing', async () => {
    const aws = account(300);
    aws.refuseListing();
    const poller = new StackPoller(aws.send, { intervalMs: 20 });
    const names = ['stack-1', 'stack-2', 'stack-3', 'never-created'];
    const answers = await Promise.all(names.map((name) => poller.describe(name)));
    expect(answers.map((stack) => stack?.StackName ?? null)).toEqual([
      'stack-1',
      'stack-2',
      'stack-3',
      null,
    ]);
    aws.calls.length = 0;
    await Promise.all(names.map((name) => poller.describe(name)));
    expect(aws.calls.map((call) => call.StackName).sort()).toEqual([...names].sort());
  });

  it('waits the interval between two looks, so deployments polling at once share each look', async () => {
    const aws = account(250);
    const poller = new StackPoller(aws.send, { intervalMs: 1000 });
    await Promise.all(['stack-0', 'stack-1'].map((name) => poller.describe(name)));
    const calls = aws.calls.length;
    // 50 deployments look one after the other within the interval: one more listing serves them all.
    const looks: Promise<Stack | null>[] = [];
    for (let i = 0; i < 50; i += 1) {
      looks.push(poller.describe(`stack-${i * 5}`));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(looks);
    expect(aws.calls.length - calls).toBe(3);
    expect(poller.stats).toEqual({ requests: 52, calls: aws.calls.length, listings: 2 });
  });
  it('answers a followed stack as soon as a look finds its status changed, looking at a steady pace', async () => {
    const aws = account(3);
    const poller = new StackPoller(aws.send, { intervalMs: 20 });
    const followed = poller.follow('stack-1', 'UPDATE_IN_PROGRESS', 60_000);
    let answered: string | undefined;
    void followed.then((stack) => (answered = stack?.StackStatus));
    const deadline = Date.now() + 5000;
    while (aws.calls.length < 3 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 5));
    expect(answered).toBeUndefined();
    aws.stacks[1].StackStatus = 'UPDATE_COMPLETE';
    const changedAt = Date.now();
    expect((await followed)?.StackStatus).toBe('UPDATE_COMPLETE');
    // Within about one interval and one call, not at a backed-off poll.
    expect(Date.now() - changedAt).toBeLessThan(1000);
    // Every look was one call for the one followed stack.
    expect(aws.calls.every((call) => call.StackName === 'stack-1')).toBe(true);
  });

  it('answers a followed stack whose status stays the same with the first look after the wait', async () => {
    const aws = account(3);
    const poller = new StackPoller(aws.send, { intervalMs: 20 });
    const asked = Date.now();
    const stack = await poller.follow('stack-2', 'UPDATE_IN_PROGRESS', 150);
    expect(stack?.StackStatus).toBe('UPDATE_IN_PROGRESS');
    expect(Date.now() - asked).toBeGreaterThanOrEqual(150);
    // A stack that is gone is a change too.
    expect(await poller.follow('never-created', 'UPDATE_IN_PROGRESS', 60_000)).toBeNull();
  });

  it('queues a shared look as the most urgent of its callers: a follow-up only when all follow up', async () => {
    const aws = account(3);
    const poller = new StackPoller(aws.send, { intervalMs: 20 });
    await Promise.all([
      poller.follow('stack-0', null, 0, { followUp: true }),
      poller.describe('stack-1', { since: 500 }),
      poller.describe('stack-2', { since: 100 }),
    ]);
    expect(aws.options.at(-1)).toMatchObject({ since: 100 });
    expect(aws.options.at(-1)?.followUp).toBeUndefined();
    await poller.follow('stack-0', null, 0, { followUp: true, since: 1 });
    expect(aws.options.at(-1)).toMatchObject({ followUp: true });
    expect(aws.options.at(-1)?.since).toBeUndefined();
  });
});

describe('ServiceBatcher', () => {
  function cluster() {
    const calls: { cluster: string; services: string[] }[] = [];
    const client = {
      send: async (command: { input: { cluster: string; services: string[] } }) => {
        calls.push(command.input);
        return {
          services: command.input.services
            .filter((name) => !name.startsWith('missing'))
            .map((name): Service => ({ serviceName: name, status: 'ACTIVE' })),
          failures: [],
        };
      },
    };
    const batcher = new ServiceBatcher(async (_action, invoke) => invoke(client as never), {
      intervalMs: 20,
    });
    return { calls, batcher };
  }

  it('describes the services of one cluster ten to a call', async () => {
    const { calls, batcher } = cluster();
    const names = Array.from({ length: 23 }, (_, i) => `svc-${i}`);
    const found = await Promise.all(names.map((name) => batcher.describe('main', name)));
    expect(found.map((service) => service?.serviceName)).toEqual(names);
    expect(calls.map((call) => call.services.length).sort()).toEqual([10, 10, 3]);
    expect(calls.every((call) => call.services.length <= 10)).toBe(true);
  });

  it('keeps clusters apart and answers null for a service the cluster does not have', async () => {
    const { calls, batcher } = cluster();
    const found = await Promise.all([
      batcher.describe('a', 'web'),
      batcher.describe('b', 'web'),
      batcher.describe('a', 'missing-api'),
    ]);
    expect(found.map((service) => service?.serviceName ?? null)).toEqual(['web', 'web', null]);
    expect(calls).toEqual(
      expect.arrayContaining([
        { cluster: 'a', services: ['web', 'missing-api'] },
        { cluster: 'b', services: ['web'] },
      ]),
    );
    expect(calls).toHaveLength(2);
  });
});
