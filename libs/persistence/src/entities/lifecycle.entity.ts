import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

@Entity('lifecycles')
export class LifecycleEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() slug!: string;
  @Column() name!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('lifecycle_phases')
export class LifecyclePhaseEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') lifecycleId!: string;
  @Column('int') position!: number;
  @Column() name!: string;
  @Column('int') minimumEnvironmentsBeforePromotion!: number;
  @Column() optional!: boolean;
  /** Retention: keep the newest N releases deployed into this phase (null: all). */
  @Column('int', { nullable: true }) keepReleases!: number | null;
}

@Entity('lifecycle_phase_environments')
export class LifecyclePhaseEnvironmentEntity {
  @Column('uuid', { primary: true }) phaseId!: string;
  @Column('uuid', { primary: true }) environmentId!: string;
  @Column('uuid') lifecycleId!: string;
  @Column('int') position!: number;
  @Column() automatic!: boolean;
}
