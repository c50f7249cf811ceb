import { Injectable } from '@nestjs/common';
import { invalid, type FieldError } from '@gantry/domain';
import type { SubscriptionSecrets } from '@gantry/notifications';
import {
  EnvironmentsRepository,
  ProjectsRepository,
  SecretBox,
  SubscriptionEntity,
  SubscriptionsRepository,
  SubscriptionSettings,
  SubscriptionValues,
} from '@gantry/persistence';
import { NotificationQueue } from '@gantry/queue';
import { slugFor } from '../http/slug';
import { CreateSubscription, KIND_FIELDS, UpdateSubscription } from './subscriptions.dto';

@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    private readonly projects: ProjectsRepository,
    private readonly environments: EnvironmentsRepository,
    private readonly box: SecretBox,
    private readonly queue: NotificationQueue,
  ) {}

  async create(input: CreateSubscription) {
    const secrets: SubscriptionSecrets =
      input.kind === 'email'
        ? { smtpPassword: input.smtp?.password }
        : { url: input.url, ...(input.kind === 'webhook' ? { secret: input.secret } : {}) };
    const values: SubscriptionValues = {
      name: input.name,
      slug: slugFor(input),
      kind: input.kind,
      events: input.events,
      ...(await this.filterIds(input)),
      tenantTags: input.tenantTags,
      enabled: input.enabled,
      settings:
        input.kind === 'email'
          ? emailSettings({ to: input.to!, from: input.from!, smtp: input.smtp! })
          : {},
      secretsEncrypted: this.box.encrypt(JSON.stringify(secrets)),
    };
    return this.present(await this.subscriptions.create(values));
  }

  async list(limit: number, offset: number) {
    const [rows, total] = await this.subscriptions.list(limit, offset);
    return { items: await Promise.all(rows.map((row) => this.present(row))), total };
  }

  async get(ref: string) {
    return this.present(await this.subscriptions.get(ref));
  }

  async update(ref: string, input: UpdateSubscription) {
    const subscription = await this.subscriptions.get(ref);
    assertFieldsFitKind(subscription.kind, input);
    const secrets = JSON.parse(
      this.box.decrypt(subscription.secretsEncrypted),
    ) as SubscriptionSecrets;
    const nextSecrets: SubscriptionSecrets = {
      ...secrets,
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.secret !== undefined ? { secret: input.secret } : {}),
      ...(input.smtp?.password !== undefined ? { smtpPassword: input.smtp.password } : {}),
    };
    const settings: SubscriptionSettings =
      subscription.kind === 'email'
        ? emailSettings({
            to: input.to ?? subscription.settings.to ?? [],
            from: input.from ?? subscription.settings.from ?? '',
            smtp: input.smtp ?? subscription.settings.smtp!,
          })
        : subscription.settings;
    const updated = await this.subscriptions.update(subscription.id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.slug !== undefined ? { slug: input.slug } : {}),
      ...(input.events !== undefined ? { events: input.events } : {}),
      ...(input.tenantTags !== undefined ? { tenantTags: input.tenantTags } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      ...(await this.filterIds(input)),
      settings,
      secretsEncrypted: this.box.encrypt(JSON.stringify(nextSecrets)),
    });
    return this.present(updated);
  }

  async delete(ref: string): Promise<void> {
    const subscription = await this.subscriptions.get(ref);
    await this.subscriptions.delete(subscription.id);
  }

  async deliveries(ref: string, limit: number, offset: number) {
    const subscription = await this.subscriptions.get(ref);
    const [items, total] = await this.subscriptions.deliveriesOf(subscription.id, limit, offset);
    return { items, total };
  }

  /** Queues the delivery's notification again; its attempts are recorded as replays. */
  async replay(ref: string, deliveryId: string) {
    const subscription = await this.subscriptions.get(ref);
    const delivery = await this.subscriptions.delivery(subscription.id, deliveryId);
    await this.queue.enqueue([delivery.notificationId], true);
    return { notificationId: delivery.notificationId, replayed: true as const };
  }

  private async filterIds(input: { projects?: string[]; environments?: string[] }) {
    return {
      ...(input.projects
        ? { projectIds: (await this.projects.getMany(input.projects, 'projects')).map((p) => p.id) }
        : {}),
      ...(input.environments
        ? {
            environmentIds: (
              await this.environments.getMany(input.environments, 'environments')
            ).map((e) => e.id),
          }
        : {}),
    } as Pick<SubscriptionValues, 'projectIds' | 'environmentIds'>;
  }

  /** Secrets never leave: a URL shows only its origin, passwords and signing secrets not at all. */
  private async present(subscription: SubscriptionEntity) {
    const secrets = JSON.parse(
      this.box.decrypt(subscription.secretsEncrypted),
    ) as SubscriptionSecrets;
    const [projects, environments] = await Promise.all([
      this.projects.getMany(subscription.projectIds, 'projects').catch(() => []),
      this.environments.getMany(subscription.environmentIds, 'environments').catch(() => []),
    ]);
    const smtp = subscription.settings.smtp;
    return {
      id: subscription.id,
      slug: subscription.slug,
      name: subscription.name,
      kind: subscription.kind,
      events: subscription.events,
      projects: projects.map(({ id, slug }) => ({ id, slug })),
      environments: environments.map(({ id, slug }) => ({ id, slug })),
      tenantTags: subscription.tenantTags,
      enabled: subscription.enabled,
      ...(secrets.url ? { url: `${new URL(secrets.url).origin}/********` } : {}),
      ...(subscription.kind === 'webhook' ? { secret: '********' } : {}),
      ...(subscription.kind === 'email' && smtp
        ? {
            to: subscription.settings.to,
            from: subscription.settings.from,
            smtp: { ...smtp, password: secrets.smtpPassword ? '********' : null },
          }
        : {}),
      createdAt: subscription.createdAt,
      updatedAt: subscription.updatedAt,
    };
  }
}

function emailSettings(input: {
  to: string[];
  from: string;
  smtp: { host: string; port: number; secure: boolean; username?: string };
}): SubscriptionSettings {
  const { host, port, secure, username } = input.smtp;
  return { to: input.to, from: input.from, smtp: { host, port, secure, username } };
}

function assertFieldsFitKind(kind: SubscriptionEntity['kind'], input: UpdateSubscription): void {
  const problems: FieldError[] = ['url', 'secret', 'to', 'from', 'smtp']
    .filter((field) => (input as Record<string, unknown>)[field] !== undefined)
    .filter((field) => !(KIND_FIELDS[kind] as readonly string[]).includes(field))
    .map((field) => ({ path: field, message: `does not apply to a ${kind} subscription` }));
  if (problems.length) throw invalid(problems, 'The subscription update is invalid.');
}
