import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Approvers, DecisionOutcome, InterventionStatus } from '@gantry/domain';
import { DeploymentEventsPublisher } from '../deployment-events';
import { appendLogWith, liveEvent } from './deployment-runs.repository';

/** A manual intervention of a deployment, as stored. */
export interface InterventionRecord {
  deploymentId: string;
  step: string;
  instructions: string;
  approvers: Approvers;
  preventSelfApproval: boolean;
  timeoutMinutes: number | null;
  status: InterventionStatus;
  requestedAt: Date;
  timeoutAt: Date | null;
  decidedBy: string | null;
  decidedByKeyId: string | null;
  decidedAt: Date | null;
  note: string | null;
}

/** Who decided: an API key, or nobody (the timeout). */
export interface DecidedBy {
  keyId: string;
  name: string;
}

const COLUMNS = `deployment_id AS "deploymentId", step, instructions, approvers,
  prevent_self_approval AS "preventSelfApproval", timeout_minutes AS "timeoutMinutes", status,
  requested_at AS "requestedAt", timeout_at AS "timeoutAt", decided_by AS "decidedBy",
  decided_by_key_id AS "decidedByKeyId", decided_at AS "decidedAt", note`;

/**
 * Ends a suspended process without a runner: the intervention's step gets `status` (and the
 * error), the steps still pending are skipped with `reason`.
 */
export async function closeSteps(
  manager: EntityManager,
  deploymentId: string,
  step: string,
  status: 'failed' | 'cancelled',
  error: string | null,
  reason: string,
): Promise<void> {
  await manager.query(
    `UPDATE deployment_steps SET status = $3, error = $4, finished_at = now()
      WHERE deployment_id = $1 AND slug = $2 AND status IN ('pending', 'running')`,
    [deploymentId, step, status, error],
  );
  await manager.query(
    `UPDATE deployment_steps SET status = 'skipped', reason = $2, finished_at = now()
      WHERE deployment_id = $1 AND status = 'pending'`,
    [deploymentId, reason],
  );
}

/** Manual interventions: what a deployment waits on, and the decisions. */
@Injectable()
export class InterventionsRepository {
  constructor(
    private readonly dataSource: DataSource,
    @Optional()
    @Inject(DeploymentEventsPublisher)
    private readonly events: DeploymentEventsPublisher | null = null,
  ) {}

  async get(deploymentId: string, step: string): Promise<InterventionRecord | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM deployment_interventions WHERE deployment_id = $1 AND step = $2`,
      [deploymentId, step],
    );
    return row ?? null;
  }

  /** The interventions of these deployments, oldest request first. */
  ofDeployments(deploymentIds: string[]): Promise<InterventionRecord[]> {
    if (deploymentIds.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM deployment_interventions WHERE deployment_id = ANY($1::uuid[])
        ORDER BY requested_at, step`,
      [deploymentIds],
    );
  }

  /** The key that started a deployment, if a key did. */
  async startedByKeyId(deploymentId: string): Promise<string | null> {
    const [row] = await this.dataSource.query(
      'SELECT created_by_key_id AS "keyId" FROM deployments WHERE id = $1',
      [deploymentId],
    );
    return row?.keyId ?? null;
  }

  /**
   * Records a decision in one transaction, only while the intervention is pending and its
   * deployment waiting (false otherwise: someone decided or cancelled first). An approval hands
   * the deployment back to the workers: running with no lease, so the next claim (the job queued
   * after this, or the reconciler) continues the process. A rejection finishes it as failed.
   */
  async decide(
    deploymentId: string,
    step: string,
    outcome: DecisionOutcome,
    by: DecidedBy | null,
  ): Promise<boolean> {
    const written = await this.dataSource.transaction(async (manager) => {
      const [decided] = (await manager.query(
        `UPDATE deployment_interventions i SET status = $3, decided_by = $4, decided_by_key_id = $5, note = $6, decided_at = now()
          FROM deployments d
         WHERE i.deployment_id = $1 AND i.step = $2 AND i.status = 'pending'
           AND d.id = i.deployment_id AND d.status = 'waiting'
        RETURNING i.step`,
        [
          deploymentId,
          step,
          outcome.interventionStatus,
          by?.name ?? null,
          by?.keyId ?? null,
          outcome.note,
        ],
      )) as [unknown[], number];
      if (decided.length === 0) return null;
      await manager.query(
        outcome.deploymentStatus === 'running'
          ? `UPDATE deployments SET status = 'running', lease_owner = NULL, lease_expires_at = NULL,
                    hold_reason = NULL, hold_until = NULL WHERE id = $1 AND status = 'waiting'`
          : `UPDATE deployments SET status = 'failed', error = $2, finished_at = now(), lease_owner = NULL,
                    lease_expires_at = NULL, hold_reason = NULL, hold_until = NULL WHERE id = $1 AND status = 'waiting'`,
        outcome.deploymentStatus === 'running' ? [deploymentId] : [deploymentId, outcome.error],
      );
      // A rejection ends the process here: the step failed, the steps not run yet are skipped.
      // (An approval leaves the step running: the next claim's executor completes it.)
      if (outcome.deploymentStatus === 'failed')
        await closeSteps(
          manager,
          deploymentId,
          step,
          'failed',
          outcome.error,
          `step '${step}' failed`,
        );
      return appendLogWith(
        manager,
        deploymentId,
        [
          {
            level: outcome.deploymentStatus === 'running' ? 'info' : 'error',
            source: 'intervention',
            message: `[${step}] ${outcome.logLine}`,
          },
        ],
        null,
      );
    });
    if (!written) return false;
    this.events?.publish(liveEvent(deploymentId, written, outcome.deploymentStatus));
    return true;
  }

  /** Pending interventions whose timeout has passed, on deployments still waiting. */
  due(limit = 100): Promise<InterventionRecord[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM deployment_interventions
        WHERE status = 'pending' AND timeout_at IS NOT NULL AND timeout_at <= now()
          AND EXISTS (SELECT 1 FROM deployments d WHERE d.id = deployment_id AND d.status = 'waiting')
        ORDER BY timeout_at LIMIT $1`,
      [limit],
    );
  }
}
