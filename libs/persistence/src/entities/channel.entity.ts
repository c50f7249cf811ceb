import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export interface ChannelRuleRecord {
  containers: string[];
  versionRange?: string;
  tagPattern?: string;
}

@Entity('channels')
export class ChannelEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') projectId!: string;
  @Column() slug!: string;
  @Column() name!: string;
  @Column('uuid', { nullable: true }) lifecycleId!: string | null;
  @Column() isDefault!: boolean;
  @Column('jsonb') rules!: ChannelRuleRecord[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
