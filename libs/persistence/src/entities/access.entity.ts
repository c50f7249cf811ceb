import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ApiKeyRole = 'admin' | 'deployer' | 'viewer';

@Entity('api_keys')
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() name!: string;
  @Column('varchar') role!: ApiKeyRole;
  /** sha256 of the key: keys are 32 random bytes, so a fast hash is enough. */
  @Column() keyHash!: string;
  @Column() keyPrefix!: string;
  @Column('uuid', { array: true }) environments!: string[];
  @Column('uuid', { array: true }) projects!: string[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { nullable: true }) lastUsedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) revokedAt!: Date | null;
}

@Entity('audit_events')
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @CreateDateColumn({ type: 'timestamptz' }) at!: Date;
  @Column('uuid', { nullable: true }) actorKeyId!: string | null;
  @Column() actorName!: string;
  @Column() method!: string;
  @Column() route!: string;
  @Column('varchar', { nullable: true }) resourceId!: string | null;
  @Column('int') status!: number;
  @Column() outcome!: string;
  @Column('jsonb', { nullable: true }) body!: unknown;
}
