import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { GANTRY_CONFIG, type GantryConfig } from '@gantry/config';
import { DomainError, notFound } from '@gantry/domain';
import { DeploymentsRepository, type LiveState } from '@gantry/persistence';
import { LiveFeeds, type LiveSource } from './live-feeds';

/** The deployment log as live streams read it, and the streams each API key holds open. */
@Injectable()
export class LiveService implements LiveSource, OnApplicationShutdown {
  readonly feeds: LiveFeeds;
  private readonly streamsPerKey: number;
  private readonly open = new Map<string, number>();

  constructor(
    private readonly deployments: DeploymentsRepository,
    @Inject(GANTRY_CONFIG) config: GantryConfig,
  ) {
    this.streamsPerKey = config.LIVE_STREAMS_PER_KEY;
    this.feeds = new LiveFeeds(this, {
      redisUrl: config.REDIS_URL,
      prefix: config.QUEUE_PREFIX,
      resyncMs: config.LIVE_RESYNC_SECONDS * 1000,
    });
  }

  async assertDeploymentExists(id: string): Promise<void> {
    if (!(await this.deployments.keyOf(id))) throw notFound('deployment', id);
  }

  liveState(deploymentId: string, after: number, limit: number): Promise<LiveState | null> {
    return this.deployments.liveState(deploymentId, after, limit);
  }

  /**
   * Takes one of the key's stream slots (LIVE_STREAMS_PER_KEY in this process), or refuses with
   * 429; the returned function gives the slot back (once, however often it is called).
   */
  takeStreamSlot(keyId: string): () => void {
    const held = this.open.get(keyId) ?? 0;
    if (held >= this.streamsPerKey)
      throw new DomainError(
        'rate_limited',
        `This API key already has ${held} live streams open, the most it may (LIVE_STREAMS_PER_KEY); close one first.`,
        [],
        { limit: this.streamsPerKey },
      );
    this.open.set(keyId, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const now = (this.open.get(keyId) ?? 1) - 1;
      if (now > 0) this.open.set(keyId, now);
      else this.open.delete(keyId);
    };
  }

  /** Streams open now for a key (tests, diagnostics). */
  streamsOf(keyId: string): number {
    return this.open.get(keyId) ?? 0;
  }

  onApplicationShutdown(): void {
    this.feeds.close();
  }
}
