import { Global, Logger, Module, OnApplicationShutdown, type DynamicModule } from '@nestjs/common';
import IORedis, { type Redis, type RedisOptions } from 'ioredis';
import {
  DeploymentEventsPublisher,
  type DeploymentEvent,
  type DeploymentStatusesEvent,
} from '@gantry/persistence';

/** The Redis pub/sub channel a deployment's live events go through. */
export function deploymentEventsChannel(prefix: string, deploymentId: string): string {
  return `${prefix}:live:deployment:${deploymentId}`;
}

/** The Redis pub/sub channel saying which deployments changed status (the live dashboard's). */
export function deploymentStatusesChannel(prefix: string): string {
  return `${prefix}:live:deployment-statuses`;
}

/** Deployment ids a `statusesChanged` message carries at most (a bigger batch is split). */
const STATUSES_PER_MESSAGE = 1000;

/** The deployment id a channel of `deploymentEventsChannel` names, or null. */
export function deploymentOfChannel(prefix: string, channel: string): string | null {
  const head = `${prefix}:live:deployment:`;
  return channel.startsWith(head) ? channel.slice(head.length) : null;
}

/**
 * Connection options for live events: while Redis is away, a publish or a subscribe waits at most
 * until the next reconnection attempt fails, instead of piling up (followers catch up from
 * PostgreSQL), and reconnection is tried every second at most.
 */
export function liveEventsRedisOptions(): RedisOptions {
  return {
    maxRetriesPerRequest: 0,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
  };
}

/**
 * Publishes deployment events on Redis pub/sub, fire and forget. While Redis is unreachable
 * events are dropped (said once per outage): followers find the gap by seq and read the lines
 * from PostgreSQL.
 */
export class RedisDeploymentEvents extends DeploymentEventsPublisher {
  private readonly logger = new Logger('LiveEvents');
  private readonly redis: Redis;
  private down = false;

  constructor(
    redisUrl: string,
    private readonly prefix: string,
  ) {
    super();
    this.redis = new IORedis(redisUrl, liveEventsRedisOptions());
    this.redis.on('error', () => undefined);
  }

  publish(event: DeploymentEvent): void {
    this.send(deploymentEventsChannel(this.prefix, event.deploymentId), event);
    if (event.status) this.statusesChanged([event.deploymentId]);
  }

  statusesChanged(deploymentIds: readonly string[]): void {
    for (let start = 0; start < deploymentIds.length; start += STATUSES_PER_MESSAGE) {
      const message: DeploymentStatusesEvent = {
        deploymentIds: deploymentIds.slice(start, start + STATUSES_PER_MESSAGE),
      };
      this.send(deploymentStatusesChannel(this.prefix), message);
    }
  }

  private send(channel: string, message: object): void {
    this.redis
      .publish(channel, JSON.stringify(message))
      .then(() => {
        if (this.down) this.logger.log('Live events: Redis answers again');
        this.down = false;
      })
      .catch((error: Error) => {
        if (!this.down)
          this.logger.warn(
            `Live events: Redis unreachable (${error.message}); log streams read from PostgreSQL until it answers`,
          );
        this.down = true;
      });
  }

  close(): void {
    this.redis.disconnect();
  }
}

/** Provides the deployment events publisher to the repositories of every process. */
@Global()
@Module({})
export class LiveEventsModule implements OnApplicationShutdown {
  constructor(private readonly events: DeploymentEventsPublisher) {}

  static forRoot(settings: { redisUrl: string; prefix: string }): DynamicModule {
    return {
      module: LiveEventsModule,
      providers: [
        {
          provide: DeploymentEventsPublisher,
          useFactory: () => new RedisDeploymentEvents(settings.redisUrl, settings.prefix),
        },
      ],
      exports: [DeploymentEventsPublisher],
    };
  }

  onApplicationShutdown(): void {
    (this.events as RedisDeploymentEvents).close();
  }
}
