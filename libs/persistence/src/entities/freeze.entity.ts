import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Recurrence } from '@gantry/domain';

@Entity('freezes')
export class FreezeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() slug!: string;
  @Column() name!: string;
  @Column() reason!: string;
  @Column('timestamptz', { nullable: true }) startAt!: Date | null;
  @Column('timestamptz', { nullable: true }) endAt!: Date | null;
  @Column('jsonb', { nullable: true }) recurrence!: Recurrence | null;
  @Column() timeZone!: string;
  @Column('uuid', { array: true }) projectIds!: string[];
  @Column('uuid', { array: true }) environmentIds!: string[];
  @Column('uuid', { array: true }) tenantIds!: string[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
