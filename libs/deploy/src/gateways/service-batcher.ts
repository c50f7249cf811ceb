import { DescribeServicesCommand, type ECSClient, type Service } from '@aws-sdk/client-ecs';
import type { CallOptions } from '../aws/aws-caller';
import { combined, type BatchOptions, type BatchStats, type Waiter } from './stack-poller';

/** Sends one ECS call through the shared limiter and retries (`AwsCaller.call`). */
export type EcsSend = <T>(
  action: string,
  invoke: (client: ECSClient) => Promise<T>,
  options: CallOptions,
) => Promise<T>;

/** DescribeServices takes at most 10 services a call (ECS API reference). */
export const SERVICES_PER_CALL = 10;

/**
 * Answers `DescribeServices` for one account and region on behalf of every deployment there:
 * the services of one cluster asked for during one interval are described ten to a call. Ten
 * waiting for one cluster go at once, without waiting for the interval.
 */
export class ServiceBatcher {
  /** cluster → service → waiters */
  private waiting = new Map<string, Map<string, Waiter<Service | null>[]>>();
  private timer: NodeJS.Timeout | null = null;
  private lastFlushAt = Number.NEGATIVE_INFINITY;
  private readonly now: () => number;
  readonly stats: BatchStats = { requests: 0, calls: 0 };

  constructor(
    private readonly send: EcsSend,
    private readonly options: BatchOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** The service, or null when the cluster has no service by that name. */
  describe(cluster: string, service: string, options: CallOptions = {}): Promise<Service | null> {
    this.stats.requests += 1;
    return new Promise((resolve, reject) => {
      const services = this.waiting.get(cluster) ?? new Map<string, Waiter<Service | null>[]>();
      this.waiting.set(cluster, services);
      const waiters = services.get(service) ?? [];
      waiters.push({ resolve, reject, options });
      services.set(service, waiters);
      if (services.size >= SERVICES_PER_CALL) {
        this.waiting.delete(cluster);
        void this.describeAll(cluster, services);
      } else this.schedule();
    });
  }

  private schedule(): void {
    if (this.timer || this.waiting.size === 0) return;
    const delay = Math.max(0, this.lastFlushAt + this.options.intervalMs - this.now());
    this.timer = setTimeout(() => this.flush(), delay);
  }

  private flush(): void {
    this.timer = null;
    this.lastFlushAt = this.now();
    const batch = this.waiting;
    this.waiting = new Map();
    for (const [cluster, services] of batch) void this.describeAll(cluster, services);
  }

  private async describeAll(
    cluster: string,
    services: Map<string, Waiter<Service | null>[]>,
  ): Promise<void> {
    const names = [...services.keys()];
    const chunks: string[][] = [];
    for (let i = 0; i < names.length; i += SERVICES_PER_CALL)
      chunks.push(names.slice(i, i + SERVICES_PER_CALL));
    await Promise.all(chunks.map((chunk) => this.describeChunk(cluster, chunk, services)));
  }

  private async describeChunk(
    cluster: string,
    names: string[],
    services: Map<string, Waiter<Service | null>[]>,
  ): Promise<void> {
    const waiters = names.map((name) => services.get(name) ?? []);
    try {
      this.stats.calls += 1;
      const output = await this.send<{ services?: Service[] }>(
        'DescribeServices',
        (client) => client.send(new DescribeServicesCommand({ cluster, services: names })),
        combined(waiters.flat()),
      );
      names.forEach((name, index) => {
        const found = (output.services ?? []).find(
          (service) => service.serviceName === name || service.serviceArn === name,
        );
        for (const waiter of waiters[index]) waiter.resolve(found ?? null);
      });
    } catch (error) {
      for (const waiter of waiters.flat()) waiter.reject(error);
    }
  }
}
