import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { ProcessStep } from '@gantry/domain';

export type Tenancy = 'untenanted' | 'tenanted' | 'mixed';

@Entity('projects')
export class ProjectEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() slug!: string;
  @Column() name!: string;
  @Column() description!: string;
  @Column('uuid', { nullable: true }) lifecycleId!: string | null;
  @Column('varchar') tenancy!: Tenancy;
  @Column('text', { array: true }) targetTags!: string[];
  /** The deployment process: ordered steps, slugs fixed, environment conditions as ids. */
  @Column('jsonb') steps!: ProcessStep[];
  /** Retention: keep the newest N revisions of each task definition family (null: all). */
  @Column('int', { nullable: true }) keepTaskDefinitions!: number | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
