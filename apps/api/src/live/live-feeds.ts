import { Logger } from '@nestjs/common';
import IORedis, { type Redis } from 'ioredis';
import { isFinalDeploymentStatus } from '@gantry/domain';
import { deploymentEventsChannel, deploymentOfChannel, liveEventsRedisOptions } from '@gantry/core';
import type { DeploymentEvent, LiveLogLine, LiveState } from '@gantry/persistence';

/** Where a feed reads the truth: one query gives the status, the last seq and lines after a seq. */
export interface LiveSource {
  liveState(deploymentId: string, after: number, limit: number): Promise<LiveState | null>;
}

/** One follower of a deployment (a log stream). Called in seq order, each line once. */
export interface FeedListener {
  lines(lines: LiveLogLine[]): void;
  status(status: string): void;
  /** The deployment has ended and every line has been given. */
  end(): void;
  error(error: unknown): void;
}

export interface LiveFeedSettings {
  redisUrl: string;
  prefix: string;
  /** A feed with no news from Redis for this long reads its deployment from PostgreSQL. */
  resyncMs: number;
}

const PAGE = 500;
/** How long a feed waits for Redis to confirm its subscription before reading the database anyway. */
const SUBSCRIBE_WAIT_MS = 2_000;

interface Member {
  listener: FeedListener;
  /** The last seq this member was given. */
  pos: number;
  joined: boolean;
}

/**
 * The live state of one deployment inside one API process, shared by all its streams there.
 * Everything it does runs one task at a time (`run`), so lines reach members in seq order.
 * Pushed lines that follow on from the last one given cost no query; a gap (a lost push), a
 * status change, a Redis reconnection or a quiet spell of `resyncMs` reads the database once for
 * every member together.
 */
class DeploymentFeed {
  private last = 0;
  private status: string | null = null;
  private finished = false;
  private closed = false;
  private readonly members = new Set<Member>();
  private chain: Promise<void> = Promise.resolve();
  private lastNews = Date.now();
  private readonly timer: NodeJS.Timeout;

  constructor(
    readonly deploymentId: string,
    private readonly source: LiveSource,
    private readonly resyncMs: number,
    private readonly logger: Logger,
    private readonly onDone: (feed: DeploymentFeed) => void,
  ) {
    this.timer = setInterval(
      () => {
        if (Date.now() - this.lastNews < this.resyncMs) return;
        this.lastNews = Date.now();
        void this.run(() => this.sync());
      },
      Math.max(50, Math.floor(resyncMs / 4)),
    );
    this.timer.unref();
  }

  get size(): number {
    return this.members.size;
  }

  /** Reads where the deployment is now, once `subscribed` settles (pushes from then on arrive). */
  start(subscribed: Promise<unknown>): void {
    void this.run(async () => {
      await subscribed;
      const state = await this.source.liveState(this.deploymentId, 0, 0);
      if (!state) return this.finish();
      this.last = state.logSeq;
      this.status = state.status;
      if (isFinalDeploymentStatus(state.status)) this.finish();
    });
  }

  /** A new member: replays its lines after `after` from the database, then follows the pushes. */
  join(listener: FeedListener, after: number): Member {
    const member: Member = { listener, pos: after, joined: false };
    this.members.add(member);
    void this.run(async () => {
      if (!this.members.has(member)) return;
      try {
        while (member.pos < this.last) {
          const state = await this.source.liveState(this.deploymentId, member.pos, PAGE);
          const lines = (state?.lines ?? []).filter((line) => line.seq <= this.last);
          if (!lines.length) break;
          if (!this.members.has(member)) return;
          listener.lines(lines);
          member.pos = lines[lines.length - 1].seq;
        }
      } catch (error) {
        this.members.delete(member);
        listener.error(error);
        this.closeIfEmpty();
        return;
      }
      member.pos = Math.max(member.pos, this.last);
      member.joined = true;
      if (this.status) listener.status(this.status);
      if (this.finished) {
        this.members.delete(member);
        listener.end();
        this.closeIfEmpty();
      }
    });
    return member;
  }

  leave(member: Member): void {
    this.members.delete(member);
    this.closeIfEmpty();
  }

  /** A push from Redis. */
  receive(event: DeploymentEvent): void {
    this.lastNews = Date.now();
    void this.run(async () => {
      if (this.finished) return;
      let gap = false;
      const fresh = (event.lines ?? [])
        .map((line) => ({ ...line, at: new Date(line.at) }))
        .filter((line) => line.seq > this.last);
      if (fresh.length && fresh.every((line, i) => line.seq === this.last + 1 + i))
        this.give(fresh);
      else if (fresh.length || (event.seq ?? 0) > this.last) gap = true;
      if (gap || (event.status && event.status !== this.status)) await this.sync();
    });
  }

  /** Reads what the pushes may have missed (after a Redis reconnection, say). */
  resync(): void {
    void this.run(() => this.sync());
  }

  close(): void {
    this.closed = true;
    clearInterval(this.timer);
  }

  private run(task: () => Promise<void>): Promise<void> {
    const next = this.chain.then(() => (this.closed ? undefined : task()));
    this.chain = next.catch((error: Error) => {
      // PostgreSQL away: members keep what they have and the next quiet spell reads again.
      this.logger.warn(`Live feed ${this.deploymentId}: ${error.message}`);
      this.lastNews = 0;
    });
    return next;
  }

  /** Lines after the last one given, the status and, when the deployment has ended, the end. */
  private async sync(): Promise<void> {
    if (this.finished) return;
    for (;;) {
      const state = await this.source.liveState(this.deploymentId, this.last, PAGE);
      if (!state) return this.finish();
      if (state.lines.length) this.give(state.lines);
      if (state.status !== this.status) {
        this.status = state.status;
        for (const member of this.members) if (member.joined) member.listener.status(state.status);
      }
      if (state.lines.length < PAGE) break;
    }
    if (this.status && isFinalDeploymentStatus(this.status)) this.finish();
  }

  private give(lines: LiveLogLine[]): void {
    this.last = lines[lines.length - 1].seq;
    for (const member of this.members) {
      if (!member.joined) continue;
      const due = lines.filter((line) => line.seq > member.pos);
      if (!due.length) continue;
      member.pos = due[due.length - 1].seq;
      member.listener.lines(due);
    }
  }

  /** Ends every joined member; members still replaying end when their replay is done. */
  private finish(): void {
    this.finished = true;
    for (const member of [...this.members]) {
      if (!member.joined) continue;
      this.members.delete(member);
      member.listener.end();
    }
    this.closeIfEmpty();
  }

  private closeIfEmpty(): void {
    if (this.members.size === 0 && !this.closed) {
      this.close();
      this.onDone(this);
    }
  }
}

/**
 * The live deployment feeds of one API process: one Redis subscriber connection, one channel
 * subscription per deployment someone follows here, shared by all its streams.
 */
export class LiveFeeds {
  private readonly logger = new Logger('LiveFeeds');
  private readonly feeds = new Map<string, DeploymentFeed>();
  private subscriber: Redis | null = null;
  private down = false;
  private readyBefore = false;

  constructor(
    private readonly source: LiveSource,
    private readonly settings: LiveFeedSettings,
  ) {}

  /** Follows a deployment from after `after`; the returned function stops following. */
  follow(deploymentId: string, after: number, listener: FeedListener): () => void {
    let feed = this.feeds.get(deploymentId);
    if (!feed) {
      const created = new DeploymentFeed(
        deploymentId,
        this.source,
        this.settings.resyncMs,
        this.logger,
        (done) => {
          if (this.feeds.get(deploymentId) !== done) return;
          this.feeds.delete(deploymentId);
          this.redis()
            .unsubscribe(this.channel(deploymentId))
            .catch(() => undefined);
        },
      );
      this.feeds.set(deploymentId, created);
      created.start(this.subscribe(deploymentId));
      feed = created;
    }
    const member = feed.join(listener, after);
    const joined = feed;
    return () => joined.leave(member);
  }

  /** How many deployments this process follows now (one subscription each). */
  get following(): number {
    return this.feeds.size;
  }

  close(): void {
    for (const feed of this.feeds.values()) feed.close();
    this.feeds.clear();
    this.subscriber?.disconnect();
    this.subscriber = null;
  }

  private channel(deploymentId: string): string {
    return deploymentEventsChannel(this.settings.prefix, deploymentId);
  }

  private subscribe(deploymentId: string): Promise<unknown> {
    const subscribed = this.redis()
      .subscribe(this.channel(deploymentId))
      .catch(() => undefined);
    return Promise.race([
      subscribed,
      new Promise((resolve) => setTimeout(resolve, SUBSCRIBE_WAIT_MS).unref()),
    ]);
  }

  private redis(): Redis {
    if (this.subscriber) return this.subscriber;
    const redis = new IORedis(this.settings.redisUrl, liveEventsRedisOptions());
    redis.on('error', (error: Error) => {
      if (this.down) return;
      this.down = true;
      this.logger.warn(
        `Live feeds: Redis unreachable (${error.message}); streams read PostgreSQL every ${this.settings.resyncMs / 1000} s until it answers`,
      );
    });
    // (Re)connected: subscribe again and read what the pushes may have missed meanwhile.
    redis.on('ready', () => {
      const again = this.readyBefore || this.down;
      if (this.down) this.logger.log('Live feeds: Redis answers again');
      this.down = false;
      this.readyBefore = true;
      if (!again) return;
      for (const feed of this.feeds.values()) {
        void this.subscribe(feed.deploymentId).then(() => feed.resync());
      }
    });
    redis.on('message', (channel: string, message: string) => {
      const deploymentId = deploymentOfChannel(this.settings.prefix, channel);
      const feed = deploymentId ? this.feeds.get(deploymentId) : undefined;
      if (!feed) return;
      try {
        feed.receive(JSON.parse(message) as DeploymentEvent);
      } catch {
        feed.resync();
      }
    });
    this.subscriber = redis;
    return redis;
  }
}
