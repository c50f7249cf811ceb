import { DescribeStacksCommand, type Stack } from '@aws-sdk/client-cloudformation';
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { CallOptions } from '../aws/aws-caller';

/** Sends one CloudFormation call through the shared limiter and retries (`AwsCaller.call`). */
export type CloudFormationSend = <T>(
  action: string,
  invoke: (client: CloudFormationClient) => Promise<T>,
  options: CallOptions,
) => Promise<T>;

export interface BatchOptions {
  /**
   * Least time between the starts of two batched calls: while one look is due, the describes
   * asked for meanwhile wait for it and share it. The first look after a quiet spell goes at once.
   */
  intervalMs: number;
  now?: () => number;
}

interface Waiter<T> {
  resolve(value: T): void;
  reject(error: unknown): void;
  options: CallOptions;
}

/** What a batcher has sent so far (for tests and benchmarks). */
export interface BatchStats {
  /** Describes asked for. */
  requests: number;
  /** AWS calls made to answer them. */
  calls: number;
}

/**
 * Answers `DescribeStacks` for one account and region (one set of pooled clients) on behalf of
 * every deployment there: the stacks asked for during one interval are described together.
 * When they are at least as many as the pages a listing of the account's stacks took last time,
 * `DescribeStacks` without a name pages through all of them (stopping once every stack asked for
 * is found; one missing from the whole listing does not exist); otherwise each is described on
 * its own. So 1,000 deployments following their stacks cost about ten calls a look, and a lone
 * deployment costs what it always did. A listing refused (AccessDenied: a policy that allows
 * DescribeStacks on some stacks only) makes the poller describe stacks by name from then on. Every answer comes from a call started after it was asked.
 */
export class StackPoller {
  private waiting = new Map<string, Waiter<Stack | null>[]>();
  private timer: NodeJS.Timeout | null = null;
  private flushing = false;
  private lastFlushAt = Number.NEGATIVE_INFINITY;
  /** Pages the last complete listing took: the cost of the next one. */
  private listingPages = 1;
  /**
   * A policy may allow DescribeStacks on Gantry's stacks only (a resource ARN pattern), which
   * refuses a listing of the account: then every stack is described by name from then on.
   */
  private listingDenied = false;
  private readonly now: () => number;
  readonly stats: BatchStats & { listings: number } = { requests: 0, calls: 0, listings: 0 };

  constructor(
    private readonly send: CloudFormationSend,
    private readonly options: BatchOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** The stack, or null when it does not exist. */
  describe(stackName: string, options: CallOptions = {}): Promise<Stack | null> {
    this.stats.requests += 1;
    return new Promise((resolve, reject) => this.enqueue(stackName, { resolve, reject, options }));
  }

  /**
   * The stack (or null once it is gone) as soon as a look finds its status other than `status`,
   * or as the first look after `maxWaitMs` finds it. The stack is in every look meanwhile, and
   * while anything is followed the poller looks every interval: one look serves every stack of
   * the account and region, so a steady pace costs each deployment little, and a deployment
   * learns that its stack settled within an interval instead of at its next backed-off poll.
   */
  follow(
    stackName: string,
    status: string | null,
    maxWaitMs: number,
    options: CallOptions = {},
  ): Promise<Stack | null> {
    this.stats.requests += 1;
    const until = this.now() + maxWaitMs;
    return new Promise((resolve, reject) => {
      const waiter: Waiter<Stack | null> = {
        options,
        reject,
        resolve: (stack) => {
          if ((stack?.StackStatus ?? null) !== status || this.now() >= until) resolve(stack);
          else this.enqueue(stackName, waiter);
        },
      };
      this.enqueue(stackName, waiter);
    });
  }

  private enqueue(stackName: string, waiter: Waiter<Stack | null>): void {
    const waiters = this.waiting.get(stackName) ?? [];
    waiters.push(waiter);
    this.waiting.set(stackName, waiters);
    this.schedule();
  }

  private schedule(): void {
    if (this.flushing || this.timer || this.waiting.size === 0) return;
    const delay = Math.max(0, this.lastFlushAt + this.options.intervalMs - this.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    this.lastFlushAt = this.now();
    const batch = this.waiting;
    this.waiting = new Map();
    try {
      if (!this.listingDenied && batch.size >= 2 && batch.size >= this.listingPages)
        await this.list(batch);
      else await Promise.all([...batch].map(([name, waiters]) => this.describeOne(name, waiters)));
    } finally {
      this.flushing = false;
      this.schedule();
    }
  }

  private async describeOne(name: string, waiters: Waiter<Stack | null>[]): Promise<void> {
    try {
      this.stats.calls += 1;
      const output = await this.send<{ Stacks?: Stack[] }>(
        'DescribeStacks',
        (client) => client.send(new DescribeStacksCommand({ StackName: name })),
        combined(waiters),
      );
      settle(waiters, output.Stacks?.[0] ?? null);
    } catch (error) {
      if (/does not exist/.test((error as Error).message)) settle(waiters, null);
      else fail(waiters, error);
    }
  }

  /** Pages through every stack of the account and region until all those asked for are found. */
  private async list(batch: Map<string, Waiter<Stack | null>[]>): Promise<void> {
    const everyone = [...batch.values()].flat();
    const shared = combined(everyone);
    let next: string | undefined;
    let pages = 0;
    this.stats.listings += 1;
    try {
      do {
        this.stats.calls += 1;
        pages += 1;
        // Each page queues for the rate limit as urgently as the most urgent describe still
        // waiting for it, or for the next look (which cannot start before this one ends).
        const waiting = [...batch.values(), ...this.waiting.values()].flat();
        const output: { Stacks?: Stack[]; NextToken?: string } = await this.send(
          'DescribeStacks',
          (client) => client.send(new DescribeStacksCommand({ NextToken: next })),
          {
            onUnreachable: shared.onUnreachable,
            unreachableSeconds: shared.unreachableSeconds,
            ...queuedLike(waiting.map((waiter) => waiter.options)),
          },
        );
        for (const stack of output.Stacks ?? []) {
          const waiters =
            batch.get(stack.StackName ?? '') ?? batch.get(stack.StackId ?? '') ?? undefined;
          if (!waiters) continue;
          settle(waiters, stack);
          batch.delete(stack.StackName ?? '');
          batch.delete(stack.StackId ?? '');
        }
        next = output.NextToken;
      } while (next && batch.size > 0);
    } catch (error) {
      if (isAccessDenied(error)) {
        this.listingDenied = true;
        await Promise.all([...batch].map(([name, waiters]) => this.describeOne(name, waiters)));
      } else for (const waiters of batch.values()) fail(waiters, error);
      return;
    }
    // A listing cut short still cost at least `pages`; a complete one cost exactly that.
    this.listingPages = next ? Math.max(this.listingPages, pages) : pages;
    for (const waiters of batch.values()) settle(waiters, null);
  }
}

/** Every waiting deployment hears that the shared call's endpoint stopped answering. */
export function combined(waiters: { options: CallOptions }[]): CallOptions {
  const listeners = [
    ...new Set(waiters.map((waiter) => waiter.options.onUnreachable).filter(Boolean)),
  ] as NonNullable<CallOptions['onUnreachable']>[];
  const budgets = waiters
    .map((waiter) => waiter.options.unreachableSeconds)
    .filter((seconds): seconds is number => seconds !== undefined);
  return {
    onUnreachable: listeners.length
      ? async (action, reason, seconds) => {
          await Promise.all(listeners.map((listener) => listener(action, reason, seconds)));
        }
      : undefined,
    // The most patient waiter decides: a shared call never gives up sooner than any would have.
    unreachableSeconds:
      budgets.length === waiters.length && budgets.length ? Math.max(...budgets) : undefined,
    // The most urgent waiter decides where the shared call queues for the rate limit.
    ...queuedLike(waiters.map((waiter) => waiter.options)),
  };
}

/** A shared call follows up only when every waiter does; it queues as of the oldest deployment. */
function queuedLike(options: CallOptions[]): Pick<CallOptions, 'since' | 'followUp'> {
  const starting = options.filter((option) => !option.followUp);
  if (starting.length === 0) return { followUp: true };
  const since = starting.map((option) => option.since ?? Number.POSITIVE_INFINITY);
  const oldest = Math.min(...since);
  return Number.isFinite(oldest) ? { since: oldest } : {};
}

function isAccessDenied(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return (
    e?.name === 'AccessDenied' ||
    e?.name === 'AccessDeniedException' ||
    e?.$metadata?.httpStatusCode === 403
  );
}

function settle<T>(waiters: Waiter<T>[], value: T): void {
  for (const waiter of waiters) waiter.resolve(value);
}

function fail(waiters: Waiter<unknown>[], error: unknown): void {
  for (const waiter of waiters) waiter.reject(error);
}

export type { Waiter };
