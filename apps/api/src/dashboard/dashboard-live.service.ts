import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import IORedis, { type Redis } from 'ioredis';
import { interval, map, merge, Observable, type Subscriber } from 'rxjs';
import { GANTRY_CONFIG, type GantryConfig } from '@gantry/config';
import { deploymentStatusesChannel, liveEventsRedisOptions } from '@gantry/core';
import { DashboardRepository, type DeploymentStatusesEvent } from '@gantry/persistence';
import { CellChange, changedCells } from './dashboard-changes';

/** An event now and then, so proxies keep an idle stream open. */
const KEEPALIVE_MS = 25_000;
/** Status changes arriving this close together are read in one query (a fan-out's thousand). */
const BATCH_MS = 100;
/** After a failed read of the cells, how long before trying those deployments again. */
const RETRY_MS = 1_000;

export type DashboardEvent =
  | { type: 'ready'; data: Record<string, never> }
  | { type: 'cell'; data: CellChange }
  | { type: 'ping'; data: Record<string, never> };

/**
 * The live dashboard, pushed rather than polled: while anybody watches, this API process
 * subscribes to the Redis channel where every process says which deployments were created or
 * changed status (after the commit), reads the cells of just those deployments (`dashboard_cells`,
 * kept by the deployments' triggers; a burst in one query) and sends each cell that changed to
 * every open stream, once. A stream gets `ready` when the subscription is in place (subscribe
 * first: a dashboard read from then on misses nothing), and again after Redis was away and the
 * subscription is back (changes may have gone unseen meanwhile: read again). A Redis outage
 * leaves streams open with their pings; it never fails a request.
 */
@Injectable()
export class DashboardLiveService implements OnApplicationShutdown {
  private readonly logger = new Logger('DashboardLive');
  private readonly streams = new Set<Subscriber<DashboardEvent>>();
  /** The fingerprint of each cell as last sent (empty while nobody watches). */
  private readonly sent = new Map<string, string>();
  private readonly pending = new Set<string>();
  private subscriber: Redis | null = null;
  private subscribed = false;
  private down = false;
  private flushing = false;
  private flushTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dashboard: DashboardRepository,
    @Inject(GANTRY_CONFIG) private readonly config: GantryConfig,
  ) {}

  /** `ready` once following (and again after each Redis outage), a `cell` per change, `ping`s. */
  events(): Observable<DashboardEvent> {
    const changes = new Observable<DashboardEvent>((stream) => {
      this.streams.add(stream);
      if (this.subscribed) stream.next({ type: 'ready', data: {} });
      else this.follow();
      return () => {
        this.streams.delete(stream);
        if (this.streams.size === 0) this.stop();
      };
    });
    return merge(
      changes,
      interval(KEEPALIVE_MS).pipe(map((): DashboardEvent => ({ type: 'ping', data: {} }))),
    );
  }

  onApplicationShutdown(): void {
    for (const stream of this.streams) stream.complete();
    this.stop();
  }

  /** Connects and subscribes (once per process); every stream hears `ready` when subscribed. */
  private follow(): void {
    if (this.subscriber) return;
    const redis = new IORedis(this.config.REDIS_URL, liveEventsRedisOptions());
    const channel = deploymentStatusesChannel(this.config.QUEUE_PREFIX);
    redis.on('error', (error: Error) => {
      this.subscribed = false;
      if (this.down) return;
      this.down = true;
      this.logger.warn(
        `Live dashboard: Redis unreachable (${error.message}); streams say ready again when it answers`,
      );
    });
    redis.on('close', () => {
      this.subscribed = false;
    });
    // Connected, or connected again: (re)subscribe, then tell every stream to read the dashboard.
    redis.on('ready', () => {
      if (this.down) this.logger.log('Live dashboard: Redis answers again');
      this.down = false;
      redis
        .subscribe(channel)
        .then(() => {
          if (this.subscriber !== redis) return;
          this.subscribed = true;
          this.broadcast({ type: 'ready', data: {} });
        })
        .catch(() => undefined);
    });
    redis.on('message', (_channel: string, message: string) => {
      try {
        const { deploymentIds } = JSON.parse(message) as DeploymentStatusesEvent;
        for (const id of deploymentIds) this.pending.add(id);
        this.schedule(BATCH_MS);
      } catch {
        this.logger.warn(`Live dashboard: ignored a malformed message on ${channel}`);
      }
    });
    this.subscriber = redis;
  }

  private stop(): void {
    this.subscriber?.disconnect();
    this.subscriber = null;
    this.subscribed = false;
    this.sent.clear();
    this.pending.clear();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
  }

  private schedule(delayMs: number): void {
    if (this.flushTimer || this.flushing) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      void this.flush();
    }, delayMs);
    this.flushTimer.unref();
  }

  /** Reads the cells of the pending deployments and sends those that changed. */
  private async flush(): Promise<void> {
    const ids = [...this.pending];
    this.pending.clear();
    this.flushing = true;
    let delay = BATCH_MS;
    try {
      const rows = await this.dashboard.cellStatesOf(ids);
      if (this.streams.size === 0) return;
      for (const change of changedCells(this.sent, rows, false))
        this.broadcast({ type: 'cell', data: change });
    } catch (error) {
      // PostgreSQL away: these deployments are read again later, not forgotten.
      this.logger.warn(`Live dashboard: could not read the cells: ${(error as Error).message}`);
      if (this.streams.size) for (const id of ids) this.pending.add(id);
      delay = RETRY_MS;
    } finally {
      this.flushing = false;
    }
    if (this.pending.size) this.schedule(delay);
  }

  private broadcast(event: DashboardEvent): void {
    for (const stream of this.streams) stream.next(event);
  }
}
