import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ProcessStep } from '@gantry/domain';
import type { VariableScopeRecord } from './variable.entity';

/** A variable as frozen into a release; sensitive values stay encrypted. */
export interface SnapshotVariable {
  name: string;
  value: string | null;
  valueEncrypted: string | null;
  sensitive: boolean;
  scope: VariableScopeRecord;
}

/** Where a release's images were built (CI build information). */
export interface BuildInfo {
  commit?: string;
  branch?: string;
  repository?: string;
  url?: string;
  number?: string;
}

/** An issue or ticket the release carries. */
export interface WorkItem {
  id: string;
  title?: string;
  url?: string;
}

@Entity('releases')
export class ReleaseEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') projectId!: string;
  @Column('uuid') channelId!: string;
  @Column() version!: string;
  @Column() notes!: string;
  /** `<step>/<container>` → image tag, for every container of every step. */
  @Column('jsonb') images!: Record<string, string>;
  /** The project's process when the release was created. */
  @Column('jsonb') steps!: ProcessStep[];
  @Column('jsonb') variables!: SnapshotVariable[];
  @Column('timestamptz') snapshotTakenAt!: Date;
  @Column('jsonb', { nullable: true }) build!: BuildInfo | null;
  @Column('jsonb') workItems!: WorkItem[];
  /** A blocked release is deployed nowhere further; the reason says why. */
  @Column('text', { nullable: true }) blockedReason!: string | null;
  @Column('timestamptz', { nullable: true }) blockedAt!: Date | null;
  @Column('varchar', { nullable: true }) blockedBy!: string | null;
  /** Who created it: the key's name and id (null for releases from before they were kept). */
  @Column('varchar', { nullable: true }) createdBy!: string | null;
  @Column('uuid', { nullable: true }) createdByKeyId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
