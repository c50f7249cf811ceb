import { DomainError } from '@gantry/domain';
import { AwsCaller, FOLLOW_UP_GRACE_MS, queuedAt } from './aws-caller';
import type { RedisRateLimiter } from './rate-limiter';

const openLimiter = { acquire: async () => undefined } as unknown as RedisRateLimiter;
const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
  code: 'ECONNREFUSED',
});
const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });

/** A caller on a clock that only moves when it sleeps. */
function callerOnFakeClock(unreachableSeconds: number) {
  let now = 0;
  const slept: number[] = [];
  const caller = new AwsCaller(
    openLimiter,
    {},
    {
      unreachableSeconds,
      now: () => now,
      sleep: async (ms) => {
        slept.push(ms);
        now += ms;
      },
    },
  );
  return { caller, slept, elapsed: () => now };
}

/** A call that fails with the given errors, in order, then answers 'ok'. */
function failing(...errors: Error[]) {
  let calls = 0;
  const send = async () => {
    const error = errors[calls];
    calls += 1;
    if (error) throw error;
    return 'ok';
  };
  return { send, calls: () => calls };
}

describe('AwsCaller', () => {
  it('retries network failures and answers once the target answers again', async () => {
    const { caller } = callerOnFakeClock(60);
    const call = failing(refused, refused, refused);
    await expect(caller.call('key', 'DescribeStacks', call.send)).resolves.toBe('ok');
    expect(call.calls()).toBe(4);
  });

  it('gives up with aws_unreachable after unreachableSeconds, telling the hook once', async () => {
    const { caller, elapsed } = callerOnFakeClock(60);
    const told: string[] = [];
    const error = await caller
      .call(
        'key',
        'DescribeStacks',
        async () => {
          throw refused;
        },
        {
          onUnreachable: (action, reason, seconds) =>
            void told.push(`${action}|${reason}|${seconds}`),
        },
      )
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'aws_unreachable',
      message: expect.stringMatching(
        /^DescribeStacks failed for 60 s, the last time with: connect ECONNREFUSED 127\.0\.0\.1:9\./,
      ),
    });
    expect(elapsed()).toBe(60_000);
    expect(told).toEqual(['DescribeStacks|connect ECONNREFUSED 127.0.0.1:9|60']);
  });

  it('gives up at the first network failure when the call allows no wait (a target check)', async () => {
    const { caller, elapsed } = callerOnFakeClock(60);
    const call = failing(refused);
    await expect(
      caller.call('key', 'DescribeClusters', call.send, { unreachableSeconds: 0 }),
    ).rejects.toMatchObject({
      code: 'aws_unreachable',
      message:
        "DescribeClusters failed: connect ECONNREFUSED 127.0.0.1:9. Is the target's region, endpoint or network right?",
    });
    expect(call.calls()).toBe(1);
    expect(elapsed()).toBe(0);
  });

  it('retries throttling without limit and without counting it as unreachable', async () => {
    const { caller } = callerOnFakeClock(1);
    const call = failing(...Array.from({ length: 30 }, () => throttled));
    await expect(caller.call('key', 'DescribeStackEvents', call.send)).resolves.toBe('ok');
    expect(call.calls()).toBe(31);
  });

  it('passes any other error on at once', async () => {
    const { caller } = callerOnFakeClock(60);
    const validation = Object.assign(new Error('Stack does not exist'), {
      name: 'ValidationError',
      $metadata: { httpStatusCode: 400 },
    });
    const call = failing(validation);
    await expect(caller.call('key', 'DescribeStacks', call.send)).rejects.toBe(validation);
    expect(call.calls()).toBe(1);
  });
});

describe('queuedAt', () => {
  it('queues a call as of its deployment start, a follow-up behind calls starting operations', () => {
    expect(queuedAt({}, 50_000)).toBe(50_000);
    expect(queuedAt({ since: 10_000 }, 50_000)).toBe(10_000);
    expect(queuedAt({ followUp: true, since: 10_000 }, 50_000)).toBe(50_000 + FOLLOW_UP_GRACE_MS);
  });
});
