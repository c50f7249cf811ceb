import { Inject, Injectable, Logger } from '@nestjs/common';
import { subscriptionWants, type EventScope, type NotificationEventName } from '@gantry/domain';
import {
  DeploymentFacts,
  ReleaseFacts,
  SubscriptionEntity,
  SubscriptionsRepository,
} from '@gantry/persistence';
import { NotificationQueue } from '@gantry/queue';
import type { NotificationPayload } from './notification-message';

export const NOTIFICATIONS_PUBLIC_URL = Symbol('NOTIFICATIONS_PUBLIC_URL');

/**
 * Turns an event into one notification per subscription that wants it and queues them. Never
 * throws and never waits on a receiver: delivery happens on the notifications queue, so a slow or
 * dead receiver cannot slow a deployment.
 */
@Injectable()
export class NotificationPublisher {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    private readonly queue: NotificationQueue,
    @Inject(NOTIFICATIONS_PUBLIC_URL) private readonly baseUrl: string,
  ) {}

  async deployments(event: NotificationEventName, deploymentIds: string[]): Promise<void> {
    // One query when nobody listens: a 1,000-tenant fan-out must not pay three per deployment.
    const listening = await this.listeners(event);
    if (listening.length === 0) return;
    const releases = new Map<string, Promise<ReleaseFacts | null>>();
    const releaseFacts = (id: string) => {
      if (!releases.has(id)) releases.set(id, this.subscriptions.releaseFacts(id));
      return releases.get(id)!;
    };
    for (const id of deploymentIds)
      await this.quietly(event, id, async () => {
        const facts = await this.subscriptions.deploymentFacts(id);
        const release = facts && (await releaseFacts(facts.releaseId));
        if (!facts || !release) return;
        await this.publish(
          event,
          listening,
          {
            event,
            projectId: release.projectId,
            environmentId: facts.environmentId,
            tenantTags: facts.tenantTags,
          },
          this.payload(event, release, facts),
        );
      });
  }

  async release(event: NotificationEventName, releaseId: string): Promise<void> {
    const listening = await this.listeners(event);
    if (listening.length === 0) return;
    await this.quietly(event, releaseId, async () => {
      const release = await this.subscriptions.releaseFacts(releaseId);
      if (!release) return;
      await this.publish(
        event,
        listening,
        { event, projectId: release.projectId, environmentId: null, tenantTags: null },
        this.payload(event, release, null),
      );
    });
  }

  private async listeners(event: NotificationEventName): Promise<SubscriptionEntity[]> {
    try {
      return await this.subscriptions.listening(event);
    } catch (error) {
      this.logger.error(
        { event },
        `Could not read the ${event} subscriptions: ${(error as Error).message}`,
      );
      return [];
    }
  }

  private async publish(
    event: NotificationEventName,
    listening: readonly SubscriptionEntity[],
    scope: EventScope,
    payload: Omit<NotificationPayload, 'id'>,
  ): Promise<void> {
    const wanting = listening.filter((subscription) => subscriptionWants(subscription, scope));
    if (wanting.length === 0) return;
    const ids = await this.subscriptions.addNotifications(
      event,
      wanting.map((subscription) => ({ subscriptionId: subscription.id, payload })),
    );
    await this.queue.enqueue(ids);
  }

  private async quietly(event: string, id: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.error(
        { event, id },
        `Could not queue the ${event} notifications: ${(error as Error).message}`,
      );
    }
  }

  private payload(
    event: NotificationEventName,
    release: ReleaseFacts,
    deployment: DeploymentFacts | null,
  ): Omit<NotificationPayload, 'id'> {
    const at = (date: Date | null) => (date ? new Date(date).toISOString() : null);
    return {
      event,
      occurredAt: new Date().toISOString(),
      project: { id: release.projectId, slug: release.projectSlug, name: release.projectName },
      release: {
        id: release.id,
        version: release.version,
        url: `${this.baseUrl}/api/releases/${release.id}`,
        build: (release.build as Record<string, string> | null) ?? null,
        workItems: release.workItems,
        blockedReason: release.blockedReason,
      },
      ...(deployment
        ? {
            deployment: {
              id: deployment.id,
              status: deployment.status,
              url: `${this.baseUrl}/api/deployments/${deployment.id}`,
              logUrl: `${this.baseUrl}/api/deployments/${deployment.id}/log`,
              environment: {
                id: deployment.environmentId,
                slug: deployment.environmentSlug,
                name: deployment.environmentName,
              },
              tenant: deployment.tenantId
                ? {
                    id: deployment.tenantId,
                    slug: deployment.tenantSlug as string,
                    name: deployment.tenantName as string,
                    tags: deployment.tenantTags ?? [],
                  }
                : null,
              error: deployment.error,
              waitingReason: deployment.holdReason,
              createdBy: deployment.createdBy,
              startedAt: at(deployment.startedAt),
              finishedAt: at(deployment.finishedAt),
            },
          }
        : {}),
    };
  }
}
