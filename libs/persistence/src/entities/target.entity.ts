import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export type CredentialsType = 'default' | 'keys' | 'assume-role' | 'sandbox';
export type TenantedMode = 'untenanted' | 'tenanted' | 'mixed';

@Entity('targets')
export class TargetEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() slug!: string;
  @Column() name!: string;
  @Column('text', { array: true }) tags!: string[];
  @Column('varchar') tenantedMode!: TenantedMode;
  @Column() region!: string;
  @Column() cluster!: string;
  @Column('varchar') credentialsType!: CredentialsType;
  @Column('varchar', { nullable: true }) accessKeyId!: string | null;
  /** AES-256-GCM under the master key; write-only through the API. */
  @Column('text', { nullable: true }) secretAccessKeyEncrypted!: string | null;
  @Column('varchar', { nullable: true }) roleArn!: string | null;
  @Column('varchar', { nullable: true }) externalId!: string | null;
  @Column('varchar', { nullable: true }) endpoint!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('target_environments')
export class TargetEnvironmentEntity {
  @Column('uuid', { primary: true }) targetId!: string;
  @Column('uuid', { primary: true }) environmentId!: string;
}

@Entity('target_tenants')
export class TargetTenantEntity {
  @Column('uuid', { primary: true }) targetId!: string;
  @Column('uuid', { primary: true }) tenantId!: string;
}
