import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DeploymentStatus, DeploymentStepStatus } from '@gantry/domain';

export interface FreezeOverride {
  reason: string;
  by: string | null;
  freezes: { id: string; name: string }[];
}

@Entity('deployments')
export class DeploymentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'bigint', insert: false, update: false }) seq!: string;
  @Column('uuid') releaseId!: string;
  @Column('uuid') projectId!: string;
  @Column('uuid') environmentId!: string;
  @Column('uuid', { nullable: true }) tenantId!: string | null;
  /** project/environment/tenant: deployments sharing it deploy the same stack, one at a time. */
  @Column() stackKey!: string;
  @Column('varchar') status!: DeploymentStatus;
  @Column() cancelRequested!: boolean;
  @Column() forced!: boolean;
  @Column('text', { nullable: true }) error!: string | null;
  @Column('text', { nullable: true }) errorDetails!: string | null;
  @Column('varchar', { nullable: true }) createdBy!: string | null;
  /** The API key that started it (for `preventSelfApproval`); null for automatic ones after a success. */
  @Column('uuid', { nullable: true }) createdByKeyId!: string | null;
  @Column('varchar', { nullable: true }) leaseOwner!: string | null;
  @Column('timestamptz', { nullable: true }) leaseExpiresAt!: Date | null;
  /** Why a queued deployment waits (a freeze), and until when. */
  @Column('text', { nullable: true }) holdReason!: string | null;
  @Column('timestamptz', { nullable: true }) holdUntil!: Date | null;
  /** An admin deployed through a freeze: who, why, and which freeze. */
  @Column('jsonb', { nullable: true }) freezeOverride!: FreezeOverride | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { nullable: true }) startedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) finishedAt!: Date | null;
}

export interface ResourceChange {
  action: string;
  logicalId: string;
  resourceType: string;
  replacement: string | null;
}

/** One step of a deployment: where the process stands (see DEPLOYMENT_STEP_STATUSES). */
@Entity('deployment_steps')
export class DeploymentStepEntity {
  @Column('uuid', { primary: true }) deploymentId!: string;
  @Column('varchar', { primary: true }) slug!: string;
  @Column('int') position!: number;
  @Column('varchar') kind!: string;
  @Column('varchar') status!: DeploymentStepStatus;
  /** Why a step was skipped (its conditions, or an earlier step's failure). */
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('text', { nullable: true }) error!: string | null;
  /** What a kind records of its own (an approval's decision, a task's ARN). */
  @Column('jsonb', { nullable: true }) details!: Record<string, unknown> | null;
  @Column('timestamptz', { nullable: true }) startedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) finishedAt!: Date | null;
}

/** One step on one target of a deployment: the stack (or task) and its progress. */
@Entity('deployment_targets')
export class DeploymentTargetEntity {
  @Column('uuid', { primary: true }) deploymentId!: string;
  @Column('varchar', { primary: true }) stepSlug!: string;
  @Column('uuid', { primary: true }) targetId!: string;
  @Column() stackName!: string;
  @Column() status!: string;
  @Column('jsonb', { nullable: true }) template!: object | null;
  @Column('varchar', { nullable: true }) templateHash!: string | null;
  @Column('varchar', { nullable: true }) changeSetName!: string | null;
  @Column('varchar', { nullable: true }) changeSetId!: string | null;
  @Column('varchar', { nullable: true }) stackId!: string | null;
  @Column('jsonb', { nullable: true }) changes!: ResourceChange[] | null;
  @Column('jsonb', { nullable: true }) outputs!: Record<string, string> | null;
  @Column('varchar', { nullable: true }) lastEventId!: string | null;
  @Column('timestamptz', { nullable: true }) operationStartedAt!: Date | null;
  @Column('text', { nullable: true }) error!: string | null;
  @Column('text', { nullable: true }) errorDetails!: string | null;
}

@Entity('deployment_log')
export class DeploymentLogEntity {
  @Column('uuid', { primary: true }) deploymentId!: string;
  @Column('int', { primary: true }) seq!: number;
  @Column('timestamptz') at!: Date;
  @Column() level!: string;
  @Column() source!: string;
  @Column('text') message!: string;
}
