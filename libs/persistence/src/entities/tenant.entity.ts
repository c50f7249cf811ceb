import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@Entity('tenants')
export class TenantEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() slug!: string;
  @Column() name!: string;
  @Column('text', { array: true }) tags!: string[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

/** A tenant gets its own copy of a project in these environments. */
@Entity('tenant_connections')
export class TenantConnectionEntity {
  @Column('uuid', { primary: true }) tenantId!: string;
  @Column('uuid', { primary: true }) projectId!: string;
  @Column('uuid', { primary: true }) environmentId!: string;
}
