import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { isUuid, notFound } from '@gantry/domain';
import {
  BuildInfo,
  NotificationDeliveryEntity,
  NotificationEntity,
  NotificationStatus,
  SubscriptionEntity,
  WorkItem,
} from '../entities';
import { translateDatabaseError } from '../unique-violation';
import { getByRef } from './find-by-ref';

export type SubscriptionValues = Omit<SubscriptionEntity, 'id' | 'createdAt' | 'updatedAt'>;
export type DeliveryValues = Omit<NotificationDeliveryEntity, 'id' | 'seq' | 'at'>;

export interface DeploymentFacts {
  id: string;
  status: string;
  error: string | null;
  createdBy: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  holdReason: string | null;
  holdUntil: Date | null;
  releaseId: string;
  environmentId: string;
  environmentSlug: string;
  environmentName: string;
  tenantId: string | null;
  tenantSlug: string | null;
  tenantName: string | null;
  tenantTags: string[] | null;
}

export interface ReleaseFacts {
  id: string;
  version: string;
  notes: string;
  build: BuildInfo | null;
  workItems: WorkItem[];
  blockedReason: string | null;
  blockedBy: string | null;
  createdAt: Date;
  projectId: string;
  projectSlug: string;
  projectName: string;
}

/** Subscriptions, the notifications made for them, and every delivery attempt. */
@Injectable()
export class SubscriptionsRepository {
  constructor(
    @InjectRepository(SubscriptionEntity)
    private readonly subscriptions: Repository<SubscriptionEntity>,
    @InjectRepository(NotificationEntity)
    private readonly notifications: Repository<NotificationEntity>,
    @InjectRepository(NotificationDeliveryEntity)
    private readonly deliveries: Repository<NotificationDeliveryEntity>,
    private readonly dataSource: DataSource,
  ) {}

  get(ref: string): Promise<SubscriptionEntity> {
    return getByRef(this.subscriptions, 'subscription', ref);
  }

  list(limit: number, offset: number): Promise<[SubscriptionEntity[], number]> {
    return this.subscriptions.findAndCount({
      order: { createdAt: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  /** Enabled subscriptions to an event. */
  listening(event: string): Promise<SubscriptionEntity[]> {
    return this.subscriptions
      .createQueryBuilder('s')
      .where('s.enabled AND :event = ANY(s.events)', { event })
      .getMany();
  }

  async create(values: SubscriptionValues): Promise<SubscriptionEntity> {
    const saved = await this.subscriptions
      .save(this.subscriptions.create(values))
      .catch((error) => translateDatabaseError(error, 'subscription'));
    return this.get(saved.id);
  }

  async update(id: string, values: Partial<SubscriptionValues>): Promise<SubscriptionEntity> {
    await this.subscriptions
      .update({ id }, values)
      .catch((error) => translateDatabaseError(error, 'subscription'));
    return this.get(id);
  }

  async delete(id: string): Promise<void> {
    await this.subscriptions.delete({ id });
  }

  /** One notification per subscription for an event; returns their ids. */
  async addNotifications(
    event: string,
    payloads: { subscriptionId: string; payload: Record<string, unknown> }[],
  ): Promise<string[]> {
    if (payloads.length === 0) return [];
    const rows = await this.notifications.save(
      payloads.map((item) =>
        this.notifications.create({ ...item, event, status: 'pending' as NotificationStatus }),
      ),
    );
    return rows.map((row) => row.id);
  }

  async notification(id: string): Promise<NotificationEntity | null> {
    return isUuid(id) ? this.notifications.findOne({ where: { id } }) : null;
  }

  async setNotificationStatus(id: string, status: NotificationStatus): Promise<void> {
    await this.notifications.update({ id }, { status });
  }

  /** Records an attempt, numbered after the notification's earlier attempts. */
  async recordDelivery(values: Omit<DeliveryValues, 'attempt'>): Promise<number> {
    const [row] = await this.dataSource.query(
      `INSERT INTO notification_deliveries
         (notification_id, subscription_id, attempt, replay, outcome, response_status, error, duration_ms)
       SELECT $1, $2, COUNT(*) + 1, $3, $4, $5, $6, $7
         FROM notification_deliveries WHERE notification_id = $1
       RETURNING attempt`,
      [
        values.notificationId,
        values.subscriptionId,
        values.replay,
        values.outcome,
        values.responseStatus,
        values.error,
        values.durationMs,
      ],
    );
    return row.attempt;
  }

  /** Attempts of a subscription, newest first, with the event of each. */
  async deliveriesOf(
    subscriptionId: string,
    limit: number,
    offset: number,
  ): Promise<[(NotificationDeliveryEntity & { event: string })[], number]> {
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT d.id, d.notification_id AS "notificationId", d.attempt, d.replay, d.outcome,
                d.response_status AS "responseStatus", d.error, d.duration_ms AS "durationMs",
                d.at, n.event
           FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
          WHERE d.subscription_id = $1
          ORDER BY d.seq DESC LIMIT $2 OFFSET $3`,
        [subscriptionId, limit, offset],
      ),
      this.dataSource.query(
        'SELECT COUNT(*)::int AS total FROM notification_deliveries WHERE subscription_id = $1',
        [subscriptionId],
      ),
    ]);
    return [rows, total];
  }

  /** What a deployment event tells: the deployment, its release, project, environment and tenant. */
  async deploymentFacts(id: string): Promise<DeploymentFacts | null> {
    const [row] = await this.dataSource.query(
      `SELECT d.id, d.status, d.error, d.created_by AS "createdBy", d.created_at AS "createdAt",
              d.started_at AS "startedAt", d.finished_at AS "finishedAt",
              d.hold_reason AS "holdReason", d.hold_until AS "holdUntil",
              d.release_id AS "releaseId", d.environment_id AS "environmentId",
              e.slug AS "environmentSlug", e.name AS "environmentName",
              t.id AS "tenantId", t.slug AS "tenantSlug", t.name AS "tenantName", t.tags AS "tenantTags"
         FROM deployments d
         JOIN environments e ON e.id = d.environment_id
         LEFT JOIN tenants t ON t.id = d.tenant_id
        WHERE d.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** What a release event tells: the release with its build information, and its project. */
  async releaseFacts(id: string): Promise<ReleaseFacts | null> {
    const [row] = await this.dataSource.query(
      `SELECT r.id, r.version, r.notes, r.build, r.work_items AS "workItems",
              r.blocked_reason AS "blockedReason", r.blocked_by AS "blockedBy", r.created_at AS "createdAt",
              p.id AS "projectId", p.slug AS "projectSlug", p.name AS "projectName"
         FROM releases r JOIN projects p ON p.id = r.project_id
        WHERE r.id = $1`,
      [id],
    );
    return row ?? null;
  }

  async delivery(subscriptionId: string, id: string): Promise<NotificationDeliveryEntity> {
    const row = isUuid(id)
      ? await this.deliveries.findOne({ where: { id, subscriptionId } })
      : null;
    if (!row) throw notFound('delivery', id);
    return row;
  }
}
