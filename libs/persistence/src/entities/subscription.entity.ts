import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export type SubscriptionKind = 'webhook' | 'slack' | 'email';

/** Settings that are not secret; secrets (URLs with tokens, passwords) live in `secretsEncrypted`. */
export interface SubscriptionSettings {
  /** Email: recipients, sender and SMTP server. */
  to?: string[];
  from?: string;
  smtp?: { host: string; port: number; secure: boolean; username?: string };
}

@Entity('subscriptions')
export class SubscriptionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() slug!: string;
  @Column() name!: string;
  @Column('varchar') kind!: SubscriptionKind;
  @Column('text', { array: true }) events!: string[];
  @Column('uuid', { array: true }) projectIds!: string[];
  @Column('uuid', { array: true }) environmentIds!: string[];
  @Column('text', { array: true }) tenantTags!: string[];
  @Column('jsonb') settings!: SubscriptionSettings;
  /** SecretBox-sealed JSON of the subscription's secrets: `{url?, secret?, smtpPassword?}`. */
  @Column('text') secretsEncrypted!: string;
  @Column() enabled!: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

export type NotificationStatus = 'pending' | 'delivered' | 'failed';

/** One event to deliver to one subscription. */
@Entity('notifications')
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') subscriptionId!: string;
  @Column() event!: string;
  @Column('jsonb') payload!: Record<string, unknown>;
  @Column('varchar') status!: NotificationStatus;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/** One attempt at delivering a notification. */
@Entity('notification_deliveries')
export class NotificationDeliveryEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'bigint', insert: false, update: false }) seq!: string;
  @Column('uuid') notificationId!: string;
  @Column('uuid') subscriptionId!: string;
  @Column('int') attempt!: number;
  @Column() replay!: boolean;
  @Column('varchar') outcome!: 'delivered' | 'failed';
  @Column('int', { nullable: true }) responseStatus!: number | null;
  @Column('text', { nullable: true }) error!: string | null;
  @Column('int') durationMs!: number;
  @CreateDateColumn({ type: 'timestamptz' }) at!: Date;
}
