import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EcsServiceStep } from '@gantry/domain';
import type { VariableScopeRecord } from './variable.entity';

/** A variable as frozen into a release; sensitive values stay encrypted. */
export interface SnapshotVariable {
  name: string;
  value: string | null;
  valueEncrypted: string | null;
  sensitive: boolean;
  scope: VariableScopeRecord;
}

@Entity('releases')
export class ReleaseEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') projectId!: string;
  @Column('uuid') channelId!: string;
  @Column() version!: string;
  @Column() notes!: string;
  @Column('jsonb') images!: Record<string, string>;
  @Column('jsonb') step!: EcsServiceStep;
  @Column('jsonb') variables!: SnapshotVariable[];
  @Column('timestamptz') snapshotTakenAt!: Date;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
